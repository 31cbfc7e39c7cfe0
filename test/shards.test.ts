// Search shards: a year is one shard until it holds more than SHARD_MAX articles; then it is
// split into the fewest runs of whole months that each hold at most SHARD_MAX, four at most.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SHARD_MAX, shardLayout, shardNames, shardOf } from '../src/index/shards.js';
import type { Article, SiteIndex } from '../src/model.js';

/** Articles dated to the given values ("2024-03-05", "2024-03", "2024"). */
const dated = (values: string[]) => values.map((value, i) => ({ id: `a${i}`, date: { value } }) as unknown as Article);

function indexOf(byYear: Record<string, Article[]>, undated: Article[] = []): SiteIndex {
  const years = Object.keys(byYear).sort().reverse().map((year) => ({ year, articles: byYear[year]! }));
  return { years, undated } as unknown as SiteIndex;
}

describe('search shards', () => {
  it('keeps a year of up to SHARD_MAX articles whole', () => {
    const year = dated(Array.from({ length: SHARD_MAX }, (_, i) => `2023-${String((i % 12) + 1).padStart(2, '0')}-01`));
    const index = indexOf({ 2023: year }, dated(['x']).map((a) => ({ ...a, date: null }) as unknown as Article));
    assert.deepEqual(shardNames(index), ['2023', 'undated']);
    assert.equal(shardOf(year[0]!, shardLayout(index)), '2023');
    assert.equal(shardOf(index.undated[0]!, shardLayout(index)), 'undated');
  });

  it('splits a larger year into halves, or more parts when one half is still too large', () => {
    // Evenly spread: two halves of 350 each fit.
    const even = dated(Array.from({ length: 700 }, (_, i) => `2024-${String((i % 12) + 1).padStart(2, '0')}-10`));
    const index = indexOf({ 2024: even, 2023: dated(['2023-05-01']) });
    assert.deepEqual(shardNames(index), ['2024-07', '2024-01', '2023']);
    const layout = shardLayout(index);
    assert.equal(shardOf(dated(['2024-06-30'])[0]!, layout), '2024-01');
    assert.equal(shardOf(dated(['2024-07-01'])[0]!, layout), '2024-07');
    // A date known only to the year, or to the month, goes with its first month.
    assert.equal(shardOf(dated(['2024'])[0]!, layout), '2024-01');
    assert.equal(shardOf(dated(['2024-11'])[0]!, layout), '2024-07');

    // Crowded in spring: halves would hold too many, thirds do not (Jan–Apr, May–Aug, Sep–Dec).
    const spring = dated([
      ...Array.from({ length: SHARD_MAX }, () => '2022-04-02'),
      ...Array.from({ length: SHARD_MAX }, () => '2022-05-02'),
    ]);
    const split = indexOf({ 2022: spring });
    assert.deepEqual(shardNames(split), ['2022-05', '2022-01']);
    assert.equal(shardLayout(split).get('2022'), 3);
  });

  it('splits a year into four parts at most, lists only the parts that hold articles, and gives the same layout for the same archive', () => {
    const many = dated(Array.from({ length: 3 * SHARD_MAX }, (_, i) => `2021-${String((i % 3) + 1).padStart(2, '0')}-01`));
    const index = indexOf({ 2021: many });
    // Three crowded months fill one quarter beyond the limit: quarters still, the most a year is split into.
    assert.equal(shardLayout(index).get('2021'), 4);
    assert.deepEqual(shardNames(index), ['2021-01']);
    const spread = dated([...many.map((a) => (a.date as { value: string }).value), '2021-12-24', '2021-08-01']);
    assert.deepEqual(shardNames(indexOf({ 2021: spread })), ['2021-10', '2021-07', '2021-01']);
    assert.deepEqual([...shardLayout(indexOf({ 2021: many.slice().reverse() }))], [...shardLayout(index)]);
  });
});
