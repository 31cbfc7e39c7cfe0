// Title: the headline, never a masthead, a section label or a logo.
import { isBreadcrumb, phrases } from '../lang/phrases.js';
import { findDates } from '../text/dates.js';
import { fold } from '../text/fold.js';
import { firstSentence, truncate } from '../text/sentences.js';
import { copyrightLines, isMenuLine, namedInCopyright, wordCount } from './body.js';
import { findAgencies } from './agencies.js';
import { isBylineLine } from './author.js';
import { stampLine } from './date.js';
import { bodyDiagnostic, given, type Block, type Draft, type FieldNormaliser, type Removed } from './draft.js';

/** Longest title derived from a first sentence. */
export const MAX_DERIVED_TITLE = 140;
/** How many leading blocks may hold the headline. */
const HEAD_WINDOW = 8;

/**
 * A credit line: a short line that ends with a news agency's name after a lowercase
 * joining word ("Le Monde avec AFP", "Staff and Reuters", "Redaktion mit dpa").
 */
export function isCreditLine(text: string): boolean {
  if (wordCount(text) > 6) return false;
  const m = /^(.*\S)\s+\p{Ll}+\s+(\S+(?:\s+\S+)?)$/u.exec(text.trim());
  return !!m && findAgencies(m[2]!).length > 0;
}

/** Lowercase ASCII words of three or more letters in a URL's path (its slug), or an empty set. */
export function slugWords(url: string | null | undefined): Set<string> {
  if (!url) return new Set();
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return new Set();
  }
  return new Set(fold(path).split(/[^a-z]+/).filter((w) => w.length >= 3));
}

/** How many of a line's words appear in the URL slug. */
function slugOverlap(text: string, slug: Set<string>): number {
  return new Set(fold(text).split(/[^a-z]+/).filter((w) => w.length >= 3 && slug.has(w))).size;
}

/** Ends like a sentence of running text, not a headline. */
function endsLikeSentence(text: string): boolean {
  return /[.;,:]["”»’]?$/.test(text) && !/\.\.\.$|…$/.test(text);
}

/** Is a block shaped like a headline: a line of 4–40 words, not a sentence of running text. */
export function looksLikeHeadline(block: Block, next: Block | undefined): boolean {
  const words = wordCount(block.text);
  if (words < 3 || words > 40) return false;
  if (endsLikeSentence(block.text)) return false;
  if (phrases().isSectionLabel(block.text)) return false;
  if (/\|/.test(block.text)) return false; // navigation: "Đăng ký | Đăng nhập"
  if (isBreadcrumb(block.text) || isMenuLine(block.text) || isCreditLine(block.text)) return false;
  if (words === 3 && !(next && wordCount(next.text) > words * 2)) return false;
  return true;
}

/**
 * Finds the headline among the first blocks of a raw capture, before the first paragraph
 * of running text. When the capture names the page's URL, the headline-shaped line sharing
 * most words (at least three) with its slug wins; then a line that appears again later in
 * the page (captures repeat the headline); then the line just above a date stamp or byline
 * (`anchors`, by file line; `furniture`: lines removed as page furniture); otherwise the
 * first headline-shaped line. Short lines before it are the masthead. Lines in `excluded`
 * (by file line: date stamps, the outlet's name) are never the headline.
 */
export function findHeadline(blocks: Block[], url?: string | null, anchors: ReadonlySet<number> = new Set(), furniture: readonly number[] = [], excluded: ReadonlySet<number> = new Set()): { index: number } | null {
  const head = blocks.slice(0, HEAD_WINDOW);
  const candidate = (b: Block, next: Block | undefined) => !excluded.has(b.line) && looksLikeHeadline(b, next);
  // Only lines before the first paragraph of running text can be the headline.
  const end = head.findIndex((b) => wordCount(b.text) > 12 && !looksLikeHeadline(b, undefined));
  const window = end >= 0 ? head.slice(0, end) : head;
  const slug = slugWords(url);
  if (slug.size) {
    let best = -1;
    let bestScore = 2;
    window.forEach((b, i) => {
      const score = slugOverlap(b.text, slug);
      if (score > bestScore && candidate(b, head[i + 1])) { best = i; bestScore = score; }
    });
    if (best >= 0) return { index: best };
  }
  const seen = new Map<string, number>();
  blocks.forEach((b) => seen.set(b.text, (seen.get(b.text) ?? 0) + 1));
  const repeated = head.findIndex((b, i) => (seen.get(b.text) ?? 0) > 1 && candidate(b, head[i + 1]));
  if (repeated >= 0) return { index: repeated };
  // The headline stands just above the byline or the date stamp (a subtitle may come
  // between): the first of the headline-shaped lines directly above the first anchor
  // that has any. Lines are adjacent when no furniture stood between them in the page.
  const between = (a: number, b: number) => furniture.some((l) => l > a && l < b);
  for (const anchor of [...anchors].filter((l) => end < 0 || l < head[end]!.line).sort((a, b) => a - b)) {
    let top = -1;
    for (let i = window.length - 1; i >= 0; i--) {
      const b = window[i]!;
      if (b.line >= anchor) continue;
      if (anchors.has(b.line) || !candidate(b, head[i + 1]) || between(b.line, window[top]?.line ?? anchor)) break;
      top = i;
    }
    if (top >= 0) return { index: top };
  }
  // A tagline printed under the masthead, with page controls on the very next line ("PARIS
  // MATINAL / Le quotidien du Grand Paris / Se connecter | S'abonner"), belongs to the masthead.
  const tagline = (i: number) => i > 0 && head[i - 1]!.line === head[i]!.line - 1 && wordCount(head[i - 1]!.text) <= 5
    && furniture.includes(head[i]!.line + 1) && head.slice(i + 1).some((b, k) => candidate(b, head[i + 2 + k]));
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (candidate(b, head[i + 1]) && !tagline(i)) return { index: i };
    // Running text before any headline: the capture has no headline.
    if (wordCount(b.text) > 12) return null;
  }
  return null;
}

/** The page's URL, when the capture names it (front matter, or a source line such as "Quelle: https://…"). */
function pageUrl(draft: Readonly<Draft>): string | null {
  const given = [draft.raw.meta.url, draft.raw.meta.source].find((v): v is string => typeof v === 'string' && /^https?:\/\//.test(v));
  if (given) return given;
  const line = (draft.removed ?? []).find((r) => r.reason === 'source-line' && /https?:\/\//.test(r.text));
  return line ? /https?:\/\/\S+/.exec(line.text)![0] : null;
}

/**
 * Lines that follow a headline: a date stamp (also one already taken out as furniture)
 * or a byline ("By Jane Doe", or a two- or three-word name alone on its line).
 */
function anchorLines(draft: Readonly<Draft>): Set<number> {
  const lines = new Set<number>();
  const lang = draft.langData;
  const labelled = new RegExp(`^(?:${phrases().publishedLabels})(?![\\p{L}])`, 'iu');
  const stamps = (draft.removed ?? []).filter((r) => r.reason === 'clutter');
  for (const b of [...stamps, ...(draft.blocks ?? [])]) {
    if (lang && (stampLine(b.text, lang) || (labelled.test(b.text) && findDates(b.text, lang).some((d) => d.year !== null)))) lines.add(b.line);
    else if (draft.blocks?.includes(b) && isBylineLine(b.text)) lines.add(b.line);
  }
  return lines;
}

export const normaliseTitle: FieldNormaliser = (draft) => {
  const blocks = draft.blocks ?? [];
  const removed: Removed[] = [...(draft.removed ?? [])];
  const fm = given(draft, 'title');
  let title: string | undefined;
  let origin: 'front-matter' | 'headline' | 'first-sentence' | 'file-name' = 'front-matter';
  let rest = blocks;

  if (fm !== undefined && String(fm).trim()) {
    title = String(fm).replace(/\s+/g, ' ').trim();
  }
  if (draft.raw.format === 'markdown') {
    // A leading "# Heading" is the title when none is given, and is not repeated in the body.
    const h1 = blocks.findIndex((b) => /^#\s+\S/.test(b.text));
    if (h1 >= 0 && h1 < 3) {
      const text = blocks[h1]!.text.replace(/^#\s+/, '').replace(/\s+#+$/, '').trim();
      if (!title) { title = text; origin = 'headline'; }
      if (text === title) {
        removed.push({ ...blocks[h1]!, reason: 'title' });
        rest = blocks.filter((_, i) => i !== h1);
      }
    }
  } else {
    const anchors = anchorLines(draft);
    // Never the headline: a date stamp, or the outlet's name as the copyright notice gives it.
    const copyright = copyrightLines([...removed, ...blocks]);
    const lang = draft.langData;
    const excluded = new Set(blocks.filter((b) => (lang && stampLine(b.text, lang)) || namedInCopyright(b.text, copyright)).map((b) => b.line));
    const found = findHeadline(blocks, pageUrl(draft), anchors, removed.map((r) => r.line).filter((l) => !anchors.has(l)), excluded);
    const headIndex = found?.index ?? -1;
    const headline = found ? blocks[headIndex]!.text : undefined;
    if (!title && headline) { title = headline; origin = 'headline'; }
    // Everything before the headline is masthead; every copy of the headline goes, and so
    // does a date stamp just below it (the date field reads it among the removed lines).
    rest = blocks.filter((b, i) => {
      if (i < headIndex) { removed.push({ ...b, reason: 'masthead' }); return false; }
      if (i > headIndex && i <= headIndex + 3 && anchors.has(b.line) && lang && stampLine(b.text, lang)) { removed.push({ ...b, reason: 'clutter' }); return false; }
      if (headline && b.text === headline) { removed.push({ ...b, reason: i === headIndex ? 'title' : 'repeat' }); return false; }
      if (title && b.text === title) { removed.push({ ...b, reason: 'repeat' }); return false; }
      return true;
    });
  }
  const diagnostics = [];
  if (!title) {
    const first = rest.find((b) => !/^[#>*-]/.test(b.text));
    if (first) {
      title = truncate(firstSentence(first.text.replace(/^[\p{Lu}\p{N}][\p{L}\p{N}.]*\s+[-–—]\s+/u, '')), MAX_DERIVED_TITLE);
      origin = 'first-sentence';
      diagnostics.push(bodyDiagnostic(draft, 'title', 'notice', `no headline in the capture; the title is the first sentence. Give a title in ${draft.raw.file}.meta.yml if it reads badly`, first.line, 'title-derived'));
    } else {
      title = draft.raw.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
      origin = 'file-name';
      diagnostics.push(bodyDiagnostic(draft, 'title', 'warning', 'no title and no text to take one from; the file name is used. Add a title'));
    }
  }
  return { set: { title, titleOrigin: origin, blocks: rest, removed }, diagnostics };
};
