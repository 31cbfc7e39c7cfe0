// Author: front matter; a byline ("Von …", "By …", "Par …"); or a signature at the end of
// the text ("Minh Duc (Laut Reuters, AFP)"), with the author's bio blurb after it removed.
import { allLanguages } from '../lang/data.js';
import { escapeRegExp, phrases } from '../lang/phrases.js';
import { findAgencies } from './agencies.js';
import { stampLine } from './date.js';
import { copyrightLines, namedInCopyright, plainMarkdownLine, wordCount } from './body.js';
import { given, type Block, type FieldNormaliser, type Removed } from './draft.js';

/** Lowercase name particles of every language ("van den", "de", "bin"), from `nameParticles`. */
const PARTICLES = [...new Set([...allLanguages().values()].flatMap((d) => d.nameParticles))]
  .filter((w) => /^\p{Ll}+$/u.test(w)).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
/** A personal name: 2–4 capitalised words, allowing up to two particles before each (van den, de, bin). */
const CASED_NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+(?:(?:${PARTICLES})\s+){0,2}\p{Lu}[\p{L}\p{M}'’.-]+){1,3}`;
/** A name in a script without capitals (Arabic, Hebrew): two or three words. */
const CASELESS_NAME = String.raw`\p{Lo}[\p{Lo}\p{M}'’"״׳-]*(?:\s+\p{Lo}[\p{Lo}\p{M}'’"״׳-]*){1,2}`;
const NAME = `(?:${CASED_NAME}|${CASELESS_NAME})`;
/** A name alone on a line, with an optional credit: "Minh Anh (TTXVN)", "Thanh Hà/VOV.VN". */
const SIGNATURE = new RegExp(`^(${CASED_NAME})\\s*(?:\\(([^)]*)\\)|/\\s*([\\p{L}\\p{N}.+ -]{2,30}))?\\s*$`, 'u');
/**
 * A name alone on a line near the headline, in any script, with an optional credit, or the
 * place it was filed from before or after it: "Sergio Llamas | Madrid", "Katarzyna Wróbel,
 * Belém", "الرباط – هشام بنعلي".
 */
/** The name alone (with an optional credit), without a place: a role line is never this. */
const NAME_ONLY = new RegExp(`^(${NAME})\\s*(?:\\(([^)]*)\\)|/\\s*([\\p{L}\\p{N}.+ -]{2,30}))?\\s*$`, 'u');
const PLACE = String.raw`[\p{L}][\p{L}\p{M}. '’-]{1,28}`;
const BARE_NAME = new RegExp(`^(?:${PLACE}\\s+[–—|]\\s+)?(${NAME})\\s*(?:\\(([^)]*)\\)|/\\s*([\\p{L}\\p{N}.+ -]{2,30})|\\s*[|,·–—]\\s*${PLACE})?\\s*$`, 'u');
/** Written in capitals throughout: a masthead or a label, not a byline ("THE DAILY LEDGER"). */
const ALL_CAPS = (s: string) => /\p{Lu}{2}/u.test(s) && !/\p{Ll}/u.test(s);
/** A bio blurb is a quoted line. */
const QUOTED = /^["“„«].*["”“»]$/u;

let bylineRe: RegExp | undefined;
function bylinePattern(): RegExp {
  if (!bylineRe) {
    const words = [...new Set([...allLanguages().values()].flatMap((d) => d.bylines))].sort((a, b) => b.length - a.length);
    // "By Jane Doe and John Roe": the first name is the byline's.
    const ands = [...new Set([...allLanguages().values()].flatMap((d) => d.andWords))].map(escapeRegExp).join('|');
    bylineRe = new RegExp(`^(?:${words.map(escapeRegExp).join('|')})(?:\\s*[:/]\\s*|\\s+)(${NAME})(?:\\s*(?:[,;|/·–—(-]|\\s(?:${ands})\\s).*)?$`, 'u');
  }
  return bylineRe;
}

/** A byline among the first blocks ("Von Anna Schmidt"), or among the last three ("Reporting by Tom Baker; editing by …"). */
export function findByline(blocks: Block[]): { name: string; index: number } | null {
  const re = bylinePattern();
  const last = Array.from({ length: Math.min(3, Math.max(0, blocks.length - 6)) }, (_, k) => blocks.length - 1 - k);
  for (const i of [...Array.from({ length: Math.min(blocks.length, 6) }, (_, k) => k), ...last]) {
    const b = blocks[i]!;
    if (wordCount(b.text) > 24) continue;
    // A strip of fields ("12 серпня 2024, 16:45 | Автор: Олена Гнатюк", "Autor: X, Lublin | 11 marca 2025"):
    // each field may be the byline.
    const fields = [b.text, ...(/\s[|·]\s/u.test(b.text) ? b.text.split(/\s+[|·]\s+/u) : [])];
    for (const f of fields) {
      if (wordCount(f) > 10) continue;
      const m = re.exec(f.trim());
      if (m && (/\p{Lu}/u.test(m[1]!) || isCaselessName(m[1]!))) return { name: m[1]!.trim(), index: i };
    }
  }
  return null;
}

/**
 * A name in a script without capitals after a byline word is told from a noun phrase
 * ("report of the United Nations") only by what it is not: an institution, furniture, or a
 * word with a joined definite article (Arabic ال).
 */
function isCaselessName(name: string): boolean {
  definite ??= [...new Set([...allLanguages().values()].flatMap((d) => d.definitePrefixes))];
  const first = name.split(/\s+/)[0]!;
  return !definite.some((p) => first.startsWith(p)) && isPersonName(name);
}
let definite: string[] | undefined;

/** Words that make a capitalised run an organisation or a section, not a person ("Associated Press" is not, "News" is). */
let orgWords: Set<string> | undefined;
/** Is a capitalised run plausibly a person: no institution word, section label, agency or furniture in it. */
export function isPersonName(name: string): boolean {
  orgWords ??= new Set([...allLanguages().values()].flatMap((d) => [...d.institutionWords, ...d.institutions]).map((w) => w.toLocaleLowerCase()));
  const p = phrases();
  if (p.isSectionLabel(name) || p.isClutterLine(name) || p.furnitureCover(name).share > 0) return false;
  if (findAgencies(name).length) return false;
  return !name.split(/\s+/).some((w) => orgWords!.has(w.toLocaleLowerCase()));
}

/**
 * A bare byline: a name alone on a line (with an optional credit) among the short lines
 * between the headline and the first paragraph of running text, where pages print the
 * author ("Jane Doe", "Minh Anh (TTXVN)"). After one long first line (a standfirst) the
 * name counts only when a date stamp follows it on the next line (`stamps`, by file line),
 * the way pages print "byline, date". A name in capitals throughout is a masthead.
 */
export function findBareByline(blocks: Block[], stamps: ReadonlySet<number> = new Set()): { name: string; index: number } | null {
  for (let i = 0; i < Math.min(blocks.length, 5); i++) {
    const text = blocks[i]!.text;
    if (wordCount(text) > 12) {
      // Running text has begun; only a first line may be a standfirst.
      if (i > 0) return null;
      continue;
    }
    const m = BARE_NAME.exec(text);
    const afterStandfirst = wordCount(blocks[0]!.text) > 12;
    if (afterStandfirst && !stamps.has(blocks[i]!.line + 1)) continue;
    if (m && !ALL_CAPS(m[1]!) && isPersonName(m[1]!)) return { name: m[1]!.trim(), index: i };
  }
  return null;
}

/** The file line where running text begins: the first paragraph after the first (which may be a standfirst). */
function runningTextLine(blocks: readonly Block[]): number {
  return blocks.find((b, i) => i > 0 && wordCount(b.text) >= 25)?.line ?? Infinity;
}

/**
 * A byline inside a strip of page fields that the clutter rules took for furniture, above
 * the article text (before file line `before`): "19 травня 2024, 01:58 | Автор: Богдан
 * Кравець", "Elif Karataş | 19.03.2025 - 09:47 | Güncelleme: …". A field with a byline word
 * counts; so does a name alone when another field of the strip is a date stamp (`isStamp`).
 */
export function findStripByline(removed: readonly Removed[], before: number, isStamp: (text: string) => boolean): { name: string; line: Removed } | null {
  const re = bylinePattern();
  const stampLines = new Set(removed.filter((r) => r.line < before && isStamp(r.text)).map((r) => r.line));
  for (const r of removed) {
    if (r.reason !== 'clutter' || r.line >= before || wordCount(r.text) > 24) continue;
    // A name with its place, taken for a breadcrumb, right under or over the date stamp: "Burak Aydemir / İstanbul".
    const bare = BARE_NAME.exec(r.text);
    if (bare && (stampLines.has(r.line - 1) || stampLines.has(r.line + 1)) && !ALL_CAPS(bare[1]!) && isPersonName(bare[1]!)) return { name: bare[1]!.trim(), line: r };
    const fields = r.text.split(/\s+[|·•]\s+/u).map((f) => f.trim());
    if (fields.length < 2) continue;
    for (const f of fields) {
      const m = wordCount(f) <= 10 ? re.exec(f) : null;
      if (m && (/\p{Lu}/u.test(m[1]!) || isCaselessName(m[1]!))) return { name: m[1]!.trim(), line: r };
    }
    if (!fields.some(isStamp)) continue;
    for (const f of fields) {
      const m = wordCount(f) <= 4 ? NAME_ONLY.exec(f) : null;
      if (m && m[2] === undefined && m[3] === undefined && !ALL_CAPS(m[1]!) && isPersonName(m[1]!) && !isStamp(f)) return { name: m[1]!.trim(), line: r };
    }
  }
  return null;
}

/**
 * A name alone on a line above the headline, among the masthead lines: a byline printed at
 * the top of the page. Only on a page whose copyright notice names the outlet, so that the
 * outlet's name is told apart: a name the notice gives, or one in capitals, is the masthead.
 * Each word of a name in a cased script is written with a capital and then small letters.
 */
export function findTopByline(masthead: Block[], copyright: readonly string[]): Block | null {
  if (!copyright.length) return null;
  for (const b of masthead) {
    const m = BARE_NAME.exec(b.text);
    if (!m || m[2] !== undefined || m[3] !== undefined || wordCount(m[1]!) > 3) continue;
    if (!m[1]!.split(/\s+/).every((w) => /^\p{Lu}\p{Ll}|^\p{Lo}/u.test(w) || /^\p{Ll}+$/u.test(w))) continue;
    if (!isPersonName(m[1]!) || namedInCopyright(m[1]!, copyright)) continue;
    return b;
  }
  return null;
}

/** Is a line a byline: "By Jane Doe", "Von Anna Schmidt, Berlin", or a two- or three-word name alone. */
export function isBylineLine(text: string): boolean {
  if (wordCount(text) > 10) return false;
  if (bylinePattern().test(text)) return true;
  const m = SIGNATURE.exec(text);
  return !!m && wordCount(m[1]!) <= 3 && isPersonName(m[1]!);
}

/**
 * The author's bio box near the end: a line that opens with the author's name and goes on
 * to describe them ("Jane Doe is a reporter covering …").
 */
export function findBio(blocks: Block[], author: string): number | null {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 3); i--) {
    const t = blocks[i]!.text;
    if (t.startsWith(`${author} `) && /^\s*(?:[–—-]\s*)?\p{Ll}/u.test(t.slice(author.length)) && wordCount(t) <= 40) return i;
  }
  return null;
}

/** A signature among the last blocks, optionally followed by a quoted bio. */
export function findSignature(blocks: Block[]): { name: string; credits: string | null; index: number; bioIndex: number | null } | null {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 3); i--) {
    const b = blocks[i]!;
    const m = SIGNATURE.exec(b.text);
    if (!m) continue;
    const after = blocks.slice(i + 1);
    // Only a quoted bio may follow a signature.
    if (after.length > 1 || (after.length === 1 && !QUOTED.test(after[0]!.text))) continue;
    // A line in capitals throughout is a heading ("ALSO READ"), not a signature.
    if (!isPersonName(m[1]!) || ALL_CAPS(m[1]!)) continue;
    return { name: m[1]!.trim(), credits: m[2] ?? m[3] ?? null, index: i, bioIndex: after.length === 1 ? i + 1 : null };
  }
  return null;
}

/**
 * The author's job title on the line under a byline: a few capitalised words with a comma
 * or more than one word, no sentence and no other name ("Diplomatic Correspondent, Brussels").
 */
export function isRoleLine(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < 2 || words.length > 5 || /[.!?:;]$/.test(text) || NAME_ONLY.test(text)) return false;
  return words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Ll}{1,3}$/u.test(w)) && /^\p{Lu}/u.test(text);
}

/** An emphasised line of Markdown, without its marks: "*di Luca Rossi*" → "di Luca Rossi". */
const EMPHASIS = /^([*_]{1,2})(\S.*\S)\1$/u;

export const normaliseAuthor: FieldNormaliser = (draft) => {
  const blocks = draft.blocks ?? [];
  const removed: Removed[] = [...(draft.removed ?? [])];
  const fm = given(draft, 'author');
  let author: string | null = fm === undefined ? null : Array.isArray(fm) ? fm.map(String).join(', ') : String(fm).trim();
  if (draft.raw.format === 'markdown') {
    // A byline just under the title ("*By Jane Doe*", "di Giulia Ferri") is page furniture.
    const re = bylinePattern();
    for (let i = 0; i < Math.min(blocks.length, 3); i++) {
      // As a reader sees it: "Por **Beatriz Albuquerque Toledo**, de Brasília" → "Por Beatriz Albuquerque Toledo, de Brasília".
      const plain = plainMarkdownLine(blocks[i]!.text);
      const inner = EMPHASIS.exec(plain)?.[2] ?? (wordCount(plain) <= 10 ? plain : undefined);
      const m = inner && wordCount(inner) <= 10 ? re.exec(inner) : null;
      if (!m) continue;
      author ??= m[1]!.trim();
      removed.push({ ...blocks[i]!, reason: 'signature' });
      return { set: { author, blocks: blocks.filter((_, k) => k !== i), removed }, diagnostics: [] };
    }
    return { set: { author }, diagnostics: [] };
  }

  const drop = new Set<number>();
  const lang = draft.langData;
  const labelled = new RegExp(`^(?:${phrases().publishedLabels})(?![\\p{L}])`, 'iu');
  const stamps = new Set(removed.filter((r) => r.reason === 'clutter' && (labelled.test(r.text) || (lang && stampLine(r.text, lang)))).map((r) => r.line));
  const byline = findByline(blocks) ?? findBareByline(blocks, stamps);
  const strip = byline ? null : findStripByline(removed, runningTextLine(blocks), (t) => labelled.test(t) || (!!lang && !!stampLine(t, lang)));
  const sig = byline || strip ? null : findSignature(blocks);
  const top = byline || strip || sig ? null : findTopByline(removed.filter((r) => r.reason === 'masthead').sort((a, b) => a.line - b.line), copyrightLines([...removed, ...blocks]));
  if (byline) {
    author ??= byline.name;
    drop.add(byline.index);
    removed.push({ ...blocks[byline.index]!, reason: 'signature' });
    const role = blocks[byline.index + 1];
    if (byline.index < 6 && role && isRoleLine(role.text)) {
      drop.add(byline.index + 1);
      removed.push({ ...role, reason: 'bio' });
    }
  } else if (strip) {
    author ??= strip.name;
    const i = removed.indexOf(strip.line);
    removed[i] = { ...strip.line, reason: 'signature' };
  } else if (sig) {
    author ??= sig.name;
    drop.add(sig.index);
    removed.push({ ...blocks[sig.index]!, reason: 'signature' });
    if (sig.bioIndex !== null) {
      drop.add(sig.bioIndex);
      removed.push({ ...blocks[sig.bioIndex]!, reason: 'bio' });
    }
  } else if (top) {
    author ??= BARE_NAME.exec(top.text)![1]!.trim();
    const i = removed.findIndex((x) => x.line === top.line && x.reason === 'masthead');
    if (i >= 0) removed[i] = { ...removed[i]!, reason: 'signature' };
  }
  // A byline printed below the page's related list or above its comments ("Автор: Никита
  // Орлов", a name alone before "BÌNH LUẬN"): among the furniture after the article.
  if (!author) {
    const tail = removed.filter((r) => r.reason === 'tail');
    const re = bylinePattern();
    const labelledName = tail.map((r) => (wordCount(r.text) <= 10 ? re.exec(r.text) : null)).find((m) => m && (/\p{Lu}/u.test(m[1]!) || isCaselessName(m[1]!)));
    const bare = labelledName ? null : tail.find((r, k) => {
      const m = wordCount(r.text) <= 4 ? BARE_NAME.exec(r.text) : null;
      // A name alone right before the comment widget or the copyright line, not a related headline.
      const next = tail[k + 1]?.text ?? '';
      return !!m && !ALL_CAPS(m[1]!) && isPersonName(m[1]!) && (phrases().isClutterLine(next) || /©|\(c\)|copyright/iu.test(next));
    });
    author = labelledName ? labelledName[1]!.trim() : bare ? BARE_NAME.exec(bare.text)![1]!.trim() : null;
  }
  if (author) {
    const bio = findBio(blocks, author);
    if (bio !== null && !drop.has(bio)) {
      drop.add(bio);
      removed.push({ ...blocks[bio]!, reason: 'bio' });
    }
  }
  return { set: { author, blocks: blocks.filter((_, i) => !drop.has(i)), removed }, diagnostics: [] };
};
