// Duplicates: two files holding one article (the same capture saved twice, or a page saved
// again with a changed headline or a line of furniture more). Both stay in the site (an
// archive never drops what was put in it); the later file by path is reported, naming the
// earlier one. Bodies are compared as word sequences: identical, or sharing most of their
// five-word runs ("shingles"). Candidates come from each body's few smallest shingle hashes,
// so the archive is never compared pair by pair.
import { hashOf } from '../cache/cache.js';
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

/**
 * Smallest shingle hashes kept per body to estimate how much two bodies share (bottom-k
 * MinHash) before comparing them in full: a candidate pair whose estimate is below
 * ESTIMATE_FLOOR is not read. For a pair sharing 80% of its shingles, the chance that 32
 * hashes estimate under 50% is about 1 in 10,000.
 */
const ESTIMATE = 32;
const ESTIMATE_FLOOR = 0.5;

/** Bottom-k estimate of the Jaccard similarity of two sets from their k smallest hashes (both sorted), or null when either has fewer than k. */
function estimate(a: readonly number[], b: readonly number[]): number | null {
  if (a.length < ESTIMATE || b.length < ESTIMATE) return null;
  let i = 0;
  let j = 0;
  let both = 0;
  for (let taken = 0; taken < ESTIMATE; taken++) {
    if (a[i]! === b[j]!) { both++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  return both / ESTIMATE;
}

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

/** Mixes the bits of a 32-bit hash (MurmurHash3's finaliser), so that the smallest values are a fair sample. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The set of hashed five-word runs: each word is hashed once, and a run's hash combines its words' hashes. */
function shingles(words: string[]): Set<number> {
  const out = new Set<number>();
  const wordHashes = words.map(hash32);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ wordHashes[i + j]!, 0x01000193);
    out.add(fmix32(h));
  }
  return out;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * What duplicate detection needs of a body, small enough to cache with the article (so that
 * an incremental build does not read every body again): its word count, a hash of its words,
 * and its smallest shingle hashes (ESTIMATE of them, sorted).
 */
export interface DupSketch {
  words: number;
  text: string;
  sketch: number[];
}

/** The sketch of a body (see DupSketch). */
export function sketchOf(body: string): DupSketch {
  const words = wordsOf(body);
  const sketch = words.length >= MIN_WORDS_NEAR ? [...shingles(words)].sort((p, q) => p - q).slice(0, ESTIMATE) : [];
  return { words: words.length, text: hashOf(words.join(' ')).slice(0, 32), sketch };
}

/** True when a cached value is a sketch. */
export function isSketch(v: unknown): v is DupSketch {
  const o = v as DupSketch;
  return typeof o === 'object' && o !== null && typeof o.words === 'number' && typeof o.text === 'string' && Array.isArray(o.sketch) && o.sketch.every((h) => typeof h === 'number');
}

/**
 * Reports articles whose body is the same as, or nearly the same as, an earlier file's
 * (by path). `articles` may come in any order; the result does not depend on it. `sketches`
 * (by file) saves reading the bodies; the bodies of candidate pairs only are read.
 */
export function findDuplicates(articles: readonly Pick<Article, 'file' | 'body' | 'url'>[], sketches?: ReadonlyMap<string, DupSketch>): Diagnostic[] {
  const items = articles
    .map((a) => ({ a, s: sketches?.get(a.file) ?? sketchOf(a.body) }))
    .filter((x) => x.s.words >= MIN_WORDS_IDENTICAL)
    .sort((x, y) => (x.a.file < y.a.file ? -1 : x.a.file > y.a.file ? 1 : 0));
  const shinglesOf = new Map<number, Set<number>>();
  const setOf = (i: number) => {
    let set = shinglesOf.get(i);
    if (!set) shinglesOf.set(i, (set = shingles(wordsOf(items[i]!.a.body))));
    return set;
  };
  // Candidates: bodies with the same text, or sharing one of their smallest shingle hashes.
  const buckets = new Map<string, number[]>();
  items.forEach((x, i) => {
    for (const h of [x.s.text, ...x.s.sketch.slice(0, SKETCH).map(String)]) {
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
        const identical = items[i]!.s.text === items[j]!.s.text;
        if (!identical && Math.min(items[i]!.s.words, items[j]!.s.words) < MIN_WORDS_NEAR) continue;
        if (!identical && (estimate(items[i]!.s.sketch, items[j]!.s.sketch) ?? 1) < ESTIMATE_FLOOR) continue;
        const share = identical ? 1 : jaccard(setOf(i), setOf(j));
        if (share < NEAR_DUPLICATE) continue;
        const known = original.get(j);
        if (!known || i < known.of) original.set(j, { of: i, share });
      }
    }
  }
  return [...original.entries()].sort((x, y) => x[0] - y[0]).map(([j, { of, share }]) => {
    const first = items[of]!;
    const identical = items[j]!.s.text === first.s.text;
    const how = identical ? `the same text as ${first.a.file}` : `nearly the same text as ${first.a.file} (${Math.floor(share * 100)}% of their five-word runs shared)`;
    return {
      file: items[j]!.a.file,
      field: 'duplicate',
      severity: 'warning' as const,
      message: `${how}; both are in the site (${first.a.url} and ${items[j]!.a.url}). If they are one article, delete one file or mark it draft: true`,
    };
  });
}
