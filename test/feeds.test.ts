// Feeds and sitemap: well-formed XML, the elements Atom (RFC 4287) and sitemaps.org require,
// and complete: every page in the sitemap, every entry pointing at a page that exists.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEFAULT_CONFIG } from '../src/config.js';
import type { SiteIndex } from '../src/model.js';
import { discoveryFiles } from '../src/render/discovery.js';
import { listFiles, runCli, tempDir } from './helpers/site.js';

const BASE = 'https://example.org/news/';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'url', 'link', 'sitemap', 'xhtml:link', 'category'].includes(name) });
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The page file a URL under BASE names. */
function fileFor(out: string, url: string): string {
  assert.ok(url.startsWith(BASE), `${url} is not under the base URL`);
  const rel = url.slice(BASE.length);
  return path.join(out, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

describe('feeds and sitemap of the sample archive', () => {
  const out = path.join(tempDir('feeds'), 'site');
  let files: string[];
  before(() => {
    const r = runCli(['--content', 'content', '--out', out, '--base-url', BASE]);
    assert.equal(r.status, 0, r.stderr);
    files = listFiles(out);
  });

  it('writes only well-formed XML', () => {
    const xml = files.filter((f) => f.endsWith('.xml'));
    assert.ok(xml.length > 10, 'site feed, topic and person feeds, sitemap');
    for (const f of xml) {
      const result = XMLValidator.validate(fs.readFileSync(path.join(out, f), 'utf8'));
      assert.equal(result, true, `${f}: ${JSON.stringify(result)}`);
    }
  });

  it('gives every Atom feed what RFC 4287 requires, with entries that point at real pages', () => {
    const feeds = files.filter((f) => f.endsWith('feed.xml'));
    assert.ok(feeds.includes('feed.xml'));
    for (const f of feeds) {
      const { feed } = parser.parse(fs.readFileSync(path.join(out, f), 'utf8'));
      assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom', f);
      for (const key of ['id', 'title', 'updated']) assert.ok(feed[key], `${f}: feed lacks <${key}>`);
      assert.match(feed.updated, RFC3339, `${f}: updated`);
      assert.ok(feed.author?.name, `${f}: feed-level author, so entries need none`);
      const self = feed.link.find((l: Record<string, string>) => l['@rel'] === 'self');
      assert.equal(self['@href'], BASE + f, `${f}: rel=self`);
      const alternate = feed.link.find((l: Record<string, string>) => !l['@rel']);
      assert.ok(fs.existsSync(fileFor(out, alternate['@href'])), `${f}: its page exists`);
      const entries = feed.entry ?? [];
      assert.ok(entries.length > 0, `${f} has entries`);
      const seen = new Set<string>();
      for (const e of entries) {
        for (const key of ['id', 'title', 'updated']) assert.ok(e[key], `${f}: entry lacks <${key}>`);
        assert.match(e.updated, RFC3339);
        assert.ok(!seen.has(e.id), `${f}: duplicate id ${e.id}`);
        seen.add(e.id);
        assert.ok(fs.existsSync(fileFor(out, e.link[0]['@href'])), `${f}: ${e.link[0]['@href']} exists`);
      }
    }
  });

  it('lists every page of the site in the sitemap, and nothing else', () => {
    const { urlset } = parser.parse(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8'));
    assert.equal(urlset['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs: string[] = urlset.url.map((u: { loc: string }) => u.loc);
    assert.equal(new Set(locs).size, locs.length, 'no address twice');
    const pages = files.filter((f) => f.endsWith('index.html')).map((f) => BASE + f.slice(0, -'index.html'.length));
    assert.deepEqual([...locs].sort(), pages.sort());
    // hreflang alternates are reciprocal and name the page itself.
    const alternates = new Map<string, Map<string, string>>();
    for (const u of urlset.url) if (u['xhtml:link']) alternates.set(u.loc, new Map(u['xhtml:link'].map((l: Record<string, string>) => [l['@href'], l['@hreflang']])));
    assert.ok(alternates.size >= 2);
    for (const [loc, links] of alternates) {
      assert.ok(links.has(loc), `${loc} names itself`);
      for (const href of links.keys()) assert.ok(alternates.get(href)?.has(loc), `${href} links back to ${loc}`);
    }
  });

  it('points robots.txt at the sitemap', () => {
    assert.match(fs.readFileSync(path.join(out, 'robots.txt'), 'utf8'), new RegExp(`^Sitemap: ${BASE}sitemap\\.xml$`, 'm'));
  });
});

describe('a sitemap larger than the limit', () => {
  it('is split into numbered sitemaps under a sitemap index, losing no address', () => {
    const index: SiteIndex = { articles: [], taxonomies: { topics: [], people: [], sources: [], languages: [] }, years: [], undated: [], spellings: {}, related: {} };
    const pages = Array.from({ length: 25 }, (_, i) => `articles/a${i}/`);
    const out = discoveryFiles(index, { ...DEFAULT_CONFIG, baseUrl: BASE }, pages, 10);
    const byPath = new Map(out.map((f) => [f.path, String(f.contents)]));
    const { sitemapindex } = parser.parse(byPath.get('sitemap.xml')!);
    assert.deepEqual(sitemapindex.sitemap.map((s: { loc: string }) => s.loc), [1, 2, 3].map((n) => `${BASE}sitemap-${n}.xml`));
    const locs = [1, 2, 3].flatMap((n) => parser.parse(byPath.get(`sitemap-${n}.xml`)!).urlset.url.map((u: { loc: string }) => u.loc));
    assert.deepEqual(locs, pages.map((p) => BASE + p));
  });
});
