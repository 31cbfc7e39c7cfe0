// Eleventy site for the --compare benchmark (scripts/compare/eleventy.ts copies this folder
// and the corpus into articles/). The same page kinds as newsarchive: articles, a paginated
// listing per person, topic, source, language, year and month, an index of each, a home
// page, feeds (site, each person, each topic) and a sitemap. Listings are built the usual
// Eleventy way: collections of page-sized chunks, paginated one chunk per page.
const PAGE_SIZE = 50;
const FEED_SIZE = 50;
const SITE = 'https://example.org/archive';

const slug = (s) => String(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const iso = (d) => d.toISOString().slice(0, 10);
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDate = (d) => dayFormat.format(d);
const monthLabel = (d) => monthFormat.format(d);

/** Each taxonomy: the terms an article is listed under, and where a term's listing lives. */
const TAXONOMIES = {
  topics: { title: 'Topics', index: '/topics/', terms: (a) => a.data.topics ?? [], path: (t) => `/topics/${slug(t)}/`, byMonth: true, feeds: true },
  people: { title: 'People', index: '/people/', terms: (a) => a.data.people ?? [], path: (t) => `/people/${slug(t)}/`, byMonth: true, feeds: true },
  sources: { title: 'Sources', index: '/sources/', terms: (a) => (a.data.source?.name ? [a.data.source.name] : []), path: (t) => `/sources/${slug(t)}/` },
  languages: { title: 'Languages', index: '/languages/', terms: (a) => [a.data.lang], path: (t) => `/languages/${slug(t)}/` },
  years: { title: 'Archive', index: '/archive/', terms: (a) => [iso(a.date).slice(0, 4)], path: (t) => `/archive/${t}/` },
  months: { title: 'Months', index: '/archive/months/', terms: (a) => [iso(a.date).slice(0, 7)], path: (t) => `/archive/${t.replace('-', '/')}/` },
};

/** Every article, newest first. */
function articles(api) {
  return api.getFilteredByGlob('articles/**/*.md').sort((a, b) => b.date - a.date || (a.fileSlug < b.fileSlug ? 1 : -1));
}

/** Each taxonomy with its terms, each term with its articles (newest first). */
function taxonomies(api) {
  const all = articles(api);
  return Object.entries(TAXONOMIES).map(([tax, t]) => {
    const byTerm = new Map();
    for (const a of all) {
      for (const term of t.terms(a)) {
        if (!byTerm.has(term)) byTerm.set(term, []);
        byTerm.get(term).push(a);
      }
    }
    const terms = [...byTerm].map(([name, list]) => ({ name, path: t.path(name), articles: list })).sort((a, b) => (a.name < b.name ? -1 : 1));
    return { tax, ...t, terms, top: terms.slice().sort((a, b) => b.articles.length - a.articles.length).slice(0, 20) };
  });
}

/** A summary for cards and feeds: the first 40 words of the rendered body, worked out once per body. */
const summaries = new Map();
function summary(html) {
  if (!summaries.has(html)) summaries.set(html, String(html ?? '').replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).slice(0, 40).join(' '));
  return summaries.get(html);
}

export default function (config) {
  config.addFilter('iso', iso);
  config.addFilter('longDate', longDate);
  config.addFilter('termPath', (term, tax) => TAXONOMIES[tax].path(term));
  config.addFilter('monthPath', (d) => TAXONOMIES.months.path(iso(d).slice(0, 7)));
  config.addFilter('summary', summary);
  config.addFilter('wordCount', (html) => String(html).replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length);

  config.addCollection('articles', articles);
  config.addCollection('taxonomies', taxonomies);
  // One item per listing page: a term's articles, PAGE_SIZE at a time, grouped by month on person and topic pages.
  config.addCollection('listings', (api) => taxonomies(api).flatMap(({ byMonth, terms }) => terms.flatMap((term) => {
    const total = Math.ceil(term.articles.length / PAGE_SIZE);
    const url = (n) => (n === 1 ? term.path : `${term.path}page/${n}/`);
    return Array.from({ length: total }, (_, i) => {
      const items = term.articles.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
      const groups = [];
      for (const item of items) {
        const label = byMonth ? monthLabel(item.date) : '';
        if (groups.at(-1)?.label !== label) groups.push({ label, items: [] });
        groups.at(-1).items.push(item);
      }
      return { url: url(i + 1), title: i ? `${term.name} (page ${i + 1} of ${total})` : term.name, name: term.name, count: term.articles.length, n: i + 1, total, prev: i ? url(i) : null, next: i + 1 < total ? url(i + 2) : null, groups };
    });
  })));
  // The site's feed, and one for each person and topic.
  config.addCollection('feeds', (api) => [
    { url: '/feed.xml', page: '/', title: 'Benchmark archive', items: articles(api).slice(0, FEED_SIZE) },
    ...taxonomies(api).filter((t) => t.feeds).flatMap(({ terms }) => terms.map((term) => ({ url: `${term.path}feed.xml`, page: term.path, title: `${term.name} · Benchmark archive`, items: term.articles.slice(0, FEED_SIZE) }))),
  ]);
  config.addGlobalData('site', SITE);

  return {
    dir: { input: '.', includes: '_includes' },
    // Articles are content, not templates: no Liquid pass over their Markdown (newsarchive does none either).
    markdownTemplateEngine: false,
    templateFormats: ['md', 'njk'],
  };
}
