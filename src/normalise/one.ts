// Normalising one article and rendering its body: the costly per-article work, done in the
// normalising threads. Loaded only when some article is not in the cache.
import { hashOf } from '../cache/cache.js';
import type { RawArticle, Registries } from '../model.js';
import { renderBody } from '../render/markdown.js';
import { sketchOf } from './duplicates.js';
import { guarded, normaliseArticle, type Failed, type Normalised } from './index.js';

/** Normalises one article and renders its body to HTML, the two costly steps that depend on the article alone. */
export function normaliseAndRender(raw: RawArticle, registries: Registries): Normalised | Failed {
  return guarded(raw.file, () => {
    const r = normaliseArticle(raw, registries);
    const bodyHtml = renderBody(r.article);
    return { ...r, article: { ...r.article, bodyHtml, bodyHash: hashOf(bodyHtml) }, dup: sketchOf(r.article.body) };
  });
}
