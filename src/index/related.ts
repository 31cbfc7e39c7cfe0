// Related articles and versions of one story, across languages.
//
// Related: other articles that share people and topics, weighted by how rare each shared
// person or topic is in the archive (a person in three articles says more than a topic in
// three thousand), with a small bonus for closeness in time.
//
// Versions: the same story told in another language. Articles with the same front-matter
// `story` key are versions of each other. Otherwise two articles in different languages
// are versions when they are dated to the day within VERSION_DAYS of each other, share at
// least two people, and share most of their topics. At most one version per language is
// kept, and only when each article is the other's best match, so the links (and hreflang)
// are always reciprocal.
//
// Cost grows linearly with the archive: candidates come only from a window of the nearest
// articles in time within each shared person's and topic's list, never from every pair.
import type { Article, RelatedLink } from '../model.js';

/** Most related articles listed per article. */
export const RELATED_COUNT = 5;
/** Days apart two versions of one story may be dated. */
export const VERSION_DAYS = 2;
/** Articles considered on each side, in time, within one person's or topic's list. */
const PERSON_WINDOW = 40;
const TOPIC_WINDOW = 15;

interface Shared {
  people: number;
  topics: number;
  score: number;
}

/** Day number of a day-precision date, else null. */
function dayNumber(a: Article): number | null {
  if (!a.date || a.date.precision !== 'day') return null;
  const [y, m, d] = a.date.value.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Postings: for each key, the positions (in `articles` order, newest first) of the articles that have it. */
function postings(articles: Article[], keysOf: (a: Article) => string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  articles.forEach((a, i) => {
    for (const k of new Set(keysOf(a))) {
      const list = map.get(k) ?? [];
      list.push(i);
      map.set(k, list);
    }
  });
  return map;
}

/** Calls `visit` with the positions within `window` places of position `i` in a sorted list of positions. */
function around(list: number[], i: number, window: number, visit: (j: number) => void): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  const end = Math.min(list.length, lo + window + 1);
  for (let k = Math.max(0, lo - window); k < end; k++) visit(list[k]!);
}

/**
 * For each article id, its versions in other languages and its related articles, best first.
 * `articles` must be sorted newest first (as SiteIndex.articles is).
 */
export function relatedArticles(articles: Article[]): Record<string, { versions: RelatedLink[]; related: RelatedLink[] }> {
  const n = articles.length;
  const people = postings(articles, (a) => a.people.map((p) => p.id));
  const topics = postings(articles, (a) => a.topics.map((t) => t.id));
  const idf = (df: number) => Math.log(1 + n / df);
  const days = articles.map(dayNumber);

  // Versions: explicit story keys first, then found ones.
  const topicSets = articles.map((a) => new Set(a.topics.map((t) => t.id)));
  const byStory = new Map<string, number[]>();
  articles.forEach((a, i) => {
    if (a.story && a.story !== 'none') byStory.set(a.story, [...(byStory.get(a.story) ?? []), i]);
  });

  // For each article, its candidates are scored, then only what the links need is kept: its
  // best version in each other language, and its best related articles (as many more as it
  // has versions, since those are not listed twice). A large archive never holds every
  // article's few hundred candidates at once.
  const bestPerLanguage: Map<string, number>[] = [];
  const relatedFirst: number[][] = [];
  const kept: Map<number, Shared>[] = [];
  articles.forEach((a, i) => {
    const found = new Map<number, Shared>();
    const add = (j: number, kind: 'people' | 'topics', weight: number) => {
      if (j === i) return;
      const s = found.get(j) ?? { people: 0, topics: 0, score: 0 };
      s[kind] += 1;
      s.score += weight;
      found.set(j, s);
    };
    for (const p of new Set(a.people.map((x) => x.id))) {
      const list = people.get(p)!;
      const weight = 2 * idf(list.length);
      around(list, i, PERSON_WINDOW, (j) => add(j, 'people', weight));
    }
    for (const t of new Set(a.topics.map((x) => x.id))) {
      const list = topics.get(t)!;
      const weight = idf(list.length);
      around(list, i, TOPIC_WINDOW, (j) => add(j, 'topics', weight));
    }
    for (const [j, s] of found) {
      const di = days[i] ?? null;
      const dj = days[j] ?? null;
      if (di !== null && dj !== null) {
        const apart = Math.abs(di - dj);
        s.score += apart <= 7 ? 1 : apart <= 31 ? 0.5 : 0;
      }
    }

    const isVersion = (j: number): boolean => {
      const b = articles[j]!;
      if (a.lang === b.lang || a.story === 'none' || b.story === 'none') return false;
      if (a.story || b.story) return a.story === b.story;
      const s = found.get(j);
      if (!s || s.people < 2) return false;
      const di = days[i] ?? null;
      const dj = days[j] ?? null;
      if (di === null || dj === null || Math.abs(di - dj) > VERSION_DAYS) return false;
      const topicsA = topicSets[i]!;
      const topicsB = topicSets[j]!;
      let both = 0;
      for (const t of topicsA) if (topicsB.has(t)) both++;
      const union = topicsA.size + topicsB.size - both;
      return union === 0 || s.topics / union >= 0.5;
    };
    let candidates: number[];
    if (a.story && a.story !== 'none') candidates = byStory.get(a.story)!.filter((j) => j !== i && isVersion(j));
    else {
      // Without a story key, a version shares two people at least (isVersion): only those are asked.
      candidates = [];
      for (const [j, s] of found) if (s.people >= 2 && isVersion(j)) candidates.push(j);
    }
    const rank = (x: number, y: number) => (found.get(y)?.score ?? 0) - (found.get(x)?.score ?? 0) || x - y;
    const best1 = new Map<string, number>();
    for (const j of candidates.sort(rank)) {
      const lang = articles[j]!.lang;
      if (!best1.has(lang)) best1.set(lang, j);
    }
    bestPerLanguage[i] = best1;
    const eligible: number[] = [];
    for (const [j, s] of found) if (s.people >= 1 || s.topics >= 2) eligible.push(j);
    relatedFirst[i] = best(eligible, RELATED_COUNT + best1.size, rank);
    const keep = new Map<number, Shared>();
    for (const j of [...best1.values(), ...relatedFirst[i]!]) {
      const s = found.get(j);
      if (s) keep.set(j, s);
    }
    kept[i] = keep;
  });

  const out: Record<string, { versions: RelatedLink[]; related: RelatedLink[] }> = {};
  articles.forEach((a, i) => {
    const versions = [...bestPerLanguage[i]!.values()]
      .filter((j) => bestPerLanguage[j]!.get(a.lang) === i)
      .sort((x, y) => (articles[x]!.lang < articles[y]!.lang ? -1 : articles[x]!.lang > articles[y]!.lang ? 1 : 0));
    const taken = new Set(versions);
    const related = relatedFirst[i]!.filter((j) => !taken.has(j)).slice(0, RELATED_COUNT);
    const link = (j: number): RelatedLink => {
      const s = kept[i]!.get(j);
      return { id: articles[j]!.id, people: s?.people ?? 0, topics: s?.topics ?? 0 };
    };
    out[a.id] = { versions: versions.map(link), related: related.map(link) };
  });
  return out;
}

/** The first `k` of `items` in the order `cmp` gives (a total order): what sorting and slicing would give, without sorting them all. */
function best(items: number[], k: number, cmp: (x: number, y: number) => number): number[] {
  const top: number[] = [];
  for (const x of items) {
    if (top.length === k && cmp(x, top[k - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && cmp(x, top[at - 1]!) < 0) at--;
    top.splice(at, 0, x);
    if (top.length > k) top.pop();
  }
  return top;
}
