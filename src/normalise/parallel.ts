// Normalising the archive fast: unchanged articles come from the cache; the others are
// shared between worker threads in small batches (or, on one thread, done on the main thread). The result is the
// same, in the same order, whatever the number of threads and whatever the cache holds.
import fs from 'node:fs';
import path from 'node:path';
import { CacheSection, codeVersion, hashOf, StaleCacheError } from '../cache/cache.js';
import type { Article, Diagnostic, RawArticle, Registries } from '../model.js';
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

/** Normalises every article (see normaliseAll), with the cache and threads. */
export async function normaliseArchive(raws: RawArticle[], registries: Registries, options: NormaliseOptions): Promise<{ articles: Article[]; diagnostics: Diagnostic[] }> {
  const cache = options.cacheDir ? articleCache(options.cacheDir, registries) : null;
  const results: (Normalised | Failed | null)[] = new Array(raws.length).fill(null);
  const keys = raws.map((raw) => hashOf(raw.file, raw.hash));
  const todo: number[] = [];
  for (const [i, raw] of raws.entries()) {
    if (isDraft(raw)) continue;
    const hit = cache?.get(keys[i]!, raw.file);
    if (hit) {
      results[i] = hit;
      if (raw.body) raws[i] = { ...raw, body: '' };
      continue;
    }
    if (raw.stub) {
      const full = await options.reload?.(raw.file);
      if (!full) throw new Error(`${raw.file} changed during the build and can no longer be read; build again`);
      raws[i] = full;
      keys[i] = hashOf(full.file, full.hash);
    }
    todo.push(i);
  }
  let done = raws.length - todo.length;
  options.progress?.(done, raws.length);
  const store = (i: number, r: Normalised | Failed) => {
    results[i] = r;
    // The capture's text is not read again (finishing needs its file and front matter only).
    raws[i] = { ...raws[i]!, body: '' };
    // A failure is never cached: the next build tries again.
    if (cache && !('failed' in r) && jsonSafe(r)) results[i] = cache.set(keys[i]!, raws[i]!.file, r);
    done++;
    options.progress?.(done, raws.length);
  };

  // With several threads, the articles are normalised on workers only: the normalisers and
  // their data (about 80 MiB of heap: the language profiles, the given names) are then never
  // loaded on the main thread, and are let go with the workers before the render.
  // On one thread, or for a few articles, they are loaded here, and only when the cache lacks some article.
  if (todo.length >= MIN_FOR_WORKERS && options.jobs > 1) await shareOut(todo, raws, registries, options.jobs, store);
  else if (todo.length) {
    const { normaliseAndRender } = await import('./one.js');
    // A copy: strings cut from the capture (a URL, a name) would otherwise keep the whole capture in memory.
    for (const i of todo) store(i, structuredClone(normaliseAndRender(raws[i]!, registries)));
  }
  cache?.prune();
  return finishNormalise(raws, results, registries);
}

/** Normalises the articles at `todo` on `count` workers, batch by batch. */
async function shareOut(todo: number[], raws: RawArticle[], registries: Registries, count: number, store: (i: number, r: Normalised | Failed) => void): Promise<void> {
  let next = 0;
  const take = (): number[] => {
    const batch = todo.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  const pool = Array.from({ length: count }, () => startWorker(import.meta.url, 'worker', { registries }));
  try {
    // Each worker has a second batch waiting while it works on one, so that it never waits for the main thread.
    await Promise.all(pool.map((w) => new Promise<void>((resolve, reject) => {
      const sent: number[][] = [];
      const send = () => {
        const batch = take();
        if (!batch.length) return;
        sent.push(batch);
        w.postMessage(batch.map((i) => raws[i]));
      };
      w.on('message', (msg: { results?: Normalised[]; error?: string }) => {
        if (msg.error) { reject(new Error(msg.error)); return; }
        const batch = sent.shift()!;
        msg.results!.forEach((r, k) => store(batch[k]!, r));
        send();
        if (!sent.length) resolve();
      });
      w.on('error', reject);
      send();
      send();
      if (!sent.length) resolve();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
