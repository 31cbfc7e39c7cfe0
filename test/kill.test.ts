// A build killed (kill -9) at any moment leaves the published site whole, and nothing it
// left behind (half-written files, cache entries, staging folders) changes a later build.
// Only what a user can observe is used: the command, the output folder, the cache folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { writeSynthArchive } from '../scripts/lib/synth.js';
import { listFiles, ROOT, runCli, snapshot, tempDir } from './helpers/site.js';

/** Every file of a folder with a hash of its bytes; null when the folder is missing. */
function snapshotOrNull(dir: string): Map<string, string> | null {
  return fs.existsSync(dir) ? snapshot(dir) : null;
}

/** How a run ended: killed (at what moment, after which stage timings) or finished. */
interface Run { killed: boolean; ms: number; stages: string[] }

/** When to kill: after a delay; or, plus `thenMs`, once a stage is done (NEWSARCHIVE_TIMINGS) or at the first change in a folder. */
interface Moment { afterMs?: number; afterStage?: string; onChangeIn?: string[]; thenMs?: number }

/** Runs the build and kills it with SIGKILL at the moment given. */
function buildUntil(args: string[], when: Moment): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, NEWSARCHIVE_TIMINGS: '1' } });
    const stages: string[] = [];
    let killed = false;
    const kill = () => {
      if (killed || child.exitCode !== null) return;
      killed = child.kill('SIGKILL');
    };
    const timers: NodeJS.Timeout[] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      for (const m of String(chunk).matchAll(/^timing: (\S+)/gm)) {
        stages.push(m[1]!);
        if (m[1] === when.afterStage) timers.push(setTimeout(kill, when.thenMs ?? 0));
      }
    });
    child.stdout.resume();
    if (when.afterMs !== undefined) timers.push(setTimeout(kill, when.afterMs));
    const watchers = (when.onChangeIn ?? []).filter((d) => fs.existsSync(d)).map((d) => fs.watch(d, () => timers.push(setTimeout(kill, when.thenMs ?? 0))));
    child.on('exit', () => {
      for (const t of timers) clearTimeout(t);
      for (const w of watchers) w.close();
      resolve({ killed, ms: Date.now() - started, stages: [...stages] });
    });
  });
}

describe('a build killed midway', () => {
  const dir = tempDir('kill');
  const content = path.join(dir, 'content');
  const cache = path.join(dir, 'cache');
  // The output folder alone in its parent, so that any change there is the build writing.
  const outParent = path.join(dir, 'published');
  const out = path.join(outParent, 'site');
  const args = (outDir: string, ...more: string[]) => ['--content', content, '--out', outDir, '--templates', path.join(ROOT, 'templates'), '--public', path.join(ROOT, 'public'), '--quiet', '--jobs', '2', ...more];
  let published: Map<string, string>;

  before(async () => {
    writeSynthArchive(content, 10);
    fs.mkdirSync(outParent);
    await buildUntil(args(out, '--cache-dir', cache), {});
    published = snapshotOrNull(out)!;
    assert.ok(published.size > 100, 'the first build published a site');
    // The next version of the archive: as many new articles, so that normalising takes a while, and one changed.
    writeSynthArchive(content, 20, 10);
    fs.appendFileSync(path.join(content, 'batch-000/000003.md'), '\nA paragraph added later.\n');
  });

  it('leaves the published site whole, at any moment, and a later build gives the right site', async (t) => {
    const moments: [string, Moment][] = [
      ['while starting', { afterMs: 150 }],
      ['while reading and normalising', { afterStage: 'setup', thenMs: 400 }],
      ['after normalising', { afterStage: 'normalise' }],
      ['as the write begins', { onChangeIn: [outParent, out] }],
      ['during the write', { onChangeIn: [outParent, out], thenMs: 40 }],
    ];
    // The site the new content should give, built from scratch elsewhere, on the other core meanwhile.
    const fresh = path.join(dir, 'fresh');
    const reference = buildUntil(args(fresh, '--no-cache'), {});
    const after: { moment: string; run: Run; site: Map<string, string> | null }[] = [];
    for (const [moment, when] of moments) {
      const run = await buildUntil(args(out, '--cache-dir', cache), when);
      after.push({ moment, run, site: snapshotOrNull(out) });
      t.diagnostic(`${moment}: ${run.killed ? `killed after ${run.ms} ms, stages done: ${run.stages.join(', ') || 'none'}` : `finished in ${run.ms} ms`}`);
    }
    assert.ok(after.every((a) => a.run.killed), 'a build finished before it could be killed');

    assert.equal((await reference).killed, false);
    const expected = snapshotOrNull(fresh)!;
    assert.ok(expected.size > 100, 'the reference build wrote a site');
    for (const { moment, site } of after) {
      assert.ok(site, `killed ${moment}, the output folder is gone`);
      assert.ok(sameSite(site, published) || sameSite(site, expected), `killed ${moment}, the output folder is neither the old site nor the new one`);
    }
    // Whatever the killed builds left behind, the next build completes and gives the right site.
    const next = runCli(args(out, '--cache-dir', cache));
    assert.equal(next.status, 0, next.stderr);
    assert.ok(sameSite(snapshotOrNull(out)!, expected), 'the build after the kills differs from a fresh build');
    t.diagnostic(`left beside the output folder: ${fs.readdirSync(outParent).filter((f) => f !== 'site').join(', ') || 'nothing'}`);
  });

  // Killed between its two renames (the published site moved aside, the new one not yet in
  // place): the next build, even one killed before it writes, first puts the old site back.
  it('puts back the site a build killed between its two renames had moved aside', async () => {
    const before = snapshotOrNull(out)!;
    const gone = spawnSync('true').pid!;
    fs.renameSync(out, `${out}.old-${gone}`);
    fs.mkdirSync(`${out}.tmp-${gone}/articles`, { recursive: true });
    fs.writeFileSync(`${out}.tmp-${gone}/articles/half-written.html`, '<p');
    // A change since, so that the next build has work to do and can be killed before it writes.
    fs.appendFileSync(path.join(content, 'batch-000/000004.md'), '\nAnother paragraph added later.\n');
    const run = await buildUntil(args(out, '--cache-dir', cache), { afterStage: 'setup' });
    assert.ok(run.killed, 'the build finished before it could be killed');
    assert.ok(sameSite(snapshotOrNull(out) ?? new Map(), before), 'the site moved aside is not back in place');
    const next = runCli(args(out, '--cache-dir', cache));
    assert.equal(next.status, 0, next.stderr);
    assert.ok(!sameSite(snapshotOrNull(out)!, before), 'the change was not published');
    assert.deepEqual(fs.readdirSync(outParent), ['site'], 'the killed build left folders behind');
  });
});

function sameSite(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([f, h]) => b.get(f) === h);
}
