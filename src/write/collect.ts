// Checks the page list before anything is written: two files on one path, or a path that
// would leave the output directory, are bugs or hostile input, never silently resolved.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { Diagnostic, OutputFile } from '../model.js';
import { mapLimit, READS_AT_ONCE } from '../limit.js';

/** True when a relative output path stays inside the output directory. */
export function isSafePath(p: string): boolean {
  if (!p || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false;
  const norm = path.posix.normalize(p);
  return norm === p && !norm.startsWith('../') && norm !== '..';
}

/** Reads public/ as output files (copied as they are). */
export async function publicFiles(publicDir: string): Promise<OutputFile[]> {
  if (!fs.existsSync(publicDir)) return [];
  const files = (await fg('**/*', { cwd: publicDir, onlyFiles: true, dot: false })).sort();
  return mapLimit(files, READS_AT_ONCE, async (f) => ({ path: f, contents: await fs.promises.readFile(path.join(publicDir, f)) }));
}

/**
 * Merges generated pages and public files. A public file on a generated page's path loses
 * (with a warning); unsafe paths are dropped with an error.
 */
export function mergeOutputs(generated: OutputFile[], publicOnes: OutputFile[]): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byPath = new Map<string, OutputFile>();
  for (const f of generated) {
    if (!isSafePath(f.path)) throw new Error(`internal error: page path "${f.path}" leaves the output directory`);
    if (byPath.has(f.path)) throw new Error(`internal error: two pages claim ${f.path}`);
    byPath.set(f.path, f);
  }
  for (const f of publicOnes) {
    if (byPath.has(f.path)) {
      diagnostics.push({ file: `public/${f.path}`, field: 'public', severity: 'warning', message: `the site generates ${f.path} itself; this file is not copied. Rename or remove it` });
      continue;
    }
    byPath.set(f.path, f);
  }
  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}
