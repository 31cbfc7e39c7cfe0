// Body cleaning: page furniture is not article text. Raw captures are split into blocks
// (one per line or paragraph) and furniture is moved to `removed`, where later fields can
// still read a source line or a masthead. Markdown keeps its structure; only whole-line
// furniture is removed from it.
import { phrases } from '../lang/phrases.js';
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
 * Splits blocks into article text and furniture. A tail heading ("Đừng bỏ lỡ", "Related
 * Posts") after the article has begun ends the article: all that follows is furniture,
 * except a source line, which is kept aside for the source field.
 */
export function separateClutter(blocks: Block[], isMarkdown: boolean): { kept: Block[]; removed: Removed[] } {
  const p = phrases();
  const kept: Block[] = [];
  const removed: Removed[] = [];
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.text, (counts.get(b.text) ?? 0) + 1);
  const sourceLine = new RegExp(`^(?:${p.sourceLabels})\\s*[:：]`, 'iu');
  let inTail = false;
  let articleWords = 0;
  for (const b of blocks) {
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
    if (p.isClutterLine(b.text) || (!isMarkdown && (MARKER.test(b.text) || DEBRIS.test(b.text)))) {
      removed.push({ ...b, reason: 'clutter' });
      continue;
    }
    if (!isMarkdown && p.relatedPrefix(b.text) && wordCount(b.text) <= 25) {
      removed.push({ ...b, reason: 'clutter' });
      continue;
    }
    // The same short line several times over is a widget ("Folgen Sie uns …"), not text.
    if (!isMarkdown && (counts.get(b.text) ?? 0) >= 3 && wordCount(b.text) <= 20) {
      removed.push({ ...b, reason: 'repeat' });
      continue;
    }
    kept.push(b);
    articleWords += wordCount(b.text);
  }
  return { kept, removed };
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
  const { kept, removed } = separateClutter(blocks, false);
  return { set: { blocks: kept, removed }, diagnostics: [] };
};
