// Metadata accuracy on the ten hand-annotated corpora (test/corpus/dev, holdout, blind,
// final, unseen, sixth, seventh, eighth, ninth, tenth: 139 articles in 21 languages, raw captures and front matter, with expected metadata
// written by reading them, each by someone who had not seen the code). The floors sit at the
// levels the README reports; a change that lowers one fails here.
// `npm run accuracy -- test/corpus/dev --misses` lists every difference.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { precision, ratio, recall, scoreCorpus, type CorpusScore } from '../scripts/lib/score.js';

/** Floors per corpus: share of articles right per field; people as precision and recall. */
const FLOORS = {
  'test/corpus/dev': { lang: 1, title: 1, dateHonest: 1, sourceUrl: 1, sourceName: 1, author: 1, body: 1, peopleP: 0.96, peopleR: 0.97, agenciesR: 1 },
  'test/corpus/holdout': { lang: 1, title: 0.9, dateHonest: 1, sourceUrl: 1, sourceName: 1, author: 1, body: 1, peopleP: 0.97, peopleR: 0.95, agenciesR: 1 },
  'test/corpus/blind': { lang: 1, title: 1, dateHonest: 1, sourceUrl: 1, sourceName: 1, author: 1, body: 1, peopleP: 0.95, peopleR: 0.95, agenciesR: 1 },
  'test/corpus/final': { lang: 1, title: 0.9, dateHonest: 1, sourceUrl: 1, sourceName: 0.9, author: 0.9, body: 0.95, peopleP: 0.94, peopleR: 0.94, agenciesR: 0.75 },
  'test/corpus/unseen': { lang: 1, title: 0.9, dateHonest: 1, sourceUrl: 0.9, sourceName: 0.9, author: 0.9, body: 0.95, peopleP: 0.96, peopleR: 0.94, agenciesR: 0.9 },
  'test/corpus/sixth': { lang: 1, title: 1, dateHonest: 1, sourceUrl: 0.9, sourceName: 1, author: 1, body: 1, peopleP: 0.97, peopleR: 0.92, agenciesR: 1 },
  'test/corpus/seventh': { lang: 1, title: 0.8, dateHonest: 1, sourceUrl: 1, sourceName: 1, author: 1, body: 1, peopleP: 0.95, peopleR: 0.94, agenciesR: 0.95 },
  'test/corpus/eighth': { lang: 1, title: 1, dateHonest: 1, sourceUrl: 1, sourceName: 1, author: 1, body: 1, peopleP: 0.97, peopleR: 0.95, agenciesR: 0.9 },
  'test/corpus/ninth': { lang: 1, title: 0.9, dateHonest: 1, sourceUrl: 1, sourceName: 0.9, author: 0.9, body: 0.95, peopleP: 0.97, peopleR: 0.92, agenciesR: 1 },
  'test/corpus/tenth': { lang: 1, title: 1, dateHonest: 1, sourceUrl: 1, sourceName: 1, author: 1, body: 1, peopleP: 0.94, peopleR: 0.84, agenciesR: 0.9 },
} as const;

for (const [dir, floor] of Object.entries(FLOORS)) {
  describe(`metadata accuracy on ${dir}`, () => {
    let s: CorpusScore;
    before(async () => { s = await scoreCorpus(dir); });
    const at = (name: string, got: () => number, min: number, misses: () => string[]) =>
      it(`${name} at least ${(min * 100).toFixed(0)}%`, () => {
        assert.ok(got() >= min, `${name}: ${(got() * 100).toFixed(1)}% < ${(min * 100).toFixed(0)}%\n  ${misses().join('\n  ')}`);
      });
    at('language', () => ratio(s.fields.lang), floor.lang, () => s.fields.lang.misses);
    at('title', () => ratio(s.fields.title), floor.title, () => s.fields.title.misses);
    at('date right or honestly uncertain', () => ratio(s.dateHonest), floor.dateHonest, () => s.dateHonest.misses);
    at('source URL', () => ratio(s.fields.sourceUrl), floor.sourceUrl, () => s.fields.sourceUrl.misses);
    at('source name', () => ratio(s.fields.sourceName), floor.sourceName, () => s.fields.sourceName.misses);
    at('author', () => ratio(s.fields.author), floor.author, () => s.fields.author.misses);
    at('clutter checks', () => ratio(s.fields.body), floor.body, () => s.fields.body.misses);
    at('people precision', () => precision(s.people), floor.peopleP, () => s.people.misses);
    at('people recall', () => recall(s.people), floor.peopleR, () => s.people.misses);
    at('agencies recall', () => recall(s.agencies), floor.agenciesR, () => s.agencies.misses);
    it('never states a wrong date as stated', () => assert.deepEqual(s.wrongStatedDates, []));
    it('gives each person one identity across all spellings', () => assert.deepEqual(s.identitySplits, []));
    it('builds every article of the corpus', () => assert.equal(s.articlesByFile.size, s.articles));
  });
}
