// The load stage: the only stage besides write that touches the disk.
//
// A file whose size, times and inode (and its sidecar's) are as the last build saw them is
// not read again: the last build's summary of it (its hash, the few metadata the archive-wide
// steps need, and its reading problems) stands in for it, and the normalised article comes
// from the cache by that hash. Should the cache not have it, the file is read after all.
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, RawArticle } from '../model.js';
import { findFiles, SIDECAR_SUFFIX } from './files.js';
import { readArticle } from './read.js';

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

/** Reads one article file and its sidecar, if it has one. */
export function readSource(contentDir: string, file: string): ReturnType<typeof readArticle> {
  const bytes = fs.readFileSync(path.join(contentDir, file));
  const sidecarFile = file + SIDECAR_SUFFIX;
  const sidecarPath = path.join(contentDir, sidecarFile);
  const sidecar = fs.existsSync(sidecarPath) ? { file: sidecarFile, bytes: fs.readFileSync(sidecarPath) } : undefined;
  return readArticle(file, bytes, sidecar);
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
  const results = await Promise.all(
    found.articles.map(async (file): Promise<KnownSource> => {
      const sidecarFile = file + SIDECAR_SUFFIX;
      const sig = `${statSig(path.join(contentDir, file))}|${sidecars.has(sidecarFile) ? statSig(path.join(contentDir, sidecarFile)) : ''}`;
      const was = known[file];
      if (was && was.sig === sig && was.stub) return was;
      const bytes = await fs.promises.readFile(path.join(contentDir, file));
      const sidecar = sidecars.has(sidecarFile)
        ? { file: sidecarFile, bytes: await fs.promises.readFile(path.join(contentDir, sidecarFile)) }
        : undefined;
      const r = readArticle(file, bytes, sidecar);
      return { sig, stub: r.article, diagnostics: r.diagnostics };
    }),
  );
  found.articles.forEach((file, i) => {
    const r = results[i]!;
    diagnostics.push(...r.diagnostics);
    if (r.stub) raw.push(r.stub);
    // Files that could not be built are read again every time: they are few, and must be reported.
    if (r.stub) sources[file] = { sig: r.sig, stub: r.stub.stub ? r.stub : stubOf(r.stub), diagnostics: r.diagnostics };
  });
  return { raw, diagnostics, sources };
}
