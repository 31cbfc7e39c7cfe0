// The search index is split into shards by the date of its articles, so that adding an
// article re-indexes one shard only; the search page merges the shards in the browser,
// newest first. A shard is one year; a year of more than SHARD_MAX articles is split into
// parts of whole consecutive months (halves, thirds or quarters), the fewest parts that keep
// each under the limit, and never more than four: each shard is one more index the browser
// loads and searches, so a very large year has large quarters rather than many small shards.
// Undated articles have a shard of their own. The layout follows from the archive alone, so
// the same archive always gives the same shards.
import type { Article, SiteIndex } from '../model.js';

/** The shard of undated articles. */
export const UNDATED_SHARD = 'undated';

/**
 * Most articles a shard should hold. Re-indexing a shard takes about 2 ms per article; each
 * shard is one more index the browser merges on a search, so shards are not made smaller.
 */
export const SHARD_MAX = 600;

/** Ways to split a year into runs of whole months (parts per year), the last the most a year is split into. */
const PARTS = [1, 2, 3, 4] as const;
const MOST_PARTS = 4;

/** Month (1–12) of an article's date; a date known only to the year counts as January. */
function monthOf(a: Article): number {
  return Number(a.date!.value.slice(5, 7)) || 1;
}

/** Parts each year is split into, by year. */
export type ShardLayout = ReadonlyMap<string, number>;

const layouts = new WeakMap<SiteIndex, ShardLayout>();

/** How the archive's years are split into shards. */
export function shardLayout(index: SiteIndex): ShardLayout {
  let layout = layouts.get(index);
  if (!layout) {
    const made = new Map<string, number>();
    for (const y of index.years) {
      const perMonth = new Array<number>(13).fill(0);
      for (const a of y.articles) perMonth[monthOf(a)]!++;
      const fits = (parts: number) => {
        const span = 12 / parts;
        for (let first = 1; first <= 12; first += span) {
          let n = 0;
          for (let m = first; m < first + span; m++) n += perMonth[m]!;
          if (n > SHARD_MAX) return false;
        }
        return true;
      };
      made.set(y.year, PARTS.find(fits) ?? MOST_PARTS);
    }
    layouts.set(index, (layout = made));
  }
  return layout;
}

/** The shard an article is indexed in: "2024", a part of a year named by its first month ("2024-07"), or "undated". */
export function shardOf(a: Article, layout: ShardLayout): string {
  if (!a.date) return UNDATED_SHARD;
  const year = a.date.value.slice(0, 4);
  const parts = layout.get(year) ?? 1;
  if (parts === 1) return year;
  const span = 12 / parts;
  const first = Math.floor((monthOf(a) - 1) / span) * span + 1;
  return `${year}-${String(first).padStart(2, '0')}`;
}

/** Every shard of the site, newest first, the undated shard last. */
export function shardNames(index: SiteIndex): string[] {
  const layout = shardLayout(index);
  const names: string[] = [];
  for (const y of index.years) {
    const parts = layout.get(y.year) ?? 1;
    if (parts === 1) {
      names.push(y.year);
      continue;
    }
    // Only the parts that hold an article, newest first.
    const held = new Set(y.articles.map((a) => shardOf(a, layout)));
    names.push(...[...held].sort().reverse());
  }
  if (index.undated.length) names.push(UNDATED_SHARD);
  return names;
}
