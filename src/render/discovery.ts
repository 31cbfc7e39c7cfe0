// Feeds and sitemap need absolute URLs: they are written only when a base URL is known.
// robots.txt is always written.
import type { SiteConfig } from '../config.js';
import type { Article, OutputFile, SiteIndex } from '../model.js';

/** Most addresses in one sitemap file (the sitemaps.org limit is 50,000). */
export const SITEMAP_SIZE = 50_000;

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

/**
 * robots.txt, and with a base URL the sitemap and the feeds. `pagePaths` are the site-root
 * paths of every HTML page written (paginated pages included), in the order they were made.
 */
export function discoveryFiles(index: SiteIndex, config: SiteConfig, pagePaths: readonly string[], sitemapSize = SITEMAP_SIZE): OutputFile[] {
  const base = config.baseUrl;
  const robots = `User-agent: *\nAllow: /\n${base ? `Sitemap: ${base}sitemap.xml\n` : ''}`;
  if (!base) return [{ path: 'robots.txt', contents: robots }];
  // Versions of an article in other languages, as xhtml:link alternates (the page itself included).
  const byUrl = new Map(index.articles.map((a) => [a.url, a]));
  const byId = new Map(index.articles.map((a) => [a.id, a]));
  const alternates = (p: string): string[] => {
    const a = byUrl.get(p);
    const versions = a ? (index.related[a.id]?.versions ?? []).map((r) => byId.get(r.id)!) : [];
    if (!a || !versions.length) return [];
    return [a, ...versions].map((b) => `    <xhtml:link rel="alternate" hreflang="${xmlEscape(b.lang)}" href="${xmlEscape(base + b.url)}"/>`);
  };
  const urls = pagePaths.map((p) => {
    const alt = alternates(p);
    return alt.length ? `  <url>\n    <loc>${xmlEscape(base + p)}</loc>\n${alt.join('\n')}\n  </url>` : `  <url><loc>${xmlEscape(base + p)}</loc></url>`;
  });
  // A sitemap holds at most SITEMAP_SIZE addresses; a larger site gets numbered sitemaps and an index.
  const chunks: string[][] = [];
  for (let i = 0; i < urls.length; i += sitemapSize) chunks.push(urls.slice(i, i + sitemapSize));
  const urlset = (list: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${list.join('\n')}\n</urlset>\n`;
  const sitemaps: OutputFile[] = chunks.length <= 1
    ? [{ path: 'sitemap.xml', contents: urlset(urls) }]
    : [
      { path: 'sitemap.xml', contents: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${chunks.map((_, i) => `  <sitemap><loc>${xmlEscape(`${base}sitemap-${i + 1}.xml`)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n` },
      ...chunks.map((list, i) => ({ path: `sitemap-${i + 1}.xml`, contents: urlset(list) })),
    ];
  const feed = atomFeed(base, { title: config.title, subtitle: config.description, path: '', lang: config.language, author: config.title }, index.articles);
  // A feed for each topic and each person: follow one story or one person across languages.
  const termFeeds = (['topics', 'people'] as const).flatMap((tax) => index.taxonomies[tax].map((term) => ({
    path: `${tax}/${term.slug}/feed.xml`,
    contents: atomFeed(base, { title: `${term.name} · ${config.title}`, subtitle: term.description ?? config.description, path: `${tax}/${term.slug}/`, lang: config.language, author: config.title }, term.articles),
  })));
  return [
    { path: 'robots.txt', contents: robots },
    ...sitemaps,
    { path: 'feed.xml', contents: feed },
    ...termFeeds,
  ];
}
