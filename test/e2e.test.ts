// End to end: the sample archive builds into a complete site that works under a sub-path.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Article } from '../src/model.js';
import { newsArticleJsonLd } from '../src/render/pages.js';
import { crawl, listFiles, runCli, serve, tempDir } from './helpers/site.js';

const fakeArticle = {
  title: 'T', lang: 'en', date: null, author: null, summary: '', topics: [], people: [], source: { id: null, name: null, url: null },
} as unknown as Article;

interface ApiArticle { id: string; url: string; file: string; title: string; lang: string; date: string | null; source: { id: string | null; name: string | null }; people: { id: string }[]; topics: { id: string }[] }

describe('the sample archive, built and served under /some/dir/', () => {
  const out = path.join(tempDir('e2e'), 'site');
  let run: ReturnType<typeof runCli>;
  let site: Awaited<ReturnType<typeof crawl>>;
  let api: { articles: ApiArticle[] };
  let server: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    run = runCli(['--content', 'content', '--out', out]);
    api = JSON.parse(fs.readFileSync(path.join(out, 'api/articles.json'), 'utf8'));
    server = await serve(out, '/some/dir/');
    site = await crawl(server.base);
  });
  after(async () => server?.close());

  it('exits 0 and closes with a summary', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Built 5 articles into .*: \d+ pages, \d+ files in [\d.]+ s\. 0 errors, \d+ warnings?, \d+ notices?\.$/m);
  });

  it('lists all five articles in api/articles.json with the documented fields', () => {
    assert.equal(api.articles.length, 5);
    for (const a of api.articles) {
      for (const key of ['id', 'url', 'file', 'title', 'lang', 'dir', 'date', 'datePrecision', 'source', 'author', 'people', 'topics']) assert.ok(key in a, `${a.file} lacks ${key}`);
      assert.match(a.url, /^articles\/[a-z0-9-]+\/$/);
    }
  });

  it('has every page kind', () => {
    const files = new Set(listFiles(out));
    for (const f of ['index.html', '404.html', 'search/index.html', 'topics/index.html', 'people/index.html', 'sources/index.html', 'languages/index.html', 'archive/index.html', 'api/articles.json', 'assets/style.css', 'robots.txt']) {
      assert.ok(files.has(f), `missing ${f}`);
    }
    assert.ok([...files].some((f) => /^archive\/\d{4}\/index\.html$/.test(f)), 'no year page');
    assert.ok([...files].some((f) => /^archive\/\d{4}\/\d{2}\/index\.html$/.test(f)), 'no month page');
    for (const tax of ['topics', 'people', 'sources', 'languages']) assert.ok([...files].some((f) => new RegExp(`^${tax}/[a-z0-9-]+/index\\.html$`).test(f)), `no ${tax} term page`);
  });

  it('resolves every internal link and asset, and uses no root-absolute links', () => {
    assert.deepEqual(site.broken, []);
    assert.deepEqual(site.absolute, []);
    assert.ok(site.pages.size > 20, `only ${site.pages.size} pages reached`);
  });

  it('reaches every article from the home page', () => {
    for (const a of api.articles) assert.ok(site.pages.has(a.url), `${a.file} (${a.url}) not reachable`);
  });

  it('lists each article on each of its topic, person, date, language and source pages', () => {
    /** All pages of a listing: its first page and its page/N/ pages. */
    const listingHtml = (base: string) => [...site.pages.entries()].filter(([p]) => p === base || p.startsWith(`${base}page/`)).map(([, html]) => html).join('\n');
    const links = (html: string, from: string) => new Set([...html.matchAll(/href="([^"]+)"/g)].map((m) => new URL(m[1]!, `http://x/${from}`).pathname.slice(1)));
    for (const a of api.articles) {
      const places = [
        ...a.topics.map((t) => `topics/${t.id}/`),
        ...a.people.map((p) => `people/${p.id}/`),
        `languages/${a.lang}/`,
        ...(a.source.id ? [`sources/${a.source.id}/`] : []),
        ...(a.date ? [`archive/${a.date.slice(0, 4)}/`, ...(a.date.length >= 7 ? [`archive/${a.date.slice(0, 4)}/${a.date.slice(5, 7)}/`] : [])] : []),
      ];
      for (const place of places) {
        const html = listingHtml(place);
        assert.ok(html, `${place} was not reached by the crawl`);
        assert.ok(links(html, place).has(a.url), `${a.file} is not listed on ${place}`);
      }
    }
  });

  it('gives each article page the article language and direction, and links the original', () => {
    for (const a of api.articles) {
      const html = site.pages.get(a.url)!;
      assert.match(html, new RegExp(`<article[^>]*\\blang="${a.lang}"`), `${a.url} article lang`);
      assert.match(html, /<article[^>]*\bdir="(ltr|rtl)"/);
    }
    const withUrl = api.articles.find((a) => a.file.startsWith('000_'))!;
    assert.match(site.pages.get(withUrl.url)!, /href="https:\/\/www\.nguoiduatin\.vn\/bo-truong-quoc-phong-my-dien-dam-voi-bo-truong-quoc-phong-nga-a670059\.html"/);
  });

  it('formats article dates in the article language', () => {
    const blinken = api.articles.find((a) => a.file.startsWith('004_'))!;
    assert.match(site.pages.get(blinken.url)!, /<time datetime="2022-02-01"[^>]*>[^<]*1\. Februar 2022/);
  });

  it('builds byte-identical output from the same content', () => {
    const second = path.join(tempDir('e2e-again'), 'site');
    const again = runCli(['--content', 'content', '--out', second]);
    assert.equal(again.status, 0, again.stderr);
    const a = listFiles(out);
    assert.deepEqual(listFiles(second), a);
    for (const f of a) assert.ok(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(second, f))), `${f} differs between two builds`);
  });

  it('describes each article page with Open Graph tags and schema.org NewsArticle data', () => {
    for (const a of api.articles) {
      const html = site.pages.get(a.url);
      assert.ok(html, a.url);
      assert.ok(html.includes('<meta property="og:type" content="article">'), a.url);
      const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
      assert.ok(ld, `${a.url}: no JSON-LD`);
      const data = JSON.parse(ld[1]!);
      assert.equal(data['@type'], 'NewsArticle');
      assert.equal(data.headline, a.title);
      assert.equal(data.inLanguage, a.lang);
      if (a.date) assert.equal(data.datePublished, a.date);
    }
  });

  it('keeps article text from closing the JSON-LD script element', () => {
    const hostile = { ...fakeArticle, title: '</script><script>alert(1)</script>' };
    const json = newsArticleJsonLd(hostile, null, 'Site');
    assert.ok(!json.includes('</script'));
    assert.equal(JSON.parse(json).headline, hostile.title);
  });

  it('writes feeds and a sitemap with absolute URLs only when given a base URL', () => {
    assert.ok(!fs.existsSync(path.join(out, 'feed.xml')));
    assert.match(run.stderr, /no base URL/);
    const withBase = path.join(tempDir('e2e-base'), 'site');
    const r = runCli(['--content', 'content', '--out', withBase, '--base-url', 'https://example.org/news']);
    assert.equal(r.status, 0, r.stderr);
    const sitemap = fs.readFileSync(path.join(withBase, 'sitemap.xml'), 'utf8');
    for (const a of api.articles) assert.ok(sitemap.includes(`<loc>https://example.org/news/${a.url}</loc>`), `${a.url} not in sitemap`);
    const feed = fs.readFileSync(path.join(withBase, 'feed.xml'), 'utf8');
    assert.equal((feed.match(/<entry>/g) ?? []).length, 5);
    assert.match(fs.readFileSync(path.join(withBase, 'index.html'), 'utf8'), /<link rel="canonical" href="https:\/\/example\.org\/news\/">/);
    // A feed for each topic and each person, with exactly their articles, linked from their page.
    for (const tax of ['topics', 'people'] as const) {
      const ids = [...new Set(api.articles.flatMap((a) => a[tax].map((x) => x.id)))];
      assert.ok(ids.length > 0);
      for (const id of ids) {
        const termFeed = fs.readFileSync(path.join(withBase, tax, id, 'feed.xml'), 'utf8');
        const expected = api.articles.filter((a) => a[tax].some((x) => x.id === id)).map((a) => `https://example.org/news/${a.url}`).sort();
        const got = [...termFeed.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]!).filter((u) => u.includes('/articles/')).sort();
        assert.deepEqual(got, expected, `${tax}/${id}/feed.xml`);
        assert.match(termFeed, new RegExp(`<link rel="self" href="https://example\\.org/news/${tax}/${id}/feed\\.xml"/>`));
        assert.ok(fs.readFileSync(path.join(withBase, tax, id, 'index.html'), 'utf8').includes(`<link rel="alternate" type="application/atom+xml" href="https://example.org/news/${tax}/${id}/feed.xml"`));
      }
    }
  });
});
