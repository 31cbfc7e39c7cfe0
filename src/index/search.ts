// Search: a Pagefind index of the article pages (pagefind's Node API, which ships its own
// binary). Only elements marked data-pagefind-body are indexed, so the index holds articles,
// each with every spelling of the people it names and its filters (language, year, source,
// topic, person). The files come back in memory and are written with the rest of the site,
// so the swap-in-when-complete of the writer covers them too. Pagefind loads its files
// relative to its own script, so search works under any sub-path.
import { close, createIndex } from 'pagefind';
import type { OutputFile } from '../model.js';

/** Where the search bundle lives in the site. */
export const SEARCH_DIR = 'pagefind';

/** Where article pages live in the site: the only pages indexed. */
const ARTICLE_DIR = 'articles/';

/** Builds the search bundle for the site's article pages; files are given in a fixed order, so the output is stable. */
export async function searchIndex(pages: readonly OutputFile[]): Promise<{ files: OutputFile[]; errors: string[] }> {
  const errors: string[] = [];
  const { index, errors: created } = await createIndex({ verbose: false });
  errors.push(...created);
  if (!index) return { files: [], errors };
  try {
    // Only article pages carry data-pagefind-body; Pagefind would parse the others to skip them.
    const html = pages.filter((f) => f.path.startsWith(ARTICLE_DIR) && f.path.endsWith('/index.html')).sort((a, b) => (a.path < b.path ? -1 : 1));
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
