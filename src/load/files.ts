// Finding the input files of an archive.
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { Diagnostic } from '../model.js';

/** File extensions read as articles, and their format. */
export const ARTICLE_EXTENSIONS: Record<string, 'markdown' | 'text'> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
};

/** Suffix of a sidecar file holding corrections for the file it is named after. */
export const SIDECAR_SUFFIX = '.meta.yml';

/** The folder (directly under the content dir) that holds registries, not articles. */
export const DATA_FOLDER = '_data';

export interface FoundFiles {
  /** Article paths relative to the content dir, sorted. */
  articles: string[];
  /** Sidecar paths relative to the content dir, sorted. */
  sidecars: string[];
  /** Files that are neither, reported so nothing is skipped silently. */
  diagnostics: Diagnostic[];
}

/** True when the path names an article by its extension. */
export function isArticlePath(file: string): boolean {
  const lower = file.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot > lower.lastIndexOf('/') && ARTICLE_EXTENSIONS[lower.slice(dot)] !== undefined;
}

/** Hidden, or kept out on purpose: names starting with "." or "_" (and `_data/`, the registries). */
function isSkipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}

/** An entry of the content folder: a path relative to it ("/"-separated) and its type (links not followed). */
interface Entry {
  path: string;
  dirent: Pick<Dirent, 'isFile' | 'isDirectory' | 'isSymbolicLink'>;
}

/**
 * Every entry under `dir` that is not a folder, skipped folders not entered. fast-glob lists
 * them; then each folder it listed is read once more (one readdir a folder, no stat) and
 * anything it left out is added, with the folders below it. fast-glob's patterns do not match
 * every name a file system allows: it lists a folder whose name holds a line break or U+2028
 * but never what is inside it (found by the fuzz run), and no file may go unseen.
 */
async function list(dir: string): Promise<Entry[]> {
  const globbed = await fg('**/*', { cwd: dir, onlyFiles: false, dot: true, followSymbolicLinks: false, objectMode: true });
  const found = new Map<string, Entry['dirent']>();
  for (const { path: file, dirent } of globbed) if (!file.split('/').some(isSkipped)) found.set(file, dirent);
  const folders = ['', ...[...found].filter(([, d]) => d.isDirectory()).map(([file]) => file)];
  for (let i = 0; i < folders.length; i++) {
    const rel = folders[i]!;
    for (const dirent of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
      if (isSkipped(dirent.name)) continue;
      const file = rel ? `${rel}/${dirent.name}` : dirent.name;
      if (found.has(file)) continue;
      found.set(file, dirent);
      if (dirent.isDirectory()) folders.push(file);
    }
  }
  return [...found].filter(([, d]) => !d.isDirectory()).map(([file, dirent]) => ({ path: file, dirent }));
}

/**
 * Lists the content directory. Hidden files and folders starting with `_` or `.` are not
 * articles. Symbolic links are not followed (an archive keeps its own copy of each article,
 * and a link could pull in any file of the machine), and neither are pipes or devices: each
 * is reported, as an error when its name is an article's.
 */
export async function findFiles(contentDir: string): Promise<FoundFiles> {
  const entries = await list(contentDir);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const articles: string[] = [];
  const sidecars: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { path: file, dirent } of entries) {
    const article = isArticlePath(file);
    if (!dirent.isFile()) {
      const what = dirent.isSymbolicLink() ? 'a symbolic link; links are not followed. Put the file itself here instead of a link to it' : 'not a regular file (a pipe, socket or device); remove it from the content folder';
      diagnostics.push({ file, field: 'file', severity: article ? 'error' : 'warning', message: what });
      continue;
    }
    if (file.toLowerCase().endsWith(SIDECAR_SUFFIX)) sidecars.push(file);
    else if (article) articles.push(file);
    else {
      diagnostics.push({
        file,
        field: 'file',
        severity: 'warning',
        message: `not an article (only ${Object.keys(ARTICLE_EXTENSIONS).join(', ')} are read); skipped. Move it out of the content folder or rename it`,
      });
    }
  }
  const articleSet = new Set(articles);
  for (const sidecar of sidecars) {
    if (!articleSet.has(sidecar.slice(0, -SIDECAR_SUFFIX.length))) {
      diagnostics.push({
        file: sidecar,
        field: 'file',
        severity: 'warning',
        message: `sidecar without an article: no file named ${sidecar.slice(0, -SIDECAR_SUFFIX.length).split('/').pop()} beside it; it is ignored`,
      });
    }
  }
  return { articles, sidecars, diagnostics };
}
