// What the search index is given of a page: only the element Pagefind reads, when that can be
// told safely, and an index byte for byte the same as from the whole page.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { close, createIndex } from 'pagefind';
import { searchable } from '../src/index/search.js';
import { listFiles, runCli, tempDir } from './helpers/site.js';

const page = (head: string, body: string) => `<!DOCTYPE html>\n<html lang="de" dir="ltr">\n<head><title>T</title>${head}</head>\n<body>${body}</body>\n</html>\n`;
const article = '<article data-pagefind-body data-pagefind-sort="date:2024-07-12"><h1 data-pagefind-meta="title">Titel</h1><p>Text</p><p data-pagefind-ignore><span data-pagefind-filter="Year">2024</span></p></article>';

/** A hash of a Pagefind bundle made from these pages. */
async function bundleOf(pages: { url: string; html: string }[]): Promise<string> {
  const { index } = await createIndex({});
  for (const p of pages) {
    const added = await index!.addHTMLFile({ url: p.url, content: p.html });
    assert.deepEqual(added.errors, []);
  }
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  const h = crypto.createHash('sha256');
  for (const f of files.sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(f.path).update(f.content);
  return h.digest('hex');
}

describe('what the search index reads of a page', () => {
  let out: string;
  before(() => {
    out = tempDir('search');
    const r = runCli(['--out', out, '--no-cache', '--quiet']);
    assert.equal(r.status, 0, r.stderr);
  });
  after(async () => {
    await close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('is the html tag and the marked article alone, for the sample archive\'s pages', () => {
    const pages = listFiles(out).filter((f) => f.startsWith('articles/') && f.endsWith('/index.html'));
    assert.equal(pages.length, 5);
    for (const f of pages) {
      const html = fs.readFileSync(path.join(out, f), 'utf8');
      const reduced = searchable(html);
      assert.ok(reduced.length < html.length, `${f}: ${reduced.length} of ${html.length} characters`);
      assert.doesNotMatch(reduced, /site-header|site-footer|article-pager/, f);
      assert.match(reduced, /^<!DOCTYPE html>\n<html lang="[a-z]+" dir="ltr"><head><meta charset="utf-8"><\/head><body><article [^>]*data-pagefind-body/);
      assert.ok(reduced.endsWith('</article></body></html>'));
    }
  });

  it('gives Pagefind the same index, byte for byte, as the whole pages', async () => {
    const pages = listFiles(out).filter((f) => f.startsWith('articles/') && f.endsWith('/index.html'))
      .map((f) => ({ url: `/${f.replace(/index\.html$/, '')}`, html: fs.readFileSync(path.join(out, f), 'utf8') }));
    const whole = await bundleOf(pages);
    const reduced = await bundleOf(pages.map((p) => ({ ...p, html: searchable(p.html) })));
    assert.equal(reduced, whole);
  });

  it('keeps a nested element of the same name inside, to its own closing tag', () => {
    const nested = '<article data-pagefind-body><p>A</p><article class="quote"><p>B</p></article><p>C</p></article>';
    assert.equal(searchable(page('', `<header>Site</header>${nested}<footer>x</footer>`)),
      `<!DOCTYPE html>\n<html lang="de" dir="ltr"><head><meta charset="utf-8"></head><body>${nested}</body></html>`);
  });

  it('gives the whole page when something outside the element could count', () => {
    const cases = {
      'a heading outside (Pagefind\'s default title)': page('', `<h1>Site</h1>${article}`),
      'an image outside (its default image)': page('', `<img src="logo.png" alt="">${article}`),
      'a filter outside': page('', `<span data-pagefind-filter="Topic">NATO</span>${article}`),
      'a meta tag in the head': page('<meta data-pagefind-meta="image[content]" content="x.png">', article),
      'two marked elements': page('', `${article}${article}`),
      'no marked element': page('', '<article><p>Text</p></article>'),
      'an element never closed': page('', '<article data-pagefind-body><p>Text'),
    };
    for (const [what, html] of Object.entries(cases)) assert.equal(searchable(html), html, what);
  });
});
