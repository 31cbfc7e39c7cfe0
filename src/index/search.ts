// Search: a Pagefind index of the article pages (pagefind's Node API, which ships its own
// binary). Only elements marked data-pagefind-body are indexed, so the index holds articles,
// each with every spelling of the people it names and its filters (language, year, source,
// topic, person). The files come back in memory and are written with the rest of the site,
// so the swap-in-when-complete of the writer covers them too. Pagefind loads its files
// relative to its own script, so search works under any sub-path. The index is split into
// shards by year (src/index/shards.ts), which the search page merges.
import fs from 'node:fs';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { codeVersion, hashOf } from '../cache/cache.js';
import type { OutputFile } from '../model.js';

/** Where the search bundles live in the site: one folder per shard (src/index/shards.ts). */
export const SEARCH_DIR = 'pagefind';

/** An article page to index, with its shard and a fingerprint of what the index reads of it (with the code, templates and settings). */
export interface SearchPage {
  file: OutputFile;
  shard: string;
  fingerprint: string;
}

/**
 * Builds one search bundle per shard, at pagefind/<shard>/, from the article pages; pages
 * are given in a fixed order, so the output is stable. With a cache folder, a shard whose
 * pages all have the fingerprints they had when it was indexed (and the same code) is reused
 * instead of indexed again: adding an article re-indexes its year only.
 */
export async function searchIndex(pages: readonly SearchPage[], cacheDir: string | null = null): Promise<{ files: OutputFile[]; errors: string[] }> {
  const byShard = new Map<string, SearchPage[]>();
  for (const p of pages) byShard.set(p.shard, [...(byShard.get(p.shard) ?? []), p]);
  const files: OutputFile[] = [];
  const errors: string[] = [];
  const kept = new Set<string>();
  let backend = false;
  try {
    for (const shard of [...byShard.keys()].sort()) {
      const list = byShard.get(shard)!.sort((a, b) => (a.file.path < b.file.path ? -1 : 1));
      const key = cacheDir ? hashOf(codeVersion(), shard, ...list.flatMap((p) => [p.file.path, p.fingerprint])).slice(0, 32) : '';
      let bundle = cacheDir ? readBundle(cacheDir, key) : null;
      if (!bundle) {
        backend = true;
        const made = await makeIndex(list.map((p) => p.file));
        errors.push(...made.errors);
        bundle = made.files;
        if (cacheDir && !made.errors.length) writeBundle(cacheDir, key, bundle);
      }
      kept.add(key);
      for (const f of bundle) files.push({ path: `${SEARCH_DIR}/${shard}/${f.path}`, contents: f.contents });
    }
  } finally {
    if (backend) await close();
  }
  if (cacheDir) pruneBundles(cacheDir, kept);
  return { files, errors };
}

/** Where cached bundles live in the cache folder; those of shards no longer in the site are deleted. */
const CACHE_SECTION = 'search';

/** A cached bundle: its manifest (written last) names every file; anything missing or unreadable is a miss. */
function readBundle(cacheDir: string, key: string): OutputFile[] | null {
  const dir = path.join(cacheDir, CACHE_SECTION, key);
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    return manifest.files.map((m) => {
      const contents = fs.readFileSync(path.join(dir, 'files', m.path));
      if (hashOf(contents) !== m.sha256) throw new Error('changed');
      return { path: m.path, contents };
    });
  } catch {
    return null;
  }
}

function writeBundle(cacheDir: string, key: string, files: OutputFile[]): void {
  const dir = path.join(cacheDir, CACHE_SECTION, key);
  const tmp = `${dir}.${process.pid}.tmp`;
  try {
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(tmp, 'files', f.path)), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'files', f.path), f.contents);
    }
    const manifest = { files: files.map((f) => ({ path: f.path, sha256: hashOf(f.contents) })) };
    fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Deletes cached bundles this build did not use (and leftovers of killed builds). */
function pruneBundles(cacheDir: string, kept: Set<string>): void {
  const section = path.join(cacheDir, CACHE_SECTION);
  if (!fs.existsSync(section)) return;
  for (const e of fs.readdirSync(section)) if (!kept.has(e)) fs.rmSync(path.join(section, e), { recursive: true, force: true });
}

async function makeIndex(html: readonly OutputFile[]): Promise<{ files: OutputFile[]; errors: string[] }> {
  const errors: string[] = [];
  const { index, errors: created } = await createIndex({ verbose: false });
  errors.push(...created);
  if (!index) return { files: [], errors };
  try {
    const added = await Promise.all(html.map((f) => index.addHTMLFile({ url: `/${f.path.replace(/index\.html$/, '')}`, content: String(f.contents) })));
    for (const a of added) errors.push(...a.errors);
    const got = await index.getFiles();
    errors.push(...got.errors);
    const files = got.files
      .map((f) => ({ path: f.path.replace(/\\/g, '/'), contents: Buffer.from(f.content) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    return { files, errors };
  } catch (err) {
    errors.push((err as Error).message);
    return { files: [], errors };
  } finally {
    await index.deleteIndex().catch(() => undefined);
  }
}
