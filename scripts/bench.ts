// npm run bench -- [--sizes 1000,10000] [--jobs N] [--dir DIR]
//
// Builds a deterministic synthetic archive (scripts/lib/synth.ts) of each size three ways,
// each in a fresh process, and prints wall time and peak memory (from /usr/bin/time):
//   cold     no cache, no previous output
//   no-op    again, nothing changed
//   add-one  one article added
// then checks that the add-one output equals, byte for byte, a cold build of the same
// content with an empty cache. Output and corpus go to tmpfs (/dev/shm) when it exists.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { synthArticle, writeSynthArchive } from './lib/synth.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({ options: { sizes: { type: 'string' }, jobs: { type: 'string' }, dir: { type: 'string' } } });
const sizes = (values.sizes ?? '1000,10000').split(',').map(Number);
const base = values.dir ?? (fs.existsSync('/dev/shm') ? '/dev/shm/newsarchive-bench' : path.join(os.tmpdir(), 'newsarchive-bench'));
if (!fs.existsSync('/usr/bin/time')) {
  process.stderr.write('bench: /usr/bin/time is needed to measure peak memory: apt-get install -y time\n');
  process.exit(2);
}
spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });

interface Run { seconds: number; mib: number; summary: string }

/** Runs one build in a fresh process; wall time and peak resident memory. */
function build(dir: string, out: string, cache: string): Run {
  const args = ['-f', '%e %M', process.execPath, path.join(ROOT, 'lib/cli.js'), '--content', path.join(dir, 'content'), '--out', out,
    '--cache-dir', cache, '--templates', path.join(ROOT, 'templates'), '--public', path.join(ROOT, 'public'),
    '--config', path.join(dir, 'site.yml'), '--quiet', ...(values.jobs ? ['--jobs', values.jobs] : [])];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const lines = r.stderr.trim().split('\n');
  const [seconds, kb] = lines.at(-1)!.split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`build failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { seconds: seconds!, mib: kb! / 1024, summary: r.stdout.split('\n').find((l) => l.startsWith('Built')) ?? '' };
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

const rows: string[] = [];
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
  const extra = synthArticle(n);
  const extraFile = path.join(content, 'batch-added', extra.name);
  fs.rmSync(path.dirname(extraFile), { recursive: true, force: true });
  const out = path.join(dir, 'site');
  const cache = path.join(dir, 'cache');
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
  process.stderr.write(`bench: ${n} articles: cold build\n`);
  const cold = build(dir, out, cache);
  process.stderr.write(`bench: ${n} articles: no-op build\n`);
  const noop = build(dir, out, cache);
  fs.mkdirSync(path.dirname(extraFile), { recursive: true });
  fs.writeFileSync(extraFile, extra.contents);
  process.stderr.write(`bench: ${n} articles: add-one build\n`);
  const addOne = build(dir, out, cache);
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
  const cell = (r: Run) => `${r.seconds.toFixed(2)} s, ${Math.round(r.mib)} MiB`;
  rows.push(`| ${n} | ${cell(cold)} | ${cell(noop)} | ${cell(addOne)} | ${identical ? 'yes' : 'NO'} |`);
  process.stderr.write(`${cold.summary}\n`);
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`\nnewsarchive benchmark: ${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, output on ${base}\n\n`);
process.stdout.write('| articles | cold | no-op | add one | add-one output = cold output |\n|---|---|---|---|---|\n');
process.stdout.write(`${rows.join('\n')}\n`);
