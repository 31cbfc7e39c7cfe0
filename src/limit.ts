// Bounded concurrency for file work: an archive of any size never has more than a few files
// open at once, so it never runs out of file descriptors (EMFILE).

/** Files read at once. */
export const READS_AT_ONCE = 64;

/** `fn` over every item, at most `limit` at a time; the results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
  }));
  return results;
}
