// Feeds and sitemap need absolute URLs: they are written only when a base URL is known.
// robots.txt is always written.
import type { SiteConfig } from '../config.js';
import type { Article, OutputFile, SiteIndex } from '../model.js';

/** Articles in the site feed. */
export const FEED_SIZE = 50;

/** Escapes text for XML content and attributes. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 forbids.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** An RFC 3339 timestamp for a date of any precision (start of the period, UTC). */
function timestamp(value: string | undefined): string {
  const v = value ?? '1970-01-01';
  const full = v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v;
  return `${full}T00:00:00Z`;
}

/** An Atom feed of the newest FEED_SIZE of `articles`, for the page at `meta.path` (feed at `<path>feed.xml`). */
export function atomFeed(base: string, meta: { title: string; subtitle: string; path: string; lang: string; author: string }, articles: readonly Article[]): string {
  const latest = articles.slice(0, FEED_SIZE);
  const updated = timestamp(articles.find((a) => a.date)?.date?.value);
  const entries = latest.map((a) => [
    '  <entry>',
    `    <title>${xmlEscape(a.title)}</title>`,
    `    <link href="${xmlEscape(base + a.url)}"/>`,
    `    <id>${xmlEscape(base + a.url)}</id>`,
    `    <updated>${timestamp(a.date?.value)}</updated>`,
    a.author ? `    <author><name>${xmlEscape(a.author)}</name></author>` : '',
    a.summary ? `    <summary xml:lang="${a.lang}">${xmlEscape(a.summary)}</summary>` : '',
    ...a.topics.map((t) => `    <category term="${xmlEscape(t.id)}" label="${xmlEscape(t.name)}"/>`),
    '  </entry>',
  ].filter(Boolean).join('\n'));
  const page = base + meta.path;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${meta.lang}">\n  <title>${xmlEscape(meta.title)}</title>\n  <subtitle>${xmlEscape(meta.subtitle)}</subtitle>\n  <link href="${xmlEscape(page)}"/>\n  <link rel="self" href="${xmlEscape(page)}feed.xml"/>\n  <id>${xmlEscape(page)}</id>\n  <updated>${updated}</updated>\n  <author><name>${xmlEscape(meta.author)}</name></author>\n${entries.join('\n')}${entries.length ? '\n' : ''}</feed>\n`;
}

export function discoveryFiles(index: SiteIndex, config: SiteConfig): OutputFile[] {
  const base = config.baseUrl;
  const robots = `User-agent: *\nAllow: /\n${base ? `Sitemap: ${base}sitemap.xml\n` : ''}`;
  if (!base) return [{ path: 'robots.txt', contents: robots }];
  const pages = [
    '', 'topics/', 'people/', 'sources/', 'languages/', 'archive/', 'search/',
    ...index.articles.map((a) => a.url),
    ...(['topics', 'people', 'sources', 'languages'] as const).flatMap((t) => index.taxonomies[t].map((x) => `${t}/${x.slug}/`)),
    ...index.years.flatMap((y) => [`archive/${y.year}/`, ...y.months.map((m) => `archive/${y.year}/${m.month}/`)]),
  ];
  const sitemap = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${pages.map((p) => `  <url><loc>${xmlEscape(base + p)}</loc></url>`).join('\n')}\n</urlset>\n`;
  const feed = atomFeed(base, { title: config.title, subtitle: config.description, path: '', lang: config.language, author: config.title }, index.articles);
  // A feed for each topic and each person: follow one story or one person across languages.
  const termFeeds = (['topics', 'people'] as const).flatMap((tax) => index.taxonomies[tax].map((term) => ({
    path: `${tax}/${term.slug}/feed.xml`,
    contents: atomFeed(base, { title: `${term.name} · ${config.title}`, subtitle: term.description ?? config.description, path: `${tax}/${term.slug}/`, lang: config.language, author: config.title }, term.articles),
  })));
  return [
    { path: 'robots.txt', contents: robots },
    { path: 'sitemap.xml', contents: sitemap },
    { path: 'feed.xml', contents: feed },
    ...termFeeds,
  ];
}
