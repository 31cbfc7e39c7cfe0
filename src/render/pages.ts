// The render stage: SiteIndex → OutputFile[]. Every page kind is listed here.
import type { SiteConfig } from '../config.js';
import type { Article, Diagnostic, OutputFile, RelatedLink, SiteIndex, Taxonomy, Term } from '../model.js';
import { ConfigError } from '../load/registries.js';
import { api } from './api.js';
import { archivePath, articleDigest, card, Deferred, fingerprintOf, languageName, madeNow, pageBase, rootOf, termLink, termPath } from './context.js';
import { format } from 'date-fns';
import { formatDate, localeFor, monthName } from './dates.js';
import { discoveryFiles } from './discovery.js';
import { hashOf, StaleCacheError } from '../cache/cache.js';
import { SEARCH_DIR } from '../index/search.js';
import { shardNames } from '../index/shards.js';
import type { Strings } from './i18n.js';
import { plural, translate } from './i18n.js';
import { renderBody } from './markdown.js';
import { relativeUrl, type PageKind, type Templates } from './templates.js';

/** Everything the render stage needs besides the index. */
export interface RenderInput {
  index: SiteIndex;
  config: SiteConfig;
  templates: Templates;
  strings: Strings;
  /**
   * Turns a page's template kind and context into its file. By default the page is rendered;
   * an incremental build passes a sink that keeps the published file when what the page is
   * made from is unchanged.
   */
  page?: PageSink;
  /**
   * Where a page that cannot be rendered is reported (it is left out, and the rest of the
   * site is built). Without it, such a page stops the render.
   */
  diagnostics?: Diagnostic[];
}

/** A page's template context. */
export type PageContext = Record<string, unknown> & { page: { root: string } };

/**
 * Makes the file of one page from its template kind and context (made on demand). Article
 * and listing pages also come with `keys`: a hash of everything their context is made from
 * (`page`: the articles shown, the page's place and links, the spellings of its people), so
 * that a kept page needs no context at all; an article page also with what the search
 * indexes of it (`search`: the article element's inputs).
 */
export type PageSink = (path: string, kind: PageKind, make: () => PageContext, keys?: PageKeys) => OutputFile;

/** See PageSink: listing pages have a `page` key too, article pages also a `search` key. */
export interface PageKeys {
  page: string;
  search?: string;
}

/** Site-root path of page `n` (1-based) of a listing at `base`. */
export function pagePath(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** Splits a list into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

function pagination(base: string, n: number, total: number, root: string) {
  const href = (k: number) => relativeUrl(root, pagePath(base, k));
  return {
    current: n,
    total,
    prev: n > 1 ? href(n - 1) : null,
    next: n < total ? href(n + 1) : null,
    pages: Array.from({ length: total }, (_, i) => ({ n: i + 1, href: href(i + 1), current: i + 1 === n })),
  };
}

/** A file path for a page path ('' → index.html, 'a/' → a/index.html). */
export function fileOf(pagePath: string): string {
  return `${pagePath}index.html`;
}

export function renderSite(input: RenderInput): OutputFile[] {
  const { index, config, templates, strings } = input;
  const out: OutputFile[] = [];
  const base = (p: Parameters<typeof pageBase>[2]) => pageBase(config, strings, p);
  const sink: PageSink = input.page ?? ((file, kind, make) => ({ path: file, contents: templates.render(kind, make()) }));
  // One page that cannot be rendered (a template error, or a bug on odd data) is reported
  // against its article and left out; a template that fails on every page of its kind stops
  // the build, so that the published site is not replaced by one without those pages.
  const attempts = new Map<PageKind, number>();
  const failures: { kind: PageKind; file: string; source: string; reason: string }[] = [];
  const emit = (kind: PageKind, path: string, context: PageContext | (() => PageContext), source?: string, keys?: PageKeys) => {
    const file = path === '404.html' ? path : fileOf(path);
    attempts.set(kind, (attempts.get(kind) ?? 0) + 1);
    try {
      out.push(sink(file, kind, typeof context === 'function' ? context : () => context, keys));
    } catch (err) {
      if (!input.diagnostics || err instanceof StaleCacheError) throw err;
      failures.push({ kind, file, source: source ?? file, reason: (err as Error).message ?? String(err) });
    }
  };
  const t = (key: string) => translate(strings, key);

  /** A paginated listing of articles under `basePath`. */
  const listing = (kind: PageKind, basePath: string, articles: Article[], make: (n: number) => { title: string; crumbs: { label: string; path: string | null }[]; extra: Record<string, unknown>; description?: string }, byMonth = false) => {
    const pages = paginate(articles, config.pageSize);
    pages.forEach((items, i) => {
      const path = pagePath(basePath, i + 1);
      const root = rootOf(path);
      const m = make(i + 1);
      const title = i === 0 ? m.title : `${m.title} (${translate(strings, 'pageOf', { current: i + 1, total: pages.length })})`;
      // Everything the context below is made from: the page's place, its own parts and its articles.
      const keys = { page: hashOf(kind, path, String(i), String(pages.length), byMonth ? 'by month' : '', fingerprintOf('listing', m), ...items.map(articleDigest)) };
      emit(kind, path, () => ({
        ...base({ kind, path, title, description: m.description, crumbs: m.crumbs }),
        ...madeNow(m.extra),
        list: items.map((a) => card(a, root)),
        groups: byMonth ? monthGroups(items, root, config.language, strings) : null,
        pagination: pagination(basePath, i + 1, pages.length, root),
      }), undefined, keys);
    });
  };

  // Home.
  {
    const root = '';
    const top = (tax: Taxonomy, n: number) => index.taxonomies[tax].slice().sort((a, b) => b.articles.length - a.articles.length || (a.name < b.name ? -1 : 1)).slice(0, n).map((x) => termLink(tax, x, root));
    emit('home', '', {
      ...base({ kind: 'home', path: '', title: config.title, crumbs: [] }),
      latest: index.articles.slice(0, config.latestCount).map((a) => card(a, root)),
      counts: {
        articles: index.articles.length,
        topics: index.taxonomies.topics.length,
        people: index.taxonomies.people.length,
        sources: index.taxonomies.sources.length,
        languages: index.taxonomies.languages.length,
      },
      topics: top('topics', 20),
      people: top('people', 20),
      sources: top('sources', 20),
      languages: top('languages', 50),
      years: index.years.map((y) => ({ year: y.year, href: relativeUrl(root, `archive/${y.year}/`), count: y.articles.length })),
    });
  }

  // Articles, with their neighbours in time, their versions in other languages and related articles.
  const byId = new Map(index.articles.map((a) => [a.id, a]));
  index.articles.forEach((a, i) => {
    const path = a.url;
    const root = rootOf(path);
    const links = index.related[a.id] ?? { versions: [], related: [] };
    const versions = links.versions.map((r) => byId.get(r.id)!);
    // hreflang: this page and each version, by the article's language (absolute with a base URL).
    const address = (b: Article) => (config.baseUrl ? config.baseUrl + b.url : relativeUrl(root, b.url));
    const alternates = versions.length ? [a, ...versions].map((b) => ({ hreflang: b.lang, href: address(b) })) : [];
    const neighbour = (b: Article | undefined) => (b ? { href: relativeUrl(root, b.url), title: b.title, lang: b.lang, dir: b.dir } : null);
    const archive = archivePath(a);
    const spellings = JSON.stringify(a.people.map((p) => index.spellings[p.id] ?? null));
    const keys = {
      search: hashOf(articleDigest(a), spellings),
      page: hashOf(articleDigest(a), spellings, JSON.stringify(links), ...versions.map(articleDigest), ...links.related.map((r) => articleDigest(byId.get(r.id)!)),
        ...[index.articles[i - 1], index.articles[i + 1]].map((b) => (b ? articleDigest(b) : '-'))),
    };
    emit('article', path, () => ({
      ...base({ kind: 'article', path, title: a.title, description: a.summary || undefined, crumbs: [{ label: a.title, path: null }], jsonLd: newsArticleJsonLd(a, config.baseUrl ? config.baseUrl + path : null, config.title), alternates }),
      article: withBody({
        title: a.title,
        lang: a.lang,
        dir: a.dir,
        langName: languageName(a.lang),
        langHref: relativeUrl(root, termPath('languages', a.lang)),
        dateIso: a.date?.value ?? null,
        dateText: a.date ? formatDate(a.date.value, a.date.precision, a.lang) : null,
        datePrecision: a.date?.precision ?? null,
        dateInferred: a.date?.certainty === 'inferred',
        dateEvidence: a.date?.evidence ?? null,
        archiveHref: archive ? relativeUrl(root, archive) : null,
        source: { name: a.source.name, url: a.source.url, href: a.source.id && a.source.name ? relativeUrl(root, termPath('sources', a.source.id)) : null },
        author: a.author,
        agencies: a.agencies,
        people: a.people.map((p) => ({ name: p.name, href: relativeUrl(root, termPath('people', p.id)), registered: p.registered })),
        topics: a.topics.map((x) => ({ name: x.name, href: relativeUrl(root, termPath('topics', x.id)) })),
        // For the search index: every spelling of every person named, and the filter values.
        searchNames: [...new Set(a.people.flatMap((p) => index.spellings[p.id] ?? [p.name]))].join(' · '),
        filters: {
          people: a.people.map((p) => p.name),
          topics: a.topics.map((x) => x.name),
          source: a.source.name,
          year: a.date?.value.slice(0, 4) ?? null,
          language: languageName(a.lang),
        },
        sortDate: a.date?.value ? a.date.value.padEnd(10, '-00').slice(0, 10).replace(/-$/, '') : null,
        summary: a.summary,
        file: a.file,
        words: a.words,
        extra: a.extra,
      }, a),
      versions: versions.map((b) => card(b, root)),
      related: links.related.map((r) => ({ ...card(byId.get(r.id)!, root), shared: sharedText(strings, config.language, r) })),
      // The list is newest first: the newer neighbour is the previous item.
      newer: neighbour(index.articles[i - 1]),
      older: neighbour(index.articles[i + 1]),
    }), a.file, keys);
  });

  // Term indexes and term pages.
  for (const tax of ['topics', 'people', 'sources', 'languages'] as Taxonomy[]) {
    const terms = index.taxonomies[tax];
    const heading = t(tax);
    emit('terms', `${tax}/`, {
      ...base({ kind: 'terms', path: `${tax}/`, title: heading, crumbs: [{ label: heading, path: null }] }),
      taxonomy: tax,
      heading,
      intro: plural(strings, config.language, terms.length, `${tax}Count`),
      terms: terms.map((x) => termLink(tax, x, rootOf(`${tax}/`))),
    });
    // People and topics: articles grouped by month, under a timeline of months with counts.
    const byMonth = tax === 'people' || tax === 'topics';
    for (const term of terms) {
      const basePath = termPath(tax, term.slug);
      const calendar = byMonth ? timeline(term.articles, basePath, config.pageSize, config.language, strings) : null;
      listing('term', basePath, term.articles, (n) => ({
        title: term.name,
        description: term.description,
        crumbs: [{ label: heading, path: `${tax}/` }, { label: term.name, path: null }],
        extra: {
          taxonomy: tax,
          term: termInfo(tax, term),
          timeline: calendar ? calendar(rootOf(pagePath(basePath, n))) : null,
        },
      }), byMonth);
    }
  }

  // Date archive.
  {
    const root = rootOf('archive/');
    emit('archive', 'archive/', {
      ...base({ kind: 'archive', path: 'archive/', title: t('archive'), crumbs: [{ label: t('archive'), path: null }] }),
      years: index.years.map((y) => ({
        year: y.year,
        href: relativeUrl(root, `archive/${y.year}/`),
        count: y.articles.length,
        months: y.months.slice().reverse().map((m) => ({ name: monthName(Number(m.month), config.language), href: relativeUrl(root, `archive/${y.year}/${m.month}/`), count: m.articles.length })),
      })),
      undated: index.undated.map((a) => card(a, root)),
    });
    for (const y of index.years) {
      const yearPath = `archive/${y.year}/`;
      listing('year', yearPath, y.articles, (n) => ({
        title: y.year,
        crumbs: [{ label: t('archive'), path: 'archive/' }, { label: y.year, path: null }],
        extra: {
          year: y.year,
          months: y.months.slice().reverse().map((m) => ({ name: monthName(Number(m.month), config.language), href: relativeUrl(rootOf(pagePath(yearPath, n)), `${yearPath}${m.month}/`), count: m.articles.length })),
        },
      }));
      for (const m of y.months) {
        const name = monthName(Number(m.month), config.language);
        listing('month', `${yearPath}${m.month}/`, m.articles, (n) => ({
          title: `${name} ${y.year}`,
          crumbs: [{ label: t('archive'), path: 'archive/' }, { label: y.year, path: yearPath }, { label: name, path: null }],
          extra: { year: y.year, monthName: name, yearHref: relativeUrl(rootOf(pagePath(`${yearPath}${m.month}/`, n)), yearPath) },
        }));
      }
    }
  }

  // Search and 404.
  emit('search', 'search/', {
    ...base({ kind: 'search', path: 'search/', title: t('search'), crumbs: [{ label: t('search'), path: null }] }),
    // The search bundles (newest first): the first is loaded, the others merged into it.
    shards: shardNames(index).map((s) => `${SEARCH_DIR}/${s}/`),
  });
  emit('404', '404.html', { ...base({ kind: '404', path: '', title: t('notFoundHeading'), crumbs: [] }) });

  for (const [kind, tried] of attempts) {
    const failed = failures.filter((f) => f.kind === kind);
    if (failed.length && failed.length === tried) {
      throw new ConfigError(`${templates.fileOf(kind)}: no page of this kind could be rendered (${failed[0]!.reason}); fix the template. The published site was left as it was`);
    }
  }
  for (const f of failures) {
    input.diagnostics!.push({ file: f.source, field: 'render', severity: 'error', message: `its page ${f.file} could not be rendered (${f.reason}) and was left out of the site. If ${templates.fileOf(f.kind)} was changed, check it; otherwise this is a bug: please report it with the file` });
  }

  out.push(api(index));
  const pagePaths = out.filter((f) => f.path.endsWith('index.html')).map((f) => f.path.slice(0, -'index.html'.length));
  out.push(...discoveryFiles(index, config, pagePaths));
  return out;
}

/** The period an article is listed under: "2024-07", "2022" (year only) or "" (undated). */
function periodOf(a: Article): string {
  return a.date ? a.date.value.slice(0, 7) : '';
}

/** The anchor of a period's group on a listing page. */
function periodAnchor(period: string): string {
  return period ? `d-${period}` : 'undated';
}

/** A period's heading: "July 2024", "2022", or "Undated", in the interface language. */
function periodLabel(period: string, locale: string, strings: Strings): string {
  if (!period) return translate(strings, 'undated');
  if (period.length !== 7) return period;
  const key = `${locale}|${period}`;
  let label = monthLabels.get(key);
  if (label === undefined) monthLabels.set(key, (label = formatDate(period, 'month', locale)));
  return label;
}
const monthLabels = new Map<string, string>();

/** A listing page's articles (newest first) in groups by month. */
function monthGroups(items: Article[], root: string, locale: string, strings: Strings) {
  const groups: { id: string; label: string; list: ReturnType<typeof card>[] }[] = [];
  for (const a of items) {
    const period = periodOf(a);
    const id = periodAnchor(period);
    if (groups.at(-1)?.id !== id) groups.push({ id, label: periodLabel(period, locale, strings), list: [] });
    groups.at(-1)!.list.push(card(a, root));
  }
  return groups;
}

/** Shade of a timeline cell for a count of articles: 0 (none) to 4. */
function level(count: number): number {
  return count === 0 ? 0 : count === 1 ? 1 : count <= 3 ? 2 : count <= 7 ? 3 : 4;
}

/**
 * A person's or topic's articles as a calendar: one row per year, one cell per month with its
 * count, each linking to the month's group on the listing page that holds it.
 */
function timeline(articles: Article[], basePath: string, pageSize: number, locale: string, strings: Strings): (root: string) => Deferred<unknown> {
  const count = new Map<string, number>();
  const page = new Map<string, number>();
  articles.forEach((a, i) => {
    const period = periodOf(a);
    count.set(period, (count.get(period) ?? 0) + 1);
    if (!page.has(period)) page.set(period, Math.floor(i / pageSize) + 1);
  });
  const years = [...new Set([...count.keys()].filter(Boolean).map((p) => p.slice(0, 4)))].sort().reverse();
  const perYear = new Map<string, number>();
  for (const [period, n] of count) if (period) perYear.set(period.slice(0, 4), (perYear.get(period.slice(0, 4)) ?? 0) + n);
  // Counted once per term; only the links differ from one page of the listing to the next.
  // Made only for a page that is rendered: its key is what it is made from (the interface
  // strings are in every page's epoch).
  const inputs = JSON.stringify([basePath, locale, [...count], [...page]]);
  return (root) => new Deferred(hashOf('timeline', inputs, root), () => {
    const href = (period: string) => `${relativeUrl(root, pagePath(basePath, page.get(period)!))}#${periodAnchor(period)}`;
    const cell = (period: string, label: string) => {
      const n = count.get(period) ?? 0;
      return { count: n, level: level(n), label, countText: n ? plural(strings, locale, n, 'articles') : '', href: n ? href(period) : null };
    };
    return {
      monthHeads: Array.from({ length: 12 }, (_, i) => ({ short: format(new Date(2000, i, 1, 12), 'LLLLL', { locale: localeFor(locale) }), long: monthName(i + 1, locale) })),
      years: years.map((y) => ({
        year: y,
        total: plural(strings, locale, perYear.get(y) ?? 0, 'articles'),
        months: Array.from({ length: 12 }, (_, i) => {
          const period = `${y}-${String(i + 1).padStart(2, '0')}`;
          return cell(period, periodLabel(period, locale, strings));
        }),
      })),
      yearOnly: years.filter((y) => count.has(y)).map((y) => cell(y, y)),
      undated: count.has('') ? cell('', translate(strings, 'undated')) : null,
    };
  });
}

/**
 * The article's body HTML, added to its page context as a property read only when the page
 * is rendered (a kept page never needs its article's body) and left out of JSON.
 */
function withBody<T extends object>(context: T, a: Article): T {
  let html: string | undefined;
  const withHtml = { ...context };
  Object.defineProperty(withHtml, 'bodyHtml', { get: () => (html ??= a.bodyHtml ?? renderBody(a)), enumerable: false });
  return withHtml;
}

/** What a related article shares with this one, in words ("2 people · 3 topics"). */
function sharedText(strings: Strings, locale: string, r: RelatedLink): string {
  const parts: string[] = [];
  if (r.people) parts.push(plural(strings, locale, r.people, 'sharedPeople'));
  if (r.topics) parts.push(plural(strings, locale, r.topics, 'sharedTopics'));
  return parts.join(' · ');
}

function termInfo(tax: Taxonomy, term: Term) {
  return { name: term.name, description: term.description ?? null, count: term.articles.length, lang: tax === 'languages' ? term.slug : null };
}

/**
 * schema.org NewsArticle for an article page, as JSON safe inside a <script> element: "<"
 * is escaped, so no text of the article can close the element.
 */
export function newsArticleJsonLd(a: Article, url: string | null, siteTitle: string): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    inLanguage: a.lang,
    ...(url ? { url, mainEntityOfPage: url } : {}),
    ...(a.date ? { datePublished: a.date.value } : {}),
    ...(a.author ? { author: { '@type': 'Person', name: a.author } } : {}),
    ...(a.source.name || a.source.url ? { isBasedOn: { '@type': 'NewsArticle', ...(a.source.url ? { url: a.source.url } : {}), ...(a.source.name ? { publisher: { '@type': 'Organization', name: a.source.name } } : {}) } } : {}),
    ...(a.summary ? { description: a.summary } : {}),
    ...(a.topics.length ? { about: a.topics.map((t) => ({ '@type': 'Thing', name: t.name })) } : {}),
    ...(a.people.length ? { mentions: a.people.map((p) => ({ '@type': 'Person', name: p.name })) } : {}),
    isPartOf: { '@type': 'WebSite', name: siteTitle },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
