// Search: a Pagefind index of the article pages (pagefind's Node API, which ships its own
// binary). Only elements marked data-pagefind-body are indexed, so the index holds articles,
// each with every spelling of the people it names and its filters (language, year, source,
// topic, person). The files come back in memory and are written with the rest of the site,
// so the swap-in-when-complete of the writer covers them too. Pagefind loads its files
// relative to its own script, so search works under any sub-path. The index is split into
// shards by year (src/index/shards.ts), which the search page merges.
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import { codeVersion, hashOf, StaleCacheError } from '../cache/cache.js';
import type { OutputFile } from '../model.js';
import { startWorker } from '../threads.js';

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

type Made = { files: OutputFile[]; errors: string[] };

/** A shard to index: its pages, sorted by path, and its cache key. `id` is its slot in the claims shared with the worker. */
interface Job {
  id: number;
  shard: string;
  key: string;
  pages: OutputFile[];
}

/** Who indexes a job, in the claims array shared with the worker (src/index/searchWorker.ts). */
export const CLAIM = { free: 0, worker: 1, main: 2 } as const;

/**
 * Builds one search bundle per shard, at pagefind/<shard>/, from the article pages; a shard's
 * pages are given in path order, so the output is stable. With a cache folder, a shard whose
 * pages all have the fingerprints they had when it was indexed (and the same code) is reused
 * instead of indexed again: adding an article re-indexes its shard only.
 *
 * Indexing starts during the render: each shard whose pages are all made is `offer`ed, and a
 * worker thread with a Pagefind process of its own (one Pagefind process indexes on one
 * core) indexes it while this thread renders the rest. `finish` takes the final list of
 * pages; this thread then indexes what is left beside the worker, each shard taken by
 * whichever thread claims it first (an atomic claim in shared memory).
 */
export class SearchIndexer {
  private readonly jobs: Job[] = [];
  private readonly offered = new Map<string, Job>();
  private readonly cached = new Map<string, OutputFile[]>();
  private readonly claims: Int32Array;
  private pool: SearchWorker | null = null;

  /** `threads`: how many threads may index (1: this one only); `shards`: how many shards the site has, at most. */
  constructor(private readonly cacheDir: string | null, private readonly threads: number, shards: number) {
    this.claims = new Int32Array(new SharedArrayBuffer(4 * (2 * shards + 2)));
  }

  /** A shard whose pages are all made (during the render): indexed now by the worker thread unless its bundle is cached. */
  offer(shard: string, pages: readonly SearchPage[]): void {
    if (this.threads < 2 || this.offered.has(shard) || this.jobs.length >= this.claims.length) return;
    const list = sortedPages(pages);
    const key = this.keyOf(shard, list);
    if (this.cacheDir) {
      const bundle = readBundle(this.cacheDir, key);
      if (bundle) {
        this.cached.set(key, bundle);
        return;
      }
    }
    const job = this.add(shard, key, list);
    this.offered.set(shard, job);
    this.post([job]);
  }

  /** The bundles of the site's final article pages: offered shards whose pages are the same are not indexed again. */
  async finish(pages: readonly SearchPage[]): Promise<Made> {
    try {
      const byShard = new Map<string, SearchPage[]>();
      for (const p of pages) {
        const list = byShard.get(p.shard);
        if (list) list.push(p);
        else byShard.set(p.shard, [p]);
      }
      const shards = [...byShard.keys()].sort();
      const kept = new Set<string>();
      const chosen = new Map<string, Job | OutputFile[]>();
      const fresh: Job[] = [];
      for (const shard of shards) {
        const list = sortedPages(byShard.get(shard)!);
        const key = this.keyOf(shard, list);
        kept.add(key);
        const job = this.offered.get(shard);
        const ready = job?.key === key ? job : this.cached.get(key) ?? (this.cacheDir ? readBundle(this.cacheDir, key) : null);
        if (ready) chosen.set(shard, ready);
        else {
          const made = this.add(shard, key, list);
          fresh.push(made);
          chosen.set(shard, made);
        }
      }
      // The largest first: the worker takes jobs from the front, this thread from the back.
      fresh.sort((a, b) => b.pages.length - a.pages.length || (a.shard < b.shard ? -1 : 1));
      const toIndex = fresh.reduce((n, j) => n + j.pages.length, 0);
      if (this.threads >= 2 && fresh.length >= 2 && (this.pool || toIndex >= MIN_FOR_WORKERS)) this.post(fresh);
      // Offered shards whose pages changed since are not indexed (unless the worker has begun one).
      const needed = new Set([...chosen.values()].filter((c): c is Job => !Array.isArray(c)));
      for (const job of this.jobs) if (!needed.has(job)) this.claim(job);
      const made = await this.indexHere([...this.jobs].reverse().filter((j) => needed.has(j)));
      const errors: string[] = [];
      const files: OutputFile[] = [];
      for (const shard of shards) {
        const c = chosen.get(shard)!;
        let bundle: OutputFile[];
        if (Array.isArray(c)) bundle = c;
        else {
          const result = made.get(c.id) ?? (await this.pool!.result(c.id));
          errors.push(...result.errors);
          if (this.cacheDir && !result.errors.length) writeBundle(this.cacheDir, c.key, result.files);
          bundle = result.files;
        }
        for (const f of bundle) files.push(f.hash ? lazyFile(`${SEARCH_DIR}/${shard}/${f.path}`, f.hash, () => f.contents as Buffer) : { path: `${SEARCH_DIR}/${shard}/${f.path}`, contents: f.contents });
      }
      if (this.cacheDir) pruneBundles(this.cacheDir, kept);
      return { files, errors };
    } finally {
      await this.close();
    }
  }

  /** Ends the worker thread, if one was started (also when the build stops early). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }

  /** Takes a job for this thread, unless the worker has. */
  private claim(job: Job): boolean {
    return job.id >= this.claims.length || Atomics.compareExchange(this.claims, job.id, CLAIM.free, CLAIM.main) === CLAIM.free;
  }

  private keyOf(shard: string, list: readonly SearchPage[]): string {
    return this.cacheDir ? hashOf(codeVersion(), shard, ...list.flatMap((p) => [p.file.path, p.fingerprint])).slice(0, 32) : '';
  }

  private add(shard: string, key: string, list: readonly SearchPage[]): Job {
    const job: Job = { id: this.jobs.length, shard, key, pages: list.map((p) => p.file) };
    this.jobs.push(job);
    return job;
  }

  private post(jobs: Job[]): void {
    this.pool ??= new SearchWorker(this.claims);
    for (const job of jobs) {
      if (job.id < this.claims.length) this.pool.post(job);
    }
  }

  /** Indexes, in this thread's Pagefind process, each of these jobs that the worker has not taken, claiming one at a time. */
  private async indexHere(jobs: readonly Job[]): Promise<Map<number, Made>> {
    const made = new Map<number, Made>();
    let started = false;
    try {
      for (const job of jobs) {
        if (!this.claim(job)) continue;
        started = true;
        made.set(job.id, await makeIndex(job.pages));
      }
    } finally {
      if (started) await close();
    }
    return made;
  }
}

function sortedPages(pages: readonly SearchPage[]): SearchPage[] {
  return pages.slice().sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
}

/** The worker thread (src/index/searchWorker.ts): jobs are sent as they come; it answers each one it claims. */
class SearchWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (m: Made) => void; reject: (e: Error) => void }>();
  private readonly answers = new Map<number, Made>();
  private failure: Error | null = null;
  private readonly ended: Promise<void>;

  constructor(claims: Int32Array) {
    this.worker = startWorker(import.meta.url, 'searchWorker', { claims });
    this.worker.on('message', (msg: { id: number; files?: { path: string; contents: Uint8Array }[]; errors?: string[]; error?: string }) => {
      if (msg.error) return this.fail(new Error(msg.error));
      const made = { errors: msg.errors ?? [], files: (msg.files ?? []).map((f) => ({ path: f.path, contents: Buffer.from(f.contents) })) };
      const w = this.waiting.get(msg.id);
      if (w) {
        this.waiting.delete(msg.id);
        w.resolve(made);
      } else this.answers.set(msg.id, made);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.ended = new Promise((resolve) => this.worker.once('exit', () => {
      this.fail(new Error('the search worker stopped before answering'));
      resolve();
    }));
  }

  post(job: Job): void {
    // Pages on disk (kept or already staged) are read by the worker; others are sent as text (a clone would not call the getter that reads them).
    const pages = job.pages.map((f) => (f.source ? { path: f.path, source: f.source } : { path: f.path, contents: String(f.contents) }));
    this.worker.postMessage({ id: job.id, pages });
  }

  /** The bundle of a job the worker claimed. */
  result(id: number): Promise<Made> {
    const made = this.answers.get(id);
    if (made) {
      this.answers.delete(id);
      return Promise.resolve(made);
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }

  /** No more jobs: the worker finishes what it took, closes its Pagefind process and exits. */
  async end(): Promise<void> {
    this.worker.postMessage({ end: true });
    await this.ended;
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }
}

/** Where cached bundles live in the cache folder; those of shards no longer in the site are deleted. */
const CACHE_SECTION = 'search';

/**
 * A cached bundle: its manifest (written last) names every file with the hash of its bytes;
 * a missing or unreadable manifest is a miss. The files are read only when their bytes are
 * needed (a file the published site already has, by its hash, is linked instead); one found
 * missing or changed then stops the build, which starts again without the cache (src/build.ts).
 */
function readBundle(cacheDir: string, key: string): OutputFile[] | null {
  const dir = path.join(cacheDir, CACHE_SECTION, key);
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    if (!Array.isArray(manifest.files) || !manifest.files.every((m) => typeof m.path === 'string' && typeof m.sha256 === 'string' && isSafeBundlePath(m.path))) return null;
    return manifest.files.map((m) => lazyFile(m.path, m.sha256, () => {
      let contents: Buffer;
      try {
        contents = fs.readFileSync(path.join(dir, 'files', m.path));
      } catch {
        throw new StaleCacheError(`${SEARCH_DIR}/${m.path}`, 'search file');
      }
      if (hashOf(contents) !== m.sha256) throw new StaleCacheError(`${SEARCH_DIR}/${m.path}`, 'search file');
      return contents;
    }));
  } catch {
    return null;
  }
}

/** A relative path with no way out of its folder. */
function isSafeBundlePath(p: string): boolean {
  return p.length > 0 && !p.startsWith('/') && !p.split(/[\\/]/).some((part) => part === '..' || part === '');
}

/** A file whose bytes are read on first use (and then kept), with the hash of those bytes. */
function lazyFile(filePath: string, hash: string, read: () => Buffer): OutputFile {
  let bytes: Buffer | undefined;
  return { path: filePath, hash, get contents() { return (bytes ??= read()); } };
}

/** Empties the search cache: see StaleCacheError. */
export function dropSearchCache(cacheDir: string): void {
  fs.rmSync(path.join(cacheDir, CACHE_SECTION), { recursive: true, force: true });
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

/** One bundle of these pages, in this thread's Pagefind process. */
export async function makeIndex(html: readonly OutputFile[]): Promise<{ files: OutputFile[]; errors: string[] }> {
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
