// The load stage: the only stage besides write that touches the disk.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, RawArticle } from '../model.js';
import { findFiles, SIDECAR_SUFFIX } from './files.js';
import { readArticle } from './read.js';

/** Reads every article under `contentDir`, in sorted path order. */
export async function loadArticles(contentDir: string): Promise<{ raw: RawArticle[]; diagnostics: Diagnostic[] }> {
  const found = await findFiles(contentDir);
  const sidecars = new Set(found.sidecars);
  const diagnostics = [...found.diagnostics];
  const raw: RawArticle[] = [];
  const results = await Promise.all(
    found.articles.map(async (file) => {
      const bytes = await fs.readFile(path.join(contentDir, file));
      const sidecarFile = file + SIDECAR_SUFFIX;
      const sidecar = sidecars.has(sidecarFile)
        ? { file: sidecarFile, bytes: await fs.readFile(path.join(contentDir, sidecarFile)) }
        : undefined;
      return readArticle(file, bytes, sidecar);
    }),
  );
  for (const r of results) {
    diagnostics.push(...r.diagnostics);
    if (r.article) raw.push(r.article);
  }
  return { raw, diagnostics };
}
