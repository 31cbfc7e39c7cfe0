// File work is bounded: an archive of any size never has more than a few files open at once
// (at 100,000 articles, reading them all at once ran out of file descriptors: EMFILE).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapLimit } from '../src/limit.js';

describe('bounded file work', () => {
  it('never runs more than the limit at once, and gives the results in order', async () => {
    let running = 0;
    let most = 0;
    const items = Array.from({ length: 500 }, (_, i) => i);
    const out = await mapLimit(items, 7, async (i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, i % 3));
      running--;
      return i * 2;
    });
    assert.equal(most, 7);
    assert.deepEqual(out, items.map((i) => i * 2));
    assert.deepEqual(await mapLimit([], 7, async (x) => x), []);
  });
});
