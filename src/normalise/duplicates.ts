// Duplicates: two files holding one article (the same capture saved twice, or a page saved
// again with a changed headline or a line of furniture more). Both stay in the site (an
// archive never drops what was put in it); the later file by path is reported, naming the
// earlier one. Bodies are compared as word sequences: identical, or sharing most of their
// five-word runs ("shingles"). Candidates come from each body's few smallest shingle hashes,
// so the archive is never compared pair by pair.
import type { Article, Diagnostic } from '../model.js';

/** Bodies of fewer words are too short to call two articles one, even when identical. */
export const MIN_WORDS_IDENTICAL = 8;

/** Bodies of fewer words are too short to compare by shingles. */
export const MIN_WORDS_NEAR = 20;

/** Words per shingle. */
const SHINGLE = 5;

/** Share of shingles two bodies must have in common (Jaccard) to be near-identical. */
export const NEAR_DUPLICATE = 0.8;

/** Shingle hashes per body used to find candidates. */
const SKETCH = 8;

/** A hash shared by more bodies than this is furniture common to many pages, not a sign of one article. */
const MAX_BUCKET = 64;

/** FNV-1a, 32 bits. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The words of a body, lowercased. */
function wordsOf(body: string): string[] {
  return body.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The set of hashed five-word runs. */
function shingles(words: string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(hash32(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Reports articles whose body is the same as, or nearly the same as, an earlier file's
 * (by path). `articles` may come in any order; the result does not depend on it.
 */
export function findDuplicates(articles: readonly Pick<Article, 'file' | 'body' | 'url'>[]): Diagnostic[] {
  const items = articles
    .map((a) => ({ a, words: wordsOf(a.body) }))
    .filter((x) => x.words.length >= MIN_WORDS_IDENTICAL)
    .sort((x, y) => (x.a.file < y.a.file ? -1 : x.a.file > y.a.file ? 1 : 0))
    .map((x) => ({ ...x, text: x.words.join(' '), shingles: shingles(x.words) }));
  // Candidates: bodies with the same text, or sharing one of their smallest shingle hashes.
  const buckets = new Map<number, number[]>();
  items.forEach((x, i) => {
    const sketch = x.words.length >= MIN_WORDS_NEAR ? [...x.shingles].sort((p, q) => p - q).slice(0, SKETCH) : [];
    for (const h of [hash32(x.text), ...sketch]) {
      const list = buckets.get(h);
      if (list) list.push(i);
      else buckets.set(h, [i]);
    }
  });
  // For each article, the earliest file it duplicates (the first of its group keeps no report).
  const original = new Map<number, { of: number; share: number }>();
  const checked = new Set<string>();
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > MAX_BUCKET) continue;
    for (let p = 0; p < list.length; p++) {
      for (let q = p + 1; q < list.length; q++) {
        const [i, j] = [list[p]!, list[q]!];
        const key = `${i}:${j}`;
        if (checked.has(key)) continue;
        checked.add(key);
        const identical = items[i]!.text === items[j]!.text;
        if (!identical && Math.min(items[i]!.words.length, items[j]!.words.length) < MIN_WORDS_NEAR) continue;
        const share = identical ? 1 : jaccard(items[i]!.shingles, items[j]!.shingles);
        if (share < NEAR_DUPLICATE) continue;
        const known = original.get(j);
        if (!known || i < known.of) original.set(j, { of: i, share });
      }
    }
  }
  return [...original.entries()].sort((x, y) => x[0] - y[0]).map(([j, { of, share }]) => {
    const first = items[of]!;
    const identical = items[j]!.text === first.text;
    const how = identical ? `the same text as ${first.a.file}` : `nearly the same text as ${first.a.file} (${Math.floor(share * 100)}% of their five-word runs shared)`;
    return {
      file: items[j]!.a.file,
      field: 'duplicate',
      severity: 'warning' as const,
      message: `${how}; both are in the site (${first.a.url} and ${items[j]!.a.url}). If they are one article, delete one file or mark it draft: true`,
    };
  });
}
