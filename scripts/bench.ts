// npm run bench -- [--sizes 1000,10000] [--jobs N] [--dir DIR] [--compare | --only-others]
//
// Builds a deterministic synthetic archive (scripts/lib/synth.ts) of each size three ways,
// each in a fresh process, and prints wall time and peak memory (from /usr/bin/time):
//   cold     no cache, no previous output
//   no-op    again, nothing changed
//   add-one  one article added
// then checks that the add-one output equals, byte for byte, a cold build of the same
// content with an empty cache. Output and corpus go to tmpfs (/dev/shm) when it exists.
// --compare also builds the corpus with Hugo and Eleventy (scripts/compare/) and prints a
// table per size with our times over theirs; --only-others runs only Hugo and Eleventy.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareOthers, Expected, table, type Result } from './compare/compare.js';
import { countPages } from './compare/common.js';
import { synthArticle, writeSynthArchive } from './lib/synth.js';
import { needTime, timed, type Timed } from './lib/timed.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({
  options: { sizes: { type: 'string' }, jobs: { type: 'string' }, dir: { type: 'string' }, compare: { type: 'boolean' }, 'only-others': { type: 'boolean' } },
});
const ours = !values['only-others'];
const compare = values.compare || values['only-others'];
const sizes = (values.sizes ?? '1000,10000').split(',').map(Number);
const base = values.dir ?? (fs.existsSync('/dev/shm') ? '/dev/shm/newsarchive-bench' : path.join(os.tmpdir(), 'newsarchive-bench'));
needTime('bench');
if (ours) spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });

/** Runs one build in a fresh process; wall time and peak resident memory. */
function build(dir: string, out: string, cache: string): Timed & { summary: string } {
  const r = timed(process.execPath, ['--max-old-space-size=12288', path.join(ROOT, 'lib/cli.js'), '--content', path.join(dir, 'content'), '--out', out,
    '--cache-dir', cache, '--templates', path.join(ROOT, 'templates'), '--public', path.join(ROOT, 'public'),
    '--config', path.join(dir, 'site.yml'), '--quiet', ...(values.jobs ? ['--jobs', values.jobs] : [])], { ok: [0, 1] });
  return { ...r, summary: r.stdout.split('\n').find((l) => l.startsWith('Built')) ?? '' };
}

/** A hash of every file under a folder, by path. */
function treeHash(dir: string): string {
  const h = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else h.update(`${path.relative(dir, full)}\0`).update(fs.readFileSync(full)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}

/**
 * Our cold, no-op and add-one builds of the archive in `dir`, the add-one output checked
 * against a cold build; with `expected`, the site checked as the other tools' are.
 */
function benchOurs(n: number, dir: string, expected: Expected | null): { row: string; result: Result } {
  const content = path.join(dir, 'content');
  const extra = synthArticle(n);
  const extraFile = path.join(content, 'batch-added', extra.name);
  const out = path.join(dir, 'site');
  const cache = path.join(dir, 'cache');
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
  process.stderr.write(`bench: ${n} articles: cold build\n`);
  const cold = build(dir, out, cache);
  const pages = countPages(out);
  const problems = expected?.check(out, n).map((p) => `cold: ${p}`) ?? [];
  process.stderr.write(`bench: ${n} articles: no-op build\n`);
  const noop = build(dir, out, cache);
  fs.mkdirSync(path.dirname(extraFile), { recursive: true });
  fs.writeFileSync(extraFile, extra.contents);
  process.stderr.write(`bench: ${n} articles: add-one build\n`);
  const addOne = build(dir, out, cache);
  problems.push(...(expected?.check(out, n + 1).map((p) => `add one: ${p}`) ?? []));
  // The reference: a cold build of the same content with an empty cache.
  const refOut = path.join(dir, 'site-ref');
  const refCache = path.join(dir, 'cache-ref');
  fs.rmSync(refOut, { recursive: true, force: true });
  fs.rmSync(refCache, { recursive: true, force: true });
  process.stderr.write(`bench: ${n} articles: reference cold build of the same content\n`);
  build(dir, refOut, refCache);
  const identical = treeHash(out) === treeHash(refOut);
  fs.rmSync(path.dirname(extraFile), { recursive: true, force: true });
  fs.rmSync(refOut, { recursive: true, force: true });
  fs.rmSync(refCache, { recursive: true, force: true });
  process.stderr.write(`${cold.summary}\n`);
  const cell = (r: Timed) => `${r.seconds.toFixed(2)} s, ${Math.round(r.mib)} MiB`;
  return {
    row: `| ${n} | ${cell(cold)} | ${cell(noop)} | ${cell(addOne)} | ${identical ? 'yes' : 'NO'} |`,
    result: { name: 'newsarchive', pages, cold, addOne, addOneHow: 'incremental (warm cache), output = a cold build', problems },
  };
}

const rows: string[] = [];
const tables: string[] = [];
for (const n of sizes) {
  const dir = path.join(base, String(n));
  const content = path.join(dir, 'content');
  if (!fs.existsSync(path.join(dir, 'ready'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`bench: writing ${n} articles to ${content}\n`);
    writeSynthArchive(content, n);
    fs.writeFileSync(path.join(dir, 'site.yml'), 'title: Benchmark archive\nbaseUrl: https://example.org/archive/\n');
    fs.writeFileSync(path.join(dir, 'ready'), '');
  }
  fs.rmSync(path.join(content, 'batch-added'), { recursive: true, force: true });
  const expected = compare ? new Expected(n) : null;
  const mine = ours ? benchOurs(n, dir, expected) : null;
  if (mine) rows.push(mine.row);
  if (expected) tables.push(table(n, await compareOthers(path.join(dir, 'compare'), content, expected), mine?.result));
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const load = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
process.stdout.write(`\nnewsarchive benchmark: ${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, output on ${base}; load average at the end ${load} (1 / 5 / 15 min)\n\n`);
if (rows.length) process.stdout.write(`| articles | cold | no-op | add one | add-one output = cold output |\n|---|---|---|---|---|\n${rows.join('\n')}\n\n`);
process.stdout.write(tables.join('\n'));
