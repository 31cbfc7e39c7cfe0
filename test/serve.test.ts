// `npm run serve`: builds, serves on localhost, and rebuilds when an article is added.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir } from './helpers/site.js';

const ROOT = path.join(import.meta.dirname, '..');

describe('npm run serve', () => {
  let child: ChildProcess | undefined;
  after(() => { child?.kill(); });

  it('serves the built site, answers 404 with the site\'s page, and rebuilds on a new article', async () => {
    const dir = tempDir('serve');
    const content = path.join(dir, 'content');
    fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
    child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/serve-cli.ts'), '--port', '0', '--content', content, '--out', path.join(dir, 'site')], { cwd: ROOT });
    let output = '';
    child.stdout!.on('data', (d) => { output += String(d); });
    child.stderr!.on('data', (d) => { output += String(d); });
    const waitFor = async (test: () => boolean | Promise<boolean>, what: string, ms = 60000) => {
      const end = Date.now() + ms;
      while (Date.now() < end) { if (await test()) return; await new Promise((r) => setTimeout(r, 200)); }
      assert.fail(`timed out waiting for ${what}; output:\n${output}`);
    };
    await waitFor(() => /at http:\/\/localhost:\d+\//.test(output), 'the server');
    const base = /at (http:\/\/localhost:\d+\/)/.exec(output)![1]!;
    const home = await fetch(base);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<html lang=/);
    const missing = await fetch(`${base}no-such-page/`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /<html lang=/);
    const count = async () => (await (await fetch(`${base}api/articles.json`)).json() as { articles: unknown[] }).articles.length;
    assert.equal(await count(), 5);
    fs.writeFileSync(path.join(content, 'new-article.md'), '---\ntitle: A new article for the preview\ndate: 2024-08-01\nlang: en\n---\n\nThe preview rebuilds when an article is added to the content folder, and the new article appears on the site.\n');
    await waitFor(async () => (await count()) === 6, 'the rebuild with the new article');
  });
});
