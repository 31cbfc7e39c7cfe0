// The archive-wide end of the normalise stage, once each article is done: drafts left out,
// slugs, duplicates, and one identity for unregistered people across articles. Kept apart from the field
// normalisers so that a build whose articles all come from the cache never loads them.
import type { Article, Diagnostic, RawArticle, Registries } from '../model.js';
import { mergeUnregistered } from '../people/merge.js';
import { findDuplicates, isSketch, type DupSketch } from './duplicates.js';
import type { Failed, Normalised } from './index.js';
import { assignSlugs } from './slug.js';

/** True when the metadata marks the article as a draft, left out of the site. */
export function isDraft(raw: RawArticle): boolean {
  return raw.meta.draft === true || raw.meta.draft === 'true';
}

/**
 * The archive-wide part of normalising, once each article is done (`results[i]` for
 * `raws[i]`, null for drafts): slugs, and one identity for unregistered people across articles.
 */
export function finishNormalise(raws: RawArticle[], results: (Normalised | Failed | null)[], registries: Registries): { articles: Article[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const partial: { article: Omit<Article, 'id' | 'slug' | 'url'>; requested: unknown }[] = [];
  const sketches = new Map<string, DupSketch>();
  const lazy = new Map<string, () => { body: string; bodyHtml: string }>();
  raws.forEach((raw, i) => {
    const r = results[i];
    if (!r) {
      diagnostics.push({ file: raw.file, line: raw.metaOrigin.draft?.line, field: 'draft', severity: 'notice', message: 'marked draft: true; left out of the site' });
      return;
    }
    if ('failed' in r) {
      diagnostics.push(r.failed);
      return;
    }
    diagnostics.push(...r.diagnostics);
    partial.push({ article: r.article, requested: raw.meta.slug });
    if (r.lazyBody) lazy.set(raw.file, r.lazyBody);
    if (r.dup && isSketch(r.dup)) sketches.set(raw.file, r.dup);
  });
  const slugged = assignSlugs(partial);
  for (const a of slugged.articles) {
    const load = lazy.get(a.file);
    if (load) lazyBody(a, load);
  }
  diagnostics.push(...slugged.diagnostics, ...findDuplicates(slugged.articles, sketches));
  mergeUnregistered(slugged.articles, new Set(registries.people.map((p) => p.id)));
  return { articles: slugged.articles, diagnostics };
}

/** How many bodies read lately are kept (a page and its neighbours read the same ones). */
const RECENT_BODIES = 32;
const recentBodies = new Map<Article, { body: string; bodyHtml: string }>();

/**
 * Gives a cached article its body and body HTML on first use: most builds never read the
 * bodies of unchanged articles. (Defined after slugging: copying the article would read them.)
 * Only the last few bodies read are held, so memory never has to hold every body of a large
 * archive. (Not a WeakRef: V8 keeps what a WeakRef points to until the end of the running
 * job, and the render is one job, so every body read would stay until it ends.)
 */
function lazyBody(a: Article, load: () => { body: string; bodyHtml: string }): void {
  const get = () => {
    let got = recentBodies.get(a);
    if (got) return got;
    got = load();
    recentBodies.set(a, got);
    if (recentBodies.size > RECENT_BODIES) recentBodies.delete(recentBodies.keys().next().value!);
    return got;
  };
  Object.defineProperty(a, 'body', { get: () => get().body, enumerable: true, configurable: true });
  Object.defineProperty(a, 'bodyHtml', { get: () => get().bodyHtml, enumerable: true, configurable: true });
}
