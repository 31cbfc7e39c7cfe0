// Feeds and sitemap need absolute URLs: they are written only when a base URL is known.
// robots.txt is always written.
import type { SiteConfig } from '../config.js';
import type { OutputFile, SiteIndex } from '../model.js';

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
  const latest = index.articles.slice(0, FEED_SIZE);
  const updated = timestamp(index.articles.find((a) => a.date)?.date?.value);
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
  const feed = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${config.language}">\n  <title>${xmlEscape(config.title)}</title>\n  <subtitle>${xmlEscape(config.description)}</subtitle>\n  <link href="${xmlEscape(base)}"/>\n  <link rel="self" href="${xmlEscape(base)}feed.xml"/>\n  <id>${xmlEscape(base)}</id>\n  <updated>${updated}</updated>\n  <author><name>${xmlEscape(config.title)}</name></author>\n${entries.join('\n')}\n</feed>\n`;
  return [
    { path: 'robots.txt', contents: robots },
    { path: 'sitemap.xml', contents: sitemap },
    { path: 'feed.xml', contents: feed },
  ];
}
