// JSON kept between runs in node_modules/.cache/newsarchive/: data that is slow to make from
// files of the project or of its packages, named by what it is made from so that it cannot be
// stale. A file that cannot be read is made again; a read-only install only costs the time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeJsonWhole } from '../cache/cache.js';

/** node_modules/.cache/newsarchive/ of the project (src/ and lib/ are both one level below its root). */
export const KEPT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'newsarchive');

/** The value kept in `file`, or undefined when there is none or it cannot be read. */
export function readKept<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Keeps `data` in `file`, whole or not at all (threads and processes may write the same file at once); not writable, it is made again next time. */
export function keep(file: string, data: unknown): void {
  writeJsonWhole(file, data);
}
