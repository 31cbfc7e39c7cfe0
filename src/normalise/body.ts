// Body cleaning: page furniture is not article text. Raw captures are split into blocks
// (one per line or paragraph) and furniture is moved to `removed`, where later fields can
// still read a source line or a masthead. Markdown keeps its structure; only whole-line
// furniture is removed from it.
import { isBreadcrumb, phrases } from '../lang/phrases.js';
import { fold } from '../text/fold.js';
import { findAgencies } from './agencies.js';
import type { Block, FieldNormaliser, Removed } from './draft.js';

/** Splits a body into non-empty lines with their file line numbers. */
export function toBlocks(body: string, firstLine: number): Block[] {
  const blocks: Block[] = [];
  body.split('\n').forEach((text, i) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) blocks.push({ text: t, line: firstLine + i });
  });
  return blocks;
}

/** Words in a line. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Bracketed ad or widget markers such as "[Anzeige_2]" or "[ad]". */
const MARKER = /^\[[\p{L}_ -]{1,30}\d*\]$/u;
/** A line holding nothing but punctuation, symbols or a lone letter ("x", "•", "|"). */
const DEBRIS = /^(?:[\p{P}\p{S}\s]*|[\p{P}\p{S}\s]*\p{L}[\p{P}\p{S}\s]*)$/u;

/**
 * Is a raw line (whitespace as captured) a row of page controls: two or more short cells
 * set apart by runs of spaces or tabs ("News   Sport   Opinion", "Teilen   Drucken",
 * "Listen to this article  4 min"). Captures of menus and button bars keep that spacing;
 * running text does not, and its cells would be long.
 */
export function isNavRow(rawLine: string): boolean {
  const cells = rawLine.trim().split(/\s{2,}|\t+/).filter((c) => c.trim());
  if (cells.length < 2) return false;
  const words = cells.map(wordCount);
  // A row of figures ("Labour   412   +211") is a table, not controls.
  if (cells.filter((c) => !/\p{L}/u.test(c)).length > 1) return false;
  return words.every((n) => n <= 5) && words.reduce((a, b) => a + b, 0) <= 16;
}

/**
 * A menu written on one line: at least half of its words, and at least three, are section
 * labels or furniture ("News Sport Business Opinion World"), and none of the rest is a
 * lowercase word, which would make it a phrase ("News from Europe and Asia").
 */
export function isMenuLine(text: string): boolean {
  const words = wordCount(text);
  if (words < 3) return false;
  const { share, uncovered } = phrases().furnitureCover(text);
  return share >= 0.5 && words - uncovered.length >= 3 && !uncovered.some((w) => /^\p{Ll}/u.test(w));
}

/** A short copyright line ("Riproduzione riservata ©", "© 2024 Example Media"). */
function isCopyrightLine(text: string): boolean {
  return /©|\(c\)\s*\d{4}/iu.test(text) && wordCount(text) <= 10;
}

/**
 * A consent banner: a line that mentions cookies and ends in a row of buttons after a bar
 * ("… des cookies. OK | En savoir plus"). The word is the same in most languages.
 */
function isCookieBanner(text: string): boolean {
  return /cookie/iu.test(text) && /\|/.test(text) && wordCount(text) <= 45;
}

/** Lines of a page that state its copyright ("© 2024 The Example Ledger Ltd."). */
export function copyrightLines(blocks: readonly Block[]): string[] {
  return blocks.filter((b) => /©|\(c\)\s*\d{4}/iu.test(b.text) && wordCount(b.text) <= 20).map((b) => b.text);
}

/** Folded letters and digits of a word, for comparing spellings. */
const wordKey = (w: string) => fold(w).replace(/[^a-z0-9]+/g, '');

/**
 * Is a short line named again in the page's copyright notice: then it is the outlet's name
 * (a masthead), whatever its case ("THE EXAMPLE LEDGER" … "© 2024 The Example Ledger Ltd.").
 * Returns the name as the notice spells it, or null.
 */
export function namedInCopyright(text: string, copyright: readonly string[]): string | null {
  const key = text.split(/\s+/).map(wordKey).filter(Boolean);
  if (key.join('').length < 4 || key.length > 5) return null;
  for (const line of copyright) {
    // A name in quotes may carry a joined preposition in front (Hebrew ל"…").
    const words = line.split(/\s+/).map((w) => w.replace(/^\p{L}{1,2}["״“](?=\p{L})/u, '')).filter((w) => wordKey(w));
    for (let i = 0; i + key.length <= words.length; i++) {
      if (key.every((k, j) => wordKey(words[i + j]!) === k)) {
        return words.slice(i, i + key.length).join(' ').replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
      }
    }
  }
  return null;
}

const creditPatterns = new Map<string, { caption: RegExp; trailing: RegExp }>();
/** The caption and trailing-credit patterns for a set of credit labels, compiled once. */
function creditPatternsFor(credits: string): { caption: RegExp; trailing: RegExp } {
  let p = creditPatterns.get(credits);
  if (!p) {
    p = {
      caption: new RegExp(`^\\[?(?:${credits})\\s*:`, 'iu'),
      trailing: new RegExp(`(?<=[.!?]["”»]?)\\s+((?:©\\s*)?(?:${credits})(?:\\s*:\\s*|\\s+))([^.!?]{2,80})$`, 'u'),
    };
    creditPatterns.set(credits, p);
  }
  return p;
}

/**
 * The parts of a credit ("Ansa/Ettore Ferrari") that are not a photographer, joined again by
 * "/", or null when no part names a person. A person: two capitalised words, no agency.
 */
function withoutPersons(credit: string): string | null {
  const isPerson = (part: string) => findAgencies(part).length === 0 && /^\p{Lu}[\p{L}.'’-]*\s+\p{Lu}[\p{L}'’-]+$/u.test(part.trim());
  const parts = credit.split('/');
  const left = parts.filter((part) => !isPerson(part));
  return left.length === parts.length ? null : left.map((x) => x.trim()).join('/');
}

/**
 * A photo caption keeps its text but loses a credit that names the photographer: "… outside
 * No 10. Photograph: Jane Roe/Agency" → "… outside No 10.". A credit to a news agency alone
 * ("Foto: dpa") stays, since it credits the agency.
 */
export function withoutPhotographer(b: Block, credits: string): Block {
  if (wordCount(b.text) > 40) return b;
  const { caption, trailing } = creditPatternsFor(credits);
  // A caption line ("[Foto: … (Keystone/Peter Klaunzer)]", "Foto: … Cuartoscuro / Graciela López"): its
  // trailing credit of agency and photographer, in brackets or after the caption's last sentence.
  if (caption.test(b.text)) {
    const c = /(?:\(([^()]{2,80})\)|(?<=[.!?])\s+([^.!?()\]]{2,80}))\]?\s*$/u.exec(b.text);
    const credit = c?.[1] ?? c?.[2];
    const kept = c && credit && credit.includes('/') ? withoutPersons(credit) : null;
    if (c && kept !== null) {
      const rest = b.text.slice(0, c.index).trimEnd();
      const close = b.text.trimEnd().endsWith(']') ? ']' : '';
      return { ...b, text: kept ? `${rest} ${c[1] !== undefined ? `(${kept})` : kept}${close}` : `${rest}${close}` };
    }
  }
  const m = trailing.exec(b.text);
  const kept = m ? withoutPersons(m[2]!) : null;
  if (!m || kept === null) return b;
  const before = b.text.slice(0, m.index).trim();
  return { ...b, text: kept ? `${before} ${m[1]!.trim()} ${kept}` : before };
}

/**
 * A Markdown line as a reader sees it: no heading, quote or list marker, no emphasis around
 * it, links as their text ("**Leggi anche**" → "Leggi anche", "- [Title](url)" → "Title").
 */
export function plainMarkdownLine(text: string): string {
  let t = text.replace(/^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/, '');
  t = t.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(/^(\*\*|__|\*|_)(.+)\1$/u, '$2').trim();
  }
  return t.replace(/(\*\*|__)(.+?)\1/gu, '$2').replace(/(?<![\p{L}\p{N}*_])([*_])([^*_]+)\1(?![\p{L}\p{N}*_])/gu, '$2');
}

/**
 * A strip of page controls: three or more short items set apart by "|", "·" or "•", the
 * first perhaps after a label ("Share this article: Facebook | X | Email", "Condividi:
 * WhatsApp · Facebook · X"). No item is a sentence.
 */
export function isControlStrip(text: string): boolean {
  const items = text.split(/\s+[·|•]\s+/);
  if (items.length < 3 || wordCount(text) > 14) return false;
  return items.every((i, n) => wordCount(n === 0 ? i.replace(/^[^:]{1,30}:\s*/, '') : i) <= 3 && !/[.!?]$/.test(i.trim()));
}

/** The Unix epoch, which a broken page clock prints as its date ("01.01.1970, 01:00"). */
const EPOCH = /(?<!\d)(?:0?1[./-]0?1[./-]1970|1970-01-01)(?!\d)/;

/**
 * Splits blocks into article text and furniture. A tail heading ("Đừng bỏ lỡ", "Related
 * Posts") after the article has begun ends the article: all that follows is furniture,
 * except a source line, which is kept aside for the source field.
 */
export function separateClutter(blocks: Block[], isMarkdown: boolean, navRows: ReadonlySet<number> = new Set()): { kept: Block[]; removed: Removed[] } {
  const p = phrases();
  const kept: Block[] = [];
  const removed: Removed[] = [];
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.text, (counts.get(b.text) ?? 0) + 1);
  const sourceLine = new RegExp(`^(?:${p.sourceLabels})\\s*[:：]`, 'iu');
  // "Stand: …", "Publié le 13 …", "Updated 7/12/2024 …": a label, then a colon or (after at most two short words) a number.
  const stampLine = new RegExp(`^(?:${p.publishedLabels})(?![\\p{L}])\\s*(?:[:：]|(?:\\p{L}{1,3}\\s+){0,2}\\d)`, 'iu');
  // Page furniture recognised by its shape, in any language: control rows, breadcrumb
  // trails, one-line menus, copyright lines, and a publication stamp (the date field still
  // reads it among the removed lines; an epoch stamp is a broken clock, not a date).
  const stampStart = new RegExp(`^(?:${p.publishedLabels})(?![\\p{L}])\\s*[:：]?\\s*(?:\\p{L}{1,3}\\s+)?\\d`, 'iu');
  // A strip of short items set apart by "·", "|" or "•", one of them a stamp: "Desk · Madrid · Updated 12 Jul · 18:40".
  const isStampStrip = (text: string) => {
    const items = text.split(/\s+[·|•]\s+/);
    return items.length >= 2 && items.every((i) => wordCount(i) <= 5) && items.some((i) => stampStart.test(i));
  };
  const isFurnitureShape = (b: Block) => !p.isBylineStart(b.text) && (isStampStrip(b.text) ||
    navRows.has(b.line) || isBreadcrumb(b.text) || isMenuLine(b.text) || isCopyrightLine(b.text) || isCookieBanner(b.text)
    || (stampLine.test(b.text) && wordCount(b.text) <= 16) || (EPOCH.test(b.text) && wordCount(b.text) <= 6));
  let inTail = false;
  let articleWords = 0;
  for (const block of blocks) {
    // Markdown is tested as a reader sees it; a raw capture as it is.
    const b = isMarkdown ? { ...block, text: plainMarkdownLine(block.text) } : block;
    if (inTail) {
      removed.push({ ...b, reason: sourceLine.test(b.text) ? 'source-line' : 'tail' });
      continue;
    }
    if (articleWords >= 40 && p.isTailHeading(b.text)) {
      inTail = true;
      removed.push({ ...b, reason: 'tail' });
      continue;
    }
    if (!isMarkdown && sourceLine.test(b.text) && wordCount(b.text) <= 12) {
      removed.push({ ...b, reason: 'source-line' });
      continue;
    }
    if (p.isClutterLine(b.text) || isControlStrip(b.text) || (!isMarkdown && (MARKER.test(b.text) || DEBRIS.test(b.text) || isFurnitureShape(b)))) {
      removed.push({ ...b, reason: 'clutter' });
      continue;
    }
    if (p.relatedPrefix(b.text) && wordCount(b.text) <= 25) {
      removed.push({ ...b, reason: 'clutter' });
      continue;
    }
    // The same short line several times over is a widget ("Folgen Sie uns …"), not text.
    if (!isMarkdown && (counts.get(b.text) ?? 0) >= 3 && wordCount(b.text) <= 20) {
      removed.push({ ...b, reason: 'repeat' });
      continue;
    }
    // A Markdown block keeps its syntax for the title and author rules, unless a
    // photographer's credit comes off its caption.
    if (isMarkdown) {
      const bare = withoutPhotographer(b, p.photoCredits);
      kept.push(bare.text === b.text ? block : bare);
    } else kept.push(withoutPhotographer(b, p.photoCredits));
    articleWords += wordCount(b.text);
  }
  if (!isMarkdown) trailingHeadlines(kept, removed);
  return { kept, removed };
}

/**
 * A list of other stories at the end of a page without a heading: three or more short,
 * headline-shaped lines (4–14 words, no final full stop, not a byline) after the article.
 * They are moved to `removed` as tail.
 */
export function trailingHeadlines(kept: Block[], removed: Removed[]): void {
  const p = phrases();
  let start = kept.length;
  while (start > 0) {
    const t = kept[start - 1]!.text;
    const n = wordCount(t);
    if (n < 4 || n > 14 || /[.!?;:,…]$/.test(t) || p.isBylineStart(t)) break;
    start--;
  }
  const before = kept.slice(0, start).reduce((a, b) => a + wordCount(b.text), 0);
  if (kept.length - start < 3 || before < 100) return;
  for (const b of kept.splice(start)) removed.push({ ...b, reason: 'tail' });
}

export const cleanBody: FieldNormaliser = (draft) => {
  const isMarkdown = draft.raw.format === 'markdown';
  const blocks = toBlocks(draft.raw.body, draft.raw.bodyLine);
  if (isMarkdown) {
    // Markdown is authored: keep every line, including blank-line structure, in `body`
    // later; here only furniture lines are noted for removal.
    const { removed } = separateClutter(blocks, true);
    return { set: { blocks: blocks.filter((b) => !removed.some((r) => r.line === b.line)), removed }, diagnostics: [] };
  }
  const navRows = new Set<number>();
  draft.raw.body.split('\n').forEach((line, i) => { if (isNavRow(line)) navRows.add(draft.raw.bodyLine + i); });
  const { kept, removed } = separateClutter(blocks, false, navRows);
  return { set: { blocks: kept, removed }, diagnostics: [] };
};
