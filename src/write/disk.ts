// Writing the site: into a fresh directory beside the target, swapped in only when complete,
// so a reader (or a web server) never sees a half-written site, and a build killed at any
// moment leaves the published site as it was.
//
// A file whose bytes are the same as the published one (`reused`, decided by the render
// stage from its inputs) is not written again: the staging directory gets a hard link to
// the published file, which costs a directory entry, not a copy. Pages are written into the
// staging directory as they are rendered (`stage`), so a large site's bytes are never all
// in memory at once; the swap still happens only when the whole site is there.
import fs from 'node:fs';
import path from 'node:path';
import { hashOf } from '../cache/cache.js';
import type { OutputFile } from '../model.js';
import { isSafePath } from './collect.js';

/**
 * Where a build's files go. Tests pass a MemoryWriter; the CLI a DiskWriter.
 *
 * A signature identifies one written version of a file (for the disk: size, time and inode),
 * so the next build can tell that a published file is still exactly what it wrote.
 */
export interface Writer {
  /** Names the site written to (the output folder), to keep what is known of it apart from other sites'. */
  readonly id: string;
  /** The signature of the published file at `path`, or null when there is none. */
  signature(path: string): string | null;
  /** The published file's bytes (for a file the build reuses). */
  read(path: string): Buffer;
  /** Where the published file at `path` is on disk, or null for a writer without files. */
  where(path: string): string | null;
  /** Starts a new site: anything staged before (by a build that failed) is dropped. */
  begin(): void;
  /** Writes one file of the coming site now (since begin); it is published by `write`, with the rest. */
  stage(path: string, contents: string | Buffer): OutputFile;
  /** Replaces the whole site with `files` (staged ones included); returns each file's new signature. */
  write(files: OutputFile[]): Promise<Map<string, string>>;
}

/** A file that keeps the published bytes at its path: read lazily, linked rather than written. */
export function reusedFile(writer: Writer, filePath: string, signature?: string): OutputFile {
  let bytes: Buffer | null = null;
  return {
    path: filePath,
    reused: true,
    signature,
    source: writer.where(filePath) ?? undefined,
    get contents() {
      bytes ??= writer.read(filePath);
      return bytes;
    },
  };
}

/** Keeps the files in a map: for tests, and for building without touching disk. */
export class MemoryWriter implements Writer {
  readonly id = 'memory';
  readonly files = new Map<string, string | Buffer>();
  private signatures = new Map<string, string>();

  signature(p: string): string | null {
    return this.signatures.get(p) ?? null;
  }

  where(): null {
    return null;
  }

  begin(): void {}

  stage(p: string, contents: string | Buffer): OutputFile {
    return { path: p, contents };
  }

  read(p: string): Buffer {
    const v = this.files.get(p);
    if (v === undefined) throw new Error(`no file ${p}`);
    return Buffer.isBuffer(v) ? v : Buffer.from(v);
  }

  async write(files: OutputFile[]): Promise<Map<string, string>> {
    const next = new Map<string, string | Buffer>();
    for (const f of files) next.set(f.path, f.contents);
    this.files.clear();
    this.signatures.clear();
    for (const [p, v] of next) {
      this.files.set(p, v);
      this.signatures.set(p, hashOf(v));
    }
    return new Map(this.signatures);
  }
}

/** `size:mtime:inode`: changes whenever the file is written, replaced or deleted. */
function statSignature(file: string): string | null {
  try {
    const s = fs.lstatSync(file, { bigint: true });
    return s.isFile() ? `${s.size}:${s.mtimeNs}:${s.ino}` : null;
  } catch {
    return null;
  }
}

/** Suffixes of the folders a DiskWriter makes beside the output folder. */
const STAGING = '.tmp-';
const OLD = '.old-';

/**
 * Writes to `<out>.tmp-<pid>`, then replaces `<out>` with it: `<out>` is renamed to
 * `<out>.old-<pid>`, the staging folder to `<out>`. A build killed between those two renames
 * leaves no `<out>` for an instant; the next build (or no-op check) renames the old site back
 * first of all (`restore`), so the previous site is never lost.
 */
export class DiskWriter implements Writer {
  readonly out: string;
  constructor(outDir: string) {
    this.out = path.resolve(outDir);
  }

  /**
   * Puts back the site a killed build had moved aside: when `<out>` is missing and an
   * `<out>.old-<pid>` of a process that is gone exists, it becomes `<out>` again. Returns
   * the folder restored, or null.
   */
  restore(): string | null {
    if (fs.existsSync(this.out)) return null;
    // Only one old folder can be left (a build removes the others first); the newest if not.
    const last = this.leftovers()
      .filter((l) => l.kind === 'old')
      .map((l) => l.path)
      .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs || (a < b ? -1 : 1))
      .at(-1);
    if (!last) return null;
    fs.renameSync(last, this.out);
    return last;
  }

  /** Staging (`<out>.tmp-<pid>`) and old (`<out>.old-<pid>`) folders beside the output folder, of builds no longer running. */
  private leftovers(): { path: string; kind: 'staging' | 'old' }[] {
    const parent = path.dirname(this.out);
    const base = path.basename(this.out);
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(parent);
    } catch {
      return [];
    }
    const found: { path: string; kind: 'staging' | 'old' }[] = [];
    for (const e of entries) {
      const m = e.startsWith(base) ? /^(\.tmp-|\.old-)(\d+)$/.exec(e.slice(base.length)) : null;
      if (m && !pidAlive(Number(m[2]))) found.push({ path: path.join(parent, e), kind: m[1] === OLD ? 'old' : 'staging' });
    }
    return found;
  }

  get id(): string {
    return this.out;
  }

  signature(p: string): string | null {
    return statSignature(path.join(this.out, p));
  }

  read(p: string): Buffer {
    return fs.readFileSync(path.join(this.out, p));
  }

  where(p: string): string {
    return path.join(this.out, p);
  }

  /** The staging folder of the build in progress (null when none is), and the folders made in it. */
  private staging: string | null = null;
  private made = new Set<string>();

  begin(): void {
    this.removeLeftovers();
    this.staging = `${this.out}${STAGING}${process.pid}`;
    fs.mkdirSync(this.staging, { recursive: true });
    this.made = new Set([this.staging]);
  }

  /** Makes the folder of a file in the staging folder. */
  private folderFor(file: string): void {
    const dir = path.dirname(file);
    if (!this.made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
  }

  stage(p: string, contents: string | Buffer): OutputFile {
    if (!isSafePath(p)) throw new Error(`internal error: page path "${p}" leaves the output directory`);
    if (!this.staging) this.begin();
    const file = path.join(this.staging!, p);
    this.folderFor(file);
    fs.writeFileSync(file, contents);
    // Until the swap the bytes are in the staging folder; after it, in the site.
    const at = () => path.join(this.staging ?? this.out, p);
    return {
      path: p,
      staged: true,
      get source() {
        return at();
      },
      get contents() {
        return fs.readFileSync(at());
      },
    };
  }

  async write(files: OutputFile[]): Promise<Map<string, string>> {
    const out = this.out;
    if (!this.staging) this.begin();
    const staging = this.staging!;
    const old = `${out}${OLD}${process.pid}`;
    for (const f of files) if (!f.staged) this.folderFor(path.join(staging, f.path));
    // Reused files first (a link each, synchronous: cheaper than a round trip to the thread pool).
    const fresh: OutputFile[] = [];
    // A hard link is the same file: its signature is the published one's, known already.
    const linked = new Map<string, string>();
    for (const f of files) {
      if (f.staged) continue;
      if (!f.reused) { fresh.push(f); continue; }
      const from = path.join(out, f.path);
      const to = path.join(staging, f.path);
      try {
        fs.linkSync(from, to);
        if (f.signature) linked.set(f.path, f.signature);
      } catch {
        // A file system without hard links (or a file gone since): copy the bytes instead.
        fs.writeFileSync(to, f.contents);
      }
    }
    // Bounded parallelism: fast on many small files without exhausting descriptors.
    const queue = fresh.slice();
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let f = queue.pop(); f; f = queue.pop()) await fs.promises.writeFile(path.join(staging, f.path), f.contents);
    }));
    const exists = fs.existsSync(out);
    if (exists) fs.renameSync(out, old);
    fs.renameSync(staging, out);
    this.staging = null;
    const signatures = new Map<string, string>();
    for (const f of files) {
      const s = linked.get(f.path) ?? statSignature(path.join(out, f.path));
      if (s) signatures.set(f.path, s);
    }
    if (exists) fs.rmSync(old, { recursive: true, force: true });
    return signatures;
  }

  /** Removes what killed builds left beside the output folder, once their old site is back in place. */
  private removeLeftovers(): void {
    this.restore();
    for (const l of this.leftovers()) fs.rmSync(l.path, { recursive: true, force: true });
    fs.rmSync(`${this.out}${STAGING}${process.pid}`, { recursive: true, force: true });
  }
}

/** True when a process with this id is running (another build writing beside us). */
function pidAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
