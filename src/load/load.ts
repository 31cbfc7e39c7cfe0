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

/** One file read: the article, and what the next build keeps of it (see KnownSource). */
export interface SourceRead {
  /** The article (a stub when the file is unchanged since the last build), or null when it cannot be built. */
  article: RawArticle | null;
  known: KnownSource;
}

/** The article files of a content folder, each read on demand (see findSources). */
export interface Sources {
  /** Article files, in sorted path order. */
  files: string[];
  /** Problems with the folder itself. */
  diagnostics: Diagnostic[];
  /**
   * Reads `files[i]` and its sidecar; a file `known` from the last build with the same
   * signature comes back as its stub (RawArticle.stub), unread. Never rejects on bad content.
   */
  read(i: number): Promise<SourceRead>;
}

/** Finds the article files under `contentDir`, to be read one by one (a build reads them while others are normalised). */
export async function findSources(contentDir: string, known: Record<string, KnownSource> = {}): Promise<Sources> {
  const found = await findFiles(contentDir);
  const sidecars = new Set(found.sidecars);
  return {
    files: found.articles,
    diagnostics: found.diagnostics,
    async read(i) {
      const file = found.articles[i]!;
      const sidecarFile = file + SIDECAR_SUFFIX;
      const sig = `${statSig(path.join(contentDir, file))}|${sidecars.has(sidecarFile) ? statSig(path.join(contentDir, sidecarFile)) : ''}`;
      const was = known[file];
      if (was && was.sig === sig && was.stub) return { article: was.stub, known: was };
      const read = await readSource(contentDir, file, sidecars.has(sidecarFile));
      return { article: read.article, known: { sig, stub: read.article && stubOf(read.article), diagnostics: read.diagnostics } };
    },
  };
}

/** The problems found reading the files, and what the next build needs to skip the unchanged ones. */
export function collectSources(sources: Sources, known: readonly KnownSource[]): { diagnostics: Diagnostic[]; sources: Record<string, KnownSource> } {
  const diagnostics = [...sources.diagnostics];
  const kept: Record<string, KnownSource> = {};
  sources.files.forEach((file, i) => {
    const k = known[i]!;
    diagnostics.push(...k.diagnostics);
    // Files that could not be built are read again every time: they are few, and must be reported.
    if (k.stub) kept[file] = k;
  });
  return { diagnostics, sources: kept };
}

/**
 * Reads every article under `contentDir`, in sorted path order. Files `known` from the last
 * build with the same signature come back as stubs (RawArticle.stub).
 */
export async function loadArticles(contentDir: string, known: Record<string, KnownSource> = {}): Promise<{ raw: RawArticle[]; diagnostics: Diagnostic[]; sources: Record<string, KnownSource> }> {
  const sources = await findSources(contentDir, known);
  const read = await mapLimit(sources.files.map((_, i) => i), READS_AT_ONCE, (i) => sources.read(i));
  return { raw: read.flatMap((r) => (r.article ? [r.article] : [])), ...collectSources(sources, read.map((r) => r.known)) };
}
