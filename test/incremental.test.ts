// Incremental builds: after a change, only what it affects is rendered and written (the rest
// of the published site is kept: same files, same inodes), and the site is the same, byte for
// byte, as a build from scratch of the same content. When nothing changed, nothing is done.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { synthArticle, writeSynthArchive } from '../scripts/lib/synth.js';
import { listFiles, ROOT, runCli, snapshot, tempDir } from './helpers/site.js';

/** Every file of a built site with its inode: a kept file keeps its inode, a written one gets a new one. */
function inodes(dir: string): Map<string, bigint> {
  return new Map(listFiles(dir).map((f) => [f, fs.statSync(path.join(dir, f), { bigint: true }).ino]));
}

/** The files of `after` that are the very files of `before` (not written again). */
function kept(before: Map<string, bigint>, after: Map<string, bigint>): string[] {
  return [...after].filter(([f, ino]) => before.get(f) === ino).map(([f]) => f);
}

describe('incremental builds', () => {
  const dir = tempDir('incremental');
  const content = path.join(dir, 'content');
  const templates = path.join(dir, 'templates');
  const site = path.join(dir, 'site');
  const cache = path.join(dir, 'cache');
  const args = (out: string, ...more: string[]) => ['--content', content, '--out', out, '--templates', templates, '--public', path.join(ROOT, 'public'), '--base-url', 'https://example.org/a/', '--quiet', ...more];
  const build = () => {
    const r = runCli(args(site, '--cache-dir', cache));
    assert.equal(r.status, 0, r.stderr);
    return r;
  };
  /** A build from scratch of the same content, with no cache, for comparison. */
  const reference = () => {
    const out = path.join(dir, `ref-${crypto.randomBytes(4).toString('hex')}`);
    const r = runCli(args(out, '--no-cache'));
    assert.equal(r.status, 0, r.stderr);
    return snapshot(out);
  };

  before(() => {
    writeSynthArchive(content, 30);
    fs.cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    build();
  });

  it('does nothing when nothing changed, and says so', () => {
    const was = inodes(site);
    const r = build();
    assert.match(r.stdout, /^Built 30 articles into .*: \d+ pages, \d+ files in [\d.]+ s\. 0 errors, 0 warnings, \d+ notices\. Nothing had changed since the last build: the site was left as it was\.$/m);
    assert.equal(kept(was, inodes(site)).length, was.size, 'every file left as it was');
  });

  it('adds an article: the site equals a build from scratch, and most files are kept', () => {
    const extra = synthArticle(30);
    fs.writeFileSync(path.join(content, 'batch-000', extra.name), extra.contents);
    const year = /^date: (\d{4})/m.exec(extra.contents)![1]!;
    const was = inodes(site);
    const r = build();
    assert.doesNotMatch(r.stdout, /Nothing had changed/);
    assert.deepEqual(snapshot(site), reference());
    const now = inodes(site);
    const keptFiles = new Set(kept(was, now));
    // Most article pages are untouched; the new one is new.
    const articlePages = [...now.keys()].filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
    assert.equal(articlePages.length, 31);
    const rewritten = articlePages.filter((f) => !keptFiles.has(f));
    assert.ok(rewritten.length >= 1 && rewritten.length <= 12, `article pages written again: ${rewritten.length} (the new one, its neighbours in time, those it became related to)`);
    // The search: only the new article's year is indexed again; the other years' bundles are kept.
    const search = [...now.keys()].filter((f) => f.startsWith('pagefind/'));
    const touchedShards = new Set(search.filter((f) => !keptFiles.has(f)).map((f) => f.split('/')[1]));
    assert.deepEqual([...touchedShards], [year]);
  });

  it('removes an article: the site equals a build from scratch', () => {
    fs.rmSync(path.join(content, 'batch-000', synthArticle(30).name));
    build();
    assert.deepEqual(snapshot(site), reference());
  });

  it('rebuilds what was changed or deleted in the published site', () => {
    const page = listFiles(site).find((f) => f.startsWith('articles/'))!;
    fs.rmSync(path.join(site, page));
    fs.appendFileSync(path.join(site, 'index.html'), '<!-- edited by hand -->');
    const r = build();
    assert.doesNotMatch(r.stdout, /Nothing had changed/);
    assert.deepEqual(snapshot(site), reference());
  });

  it('renders every page again when a template changes', () => {
    const was = inodes(site);
    // Inside the article element, so the text the search indexes changes too.
    const file = path.join(templates, 'article.hbs');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</article>', '<p>A template change.</p>\n</article>'));
    build();
    assert.deepEqual(snapshot(site), reference());
    const keptHtml = kept(was, inodes(site)).filter((f) => f.endsWith('.html'));
    assert.deepEqual(keptHtml, [], 'no page kept across a template change');
  });

  it('builds from scratch when the state it kept is corrupt', () => {
    const stateDir = path.join(cache, 'site');
    for (const f of fs.readdirSync(stateDir)) fs.writeFileSync(path.join(stateDir, f), '{"format":1,"files":');
    fs.appendFileSync(path.join(content, 'batch-000', synthArticle(5).name), '\nOne more sentence.\n');
    const r = build();
    assert.doesNotMatch(r.stdout, /Nothing had changed/);
    assert.deepEqual(snapshot(site), reference());
  });
});
