// Normalising the archive fast: unchanged articles come from the cache; the others are
// shared between worker threads in small batches (or, on one thread, done on the main thread). The result is the
// same, in the same order, whatever the number of threads and whatever the cache holds.
import fs from 'node:fs';
import path from 'node:path';
import { CacheSection, codeVersion, hashOf, StaleCacheError } from '../cache/cache.js';
import type { Article, Diagnostic, RawArticle, Registries } from '../model.js';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../threads.js';
import { finishNormalise, isDraft } from './finish.js';
import type { Failed, Normalised } from './index.js';

/** Articles per message to a worker. */
const BATCH = 16;
/** Below this many articles to normalise, threads cost more than they save. */
const MIN_FOR_WORKERS = 150;

export interface NormaliseOptions {
  /** The cache folder, or null for none. */
  cacheDir: string | null;
  /** Threads to normalise on: 1, the main thread; more, that many worker threads, the main thread handing out the work. */
  jobs: number;
  /** Called as articles are done, for a progress display. */
  progress?: (done: number, total: number) => void;
  /** Reads an article whose file was not read (a stub, src/load/load.ts) when the cache does not have it. */
  reload?: (file: string) => Promise<RawArticle | null>;
}

/** True when a value survives JSON unchanged (no Date, Buffer, NaN…), so a cached copy renders the same. */
function jsonSafe(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || v === undefined) return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(jsonSafe);
  return false;
}

/**
 * A cached article is two entries: what it is without its body (`normalised`, read for every
 * article of every build) and its body with the body HTML (`bodies`, read only when a page or
 * the duplicate check asks for it). `textHash` and the article's `bodyHash` tie the two.
 */
type CachedMeta = Normalised & { textHash: string };
interface CachedBody { body: string; bodyHtml: string }

function isMeta(v: unknown): v is CachedMeta {
  const o = v as CachedMeta;
  return typeof o === 'object' && o !== null && typeof o.article === 'object' && o.article !== null
    && typeof o.article.title === 'string' && typeof o.article.bodyHash === 'string' && !Object.hasOwn(o.article, 'body') && Array.isArray(o.article.people)
    && Array.isArray(o.diagnostics) && typeof o.textHash === 'string';
}

function isBody(v: unknown): v is CachedBody {
  const o = v as CachedBody;
  return typeof o === 'object' && o !== null && typeof o.body === 'string' && typeof o.bodyHtml === 'string';
}

/** The two sections of the article cache, for one epoch. */
function articleCache(cacheDir: string, registries: Registries) {
  const epoch = hashOf(codeVersion(), JSON.stringify(registries));
  const meta = new CacheSection<CachedMeta>(cacheDir, 'normalised', epoch, isMeta);
  const bodies = new CacheSection<CachedBody>(cacheDir, 'bodies', epoch, isBody);
  /** Reads a body back, checked against the hashes it was stored with. */
  const bodyReader = (key: string, file: string, textHash: string, bodyHash: string) => () => {
    const b = bodies.get(key);
    if (!b || hashOf(b.body) !== textHash || hashOf(b.bodyHtml) !== bodyHash) throw new StaleCacheError(file);
    return b;
  };
  // The metadata of the last build's articles, in one file; this build's, written at the end.
  let pack: Map<string, CachedMeta> | null = null;
  const used = new Map<string, CachedMeta>();
  return {
    /** The cached article, its body read on first use; undefined on a miss. */
    get(key: string, file: string): Normalised | undefined {
      pack ??= meta.readPack();
      const m = pack.get(key) ?? meta.get(key);
      if (!m || !bodies.has(key)) return undefined;
      used.set(key, m);
      const { textHash, ...normalised } = m;
      return { ...normalised, lazyBody: bodyReader(key, file, textHash, m.article.bodyHash!) };
    },
    /**
     * Stores an article; returns it with its body to be read back from the cache on use (so
     * that a build normalising every article does not keep every body in memory), or the
     * article as it was when it could not be stored.
     */
    set(key: string, file: string, r: Normalised): Normalised {
      const { body, bodyHtml, ...article } = r.article as Normalised['article'] & { bodyHtml?: string; bodyHash?: string };
      if (typeof bodyHtml !== 'string' || typeof article.bodyHash !== 'string') return r;
      const textHash = hashOf(body);
      const stored = { ...r, article: article as Normalised['article'] };
      const m = { ...stored, textHash };
      if (!bodies.set(key, { body, bodyHtml }) || !meta.set(key, m)) return r;
      used.set(key, m);
      return { ...stored, lazyBody: bodyReader(key, file, textHash, article.bodyHash) };
    },
    /** Writes this build's pack, unless it is the one read (every entry used came from it, and no other); deletes other epochs' entries. */
    prune(): void {
      if (used.size !== pack?.size || [...used].some(([key, m]) => pack!.get(key) !== m)) meta.writePack(used);
      meta.prune();
      bodies.prune();
    },
  };
}

/** Empties the article cache (every epoch): see StaleCacheError. */
export function dropArticleCache(cacheDir: string): void {
  for (const section of ['normalised', 'bodies']) fs.rmSync(path.join(cacheDir, section), { recursive: true, force: true });
}

/** Articles read ahead of the one being looked at. */
const READ_AHEAD = 64;
/** Articles read and waiting for a worker, per worker, before reading waits for the workers. */
const WAITING_PER_WORKER = 4 * BATCH;

/**
 * Normalises every article (see normaliseAll), with the cache and threads. The `count`
 * articles are read with `read` (null: a file that cannot be built) in order, a few ahead,
 * while workers normalise the ones read before: reading is never a stage of its own, and
 * no more than a few hundred captures are in memory at once, whatever the archive's size.
 */
export async function normaliseArchive(count: number, read: (i: number) => Promise<RawArticle | null>, registries: Registries, options: NormaliseOptions): Promise<{ articles: Article[]; diagnostics: Diagnostic[] }> {
  const cache = options.cacheDir ? articleCache(options.cacheDir, registries) : null;
  const raws: (RawArticle | null)[] = new Array(count).fill(null);
  const results: (Normalised | Failed | null)[] = new Array(count).fill(null);
  const keys: string[] = new Array(count).fill('');
  let done = 0;
  const advance = () => options.progress?.(++done, count);
  const store = (i: number, r: Normalised | Failed) => {
    results[i] = r;
    // The capture's text is not read again (finishing needs its file and front matter only).
    raws[i] = { ...raws[i]!, body: '' };
    // A failure is never cached: the next build tries again.
    if (cache && !('failed' in r) && jsonSafe(r)) results[i] = cache.set(keys[i]!, raws[i]!.file, r);
    advance();
  };
  options.progress?.(0, count);

  // With several threads and enough articles to normalise, they are normalised on workers
  // only: the normalisers and their data (the language profiles, the given names) are then
  // never loaded on the main thread, and are let go with the workers before the render.
  // Otherwise they are loaded here, and only when the cache lacks some article.
  const todo: number[] = [];
  let pool: Pool | null = null;
  const ahead = new Map<number, Promise<{ raw: RawArticle | null } | { error: unknown }>>();
  let nextRead = 0;
  try {
    for (let i = 0; i < count; i++) {
      for (; nextRead < Math.min(count, i + READ_AHEAD); nextRead++) ahead.set(nextRead, read(nextRead).then((raw) => ({ raw }), (error: unknown) => ({ error })));
      const got = await ahead.get(i)!;
      ahead.delete(i);
      if ('error' in got) throw got.error;
      let raw = got.raw;
      if (!raw) { advance(); continue; }
      raws[i] = raw;
      keys[i] = hashOf(raw.file, raw.hash);
      if (isDraft(raw)) { advance(); continue; }
      const hit = cache?.get(keys[i]!, raw.file);
      if (hit) {
        results[i] = hit;
        if (raw.body) raws[i] = { ...raw, body: '' };
        advance();
        continue;
      }
      if (raw.stub) {
        raw = await options.reload?.(raw.file) ?? null;
        if (!raw) throw new Error(`${raws[i]!.file} changed during the build and can no longer be read; build again`);
        raws[i] = raw;
        keys[i] = hashOf(raw.file, raw.hash);
      }
      todo.push(i);
      if (!pool && options.jobs > 1 && todo.length >= MIN_FOR_WORKERS) pool = new Pool(options.jobs, registries, raws, store);
      if (pool) {
        pool.add(todo.splice(0));
        await pool.room(WAITING_PER_WORKER * options.jobs);
      }
    }
    if (pool) await pool.finish();
    else if (todo.length) {
      const { normaliseAndRender } = await import('./one.js');
      // A copy: strings cut from the capture (a URL, a name) would otherwise keep the whole capture in memory.
      for (const i of todo) store(i, structuredClone(normaliseAndRender(raws[i]!, registries)));
    }
  } finally {
    await pool?.close();
  }
  cache?.prune();
  const built = raws.flatMap((raw, i) => (raw ? [i] : []));
  return finishNormalise(built.map((i) => raws[i]!), built.map((i) => results[i]!), registries);
}

/**
 * Worker threads normalising the articles added to them, in batches; each has a second batch
 * waiting while it works on one. Results are stored by index, so the outcome does not depend
 * on which worker did what.
 */
class Pool {
  private readonly workers: { worker: Worker; sent: number[][] }[];
  private readonly waiting: number[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private closed = false;
  private ending = false;

  constructor(count: number, registries: Registries, private readonly raws: (RawArticle | null)[], private readonly store: (i: number, r: Normalised | Failed) => void) {
    this.workers = Array.from({ length: count }, () => {
      const w = { worker: startWorker(import.meta.url, 'worker', { registries }), sent: [] as number[][] };
      w.worker.on('message', (msg: { results?: Normalised[]; error?: string }) => {
        if (msg.error) return this.fail(new Error(msg.error));
        const batch = w.sent.shift()!;
        msg.results!.forEach((r, k) => this.store(batch[k]!, r));
        this.send(this.closed);
        this.notify();
      });
      w.worker.on('error', (err) => this.fail(err));
      w.worker.on('exit', (code) => {
        if (!this.ending) this.fail(new Error(`a normalising thread stopped (exit code ${code}) before its articles were done`));
      });
      return w;
    });
  }

  /** Articles read, to be normalised. */
  add(indices: number[]): void {
    this.waiting.push(...indices);
    this.send(false);
  }

  /** Resolves once no more than `limit` articles wait for a worker. */
  async room(limit: number): Promise<void> {
    while (this.waiting.length > limit) await this.next();
  }

  /** Resolves once every article added is normalised. */
  async finish(): Promise<void> {
    this.closed = true;
    this.send(true);
    while (this.waiting.length || this.workers.some((w) => w.sent.length)) await this.next();
  }

  async close(): Promise<void> {
    this.ending = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  /** Gives each worker up to two batches: whole ones while articles are still being read, the rest at the end. */
  private send(all: boolean): void {
    for (const w of this.workers) {
      while (w.sent.length < 2 && (this.waiting.length >= BATCH || (all && this.waiting.length))) {
        const batch = this.waiting.splice(0, BATCH);
        w.sent.push(batch);
        w.worker.postMessage(batch.map((i) => this.raws[i]));
      }
    }
  }

  /** Waits for a worker's answer (or its failure). */
  private next(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve) => { this.wake = resolve; });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.notify();
  }
}
