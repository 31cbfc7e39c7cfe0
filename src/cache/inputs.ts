// Fingerprints of a build's inputs, cheap enough to take before every build: a build whose
// inputs and output are exactly as the last build left them has nothing to do.
// Kept light (no parsing libraries) so that a no-op build costs milliseconds, not imports.
import fs from 'node:fs';
import fg from 'fast-glob';
import { codeVersion, hashOf } from './cache.js';

/** What a build reads, besides the code. */
export interface InputPaths {
  contentDir: string;
  templatesDir: string;
  publicDir: string;
}

/**
 * A hash of every input file's path, size, modification and change times and inode (no file
 * is read), and of the settings. Any edit, addition, removal, rename or replacement of a file
 * changes it: the change time moves whenever a file's bytes do, and cannot be set back.
 */
export async function inputFingerprint(paths: InputPaths, settings: unknown): Promise<string> {
  const parts: string[] = [codeVersion(), JSON.stringify(settings)];
  for (const dir of [paths.contentDir, paths.templatesDir, paths.publicDir]) {
    parts.push(`dir ${dir}`);
    if (!fs.existsSync(dir)) continue;
    const entries = await fg('**/*', { cwd: dir, dot: true, onlyFiles: false, stats: true, followSymbolicLinks: false });
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const e of entries) {
      const s = e.stats!;
      parts.push(`${e.path}\t${s.isDirectory() ? 'd' : s.isSymbolicLink() ? 'l' : 'f'}\t${s.size}\t${s.mtimeMs}\t${s.ctimeMs}\t${s.ino}`);
    }
  }
  return hashOf(...parts);
}
