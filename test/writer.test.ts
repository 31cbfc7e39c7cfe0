// The disk writer: pages are written into the staging folder as they are rendered, and the
// published site changes only when the whole new site is swapped in.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DiskWriter } from '../src/write/disk.js';

function tempOut(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsarchive-writer-'));
  return path.join(dir, 'dist');
}

const read = (out: string, p: string) => fs.readFileSync(path.join(out, p), 'utf8');

describe('the disk writer', () => {
  it('writes a staged page beside the site, publishes it only with the rest, and reads it back before and after', async () => {
    const out = tempOut();
    const writer = new DiskWriter(out);
    await writer.write([{ path: 'index.html', contents: 'old home' }, { path: 'a/index.html', contents: 'old a' }]);

    writer.begin();
    const staged = writer.stage('a/index.html', 'new a');
    // The published site is untouched until the swap; the page is in the staging folder.
    assert.equal(read(out, 'a/index.html'), 'old a');
    assert.equal(String(staged.contents), 'new a');
    assert.ok(staged.source && staged.source.startsWith(`${out}.tmp-`), `staged at ${staged.source}`);

    await writer.write([staged, { path: 'index.html', contents: 'new home' }]);
    assert.equal(read(out, 'a/index.html'), 'new a');
    assert.equal(read(out, 'index.html'), 'new home');
    // After the swap the page is read from the site, and nothing is left beside it.
    assert.equal(staged.source, path.join(out, 'a', 'index.html'));
    assert.equal(String(staged.contents), 'new a');
    assert.deepEqual(fs.readdirSync(path.dirname(out)), ['dist']);
  });

  it('drops what a failed build staged when the next build begins, in the same process', async () => {
    const out = tempOut();
    const writer = new DiskWriter(out);
    await writer.write([{ path: 'index.html', contents: 'home' }]);
    writer.begin();
    writer.stage('half/index.html', 'from a build that then failed');
    // The next build (npm run serve keeps one writer) starts again and does not publish the leftover.
    writer.begin();
    await writer.write([writer.stage('index.html', 'home 2')]);
    assert.deepEqual(fs.readdirSync(out).sort(), ['index.html']);
    assert.equal(read(out, 'index.html'), 'home 2');
  });

  it('refuses to stage a page outside the site', () => {
    const writer = new DiskWriter(tempOut());
    writer.begin();
    assert.throws(() => writer.stage('../escape.html', 'x'), /leaves the output directory/);
    assert.throws(() => writer.stage('/etc/passwd', 'x'), /leaves the output directory/);
  });
});
