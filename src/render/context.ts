// Building the plain objects templates receive: cards, links, navigation.
import { hashOf } from '../cache/cache.js';
import { langData } from '../lang/data.js';
import type { Article, Taxonomy, Term } from '../model.js';
import type { SiteConfig } from '../config.js';
import { formatDate } from './dates.js';
import { translate, type Strings } from './i18n.js';
import { relativeUrl } from './templates.js';

/** Depth prefix from a page path ('' or 'a/b/') to the site root. */
export function rootOf(pagePath: string): string {
  return '../'.repeat(pagePath.split('/').filter(Boolean).length);
}

/** Site-root path of a term page. */
export function termPath(taxonomy: Taxonomy, slug: string): string {
  return `${taxonomy}/${slug}/`;
}

/** Site-root path of the archive page holding an article's date. */
export function archivePath(a: Article): string | null {
  if (!a.date) return null;
  const [y, m] = a.date.value.split('-');
  return m ? `archive/${y}/${m}/` : `archive/${y}/`;
}

/** Name of a language in its own words ("Deutsch"), or the code. */
export function languageName(code: string): string {
  return langData(code).name;
}

/**
 * A hidden key on context objects made once and shared by many pages (cards): a hash of the
 * object, which the page fingerprint (`fingerprintOf`) uses instead of the object itself.
 * Not enumerable, so templates, spreads and JSON never see it.
 */
export const FINGERPRINT = Symbol('fingerprint');

/** Hashes of articles, without their bodies (their bodyHash stands for them), by article. */
const digests = new WeakMap<Article, string>();

/**
 * A hash of every field of an article but the body and its HTML (read only when a page is
 * rendered; the bodyHash field stands for them when there is one).
 */
export function articleDigest(a: Article): string {
  let d = digests.get(a);
  if (d === undefined) {
    const skip = typeof a.bodyHash === 'string' ? new Set(['body', 'bodyHtml']) : new Set(['bodyHtml']);
    const fields = Object.keys(a).filter((k) => !skip.has(k)).sort().map((k) => [k, (a as unknown as Record<string, unknown>)[k]]);
    d = hashOf(JSON.stringify(fields));
    digests.set(a, d);
  }
  return d;
}

/** Cards already made, by article and root: one article is listed on many pages. */
const cards = new WeakMap<Article, Map<string, ReturnType<typeof makeCard>>>();

/** An article as a list item, with links relative to the page at `root` (the same object each time: do not change it). */
export function card(a: Article, root: string): ReturnType<typeof makeCard> {
  let byRoot = cards.get(a);
  if (!byRoot) cards.set(a, (byRoot = new Map()));
  let c = byRoot.get(root);
  if (!c) {
    c = makeCard(a, root);
    // A card is made from its article and its root alone (and the code and settings, which every fingerprint carries).
    Object.defineProperty(c, FINGERPRINT, { value: `${articleDigest(a)} ${root}`, enumerable: false });
    byRoot.set(root, c);
  }
  return c;
}

/**
 * A part of a page's context that is costly to make and is made only when the page is
 * rendered (a person's timeline). Its key, a hash of what it is made from, stands for it in
 * page fingerprints, so a kept page never makes it.
 */
export class Deferred<T> {
  readonly [FINGERPRINT]: string;
  private made: { value: T } | null = null;
  constructor(key: string, private readonly make: () => T) {
    this[FINGERPRINT] = key;
  }

  get value(): T {
    return (this.made ??= { value: this.make() }).value;
  }
}

/** A context with its deferred parts made (see Deferred). */
export function madeNow<T extends Record<string, unknown>>(context: T): T {
  return Object.fromEntries(Object.entries(context).map(([k, v]) => [k, v instanceof Deferred ? v.value : v])) as T;
}

/** A page's fingerprint: its kind and context, with shared objects (cards) by their hash. */
export function fingerprintOf(kind: string, context: object): string {
  return hashOf(kind, JSON.stringify(context, (_key, value: unknown) =>
    (typeof value === 'object' && value !== null && FINGERPRINT in value ? (value as { [FINGERPRINT]: string })[FINGERPRINT] : value)));
}

function makeCard(a: Article, root: string) {
  return {
    href: relativeUrl(root, a.url),
    title: a.title,
    lang: a.lang,
    dir: a.dir,
    dateIso: a.date?.value ?? null,
    dateText: a.date ? formatDate(a.date.value, a.date.precision, a.lang) : null,
    datePrecision: a.date?.precision ?? null,
    dateInferred: a.date?.certainty === 'inferred',
    sourceName: a.source.name,
    summary: a.summary,
    langName: languageName(a.lang),
    people: a.people.map((p) => ({ name: p.name, href: relativeUrl(root, termPath('people', p.id)) })),
    topics: a.topics.map((t) => ({ name: t.name, href: relativeUrl(root, termPath('topics', t.id)) })),
  };
}

/** A term as a link with its article count. */
export function termLink(taxonomy: Taxonomy, t: Term, root: string) {
  return { name: t.name, href: relativeUrl(root, termPath(taxonomy, t.slug)), count: t.articles.length };
}

/** The main navigation, marking the section the page belongs to. */
export function navigation(strings: Strings, root: string, pagePath: string) {
  const items: [string, string][] = [
    ['home', ''], ['topics', 'topics/'], ['people', 'people/'], ['archive', 'archive/'],
    ['languages', 'languages/'], ['sources', 'sources/'], ['search', 'search/'],
  ];
  return items.map(([key, target]) => ({
    label: translate(strings, key),
    href: relativeUrl(root, target),
    current: target === '' ? pagePath === '' : pagePath.startsWith(target),
  }));
}

/** Fields every page context has. */
export function pageBase(config: SiteConfig, strings: Strings, p: { kind: string; path: string; title: string; description?: string; lang?: string; dir?: string; crumbs: { label: string; path: string | null }[]; jsonLd?: string; alternates?: { hreflang: string; href: string }[] }) {
  const root = rootOf(p.path);
  return {
    site: { title: config.title, description: config.description, language: config.language },
    page: {
      kind: p.kind,
      title: p.title,
      description: p.description ?? config.description,
      lang: p.lang ?? config.language,
      dir: p.dir ?? langData(p.lang ?? config.language).dir,
      root,
      path: p.path,
      canonical: config.baseUrl ? config.baseUrl + p.path : null,
      // The Atom feed of the page: the site's on the home page, a topic's or a person's on theirs.
      feed: config.baseUrl && (p.kind === 'home' || (p.kind === 'term' && /^(?:topics|people)\/[^/]+\/$/.test(p.path)))
        ? `${config.baseUrl}${p.kind === 'home' ? '' : p.path}feed.xml` : null,
      isHome: p.kind === 'home',
      /** schema.org data of the page, already JSON and safe inside <script>. */
      jsonLd: p.jsonLd ?? null,
      /** Versions of the page in other languages, for <link rel="alternate" hreflang>. */
      alternates: p.alternates ?? [],
    },
    nav: navigation(strings, root, p.path),
    breadcrumbs: [{ label: translate(strings, 'breadcrumbHome'), href: relativeUrl(root, '') }, ...p.crumbs.map((c) => ({ label: c.label, href: c.path === null ? null : relativeUrl(root, c.path) }))]
      .map((c, i, all) => (i === all.length - 1 ? { ...c, href: null } : c)),
  };
}
