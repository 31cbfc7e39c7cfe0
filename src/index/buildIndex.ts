// The index stage: group and sort articles into topics, people, sources, languages and dates.
import { langData } from '../lang/data.js';
import type { ArchiveYear, Article, Registries, SiteIndex, Taxonomy, Term } from '../model.js';
import { relatedArticles } from './related.js';
import { byName, newestFirst } from './sort.js';

/** Groups articles by the terms `keysOf` gives each one. */
function group(articles: Article[], keysOf: (a: Article) => { slug: string; name: string; description?: string }[]): Term[] {
  const terms = new Map<string, Term>();
  for (const a of articles) {
    for (const k of keysOf(a)) {
      const term = terms.get(k.slug) ?? { slug: k.slug, name: k.name, description: k.description, articles: [] };
      term.articles.push(a);
      terms.set(k.slug, term);
    }
  }
  return [...terms.values()].sort(byName);
}

/** Builds the site index from normalised articles (already sorted or not). */
export function buildIndex(input: Article[], registries: Registries): SiteIndex {
  const articles = input.slice().sort(newestFirst);
  const personInfo = new Map(registries.people.map((p) => [p.id, p.description]));
  const topicInfo = new Map(registries.topics.map((t) => [t.id, t.description]));
  const taxonomies: Record<Taxonomy, Term[]> = {
    topics: group(articles, (a) => a.topics.map((t) => ({ slug: t.id, name: t.name, description: topicInfo.get(t.id) }))),
    people: group(articles, (a) => a.people.map((p) => ({ slug: p.id, name: p.name, description: personInfo.get(p.id) }))),
    sources: group(articles, (a) => (a.source.id && a.source.name ? [{ slug: a.source.id, name: a.source.name }] : [])),
    languages: group(articles, (a) => {
      const d = langData(a.lang);
      return [{ slug: a.lang, name: d.name === a.lang ? a.lang : d.name, description: d.englishName !== d.name ? d.englishName : undefined }];
    }),
  };
  const years = new Map<string, ArchiveYear>();
  const undated: Article[] = [];
  for (const a of articles) {
    if (!a.date) { undated.push(a); continue; }
    const [y, m] = a.date.value.split('-') as [string, string | undefined];
    const year = years.get(y) ?? { year: y, months: [], yearOnly: [], articles: [] };
    year.articles.push(a);
    if (m) {
      let month = year.months.find((x) => x.month === m);
      if (!month) { month = { year: y, month: m, articles: [] }; year.months.push(month); }
      month.articles.push(a);
    } else {
      year.yearOnly.push(a);
    }
    years.set(y, year);
  }
  const yearList = [...years.values()].sort((a, b) => (a.year < b.year ? 1 : -1));
  for (const y of yearList) y.months.sort((a, b) => (a.month < b.month ? 1 : -1));
  const spellings = new Map<string, Set<string>>();
  const spell = (id: string, names: string[]) => {
    const set = spellings.get(id) ?? new Set<string>();
    for (const n of names) if (n.trim()) set.add(n.trim());
    spellings.set(id, set);
  };
  for (const p of registries.people) spell(p.id, [p.name, ...p.aliases]);
  for (const a of articles) for (const p of a.people) spell(p.id, [p.name, ...p.mentions]);
  const spelled = Object.fromEntries([...spellings.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([id, set]) => [id, [...set].sort()]));
  return { articles, taxonomies, years: yearList, undated, spellings: spelled, related: relatedArticles(articles) };
}
