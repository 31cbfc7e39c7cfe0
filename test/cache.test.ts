// The build cache, the normalising threads and the order the files are read in never change
// the output: a warm cache, a corrupt cache, no cache, one thread or two, and articles
// handed to the pipeline in any order all give the same site, byte for byte.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { writeSynthArchive } from '../scripts/lib/synth.js';
import { loadArticles } from '../src/load/load.js';
import { loadRegistries } from '../src/load/registries.js';
import { normaliseEach, renderArchive } from './helpers/pipeline.js';
import { listFiles, ROOT, runCli, snapshot, tempDir } from './helpers/site.js';

describe('the build cache and worker threads', () => {
  const dir = tempDir('cache');
  const content = path.join(dir, 'content');
  const cache = path.join(dir, 'cache');
  const args = (out: string, ...more: string[]) => ['--content', content, '--out', path.join(dir, out), '--templates', path.join(ROOT, 'templates'), '--public', path.join(ROOT, 'public'), '--quiet', ...more];
  let reference: Map<string, string>;

  before(() => {
    // Enough articles (160) for the build to start worker threads.
    writeSynthArchive(content, 160);
    const r = runCli(args('ref', '--no-cache', '--jobs', '1'));
    assert.equal(r.status, 0, r.stderr);
    reference = snapshot(path.join(dir, 'ref'));
  });

  it('gives the same site with two threads and a cold cache, then with the warm cache', () => {
    const cold = runCli(args('cold', '--cache-dir', cache, '--jobs', '2'));
    assert.equal(cold.status, 0, cold.stderr);
    assert.deepEqual(snapshot(path.join(dir, 'cold')), reference);
    const entries = listFiles(cache).filter((f) => f.startsWith('normalised/') && !f.endsWith('/pack.json'));
    assert.equal(entries.length, 160, 'one cache entry per article');
    const warm = runCli(args('warm', '--cache-dir', cache));
    assert.equal(warm.status, 0, warm.stderr);
    assert.deepEqual(snapshot(path.join(dir, 'warm')), reference);
  });

  it('treats a corrupt or truncated entry as missing, and writes it again', () => {
    const entries = listFiles(cache).filter((f) => f.startsWith('normalised/') && !f.endsWith('/pack.json'));
    const [a, b, c] = entries.map((f) => path.join(cache, f));
    // The metadata of all articles in one file, read instead of the entries when it can be: truncated here.
    const pack = listFiles(cache).find((f) => f.startsWith('normalised/') && f.endsWith('/pack.json'));
    assert.ok(pack, 'a metadata pack');
    fs.writeFileSync(path.join(cache, pack!), fs.readFileSync(path.join(cache, pack!), 'utf8').slice(0, 300));
    fs.writeFileSync(a!, 'not json {');
    fs.writeFileSync(b!, fs.readFileSync(b!, 'utf8').slice(0, 100));
    fs.writeFileSync(c!, JSON.stringify({ article: { title: 42 }, diagnostics: [] }));
    // An article whose entry is whole but whose body, read only when its page is made, is not:
    // the build finds out midway and starts again without the article cache.
    const keyOf = (f: string) => f.split('/').slice(2).join('/');
    const damaged = new Set([a, b, c].map((f) => keyOf(path.relative(cache, f!))));
    const body = listFiles(cache).find((f) => f.startsWith('bodies/') && !damaged.has(keyOf(f)));
    assert.ok(body, 'a cached body');
    fs.writeFileSync(path.join(cache, body!), JSON.stringify({ body: 'Another text.', bodyHtml: '<p>Another text.</p>' }));
    // The search bundle's files too.
    const searchFile = listFiles(cache).find((f) => f.startsWith('search/') && f.includes('/files/'));
    assert.ok(searchFile, 'a cached search bundle');
    fs.writeFileSync(path.join(cache, searchFile!), 'garbage');
    const r = runCli(args('repaired', '--cache-dir', cache));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(snapshot(path.join(dir, 'repaired')), reference);
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(a!, 'utf8')), 'rewritten');
    assert.notEqual(JSON.parse(fs.readFileSync(path.join(cache, body!), 'utf8')).body, 'Another text.', 'the damaged body was written again');
    assert.equal(Object.keys(JSON.parse(fs.readFileSync(path.join(cache, pack!), 'utf8'))).length, entries.length, 'the pack written again, whole');
  });

  it('treats an entry of the metadata pack that is not an article as missing, and normalises that article again', () => {
    const packFile = path.join(cache, listFiles(cache).find((f) => f.startsWith('normalised/') && f.endsWith('/pack.json'))!);
    const pack = JSON.parse(fs.readFileSync(packFile, 'utf8')) as Record<string, unknown>;
    const [first, second] = Object.keys(pack).sort();
    pack[first!] = { article: { title: 42 }, diagnostics: [] };
    fs.writeFileSync(packFile, JSON.stringify(pack));
    // Its own entry gone too: the article must be normalised again, not read from elsewhere.
    const epochDir = path.dirname(packFile);
    fs.rmSync(path.join(epochDir, first!.slice(0, 2), `${first!.slice(2)}.json`));
    const r = runCli(args('repaired-pack', '--cache-dir', cache));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(snapshot(path.join(dir, 'repaired-pack')), reference);
    const again = JSON.parse(fs.readFileSync(packFile, 'utf8')) as Record<string, { article: { title: unknown } }>;
    assert.equal(typeof again[first!]!.article.title, 'string', 'the entry written again');
    assert.deepEqual(again[second!], pack[second!]);
    assert.ok(fs.existsSync(path.join(epochDir, first!.slice(0, 2), `${first!.slice(2)}.json`)));
  });

  it('starts a new epoch when a registry changes, and drops the old entries', () => {
    const before = new Set(listFiles(cache).filter((f) => f.startsWith('normalised/')).map((f) => f.split('/')[1]));
    fs.appendFileSync(path.join(content, '_data', 'topics.yml'), '- name: "Brand new topic"\n  keywords: []\n');
    const r = runCli(args('newepoch', '--cache-dir', cache));
    assert.equal(r.status, 0, r.stderr);
    const after = new Set(listFiles(cache).filter((f) => f.startsWith('normalised/')).map((f) => f.split('/')[1]));
    assert.equal(after.size, 1);
    assert.ok(![...after].some((e) => before.has(e)), 'a new epoch folder, the old one pruned');
    const fresh = runCli(args('newepoch-ref', '--no-cache'));
    assert.equal(fresh.status, 0, fresh.stderr);
    assert.deepEqual(snapshot(path.join(dir, 'newepoch')), snapshot(path.join(dir, 'newepoch-ref')));
  });

  it('rejects a --jobs that is not a whole number', () => {
    const r = runCli(args('x', '--jobs', 'two'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^--jobs two: give a whole number of threads, 1 or more$/m);
  });
});

describe('the order articles are read in', () => {
  it('gives the same site, byte for byte, for any order (slug collisions, duplicates and bad files among them)', async () => {
    // The seeds, bad and colliding files, and synthetic articles: everything whose outcome could depend on order.
    const content = path.join(tempDir('order'), 'content');
    fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
    fs.cpSync(path.join(ROOT, 'test/fixtures/bad-input'), path.join(content, 'bad'), { recursive: true });
    writeSynthArchive(path.join(content, 'synth'), 24);
    // Two files of one article: the same title and date, so only the file name can decide who keeps the slug.
    fs.copyFileSync(path.join(content, 'synth/batch-000/000001.md'), path.join(content, 'synth/copy-of-000001.md'));
    const { registries } = loadRegistries(content);
    const { raw } = await loadArticles(content);
    const each = normaliseEach(raw, registries);
    const reference = renderArchive(raw, registries, each);
    assert.ok(reference.length > 100);
    fc.assert(fc.property(fc.shuffledSubarray(raw, { minLength: raw.length }), (order) => {
      const site = renderArchive(order, registries, each);
      assert.deepEqual(site.map((f) => f.path), reference.map((f) => f.path));
      site.forEach((f, i) => assert.ok(String(f.contents) === String(reference[i]!.contents), `${f.path} differs`));
    }), { numRuns: 5 });
  });
});
