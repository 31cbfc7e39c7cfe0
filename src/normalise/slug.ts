// Slugs: lowercase ASCII, readable, unique and stable as the archive grows.
// When two articles want one slug, the earliest-dated (then the first by file path) keeps it
// and the others get their date, then a short hash of their file path, appended. Adding a
// newer article therefore never moves an older one.
import crypto from 'node:crypto';
import type { Article, Diagnostic } from '../model.js';
import { slugify } from '../text/slug.js';

type Unslugged = Omit<Article, 'id' | 'slug' | 'url'>;

/** Deterministic short hash of a file path. */
function shortHash(file: string): string {
  return crypto.createHash('sha256').update(file).digest('hex').slice(0, 6);
}

/** Assigns slugs, ids and URLs. `requested` is the front-matter `slug`, if any. */
export function assignSlugs(items: { article: Unslugged; requested: unknown }[]): { articles: Article[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const wanted = items.map(({ article, requested }) => {
    let base = '';
    if (requested !== undefined && requested !== null && requested !== '') {
      base = slugify(String(requested));
      if (base !== String(requested)) {
        diagnostics.push({ file: article.file, field: 'slug', severity: 'warning', message: `slug "${String(requested)}" is not lowercase ASCII words joined by hyphens; "${base || '(derived from the title)'}" is used. Write slug: ${base || 'some-words'}` });
      }
    }
    if (!base) base = slugify(article.title) || slugify(article.file.replace(/\.[^.]+$/, '')) || `article-${shortHash(article.file)}`;
    return { article, base };
  });
  // Earliest date first (undated last), then file path: the order that decides who keeps a contested slug.
  const order = wanted.slice().sort((a, b) => {
    const da = a.article.date?.value ?? '9999';
    const db = b.article.date?.value ?? '9999';
    return da < db ? -1 : da > db ? 1 : a.article.file < b.article.file ? -1 : a.article.file > b.article.file ? 1 : 0;
  });
  /** Each slug given so far, with the file that has it. */
  const taken = new Map<string, string>();
  const slugOf = new Map<Unslugged, string>();
  for (const { article, base } of order) {
    let slug = base;
    if (taken.has(slug) && article.date) slug = `${base}-${article.date.value}`;
    if (taken.has(slug)) slug = `${base}-${shortHash(article.file)}`;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${shortHash(article.file)}-${n}`;
    if (slug !== base) {
      diagnostics.push({ file: article.file, field: 'slug', severity: 'warning', message: `articles/${base}/ is the address of ${taken.get(base)}, which is dated earlier or comes first by file name; this article is at articles/${slug}/. Give it a slug: of its own to choose` });
    }
    taken.set(slug, article.file);
    slugOf.set(article, slug);
  }
  const articles = wanted.map(({ article }) => {
    const slug = slugOf.get(article)!;
    return { id: slug, slug, url: `articles/${slug}/`, ...article };
  });
  return { articles, diagnostics };
}
