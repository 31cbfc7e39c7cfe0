// The command line as a user meets it: exit status and the exact messages.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ROOT, runCli, tempDir } from './helpers/site.js';

describe('the build command', () => {
  it('stops with exit 2 and names the file when a registry is not valid YAML', () => {
    const r = runCli(['--content', 'test/fixtures/bad-registry', '--out', path.join(tempDir('cli'), 'site')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^_data\/topics\.yml:\d+: registry: YAML cannot read it: .+Fix the YAML/m);
  });

  it('stops with exit 2 on an unknown option or a missing content folder', () => {
    const a = runCli(['--nonsense']);
    assert.equal(a.status, 2);
    assert.match(a.stderr, /Unknown option '--nonsense'/);
    assert.match(a.stderr, /Usage: npm run build/);
    const b = runCli(['--content', 'no/such/dir']);
    assert.equal(b.status, 2);
    assert.match(b.stderr, /^no\/such\/dir: content folder not found/m);
  });

  it('rejects a base URL that is not absolute (exit 2)', () => {
    const r = runCli(['--base-url', 'example.org']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--base-url: base URL "example\.org" is not an absolute URL/);
  });

  it('builds Markdown with front matter: aliases resolve, drafts stay out, unknown fields reach the page data', () => {
    const out = path.join(tempDir('cli-md'), 'site');
    const r = runCli(['--content', 'test/fixtures/markdown', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /draft\.md:3: draft: notice: marked draft: true; left out of the site/);
    const api = JSON.parse(fs.readFileSync(path.join(out, 'api/articles.json'), 'utf8'));
    assert.equal(api.articles.length, 1);
    const a = api.articles[0];
    assert.equal(a.title, 'La OTAN refuerza su flanco este');
    assert.equal(a.lang, 'es');
    assert.equal(a.date, '2024-07-10');
    assert.deepEqual(a.source, { id: 'el-diario', name: 'El Diario', url: 'https://www.example.es/otan-flanco-este' });
    assert.equal(a.author, 'Ana Pérez');
    assert.deepEqual(a.extra, { edition: 'print' });
    assert.deepEqual(a.topics, [{ id: 'defensa', name: 'Defensa' }, { id: 'nato', name: 'NATO' }]);
    assert.deepEqual(a.people.map((p: { id: string; registered: boolean }) => [p.id, p.registered]), [['lloyd-austin', true], ['jens-stoltenberg', false]]);
    const html = fs.readFileSync(path.join(out, a.url, 'index.html'), 'utf8');
    assert.match(html, /<strong>Washington<\/strong>/);
    assert.match(html, /<li>Primer punto<\/li>/);
    assert.match(html, /<h2>Contexto<\/h2>/);
    assert.equal((html.match(/<h1[ >]/g) ?? []).length, 1);
    // The heading that repeats the title is not rendered twice.
    assert.equal((html.match(/La OTAN refuerza su flanco este<\/h1>/g) ?? []).length, 1);
  });
});

describe('the review command', () => {
  const review = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/review-cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  it('lists what needs a human in the sample archive, one row per item', () => {
    const r = review(['--content', 'content', '--full']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^FILE +WHAT +DETAIL AND WHAT TO DO$/m);
    assert.match(r.stdout, /^003_c5c02ba3d7058d81\.txt:5 +date inferred +date inferred as 2022: .*18 febbraio.*invasion of Ukraine \(2022-02-24\)/m);
    assert.match(r.stdout, /^001_48882265d00560c3\.txt +no source +no source found; add source: \{name, url\} to 001_48882265d00560c3\.txt\.meta\.yml$/m);
    assert.match(r.stdout, /^\d+ items in 5 articles: 5 date inferred, 2 no source, 1 title from first sentence\.$/m);
  });
  it('lists unregistered people with their confidence, and filters by kind', () => {
    const r = review(['--content', 'test/corpus/dev/content', '--kind', 'unregistered-person', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const items = JSON.parse(r.stdout) as { file: string; kind: string; message: string }[];
    assert.ok(items.length > 5);
    assert.ok(items.every((i) => i.kind === 'unregistered-person'));
    assert.ok(items.some((i) => i.file === 'de-wehrbericht-maerz-2023.txt' && /"Eva Högl" is not in the people registry; included as a person \(confidence 0\.\d+/.test(i.message)), JSON.stringify(items.slice(0, 3)));
  });
  it('rejects an unknown kind (exit 2)', () => {
    const r = review(['--kind', 'nonsense']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--kind nonsense: unknown; choose from no-date, date-inferred/);
  });
  it('puts the same list in the build report', () => {
    const report = path.join(tempDir('cli-review'), 'report.json');
    const r = runCli(['--out', path.join(tempDir('cli'), 'site'), '--report', report, '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /5 articles need a human look \(5 date inferred, 2 no source, 1 title from first sentence\): npm run review/);
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { review: { kind: string }[] };
    assert.deepEqual(json.review.map((i) => i.kind).sort(), ['date-inferred', 'date-inferred', 'date-inferred', 'date-inferred', 'date-inferred', 'no-source', 'no-source', 'title-derived']);
  });
});
