// Finding the input files of an archive.
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

/** Lists the content directory. Hidden files and folders starting with `_` or `.` are not articles. */
export async function findFiles(contentDir: string): Promise<FoundFiles> {
  const all = await fg('**/*', { cwd: contentDir, onlyFiles: true, dot: true, followSymbolicLinks: false });
  all.sort();
  const articles: string[] = [];
  const sidecars: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of all) {
    const segments = file.split('/');
    if (segments.some((s) => s.startsWith('.') || s.startsWith('_'))) continue;
    const lower = file.toLowerCase();
    if (lower.endsWith(SIDECAR_SUFFIX)) {
      sidecars.push(file);
      continue;
    }
    const ext = lower.slice(lower.lastIndexOf('.'));
    if (lower.lastIndexOf('.') > lower.lastIndexOf('/') && ARTICLE_EXTENSIONS[ext]) {
      articles.push(file);
    } else {
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
