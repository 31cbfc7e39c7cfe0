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
    // A request cut short by the next navigation (net::ERR_ABORTED) is no failure; a 404 is caught below.
    page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`); });
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

  it('walks home → topic → article → person → article by clicking links', async () => {
    await page.goto(server.base);
    const click = async (selector: string, pattern: RegExp) => {
      const links = page.locator(selector);
      const count = await links.count();
      for (let i = 0; i < count; i++) {
        const href = (await links.nth(i).getAttribute('href')) ?? '';
        if (pattern.test(new URL(href, page.url()).pathname)) {
          await Promise.all([page.waitForLoadState('load'), links.nth(i).click()]);
          return;
        }
      }
      assert.fail(`no link matching ${pattern} on ${page.url()}`);
    };
    await click('main a', /\/some\/dir\/topics\/[^/]+\/$/);
    assert.match(page.url(), /\/topics\/[^/]+\/$/);
    await click('main a', /\/some\/dir\/articles\/[^/]+\/$/);
    const first = page.url();
    assert.equal(await page.locator('article.article h1').count(), 1);
    await click('article.article .meta a', /\/some\/dir\/people\/[^/]+\/$/);
    assert.match(page.url(), /\/people\/[^/]+\/$/);
    await click('main a', /\/some\/dir\/articles\/[^/]+\/$/);
    assert.equal(await page.locator('article.article h1').count(), 1);
    assert.ok(page.url().startsWith(server.base), `${first} → ${page.url()}`);
  });

  /** One page of each kind, reached from the served site: an article, a topic, a person, a year, a month. */
  let kinds: string[] | null = null;
  const pageKinds = async (): Promise<string[]> => {
    if (kinds) return kinds;
    const pick = async (from: string, pattern: RegExp) => {
      await page.goto(new URL(from, server.base).href);
      const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      const hit = hrefs.find((h) => pattern.test(h));
      assert.ok(hit, `no link matching ${pattern} on ${from}`);
      return hit!;
    };
    kinds = [
      server.base,
      await pick('', /\/articles\/[^/]+\/$/),
      new URL('topics/', server.base).href,
      await pick('topics/', /\/topics\/[^/]+\/$/),
      await pick('people/', /\/people\/[^/]+\/$/),
      new URL('archive/', server.base).href,
      await pick('archive/', /\/archive\/\d{4}\/$/),
      await pick('archive/', /\/archive\/\d{4}\/\d{2}\/$/),
      new URL('search/?q=Belousov', server.base).href,
    ];
    return kinds;
  };

  it('has no serious or critical accessibility violations (axe) on any page kind, in light and dark', async () => {
    const urls = await pageKinds();
    const axe = path.join(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js');
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const url of urls) {
        await page.goto(url);
        if (url.includes('search/')) await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15000 });
        await page.addScriptTag({ path: axe });
        const violations = await page.evaluate(async () => {
          const r = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        for (const v of violations) found.push(`${scheme} ${url.slice(server.base.length) || '/'}: ${v}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('never scrolls sideways, from a 320 px phone to a 1280 px desktop; screenshots in test/.screenshots/', async () => {
    const shots = path.join(import.meta.dirname, '.screenshots');
    fs.mkdirSync(shots, { recursive: true });
    const wide: string[] = [];
    for (const width of [320, 390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const url of await pageKinds()) {
        await page.goto(url);
        if (url.includes('search/')) await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15000 });
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        const name = url.slice(server.base.length).replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
        if (scroll > width) wide.push(`${name} at ${width} px: ${scroll} px wide`);
        if (width !== 320) await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    assert.deepEqual(wide, []);
  });

  it('has no console errors and no failed requests', () => {
    assert.deepEqual(problems, []);
  });
});
