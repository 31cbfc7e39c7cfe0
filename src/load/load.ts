// The load stage: the only stage besides write that touches the disk.
//
// A file whose size, times and inode (and its sidecar's) are as the last build saw them is
// not read again: the last build's summary of it (its hash, the few metadata the archive-wide
// steps need, and its reading problems) stands in for it, and the normalised article comes
// from the cache by that hash. Should the cache not have it, the file is read after all.
import fs from 'node:fs';
import path from 'node:path';
import { mapLimit, READS_AT_ONCE } from '../limit.js';
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
    const { size } = await fs.promises.stat(full);
    if (size > MAX_FILE_BYTES) return error(`${megabytes(size)}: too large to be an article (the limit is ${megabytes(MAX_FILE_BYTES)}); split it into its articles, or move it out of the content folder`);
    return { bytes: await fs.promises.readFile(full) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return error(`cannot be read (${e.code ?? e.message}); check that it exists and that its permissions let you read it`);
  }
}

/** What the last build kept of a file it read: enough to stand in for it when it has not changed. */
export interface KnownSource {
  /** Size, modification and change times and inode of the file and its sidecar. */
  sig: string;
  /** The article read from it, without its body (see stubOf); null when it could not be built. */
  stub: RawArticle | null;
  diagnostics: Diagnostic[];
}

/** The article without its body and its metadata, save what finishing the archive needs (slug, draft). */
function stubOf(raw: RawArticle): RawArticle {
  const meta: Record<string, unknown> = {};
  for (const k of ['slug', 'draft']) if (raw.meta[k] !== undefined) meta[k] = raw.meta[k];
  return { file: raw.file, format: raw.format, body: '', bodyLine: raw.bodyLine, meta, metaOrigin: raw.metaOrigin.draft ? { draft: raw.metaOrigin.draft } : {}, hash: raw.hash, stub: true };
}

function statSig(file: string): string {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`;
  } catch {
    return 'missing';
  }
}

/** Reads one article file and its sidecar (when it has one), with their reading problems. */
export async function readSource(contentDir: string, file: string, hasSidecar: boolean): Promise<{ article: RawArticle | null; diagnostics: Diagnostic[] }> {
  const main = await readBytes(contentDir, file);
  if ('error' in main) return { article: null, diagnostics: [main.error] };
  const sidecarFile = file + SIDECAR_SUFFIX;
  const side = hasSidecar ? await readBytes(contentDir, sidecarFile) : undefined;
  const read = readArticle(file, main.bytes, side && 'bytes' in side ? { file: sidecarFile, bytes: side.bytes } : undefined);
  return side && 'error' in side ? { ...read, diagnostics: [...read.diagnostics, side.error] } : read;
}

/**
 * Reads every article under `contentDir`, in sorted path order. Files `known` from the last
 * build with the same signature come back as stubs (RawArticle.stub).
 */
export async function loadArticles(contentDir: string, known: Record<string, KnownSource> = {}): Promise<{ raw: RawArticle[]; diagnostics: Diagnostic[]; sources: Record<string, KnownSource> }> {
  const found = await findFiles(contentDir);
  const sidecars = new Set(found.sidecars);
  const diagnostics = [...found.diagnostics];
  const raw: RawArticle[] = [];
  const sources: Record<string, KnownSource> = {};
  const results = await mapLimit(found.articles, READS_AT_ONCE, async (file): Promise<KnownSource> => {
    const sidecarFile = file + SIDECAR_SUFFIX;
    const sig = `${statSig(path.join(contentDir, file))}|${sidecars.has(sidecarFile) ? statSig(path.join(contentDir, sidecarFile)) : ''}`;
    const was = known[file];
    if (was && was.sig === sig && was.stub) return was;
    const read = await readSource(contentDir, file, sidecars.has(sidecarFile));
    return { sig, stub: read.article, diagnostics: read.diagnostics };
  });
  found.articles.forEach((file, i) => {
    const r = results[i]!;
    diagnostics.push(...r.diagnostics);
    if (r.stub) raw.push(r.stub);
    // Files that could not be built are read again every time: they are few, and must be reported.
    if (r.stub) sources[file] = { sig: r.sig, stub: r.stub.stub ? r.stub : stubOf(r.stub), diagnostics: r.diagnostics };
  });
  return { raw, diagnostics, sources };
}
