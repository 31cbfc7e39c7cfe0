// Writing the site: into a fresh directory beside the target, swapped in only when complete,
// so a reader (or a web server) never sees a half-written site.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../model.js';

/** Where a build's files go. Tests pass a MemoryWriter; the CLI a DiskWriter. */
export interface Writer {
  write(files: OutputFile[]): Promise<void>;
}

/** Keeps the files in a map: for tests, and for building without touching disk. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Buffer>();
  async write(files: OutputFile[]): Promise<void> {
    this.files.clear();
    for (const f of files) this.files.set(f.path, f.contents);
  }
}

/** Writes to `<out>.tmp-<pid>`, then replaces `<out>` with it. */
export class DiskWriter implements Writer {
  constructor(readonly outDir: string) {}

  async write(files: OutputFile[]): Promise<void> {
    const out = path.resolve(this.outDir);
    const staging = `${out}.tmp-${process.pid}`;
    const old = `${out}.old-${process.pid}`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    const dirs = new Set(files.map((f) => path.dirname(path.join(staging, f.path))));
    for (const d of [...dirs].sort()) await fs.mkdir(d, { recursive: true });
    // Bounded parallelism: fast on many small files without exhausting descriptors.
    const queue = files.slice();
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let f = queue.pop(); f; f = queue.pop()) await fs.writeFile(path.join(staging, f.path), f.contents);
    }));
    const exists = await fs.stat(out).then(() => true, () => false);
    if (exists) await fs.rename(out, old);
    await fs.rename(staging, out);
    if (exists) await fs.rm(old, { recursive: true, force: true });
  }
}
