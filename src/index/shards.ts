// The search index is split into shards by the year an article is dated (undated articles
// have a shard of their own), so that adding an article re-indexes its year only. The
// search page merges the shards in the browser, newest first.
import type { Article, SiteIndex } from '../model.js';

/** The shard of undated articles. */
export const UNDATED_SHARD = 'undated';

/** The shard an article is indexed in: its year, or "undated". */
export function shardOf(a: Article): string {
  return a.date ? a.date.value.slice(0, 4) : UNDATED_SHARD;
}

/** Every shard of the site, newest year first, the undated shard last. */
export function shardNames(index: SiteIndex): string[] {
  return [...index.years.map((y) => y.year), ...(index.undated.length ? [UNDATED_SHARD] : [])];
}
