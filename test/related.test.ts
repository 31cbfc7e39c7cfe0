// Related articles and versions of one story across languages, and their hreflang links.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { relatedArticles } from '../src/index/related.js';
import { newestFirst } from '../src/index/sort.js';
import type { Article } from '../src/model.js';
import { runCli, tempDir } from './helpers/site.js';

/** A minimal article: people and topics by id, a day date. */
function art(id: string, lang: string, date: string | null, people: string[], topics: string[], story: string | null = null): Article {
  return {
    id, slug: id, url: `articles/${id}/`, file: `${id}.md`, format: 'markdown', title: id, titleOrigin: 'front-matter', lang, dir: 'ltr',
    date: date ? { value: date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', certainty: 'stated', evidence: 'front matter' } : null,
    source: { id: null, name: null, url: null }, author: null, agencies: [],
    people: people.map((p) => ({ id: p, name: p, registered: true, confidence: 1, mentions: [p], roleCued: false })),
    topics: topics.map((t) => ({ id: t, name: t })), summary: '', story, body: '', words: 0, extra: {}, hash: id,
  };
}

const ids = (links: { id: string }[]) => links.map((l) => l.id);

describe('versions of one story in other languages', () => {
  it('links the same story told in German and in Vietnamese, both ways, and not to a story a month earlier', () => {
    const list = [
      art('de-call', 'de', '2024-07-12', ['austin', 'belousov'], ['defence', 'nato']),
      art('vi-call', 'vi', '2024-07-12', ['austin', 'belousov'], ['defence', 'nato', 'arms']),
      art('de-june', 'de', '2024-06-25', ['austin', 'belousov'], ['defence']),
      art('it-old', 'it', '2022-05-13', ['austin', 'shoigu'], ['defence']),
    ].sort(newestFirst);
    const r = relatedArticles(list);
    assert.deepEqual(ids(r['de-call']!.versions), ['vi-call']);
    assert.deepEqual(ids(r['vi-call']!.versions), ['de-call']);
    assert.deepEqual(ids(r['de-june']!.versions), []);
    assert.deepEqual(ids(r['it-old']!.versions), []);
    // A version is not repeated among the related articles; the June call is related to both.
    assert.ok(!ids(r['de-call']!.related).includes('vi-call'));
    assert.equal(ids(r['vi-call']!.related)[0], 'de-june');
  });

  it('never makes two articles in one language versions of each other', () => {
    const r = relatedArticles([art('a', 'de', '2024-07-12', ['x', 'y'], ['t']), art('b', 'de', '2024-07-12', ['x', 'y'], ['t'])]);
    assert.deepEqual(r.a!.versions, []);
    assert.deepEqual(ids(r.a!.related), ['b']);
  });

  it('needs two shared people, day dates close together, and mostly the same topics', () => {
    const one = relatedArticles([art('a', 'de', '2024-07-12', ['x'], ['t']), art('b', 'vi', '2024-07-12', ['x'], ['t'])]);
    assert.deepEqual(one.a!.versions, [], 'one shared person is not enough');
    const far = relatedArticles([art('a', 'de', '2024-07-12', ['x', 'y'], ['t']), art('b', 'vi', '2024-07-20', ['x', 'y'], ['t'])]);
    assert.deepEqual(far.a!.versions, [], 'eight days apart');
    const monthOnly = relatedArticles([art('a', 'de', '2024-07', ['x', 'y'], ['t']), art('b', 'vi', '2024-07-12', ['x', 'y'], ['t'])]);
    assert.deepEqual(monthOnly.a!.versions, [], 'a month-precision date cannot place the story');
    const topics = relatedArticles([art('a', 'de', '2024-07-12', ['x', 'y'], ['t1', 't2']), art('b', 'vi', '2024-07-13', ['x', 'y'], ['t3', 't4'])]);
    assert.deepEqual(topics.a!.versions, [], 'no topic in common');
  });

  it('keeps one version per language, the best, and only when the choice is mutual', () => {
    const r = relatedArticles([
      art('de', 'de', '2024-07-12', ['x', 'y', 'z'], ['t']),
      art('vi-best', 'vi', '2024-07-12', ['x', 'y', 'z'], ['t']),
      art('vi-other', 'vi', '2024-07-12', ['x', 'y'], ['t']),
    ]);
    assert.deepEqual(ids(r.de!.versions), ['vi-best']);
    assert.deepEqual(ids(r['vi-best']!.versions), ['de']);
    assert.deepEqual(ids(r['vi-other']!.versions), [], 'de prefers vi-best, so vi-other gets no hreflang to de');
  });

  it('follows the front-matter story key, and story: none opts out', () => {
    const r = relatedArticles([
      art('a', 'de', '2024-07-12', [], [], 'call'),
      art('b', 'vi', '2023-01-01', [], [], 'call'),
      art('c', 'it', '2024-07-12', ['x', 'y'], ['t']),
      art('d', 'en', '2024-07-12', ['x', 'y'], ['t'], 'none'),
    ]);
    assert.deepEqual(ids(r.a!.versions), ['b']);
    assert.deepEqual(ids(r.b!.versions), ['a']);
    assert.deepEqual(r.c!.versions, []);
    assert.deepEqual(r.d!.versions, []);
  });
});

describe('related articles', () => {
  it('ranks a rare shared person above a common shared topic, and lists at most five', () => {
    const list = [art('me', 'en', '2024-01-10', ['rare'], ['common'])];
    for (let i = 0; i < 8; i++) list.push(art(`t${i}`, 'de', `2024-01-0${(i % 9) + 1}`, [], ['common', 'other']));
    list.push(art('p', 'vi', '2020-01-01', ['rare'], []));
    list.push(art('me2', 'en', '2024-01-09', [], ['common']));
    const r = relatedArticles(list.sort(newestFirst));
    assert.equal(ids(r.me!.related)[0], 'p');
    assert.ok(r.me!.related.length <= 5);
    // One shared topic alone is too weak a link.
    assert.deepEqual(r.me2!.related, []);
  });
});

describe('the sample archive', () => {
  const out = path.join(tempDir('related'), 'site');
  const page = (slug: string) => fs.readFileSync(path.join(out, 'articles', slug, 'index.html'), 'utf8');
  const de = 'uberraschende-wende-russland-sucht-dialog-mit-washington';
  const vi = 'lanh-dao-quoc-phong-nga-my-dien-dam-tim-cach-giam-nguy-co-leo-thang';
  before(() => {
    const r = runCli(['--content', 'content', '--out', out, '--base-url', 'https://example.org/news/']);
    assert.equal(r.status, 0, r.stderr);
  });

  it('links the German and the Vietnamese report of the 12 July 2024 call with hreflang, both ways', () => {
    for (const [self, selfLang, other, otherLang] of [[de, 'de', vi, 'vi'], [vi, 'vi', de, 'de']] as const) {
      const html = page(self);
      assert.ok(html.includes(`<link rel="alternate" hreflang="${selfLang}" href="https://example.org/news/articles/${self}/">`), `${self}: self hreflang`);
      assert.ok(html.includes(`<link rel="alternate" hreflang="${otherLang}" href="https://example.org/news/articles/${other}/">`), `${self}: hreflang to ${other}`);
      assert.match(html, new RegExp(`<h2 id="versions-heading">This story in other languages</h2>[\\s\\S]*?<a href="../../articles/${other}/" lang="${otherLang}"`));
    }
    const sitemap = fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    assert.ok(sitemap.includes(`<xhtml:link rel="alternate" hreflang="vi" href="https://example.org/news/articles/${vi}/"/>`));
  });

  it('gives the Italian 2022 article no versions, but related articles in other languages', () => {
    const html = page('gli-alti-funzionari-del-pentagono-non-hanno-parlato-con-le-loro-controparti');
    assert.ok(!html.includes('hreflang="it" href="https://'));
    assert.ok(!html.includes('versions-heading'));
    const related = html.slice(html.indexOf('id="related-heading"'));
    assert.match(related, /lang="de"/);
    assert.match(related, /people in common|person in common/);
  });
});

describe('a person page, paginated two articles a page', () => {
  const dir = tempDir('timeline');
  const out = path.join(dir, 'site');
  before(() => {
    fs.writeFileSync(path.join(dir, 'site.yml'), 'title: T\npageSize: 2\n');
    const r = runCli(['--content', 'content', '--out', out, '--config', path.join(dir, 'site.yml')]);
    assert.equal(r.status, 0, r.stderr);
  });

  it('shows a timeline by month whose links land on the month headings, on whichever page holds them', () => {
    const first = fs.readFileSync(path.join(out, 'people/lloyd-austin/index.html'), 'utf8');
    const timeline = first.slice(first.indexOf('id="timeline-heading"'), first.indexOf('id="articles-heading"'));
    // July 2024: two articles (German and Vietnamese), June 2024: one, and one dated only to 2022.
    assert.match(timeline, /<td class="level-2"><a href="..\/..\/people\/lloyd-austin\/#d-2024-07" title="July 2024: 2 articles">/);
    assert.match(timeline, /<td class="level-1"><a href="..\/..\/people\/lloyd-austin\/page\/2\/#d-2024-06" title="June 2024: 1 article">/);
    assert.match(timeline, /Dated only to the year: <a href="..\/..\/people\/lloyd-austin\/page\/2\/#d-2022">2022<\/a> \(1\)/);
    assert.equal((timeline.match(/<tr>/g) ?? []).length, 3, 'a head row and the years 2024 and 2022');
    assert.match(first, /<h3 class="group-title" id="d-2024-07">July 2024<\/h3>/);
    const second = fs.readFileSync(path.join(out, 'people/lloyd-austin/page/2/index.html'), 'utf8');
    assert.match(second, /<h3 class="group-title" id="d-2024-06">June 2024<\/h3>[\s\S]*<h3 class="group-title" id="d-2022">2022<\/h3>/);
    // The same timeline on every page of the listing.
    assert.ok(second.includes('page/2/#d-2024-06" title="June 2024: 1 article"'));
  });
});
