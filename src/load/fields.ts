// The front-matter fields the normaliser reads, checked for their type in one place. A value
// of the wrong type (`people: 42`, `title: [a, b]`) is dropped with a warning that names the
// file, the line and what to write, and the field is derived as if it had not been given;
// the article is still built. Values of the right type are checked by their field's
// normaliser (a date it cannot read, a language code it does not know).
import type { Diagnostic } from '../model.js';

type Kind = 'text' | 'date' | 'list' | 'source' | 'url' | 'author' | 'flag' | 'story';

/** One known field: the type it takes, what happens when it is wrong, and an example. */
interface FieldSpec {
  kind: Kind;
  /** What is done instead, when the value is dropped. */
  instead: string;
  /** A correct line to write. */
  example: string;
}

const text = (instead: string, example: string): FieldSpec => ({ kind: 'text', instead, example });
const list = (instead: string, example: string): FieldSpec => ({ kind: 'list', instead, example });

/** Every field the normaliser reads, with its type. Other fields are passed to templates as they are. */
export const FIELD_SPECS: Record<string, FieldSpec> = {
  title: text('the title is taken from the text', 'title: "The headline"'),
  date: { kind: 'date', instead: 'the date is looked for in the text', example: 'date: 2024-07-12' },
  lang: text('the language is detected from the text', 'lang: de'),
  language: text('the language is detected from the text', 'language: de'),
  source: { kind: 'source', instead: 'the source is looked for in the text', example: 'source: { name: Der Spiegel, url: "https://www.spiegel.de/…" }' },
  url: { kind: 'url', instead: 'it is ignored', example: 'url: "https://www.example.org/the-article"' },
  author: { kind: 'author', instead: 'the author is looked for in the text', example: 'author: Anna Schmidt' },
  people: list('the people are found in the text', 'people: [Anna Schmidt, Lloyd Austin]'),
  topics: list('the topics are found in the text', 'topics: [NATO, Ukraine]'),
  tags: list('the topics are found in the text', 'tags: [NATO, Ukraine]'),
  agencies: list('the agencies are found in the text', 'agencies: [Reuters, AFP]'),
  slug: text('the slug is made from the title', 'slug: some-words'),
  summary: text('the summary is taken from the text', 'summary: "One or two sentences."'),
  description: text('the summary is taken from the text', 'description: "One or two sentences."'),
  draft: { kind: 'flag', instead: 'the article is published', example: 'draft: true' },
  story: { kind: 'story', instead: 'it is ignored', example: 'story: austin-belousov-call' },
};

const isScalarText = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const isPlainMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** What kind of YAML value this is, in words ("a list", "a number (42)"). */
export function describeValue(v: unknown): string {
  if (Array.isArray(v)) {
    const odd = v.find((x) => !isScalarText(x));
    return odd === undefined ? 'a list' : `a list holding ${describeValue(odd)}`;
  }
  if (v instanceof Uint8Array) return 'binary data';
  if (v instanceof Map || v instanceof Set) return 'a YAML collection';
  if (typeof v === 'object' && v !== null) return 'a mapping (key: value)';
  if (typeof v === 'number') return `a number (${v})`;
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return String(v);
}

/** What the value should have been, in words, or null when it is right. */
function wrongType(kind: Kind, v: unknown): string | null {
  switch (kind) {
    case 'text': return isScalarText(v) ? null : 'text';
    case 'date': return isScalarText(v) ? null : 'a date (YYYY-MM-DD, YYYY-MM or YYYY)';
    case 'list': return typeof v === 'string' || (Array.isArray(v) && v.every(isScalarText)) ? null : 'a list of names';
    case 'author': return isScalarText(v) || (Array.isArray(v) && v.every(isScalarText)) ? null : 'a name or a list of names';
    case 'source':
      return typeof v === 'string' || (isPlainMapping(v) && Object.values(v).every((x) => x === null || isScalarText(x))) ? null : 'a web address, an outlet name, or {name, url}';
    case 'url': return typeof v === 'string' && /^https?:\/\/\S+$/.test(v.trim()) ? null : 'the web address of the original (http:// or https://)';
    case 'flag': return typeof v === 'boolean' || v === 'true' || v === 'false' ? null : 'true or false';
    case 'story': return isScalarText(v) || v === false ? null : 'a short key shared by the versions of one story';
  }
}

/**
 * Checks the known fields of an article's merged metadata. Returns the metadata without the
 * values of the wrong type, and a warning for each, at the line that set it.
 */
export function checkFields(meta: Record<string, unknown>, origin: Record<string, { file: string; line?: number }>, file: string): { meta: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out: Record<string, unknown> = { ...meta };
  for (const [key, value] of Object.entries(meta)) {
    const spec = FIELD_SPECS[key];
    // An empty value is no value: the field is derived (see `given` in src/normalise/draft.ts).
    if (!spec || value === null || value === undefined || value === '') continue;
    const expected = wrongType(spec.kind, value);
    if (!expected) continue;
    delete out[key];
    diagnostics.push({
      file: origin[key]?.file ?? file,
      line: origin[key]?.line,
      field: key,
      severity: 'warning',
      message: `must be ${expected}, not ${describeValue(value)}; ${spec.instead}. Write ${spec.example}`,
    });
  }
  return { meta: out, diagnostics };
}
