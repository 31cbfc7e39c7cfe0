// One identity per unregistered person across the archive: articles that spell a name the
// same way up to transliteration and case (Maria Sacharowa / Мария Захарова) share one
// person page. The name shown is the spelling most articles use (Latin script first on a
// tie, then alphabetical), so the result does not depend on the order files are read.
import type { Article, PersonRef } from '../model.js';
import { slugify } from '../text/slug.js';

/** Rewrites the unregistered people of every article to one id and name per identity. */
export function mergeUnregistered(articles: Article[], registeredIds: Set<string>): void {
  const refs: PersonRef[] = articles.flatMap((a) => a.people.filter((p) => !p.registered));
  // Union-find over shared keys.
  const parent = refs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  refs.forEach((ref, i) => {
    for (const key of ref.keys ?? [ref.name.toLowerCase()]) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  // Grammatical cases of one name ("Эвана Гершковича", "Эван Гершкович"): distinct keys are
  // compared within buckets of the surname's first letters, so the work stays near linear
  // however many articles name one person.
  const buckets = new Map<string, Map<string, number>>();
  refs.forEach((ref, i) => {
    for (const key of ref.keys ?? []) {
      const words = key.split(' ');
      const b = `${words.length}:${words.at(-1)!.slice(0, 4)}`;
      let bucket = buckets.get(b);
      if (!bucket) buckets.set(b, (bucket = new Map()));
      if (!bucket.has(key)) bucket.set(key, i);
    }
  });
  for (const bucket of buckets.values()) {
    const keys = [...bucket.entries()];
    for (let x = 0; x < keys.length; x++) {
      for (let y = x + 1; y < keys.length; y++) {
        const [[a, i], [b, j]] = [keys[x]!, keys[y]!];
        if (find(i) !== find(j) && sameUpToEndings(a, b)) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, PersonRef[]>();
  refs.forEach((ref, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(ref);
    else groups.set(root, [ref]);
  });
  const latin = (s: string) => /^[\p{Script=Latin}\p{M}\s.'’-]+$/u.test(s);
  const taken = new Set(registeredIds);
  const resolved: { members: PersonRef[]; name: string }[] = [];
  for (const members of groups.values()) {
    const counts = new Map<string, number>();
    for (const m of members) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    const name = [...counts.entries()].sort((a, b) => b[1] - a[1] || Number(latin(b[0])) - Number(latin(a[0])) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
    resolved.push({ members, name });
  }
  // Ids in a stable order, so a collision suffix does not depend on file order.
  resolved.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { members, name } of resolved) {
    const base = slugify(name) || 'person';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    for (const m of members) {
      m.id = id;
      m.name = name;
    }
  }
  // One ref per identity within an article.
  for (const a of articles) {
    const seen = new Map<string, PersonRef>();
    a.people = a.people.filter((p) => {
      const prev = seen.get(p.id);
      if (!prev) { seen.set(p.id, p); return true; }
      for (const m of p.mentions) if (!prev.mentions.includes(m)) prev.mentions.push(m);
      return false;
    });
  }
}

/** Two keyed names, word by word equal up to case endings of at most two letters. */
function sameUpToEndings(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return false;
  return wa.every((x, i) => {
    const y = wb[i]!;
    if (x === y) return true;
    let common = 0;
    while (common < Math.min(x.length, y.length) && x[common] === y[common]) common++;
    // A shared stem of four letters, each form ending in at most two more (Сибіга / Сибігу, Эван / Эвана).
    return common >= 4 && x.length - common <= 2 && y.length - common <= 2;
  });
}
