// Search: a Pagefind index of the article pages (pagefind's Node API, which ships its own
// binary). Only elements marked data-pagefind-body are indexed, so the index holds articles,
// each with every spelling of the people it names and its filters (language, year, source,
// topic, person). The files come back in memory and are written with the rest of the site,
// so the swap-in-when-complete of the writer covers them too. Pagefind loads its files
// relative to its own script, so search works under any sub-path.
import fs from 'node:fs';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { codeVersion, hashOf } from '../cache/cache.js';
import type { OutputFile } from '../model.js';

/** Where the search bundle lives in the site. */
export const SEARCH_DIR = 'pagefind';

/** Where article pages live in the site: the only pages indexed (only they carry data-pagefind-body; Pagefind would parse the others to skip them). */
const ARTICLE_DIR = 'articles/';

/**
 * Builds the search bundle for the site's article pages; files are given in a fixed order,
 * so the output is stable. With a cache folder, a bundle made from the same article pages
 * (by a hash of their paths and bytes, and of the code) is reused instead of indexed again.
 */
export async function searchIndex(pages: readonly OutputFile[], cacheDir: string | null = null): Promise<{ files: OutputFile[]; errors: string[] }> {
  const articles = pages.filter((f) => f.path.startsWith(ARTICLE_DIR) && f.path.endsWith('/index.html')).sort((a, b) => (a.path < b.path ? -1 : 1));
  if (!cacheDir) return makeIndex(articles);
  const key = hashOf(codeVersion(), ...articles.flatMap((f) => [f.path, f.contents]));
  const cached = readBundle(cacheDir, key);
  if (cached) return { files: cached, errors: [] };
  const made = await makeIndex(articles);
  if (!made.errors.length) writeBundle(cacheDir, key, made.files);
  return made;
}

/** Where cached bundles live in the cache folder; only the latest is kept. */
const CACHE_SECTION = 'search';

/** A cached bundle: its manifest (written last) names every file; anything missing or unreadable is a miss. */
function readBundle(cacheDir: string, key: string): OutputFile[] | null {
  const dir = path.join(cacheDir, CACHE_SECTION, key.slice(0, 32));
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
  const section = path.join(cacheDir, CACHE_SECTION);
  const dir = path.join(section, key.slice(0, 32));
  const tmp = `${dir}.${process.pid}.tmp`;
  try {
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(tmp, 'files', f.path)), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'files', f.path), f.contents);
    }
    const manifest = { files: files.map((f) => ({ path: f.path, sha256: hashOf(f.contents) })) };
    fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
    // Only the newest bundle is worth keeping.
    for (const e of fs.existsSync(section) ? fs.readdirSync(section) : []) {
      if (!e.endsWith('.tmp')) fs.rmSync(path.join(section, e), { recursive: true, force: true });
    }
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
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
      .map((f) => ({ path: `${SEARCH_DIR}/${f.path.replace(/\\/g, '/')}`, contents: Buffer.from(f.content) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    return { files, errors };
  } finally {
    await close();
  }
}
