// In a real browser (Debian's Chromium, driven by playwright-core; never a browser from npm):
// the sample archive served under a sub-path, searched by a person's name in several
// spellings and scripts, with the search filters shown and no console errors or failed requests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli, serve, tempDir } from './helpers/site.js';

const CHROMIUM = '/usr/bin/chromium';

describe('search in a real browser, under /some/dir/', () => {
  const out = path.join(tempDir('browser'), 'site');
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: install it with apt-get install -y chromium (.ci/run does)`);
    const run = runCli(['--content', 'content', '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    server = await serve(out, '/some/dir/');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const search = async (q: string): Promise<string[]> => {
    await page.goto(`${server.base}search/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15000 });
    return page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  };

  it('finds the articles that name Belousov under any spelling of his name', async () => {
    const expected = (await search('Belousov')).sort();
    // The seeds write him Belousov, Beloussow, Белоусов: each spelling finds all three articles.
    assert.equal(expected.length, 3);
    for (const q of ['Beloussow', 'Белоусов', 'belousov']) assert.deepEqual((await search(q)).sort(), expected, q);
    for (const href of expected) assert.match(href, /^\/some\/dir\/articles\/[a-z0-9-]+\/$/);
  });

  it('offers filters by language, year, source, topic and person', async () => {
    await search('Belousov');
    const names = await page.$$eval('.pagefind-ui__filter-name', (els) => els.map((e) => (e.textContent ?? '').trim()));
    assert.deepEqual(names.sort(), ['Language', 'Person', 'Source', 'Topic', 'Year']);
  });

  it('opens a result: the article page', async () => {
    const [first] = await search('Шойгу');
    await page.goto(new URL(first!, server.base).href);
    assert.equal(await page.locator('article.article h1').count(), 1);
  });

  it('has no console errors and no failed requests', () => {
    assert.deepEqual(problems, []);
  });
});
