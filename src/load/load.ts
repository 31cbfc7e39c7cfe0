// The load stage: the only stage besides write that touches the disk.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, RawArticle } from '../model.js';
import { findFiles, SIDECAR_SUFFIX } from './files.js';
import { megabytes, readArticle } from './read.js';

/** Files larger than this are not read: no article is this long, and reading it could exhaust memory. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** A file's bytes, or the error diagnostic that says why they cannot be had. */
async function readBytes(contentDir: string, file: string): Promise<{ bytes: Buffer } | { error: Diagnostic }> {
  const error = (message: string) => ({ error: { file, field: 'file', severity: 'error' as const, message } });
  try {
    const full = path.join(contentDir, file);
    const { size } = await fs.stat(full);
    if (size > MAX_FILE_BYTES) return error(`${megabytes(size)}: too large to be an article (the limit is ${megabytes(MAX_FILE_BYTES)}); split it into its articles, or move it out of the content folder`);
    return { bytes: await fs.readFile(full) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return error(`cannot be read (${e.code ?? e.message}); check that it exists and that its permissions let you read it`);
  }
}

/** Reads every article under `contentDir`, in sorted path order. */
export async function loadArticles(contentDir: string): Promise<{ raw: RawArticle[]; diagnostics: Diagnostic[] }> {
  const found = await findFiles(contentDir);
  const sidecars = new Set(found.sidecars);
  const diagnostics = [...found.diagnostics];
  const raw: RawArticle[] = [];
  const results = await Promise.all(
    found.articles.map(async (file) => {
      const main = await readBytes(contentDir, file);
      if ('error' in main) return { article: null, diagnostics: [main.error] };
      const sidecarFile = file + SIDECAR_SUFFIX;
      const side = sidecars.has(sidecarFile) ? await readBytes(contentDir, sidecarFile) : undefined;
      const read = readArticle(file, main.bytes, side && 'bytes' in side ? { file: sidecarFile, bytes: side.bytes } : undefined);
      return side && 'error' in side ? { ...read, diagnostics: [...read.diagnostics, side.error] } : read;
    }),
  );
  for (const r of results) {
    diagnostics.push(...r.diagnostics);
    if (r.article) raw.push(r.article);
  }
  return { raw, diagnostics };
}
