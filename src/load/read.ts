// Reading one article file: bytes → text → front matter + body, keeping line numbers.
import crypto from 'node:crypto';
import type { Diagnostic, RawArticle } from '../model.js';
import { decode } from './decode.js';
import { checkFields } from './fields.js';
import { ARTICLE_EXTENSIONS } from './files.js';
import { splitFrontMatter } from './frontMatter.js';
import { parseYaml } from './yaml.js';

export { decode } from './decode.js';

/** The outcome of reading one file: the article, or nothing when it cannot be built. */
export interface ReadResult {
  article: RawArticle | null;
  diagnostics: Diagnostic[];
}

/** Above this size a file is built, with a warning that it is far longer than an article. */
export const LARGE_FILE_BYTES = 1024 * 1024;

/** "3.2 MB" */
export function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

type Meta = { meta: Record<string, unknown>; origin: Record<string, { file: string; line?: number }> };

/** Metadata from YAML text: the fields with their lines, or the error that stops the file (or sidecar) being used. */
function readMeta(yaml: string, firstLine: number, file: string, field: 'front-matter' | 'sidecar'): { ok: Meta | null; diagnostics: Diagnostic[] } {
  const what = field === 'sidecar' ? 'the corrections' : 'the front matter';
  const after = field === 'sidecar' ? 'the article was built without them' : 'the file was not built';
  const parsed = parseYaml(yaml, firstLine);
  if (!parsed.ok) {
    return { ok: null, diagnostics: [{ file, line: parsed.line, column: parsed.column, field, severity: 'error', message: `YAML cannot read ${what}: ${parsed.reason}. Fix the YAML (quote values that contain ": " or start with a special character); ${after}` }] };
  }
  const diagnostics: Diagnostic[] = parsed.warnings.map((w) => ({ file, line: w.line, column: w.column, field, severity: 'warning', message: `YAML: ${w.reason}; the value was read as plain text` }));
  if (parsed.data === null || parsed.data === undefined) return { ok: { meta: {}, origin: {} }, diagnostics };
  if (typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    diagnostics.push({ file, line: firstLine, field, severity: 'error', message: `${what} must be a mapping of fields (title: …, date: …), not ${Array.isArray(parsed.data) ? 'a list' : 'a single value'}; ${after}` });
    return { ok: null, diagnostics };
  }
  // Built with fromEntries, never by assignment: a key "__proto__" stays a key.
  const entries = Object.entries(parsed.data as Record<string, unknown>);
  return { ok: { meta: Object.fromEntries(entries), origin: Object.fromEntries(entries.map(([key]) => [key, { file, line: parsed.keyLines[key] }])) }, diagnostics };
}

/**
 * Builds a RawArticle from a file's bytes and, optionally, its sidecar's bytes.
 * Never throws on bad content: problems come back as diagnostics.
 */
export function readArticle(file: string, bytes: Uint8Array, sidecar?: { file: string; bytes: Uint8Array }): ReadResult {
  const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
  const format = ARTICLE_EXTENSIONS[ext] ?? 'text';
  const decoded = decode(bytes, file);
  const diagnostics = [...decoded.diagnostics];
  const text = decoded.text;
  if (text === null) return { article: null, diagnostics };
  if (bytes.length > LARGE_FILE_BYTES) {
    diagnostics.push({ file, field: 'file', severity: 'warning', message: `${megabytes(bytes.length)}, far longer than a news article; it was built, but check that it holds one article and not a whole site or several articles` });
  }

  let body = text;
  let bodyLine = 1;
  let meta: Meta = { meta: {}, origin: {} };

  if (format === 'markdown') {
    const split = splitFrontMatter(text);
    if (split.kind === 'unclosed') {
      diagnostics.push({ file, line: 1, field: 'front-matter', severity: 'error', message: `the front matter opened on line 1 is never closed; add a line holding only --- after its last field (a file that starts with --- must have front matter); the file was not built` });
      return { article: null, diagnostics };
    }
    if (split.kind === 'ok') {
      const read = readMeta(split.yaml, split.yamlLine, file, 'front-matter');
      diagnostics.push(...read.diagnostics);
      if (!read.ok) return { article: null, diagnostics };
      meta = read.ok;
      body = split.body;
      bodyLine = split.bodyLine;
    }
  }

  const hash = crypto.createHash('sha256').update(bytes);
  if (sidecar) {
    hash.update(sidecar.bytes);
    const sideText = decode(sidecar.bytes, sidecar.file);
    // An empty sidecar is no corrections, not an error.
    diagnostics.push(...sideText.diagnostics.filter((d) => d.severity !== 'error' || sidecar.bytes.length > 0));
    if (sideText.text !== null) {
      const read = readMeta(sideText.text, 1, sidecar.file, 'sidecar');
      diagnostics.push(...read.diagnostics);
      if (read.ok) meta = { meta: { ...meta.meta, ...read.ok.meta }, origin: { ...meta.origin, ...read.ok.origin } };
    }
  }

  const checked = checkFields(meta.meta, meta.origin, file);
  diagnostics.push(...checked.diagnostics);

  const title = checked.meta.title;
  if (body.trim() === '' && (title === undefined || title === null || !String(title).trim())) {
    diagnostics.push({ file, line: bodyLine, field: 'body', severity: 'error', message: 'no article text and no title; add the text or delete the file' });
    return { article: null, diagnostics };
  }

  return {
    // The fields copied: a string the YAML parser cut from the file's text (a URL, a title)
    // would otherwise keep the whole text in memory as long as the article's fields are kept
    // (94 MiB of captures at 10,000 articles while they were normalised).
    article: { file, format, body, bodyLine, meta: structuredClone(checked.meta), metaOrigin: meta.origin, hash: hash.digest('hex') },
    diagnostics,
  };
}
