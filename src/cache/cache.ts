// The persistent cache: what normalising and rendering one article produced, kept between
// builds so that an unchanged article is neither normalised nor rendered again.
//
// Everything an entry depends on is in its key, so a stale entry can never be used:
// - the epoch: a hash of the running code (every file of lib/), of the language and
//   interface data (data/), and of the registries; any change starts a new epoch, and
//   the entries of older epochs are deleted;
// - the entry key: a hash of the article's file path and its bytes (and its sidecar's).
// Entries are written to a temporary file and renamed into place, so a build killed
// midway leaves whole entries or none. An entry that cannot be read or does not have the
// expected shape is a miss and is written again. The cache only ever saves work: a missing,
// stale or corrupt cache gives the same output as no cache.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the shape of cached entries changes. */
const FORMAT = 2;

/** SHA-256 of some strings, hex. */
export function hashOf(...parts: (string | Buffer)[]): string {
  const h = crypto.createHash('sha256');
  // Text parts in one call (the same bytes, so the same hash): each call into the hash costs.
  if (parts.every((p) => typeof p === 'string')) h.update(`${parts.join('\0')}\0`);
  else {
    for (const p of parts) {
      h.update(p);
      h.update('\0');
    }
  }
  return h.digest('hex');
}

/** Every file under `dir`, sorted, with its bytes hashed in. */
function hashTree(dir: string, h: crypto.Hash): void {
  if (!fs.existsSync(dir)) return;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        h.update(path.relative(dir, full));
        h.update('\0');
        h.update(fs.readFileSync(full));
        h.update('\0');
      }
    }
  };
  walk(dir);
}

/** A hash of every file under a folder (paths and bytes): a change to any file changes it. */
export function treeVersion(dir: string): string {
  const h = crypto.createHash('sha256');
  hashTree(dir, h);
  return h.digest('hex');
}

/**
 * Writes `value` as JSON to `file`, beside its place first and then renamed, so that readers
 * (other threads and processes, or the next build after a kill) see all of it or none.
 * False when it could not be written: a cache that cannot be written only costs time.
 */
export function writeJsonWhole(file: string, value: unknown): boolean {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(value));
    fs.renameSync(tmp, file);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
}

let codeHash: string | null = null;

/**
 * A hash of the running code, its data folder and the packages installed (the lockfile):
 * a new version of any is a new epoch. (A newer eld or faker identifies languages or
 * names differently.)
 */
export function codeVersion(): string {
  if (codeHash) return codeHash;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const h = crypto.createHash('sha256');
  h.update(`format ${FORMAT}\0`);
  // lib/ (compiled) or src/ (run through tsx): the folder this file is in, one level up.
  hashTree(path.resolve(here, '..'), h);
  hashTree(path.resolve(here, '..', '..', 'data'), h);
  const lockfile = path.resolve(here, '..', '..', 'package-lock.json');
  if (fs.existsSync(lockfile)) h.update('package-lock.json\0').update(fs.readFileSync(lockfile));
  codeHash = h.digest('hex');
  return codeHash;
}

/** One section of the cache (normalised articles, rendered bodies), for one epoch. */
export class CacheSection<T> {
  private readonly dir: string;

  /**
   * @param root the cache folder (`.cache/`)
   * @param name the section (`normalised`)
   * @param epoch everything besides the entry key that entries depend on
   * @param valid checks an entry's shape; an entry that fails is a miss
   */
  constructor(readonly root: string, readonly name: string, readonly epoch: string, private readonly valid: (v: unknown) => v is T) {
    this.dir = path.join(root, name, epoch.slice(0, 16));
  }

  /** The entry for `key`, or undefined (missing, unreadable or malformed). */
  get(key: string): T | undefined {
    try {
      const v: unknown = JSON.parse(fs.readFileSync(this.file(key), 'utf8'));
      if (this.valid(v)) return v;
    } catch {
      // Missing or corrupt: a miss.
    }
    return undefined;
  }

  /** True when an entry for `key` exists (it may still be unreadable). */
  has(key: string): boolean {
    return fs.existsSync(this.file(key));
  }

  /** Stores an entry (see writeJsonWhole). False when it could not be written. */
  set(key: string, value: T): boolean {
    return writeJsonWhole(this.file(key), value);
  }

  /**
   * Every entry of a pack written by writePack (one file instead of one per entry: a build
   * that finds most entries unchanged reads one file), or an empty map when there is none or
   * it cannot be read. An entry that fails the shape check is left out (a miss).
   */
  readPack(): Map<string, T> {
    const pack = new Map<string, T>();
    try {
      const v: unknown = JSON.parse(fs.readFileSync(this.packFile(), 'utf8'));
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        for (const [key, entry] of Object.entries(v)) if (this.valid(entry)) pack.set(key, entry);
      }
    } catch {
      // Missing or corrupt: the entries are read one by one.
    }
    return pack;
  }

  /** Stores these entries as the pack (see writeJsonWhole); each is an entry of its own too. */
  writePack(entries: ReadonlyMap<string, T>): void {
    writeJsonWhole(this.packFile(), Object.fromEntries([...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))));
  }

  /** Deletes the entries of other epochs of this section. */
  prune(): void {
    const parent = path.join(this.root, this.name);
    if (!fs.existsSync(parent)) return;
    for (const e of fs.readdirSync(parent)) {
      if (e !== path.basename(this.dir)) fs.rmSync(path.join(parent, e), { recursive: true, force: true });
    }
  }

  private packFile(): string {
    return path.join(this.dir, 'pack.json');
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}.json`);
  }
}

/**
 * A cached entry that is missing, unreadable or not the one it should be, found only when it
 * is read, after the build relied on it (an article's body is read when its page is
 * rendered). The build starts again with that part of the cache emptied (src/build.ts): it
 * costs time, never a wrong page.
 */
export class StaleCacheError extends Error {
  constructor(file: string, what = 'body') {
    super(`${file}: its cached ${what} is damaged`);
    this.name = 'StaleCacheError';
  }
}
