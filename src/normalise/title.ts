// Title: the headline, never a masthead, a section label or a logo.
import { phrases } from '../lang/phrases.js';
import { firstSentence, truncate } from '../text/sentences.js';
import { wordCount } from './body.js';
import { bodyDiagnostic, given, type Block, type FieldNormaliser, type Removed } from './draft.js';

/** Longest title derived from a first sentence. */
export const MAX_DERIVED_TITLE = 140;
/** How many leading blocks may hold the headline. */
const HEAD_WINDOW = 6;

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
  if (words === 3 && !(next && wordCount(next.text) > words * 2)) return false;
  return true;
}

/**
 * Finds the headline among the first blocks of a raw capture. A line that appears again
 * later in the page is a strong sign (captures repeat the headline); otherwise the first
 * headline-shaped line followed by running text. Short lines before it are the masthead.
 */
export function findHeadline(blocks: Block[]): { index: number } | null {
  const head = blocks.slice(0, HEAD_WINDOW);
  const seen = new Map<string, number>();
  blocks.forEach((b) => seen.set(b.text, (seen.get(b.text) ?? 0) + 1));
  const repeated = head.findIndex((b, i) => (seen.get(b.text) ?? 0) > 1 && looksLikeHeadline(b, head[i + 1]));
  if (repeated >= 0) return { index: repeated };
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (looksLikeHeadline(b, head[i + 1])) return { index: i };
    // Running text before any headline: the capture has no headline.
    if (wordCount(b.text) > 12) return null;
  }
  return null;
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
    const found = findHeadline(blocks);
    const headIndex = found?.index ?? -1;
    const headline = found ? blocks[headIndex]!.text : undefined;
    if (!title && headline) { title = headline; origin = 'headline'; }
    // Everything before the headline is masthead; every copy of the headline goes.
    rest = blocks.filter((b, i) => {
      if (i < headIndex) { removed.push({ ...b, reason: 'masthead' }); return false; }
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
