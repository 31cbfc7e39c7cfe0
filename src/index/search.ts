// Search: a Pagefind index of the article pages (pagefind's Node API, which ships its own
// binary). Only elements marked data-pagefind-body are indexed, so the index holds articles,
// each with every spelling of the people it names and its filters (language, year, source,
// topic, person). The files come back in memory and are written with the rest of the site,
// so the swap-in-when-complete of the writer covers them too. Pagefind loads its files
// relative to its own script, so search works under any sub-path. The index is split into
// shards by year (src/index/shards.ts), which the search page merges.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import { codeVersion, hashOf } from '../cache/cache.js';
import type { OutputFile } from '../model.js';

/** Where the search bundles live in the site: one folder per shard (src/index/shards.ts). */
export const SEARCH_DIR = 'pagefind';

/** Pages sent to Pagefind before waiting for its answers. */
const ADD_AT_ONCE = 32;

/** Below this many pages to index, a second Pagefind process costs more than it saves. */
const MIN_FOR_WORKERS = 300;

/** An article page to index, with its shard and a fingerprint of what the index reads of it (with the code, templates and settings). */
export interface SearchPage {
  file: OutputFile;
  shard: string;
  fingerprint: string;
}

/**
 * Builds one search bundle per shard, at pagefind/<shard>/, from the article pages; pages
 * are given in a fixed order, so the output is stable. With a cache folder, a shard whose
 * pages all have the fingerprints they had when it was indexed (and the same code) is reused
 * instead of indexed again: adding an article re-indexes its year only. Shards to index are
 * shared between the main thread and `jobs - 1` worker threads, each with its own Pagefind
 * process (one Pagefind process indexes on one core).
 */
export async function searchIndex(pages: readonly SearchPage[], cacheDir: string | null = null, jobs = 1): Promise<{ files: OutputFile[]; errors: string[] }> {
  const byShard = new Map<string, SearchPage[]>();
  for (const p of pages) byShard.set(p.shard, [...(byShard.get(p.shard) ?? []), p]);
  const errors: string[] = [];
  const kept = new Set<string>();
  const bundles = new Map<string, OutputFile[]>();
  const todo: { shard: string; key: string; pages: OutputFile[] }[] = [];
  for (const shard of [...byShard.keys()].sort()) {
    const list = byShard.get(shard)!.sort((a, b) => (a.file.path < b.file.path ? -1 : 1));
    const key = cacheDir ? hashOf(codeVersion(), shard, ...list.flatMap((p) => [p.file.path, p.fingerprint])).slice(0, 32) : '';
    kept.add(key);
    const bundle = cacheDir ? readBundle(cacheDir, key) : null;
    if (bundle) bundles.set(shard, bundle);
    else todo.push({ shard, key, pages: list.map((p) => p.file) });
  }
  // The largest shards first, each to the least loaded thread (the main thread is thread 0).
  const pagesToIndex = todo.reduce((n, t) => n + t.pages.length, 0);
  const threads = pagesToIndex < MIN_FOR_WORKERS ? 1 : Math.max(1, Math.min(jobs, todo.length));
  const shares: (typeof todo)[] = Array.from({ length: threads }, () => []);
  const load = new Array<number>(threads).fill(0);
  for (const t of todo.slice().sort((a, b) => b.pages.length - a.pages.length || (a.shard < b.shard ? -1 : 1))) {
    const k = load.indexOf(Math.min(...load));
    shares[k]!.push(t);
    load[k] = load[k]! + t.pages.length;
  }
  const results = await Promise.all(shares.map((share, k) => (k === 0 ? indexShards(share.map((t) => t.pages)) : indexInWorker(share.map((t) => t.pages)))));
  shares.forEach((share, k) => share.forEach((t, j) => {
    const made = results[k]![j]!;
    errors.push(...made.errors);
    bundles.set(t.shard, made.files);
    if (cacheDir && !made.errors.length) writeBundle(cacheDir, t.key, made.files);
  }));
  const files: OutputFile[] = [];
  for (const shard of [...byShard.keys()].sort()) {
    for (const f of bundles.get(shard)!) files.push({ path: `${SEARCH_DIR}/${shard}/${f.path}`, contents: f.contents });
  }
  if (cacheDir) pruneBundles(cacheDir, kept);
  return { files, errors };
}

/** Indexes each list of pages as one bundle, in this thread's Pagefind process. */
export async function indexShards(lists: readonly (readonly OutputFile[])[]): Promise<{ files: OutputFile[]; errors: string[] }[]> {
  if (!lists.length) return [];
  try {
    const out: { files: OutputFile[]; errors: string[] }[] = [];
    for (const list of lists) out.push(await makeIndex(list));
    return out;
  } finally {
    await close();
  }
}

/** indexShards in a worker thread (src/index/searchWorker.ts), with a Pagefind process of its own. */
function indexInWorker(lists: readonly (readonly OutputFile[])[]): Promise<{ files: OutputFile[]; errors: string[] }[]> {
  const here = new URL(import.meta.url);
  const script = new URL(here.pathname.endsWith('.ts') ? './searchWorker.ts' : './searchWorker.js', here);
  // Pages on disk (kept or already staged) are read by the worker; others are sent as text (a clone would not call the getter that reads them).
  const workerData = lists.map((l) => l.map((f) => (f.source ? { path: f.path, source: f.source } : { path: f.path, contents: String(f.contents) })));
  // Run from source (tests, through tsx), a worker needs tsx's loader registered first.
  const worker = script.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`, { eval: true, workerData })
    : new Worker(script, { workerData });
  return new Promise((resolve, reject) => {
    worker.once('message', (msg: { results?: { files: { path: string; contents: Uint8Array }[]; errors: string[] }[]; error?: string }) => {
      if (msg.error) reject(new Error(msg.error));
      else resolve(msg.results!.map((r) => ({ errors: r.errors, files: r.files.map((f) => ({ path: f.path, contents: Buffer.from(f.contents) })) })));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Where cached bundles live in the cache folder; those of shards no longer in the site are deleted. */
const CACHE_SECTION = 'search';

/** A cached bundle: its manifest (written last) names every file; anything missing or unreadable is a miss. */
function readBundle(cacheDir: string, key: string): OutputFile[] | null {
  const dir = path.join(cacheDir, CACHE_SECTION, key);
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    return manifest.files.map((m) => {
      const contents = fs.readFileSync(path.join(dir, 'files', m.path));
      if (hashOf(contents) !== m.sha256) throw new Error('changed');
      return { path: m.path, contents };
    });
  } catch {
    return null;
  }
}

function writeBundle(cacheDir: string, key: string, files: OutputFile[]): void {
  const dir = path.join(cacheDir, CACHE_SECTION, key);
  const tmp = `${dir}.${process.pid}.tmp`;
  try {
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(tmp, 'files', f.path)), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'files', f.path), f.contents);
    }
    const manifest = { files: files.map((f) => ({ path: f.path, sha256: hashOf(f.contents) })) };
    fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Deletes cached bundles this build did not use (and leftovers of killed builds). */
function pruneBundles(cacheDir: string, kept: Set<string>): void {
  const section = path.join(cacheDir, CACHE_SECTION);
  if (!fs.existsSync(section)) return;
  for (const e of fs.readdirSync(section)) if (!kept.has(e)) fs.rmSync(path.join(section, e), { recursive: true, force: true });
}

/**
 * What Pagefind reads of a page, when that can be told safely: the <html> tag (its language)
 * and the element marked data-pagefind-body, in an otherwise empty page. Pagefind makes the
 * same index of it (checked byte for byte) about an eighth faster, with less to hold and send.
 * The whole page is given when anything else on it could count: a second marked element,
 * any other data-pagefind-* attribute, or an <h1> or <img> (Pagefind's default title and
 * image) outside the element, as a changed template might have.
 */
export function searchable(page: string): string {
  const mark = page.indexOf('data-pagefind-body');
  if (mark < 0 || page.indexOf('data-pagefind-body', mark + 1) >= 0) return page;
  const start = page.lastIndexOf('<', mark);
  const name = /^<([a-z][a-z0-9-]*)[\s>]/i.exec(page.slice(start, start + 40))?.[1]?.toLowerCase();
  const html = /<html[^>]*>/i.exec(page);
  if (!name || !html || html.index > start) return page;
  // The element's end: its closing tag at the same depth (the same element may be nested in it).
  const tags = new RegExp(`<(/?)${name}(?=[\\s>/])`, 'gi');
  tags.lastIndex = start + 1;
  let depth = 1;
  let end = -1;
  for (let m = tags.exec(page); m; m = tags.exec(page)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = page.indexOf('>', m.index);
      break;
    }
  }
  if (end < 0) return page;
  const outside = page.slice(0, start) + page.slice(end + 1);
  if (/data-pagefind-|<h1[\s>]|<img[\s>]/i.test(outside)) return page;
  return `<!DOCTYPE html>\n${html[0]}<head><meta charset="utf-8"></head><body>${page.slice(start, end + 1)}</body></html>`;
}

async function makeIndex(html: readonly OutputFile[]): Promise<{ files: OutputFile[]; errors: string[] }> {
  const errors: string[] = [];
  const { index, errors: created } = await createIndex({ verbose: false });
  errors.push(...created);
  if (!index) return { files: [], errors };
  try {
    // A few pages at a time: a large shard's pages are never all in memory (read from disk, and queued to Pagefind) at once.
    for (let i = 0; i < html.length; i += ADD_AT_ONCE) {
      const added = await Promise.all(html.slice(i, i + ADD_AT_ONCE).map((f) => index.addHTMLFile({ url: `/${f.path.replace(/index\.html$/, '')}`, content: searchable(String(f.contents)) })));
      for (const a of added) errors.push(...a.errors);
    }
    const got = await index.getFiles();
    errors.push(...got.errors);
    const files = got.files
      .map((f) => ({ path: f.path.replace(/\\/g, '/'), contents: Buffer.from(f.content) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    return { files, errors };
  } catch (err) {
    errors.push((err as Error).message);
    return { files: [], errors };
  } finally {
    await index.deleteIndex().catch(() => undefined);
  }
}
