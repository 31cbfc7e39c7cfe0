// Bad and hostile input through the command line, as a user meets it, in one build: one
// fixture file per case in test/fixtures/bad-input/, the exact message for each, the rest of
// the archive built, exit status 1, and every input file either in the site or in the
// report; and a hostile article (test/fixtures/hostile/) whose every field and body tries to
// run script or leave the output folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { readArticle } from '../src/load/read.js';
import { htmlProblems, siteProblems } from './helpers/safety.js';
import { listFiles, ROOT, runCli, tempDir } from './helpers/site.js';

interface Report { summary: { failed: string[] }; problems: { file: string; line: number | null; severity: string; message: string }[] }
interface Api { articles: { file: string; url: string; title: string; lang: string; date: string | null; author: string | null; summary: string; extra: Record<string, unknown> }[] }

/** Every file of a built site with its bytes. */
function siteFiles(out: string): [string, Buffer][] {
  return listFiles(out).map((f) => [f, fs.readFileSync(path.join(out, f))]);
}

// The bad files, the hostile article, and the cases git cannot hold: a link, a pipe, a file
// too large to read (sparse: no disk used), and a file and folder whose names are markup or
// path tricks. The CLI is given the folder relative to the project root, as a user would.
const dir = tempDir('bad-input');
const content = path.join(dir, 'content');
const shown = path.relative(ROOT, content);
const out = path.join(dir, 'site');
const reportFile = path.join(dir, 'report.json');
let run: ReturnType<typeof runCli>;
let report: Report;
let api: Api;

before(() => {
  fs.cpSync(path.join(ROOT, 'test/fixtures/bad-input'), content, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/hostile/hostile.md'), path.join(content, 'hostile.md'));
  fs.symlinkSync('good.md', path.join(content, 'link.md'));
  assert.equal(spawnSync('mkfifo', [path.join(content, 'pipe.md')]).status, 0, 'mkfifo');
  fs.closeSync(fs.openSync(path.join(content, 'huge.txt'), 'w'));
  fs.truncateSync(path.join(content, 'huge.txt'), 40 * 1024 * 1024);
  fs.mkdirSync(path.join(content, '%2e%2e%2f..%2f'));
  fs.writeFileSync(path.join(content, '%2e%2e%2f..%2f', '"><img src=x onerror=alert(1)>.md'), '---\ntitle: Named badly\ndate: 2024-05-02\nlang: en\nslug: /etc/cron.d/x\n---\n\nAn article whose file name is markup.\n');
  run = runCli(['--content', shown, '--out', out, '--report', reportFile, '--no-cache', '--quiet', '--base-url', 'https://example.org/news']);
  report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  api = JSON.parse(fs.readFileSync(path.join(out, 'api/articles.json'), 'utf8'));
});

describe('bad files', () => {
  /** The lines the build printed about one file. */
  const about = (file: string) => run.stderr.split('\n').filter((l) => l.startsWith(`${shown}/${file}:`));

  it('exits 1, names the files not built, and builds the rest', () => {
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^Built 13 articles into .* 11 errors, \d+ warnings, \d+ notices; 11 files not built\.$/m);
    assert.deepEqual(report.summary.failed, [
      'alias-loop.md', 'binary.txt', 'broken-yaml.md', 'empty.md', 'huge.txt', 'link.md', 'list-front-matter.md', 'pipe.md', 'unclosed.md', 'whitespace.txt', 'with-sidecar.txt.meta.yml',
    ]);
    assert.deepEqual(api.articles.map((a) => a.file).sort(), [
      '%2e%2e%2f..%2f/"><img src=x onerror=alert(1)>.md', 'bom-crlf.md', 'dup-a.md', 'dup-b.md', 'good.md', 'hostile.md', 'latin1.txt', 'mixed.txt', 'slug-a.md', 'slug-b.md', 'utf16.txt', 'with-sidecar.txt', 'wrong-types.md',
    ]);
  });

  it('puts every input file in the site or in the report', () => {
    const inSite = new Set(api.articles.map((a) => a.file));
    const reported = new Set(report.problems.map((p) => p.file));
    const inputs = listFiles(content).concat(['link.md', 'pipe.md']).filter((f) => !f.startsWith('_') && !f.startsWith('.'));
    for (const f of inputs) assert.ok(inSite.has(f) || inSite.has(f.replace(/\.meta\.yml$/, '')) || reported.has(f), `${f} is neither in the site nor in the report`);
    // And no file is both built and reported as not built.
    for (const f of report.summary.failed) assert.ok(!inSite.has(f), `${f} is in the site and in the failed list`);
  });

  it('reports front matter YAML cannot read with file, line, column and the parser reason', () => {
    assert.deepEqual(about('broken-yaml.md'), [`${shown}/broken-yaml.md:4:10: front-matter: error: YAML cannot read the front matter: Nested mappings are not allowed in compact mappings. Fix the YAML (quote values that contain ": " or start with a special character); the file was not built`]);
    assert.deepEqual(about('unclosed.md'), [`${shown}/unclosed.md:1: front-matter: error: the front matter opened on line 1 is never closed; add a line holding only --- after its last field (a file that starts with --- must have front matter); the file was not built`]);
    assert.deepEqual(about('list-front-matter.md'), [`${shown}/list-front-matter.md:2: front-matter: error: the front matter must be a mapping of fields (title: …, date: …), not a list; the file was not built`]);
    assert.deepEqual(about('alias-loop.md'), [`${shown}/alias-loop.md:2:1: front-matter: error: YAML cannot read the front matter: an alias refers to the value that holds it (a circular reference). Fix the YAML (quote values that contain ": " or start with a special character); the file was not built`]);
    assert.deepEqual(about('with-sidecar.txt.meta.yml'), [`${shown}/with-sidecar.txt.meta.yml:3:1: sidecar: error: YAML cannot read the corrections: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix the YAML (quote values that contain ": " or start with a special character); the article was built without them`]);
    assert.equal(api.articles.find((a) => a.file === 'with-sidecar.txt')!.title, 'Neue Brücke eröffnet', 'built from the capture alone');
  });

  it('refuses empty, blank and binary files, links, pipes and files too large to be an article', () => {
    assert.deepEqual(about('empty.md'), [`${shown}/empty.md: file: error: empty file; add the article text or delete the file`]);
    assert.deepEqual(about('whitespace.txt'), [`${shown}/whitespace.txt:1: body: error: no article text and no title; add the text or delete the file`]);
    assert.deepEqual(about('binary.txt'), [`${shown}/binary.txt: file: error: binary file (NUL or control bytes), not an article; remove it from the content folder, or save the text as UTF-8`]);
    assert.deepEqual(about('link.md'), [`${shown}/link.md: file: error: a symbolic link; links are not followed. Put the file itself here instead of a link to it`]);
    assert.deepEqual(about('pipe.md'), [`${shown}/pipe.md: file: error: not a regular file (a pipe, socket or device); remove it from the content folder`]);
    assert.deepEqual(about('huge.txt'), [`${shown}/huge.txt: file: error: 40.0 MB: too large to be an article (the limit is 32.0 MB); split it into its articles, or move it out of the content folder`]);
    assert.deepEqual(about('notes.pdf'), [`${shown}/notes.pdf: file: warning: not an article (only .md, .markdown, .txt are read); skipped. Move it out of the content folder or rename it`]);
  });

  it('reads Windows-1252, UTF-16 and UTF-8 mixed with Latin-1 as the letters they hold, with a warning; a BOM and CRLF silently', () => {
    assert.deepEqual(about('latin1.txt'), [`${shown}/latin1.txt:1: encoding: warning: not UTF-8 (the first byte that is not, 0xFC, is on line 1); read as Windows-1252 (Latin-1). Check the accented letters, then save the file as UTF-8`]);
    assert.deepEqual(about('mixed.txt'), [`${shown}/mixed.txt:4: encoding: warning: mostly UTF-8, but 5 bytes are not (the first, 0xFC, on line 4); read them as Windows-1252 (Latin-1). Check the letters there, then save the file as UTF-8`]);
    assert.deepEqual(about('utf16.txt'), [`${shown}/utf16.txt: encoding: warning: saved as UTF-16LE; read as such. Save the file as UTF-8`]);
    assert.deepEqual(about('bom-crlf.md'), []);
    const byFile = (f: string) => api.articles.find((a) => a.file === f)!;
    assert.equal(byFile('latin1.txt').title, 'Bürgermeisterin äußert sich zur Lage');
    assert.equal(byFile('utf16.txt').title, 'Hafen wird erweitert');
    const mixed = fs.readFileSync(path.join(out, byFile('mixed.txt').url, 'index.html'), 'utf8');
    assert.ok(mixed.includes('Die Straßenbahn fährt seit Montag') && mixed.includes('Auch die Bürger in Süd-Köln'), 'both encodings read right');
    assert.deepEqual([byFile('bom-crlf.md').title, byFile('bom-crlf.md').date, byFile('bom-crlf.md').lang], ['Fähre fährt wieder', '2024-03-07', 'de']);
  });

  it('drops front-matter values of the wrong type with a warning, and builds the article', () => {
    assert.deepEqual(about('wrong-types.md'), [
      `${shown}/wrong-types.md:3: people: warning: must be a list of names, not a number (42); the people are found in the text. Write people: [Anna Schmidt, Lloyd Austin]`,
      `${shown}/wrong-types.md:4: date: warning: cannot read "not a date" as a date; write date: YYYY-MM-DD (or YYYY-MM, YYYY). The date was looked for in the text instead`,
      `${shown}/wrong-types.md:5: lang: warning: "xx-invalid" is not an ISO 639-1 language code; the language was detected from the text instead. Write lang: de (two letters)`,
      `${shown}/wrong-types.md:6: draft: warning: must be true or false, not "yes"; the article is published. Write draft: true`,
    ]);
    const a = api.articles.find((x) => x.file === 'wrong-types.md')!;
    assert.deepEqual([a.title, a.lang, a.date], ['Falsche Felder', 'de', null]);
  });

  it('reports two files holding one article, and resolves a slug collision by date, naming the file that keeps the address', () => {
    assert.deepEqual(about('dup-b.md'), [`${shown}/dup-b.md: duplicate: warning: nearly the same text as dup-a.md (91% of their five-word runs shared); both are in the site (articles/markthalle-wird-bibliothek/ and articles/aus-der-markthalle-wird-eine-bibliothek/). If they are one article, delete one file or mark it draft: true`]);
    assert.deepEqual(about('dup-a.md'), []);
    assert.deepEqual(about('slug-b.md'), [`${shown}/slug-b.md: slug: warning: articles/hochwasser/ is the address of slug-a.md, which is dated earlier or comes first by file name; this article is at articles/hochwasser-2024-03-11/. Give it a slug: of its own to choose`]);
    assert.deepEqual(api.articles.filter((a) => a.file.startsWith('slug-')).map((a) => [a.file, a.url]).sort(), [['slug-a.md', 'articles/hochwasser/'], ['slug-b.md', 'articles/hochwasser-2024-03-11/']]);
  });

  it('warns about a file of several megabytes, and still reads it', () => {
    const paragraph = 'Der Rat tagte am Montag und beschloss nach langer Debatte den Haushalt für das kommende Jahr. ';
    const big = Buffer.from(`Ein sehr langer Text\n\n${paragraph.repeat(40_000)}`);
    const r = readArticle('big.txt', big);
    assert.ok(r.article, 'read');
    assert.deepEqual(r.diagnostics.map((d) => `${d.file}: ${d.field}: ${d.severity}: ${d.message}`), ['big.txt: file: warning: 3.6 MB, far longer than a news article; it was built, but check that it holds one article and not a whole site or several articles']);
  });
});

describe('hostile content', () => {
  let page: string;
  before(() => { page = fs.readFileSync(path.join(out, 'articles/escaped/index.html'), 'utf8'); });

  it('builds both articles, each inside the output folder whatever its slug or file name', () => {
    const urls = new Map(api.articles.map((a) => [a.file, a.url]));
    assert.deepEqual([urls.get('hostile.md'), urls.get('%2e%2e%2f..%2f/"><img src=x onerror=alert(1)>.md')], ['articles/escaped/', 'articles/etc-cron-d-x/']);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['content', 'report.json', 'site'], 'nothing written beside the output folder');
    assert.match(run.stderr, /hostile\.md: slug: warning: slug "\.\.\/\.\.\/\.\.\/escaped" is not lowercase ASCII words joined by hyphens; "escaped" is used\. Write slug: escaped/);
  });

  it('writes no script, event handler, javascript: or data: URL, frame, object, form or style anywhere in the site', () => {
    assert.deepEqual(siteProblems(siteFiles(out)), []);
  });

  it('keeps the harmless part of the article body and drops the rest', () => {
    const body = page.slice(page.indexOf('<div class="article-body"'), page.indexOf('<div class="search-keys"'));
    for (const kept of ['A kept paragraph with <em>emphasis</em> written in HTML.', '<img src="https://example.org/photo.jpg" alt="photo">', '<a href="https://example.org/ok">a web link</a>', '<div>A styled block whose text stays.</div>', 'The last paragraph.']) {
      assert.ok(body.includes(kept), `lost: ${kept}`);
    }
    for (const gone of ['alert(', 'frame text', 'display: none', '<svg', 'Send']) assert.ok(!body.includes(gone), `kept: ${gone}`);
  });

  it('escapes front-matter values in the title, attributes, JSON-LD, the JSON API and the feeds', () => {
    const title = '</title><script>alert(1)</script> & "quoted" ]]> {{constructor}}';
    assert.ok(page.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; ]]&gt; {{constructor}} · '), 'the <title>');
    assert.ok(page.includes('<meta property="og:title" content="&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; ]]&gt; {{constructor}}">'), 'an attribute');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
    assert.deepEqual([ld.headline, ld.author.name, ld.description], [title, '"><img src=x onerror=alert(2)>', '</script>\u2028<script>alert(3)</script>']);
    const a = api.articles.find((x) => x.url === 'articles/escaped/')!;
    assert.deepEqual([a.title, a.extra.edition], [title, '<script>alert(8)</script>']);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(fs.readFileSync(path.join(out, 'feed.xml'), 'utf8'));
    assert.ok(Array.isArray(feed.feed.entry));
    const entry = feed.feed.entry.find((e: { id: string }) => e.id.endsWith('articles/escaped/'));
    assert.equal(entry.title, title);
    assert.equal(entry.author.name, '"><img src=x onerror=alert(2)>');
  });
});

describe('the safety check itself', () => {
  it('finds each kind of unsafe markup a page could hold', () => {
    const cases: [string, RegExp][] = [
      ['<p><script>alert(1)</script></p>', /script "alert\(1\)"/],
      ['<img src=x onerror=alert(1)>', /<img onerror>/],
      ['<a href=" JaVa\tScRiPt:alert(1)">x</a>', /<a href=/],
      ['<img src="data:image/svg+xml,x">', /<img src=/],
      ['<iframe src="https://x"></iframe>', /<iframe> element/],
      ['<form><input></form>', /<form> element/],
      ['<div style="color:red">x</div>', /<div style>/],
      ['<style>p{}</style>', /<style> element/],
      ['<script type="application/ld+json">{"a":</script>', /JSON-LD that is not JSON/],
    ];
    for (const [html, problem] of cases) assert.match(htmlProblems(html, 'page').join('\n'), problem, html);
    assert.deepEqual(htmlProblems('<p><a href="https://example.org/">ok</a> <img src="x.png" alt=""></p><script src="../pagefind/2024/pagefind-ui.js"></script>', 'page'), []);
  });
});

// A template that throws on some pages (here: a partial that does not exist, used only on
// Italian articles) leaves those pages out with an error naming the article; one that throws
// on every page of its kind stops the build and keeps the published site.
describe('a template that cannot render a page', () => {
  const work = tempDir('bad-template');
  const templates = path.join(work, 'templates');
  const site = path.join(work, 'site');
  const shownTemplates = templates;
  const args = () => ['--content', 'content', '--out', site, '--templates', shownTemplates, '--public', 'public', '--no-cache', '--quiet'];

  it('leaves out the page it fails on, names the article, builds the rest and exits 1', () => {
    fs.cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    const article = path.join(templates, 'article.hbs');
    fs.writeFileSync(article, `{{#if (eq article.lang "it")}}{{> no-such-partial}}{{/if}}\n${fs.readFileSync(article, 'utf8')}`);
    const r = runCli(args());
    assert.equal(r.status, 1, r.stderr);
    const line = r.stderr.split('\n').find((l) => l.includes('render:'));
    assert.equal(line?.replace(/articles\/[a-z0-9-]+\//, 'articles/SLUG/'), `content/003_c5c02ba3d7058d81.txt: render: error: its page articles/SLUG/index.html could not be rendered (The partial no-such-partial could not be found) and was left out of the site. If ${shownTemplates}/article.hbs was changed, check it; otherwise this is a bug: please report it with the file`);
    const pages = listFiles(site).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
    assert.equal(pages.length, 4, 'the four other articles have their pages');
    assert.ok(!fs.existsSync(path.join(site, line!.match(/its page (\S+)/)![1]!)), 'the page left out is not written');
  });

  it('stops, with exit status 2, when the template fails on every page of its kind, and leaves the published site as it was', () => {
    const before = siteFiles(site);
    fs.writeFileSync(path.join(templates, 'home.hbs'), '{{> no-such-partial}}');
    const r = runCli(args());
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').at(-1), `${shownTemplates}/home.hbs: no page of this kind could be rendered (The partial no-such-partial could not be found); fix the template. The published site was left as it was`);
    assert.deepEqual(siteFiles(site), before);
  });
});
