// People: one person, one identity, across spellings, scripts, grammatical cases and languages.
// Registry names match on spelling-insensitive keys (see nameKey). A surname alone counts
// once the person's full name appears in the article, or when a role word or honorific
// stands before it ("Präsident Putin", "ông Belousov").
import type { LangData } from '../lang/data.js';
import type { PersonEntry, PersonRef } from '../model.js';
import { fold, isCapitalised, nameKey, tokenize } from '../text/fold.js';
import { slugify } from '../text/slug.js';
import { given, metaDiagnostic, type FieldNormaliser } from './draft.js';

/** A registry person prepared for matching. */
interface PreparedPerson {
  entry: PersonEntry;
  /** Each full name form as a list of token keys (two tokens or more). */
  forms: string[][];
  /** Keys that alone name the person (last token of each form, one-word aliases). */
  surnames: Set<string>;
}

/** The registry, prepared once per build. */
export interface PeopleMatcher {
  people: PreparedPerson[];
  /** Surname key → people who carry it. */
  bySurname: Map<string, PreparedPerson[]>;
}

const prepared = new WeakMap<PersonEntry[], PeopleMatcher>();

/** Prepares (once) a registry for matching. */
export function peopleMatcher(registry: PersonEntry[]): PeopleMatcher {
  const hit = prepared.get(registry);
  if (hit) return hit;
  const people = registry.map((entry) => {
    const forms: string[][] = [];
    const surnames = new Set<string>();
    for (const form of [entry.name, ...entry.aliases]) {
      const keys = tokenize(form).map((t) => nameKey(t.word)).filter(Boolean);
      if (keys.length >= 2) forms.push(keys);
      if (keys.length >= 1) surnames.add(keys[keys.length - 1]!);
    }
    forms.sort((a, b) => b.length - a.length);
    return { entry, forms, surnames };
  });
  const bySurname = new Map<string, PreparedPerson[]>();
  for (const p of people) for (const s of p.surnames) bySurname.set(s, [...(bySurname.get(s) ?? []), p]);
  const matcher = { people, bySurname };
  prepared.set(registry, matcher);
  return matcher;
}

/** Does a token key equal a name key, allowing the language's grammatical endings? */
function keyMatches(tokenKey: string, key: string, suffixes: string[]): boolean {
  if (tokenKey === key) return true;
  if (key.length < 4 || !tokenKey.startsWith(key)) return false;
  return suffixes.includes(tokenKey.slice(key.length));
}

/** Folded endings of a language, for keyMatches. */
function suffixKeys(lang: LangData): string[] {
  return lang.nameSuffixes.map((s) => fold(s).replace(/[^a-z]/g, '')).filter(Boolean);
}

/** Words that announce a name in this language, folded, as token sequences. */
function cueKeys(lang: LangData): string[][] {
  return [...lang.honorifics, ...lang.roles].map((w) => tokenize(w).map((t) => fold(t.word)));
}

interface Hit {
  person: PreparedPerson;
  start: number;
  text: string;
  full: boolean;
  cued: boolean;
}

/** How many words may stand between a role word and the name ("Bộ trưởng Quốc phòng Nga Andrey Belousov"). */
export const ROLE_GAP = 2;

/** Finds registry people in a text, in order of first mention. */
export function findRegisteredPeople(text: string, matcher: PeopleMatcher, lang: LangData): PersonRef[] {
  const tokens = tokenize(text);
  const keys = tokens.map((t) => nameKey(t.word));
  const folded = tokens.map((t) => fold(t.word));
  const suffixes = suffixKeys(lang);
  const cues = cueKeys(lang);
  const roles = lang.roles.map((w) => tokenize(w).map((t) => fold(t.word)));
  const endsAt = (cue: string[], end: number) => cue.length <= end && cue.every((w, j) => folded[end - cue.length + j] === w);
  /** A role word ends within ROLE_GAP words before token i, the words between not being names of other people. */
  const roleBefore = (i: number) => {
    for (let gap = 0; gap <= ROLE_GAP && i - gap >= 1; gap++) if (roles.some((r) => endsAt(r, i - gap))) return true;
    return false;
  };
  const hits: Hit[] = [];
  const used = new Set<number>();

  // Pass 1: full names, longest forms first.
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || !isCapitalised(tokens[i]!.word)) continue;
    let best: { person: PreparedPerson; length: number } | null = null;
    for (const person of matcher.people) {
      for (const form of person.forms) {
        if (best && form.length <= best.length) continue;
        if (i + form.length > tokens.length) continue;
        if (form.every((k, j) => keyMatches(keys[i + j]!, k, suffixes) && isCapitalised(tokens[i + j]!.word))) best = { person, length: form.length };
      }
    }
    if (best) {
      for (let j = 0; j < best.length; j++) used.add(i + j);
      hits.push({ person: best.person, start: i, text: text.slice(tokens[i]!.start, tokens[i + best.length - 1]!.end), full: true, cued: roleBefore(i) });
    }
  }
  const fullHits = hits.slice();

  // Pass 2: a surname alone.
  const cuedAt = (i: number) => cues.some((cue) => endsAt(cue, i));
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || !isCapitalised(tokens[i]!.word)) continue;
    const candidates = [...matcher.bySurname.entries()].filter(([s]) => keyMatches(keys[i]!, s, suffixes)).flatMap(([, ps]) => ps);
    if (!candidates.length) continue;
    const unique = [...new Set(candidates)];
    const seenFull = fullHits.filter((h) => unique.includes(h.person));
    let person: PreparedPerson | undefined;
    if (seenFull.length) {
      // The most recently named full name with this surname (John Sullivan … Sullivan).
      const before = seenFull.filter((h) => h.start < i);
      person = (before.length ? before[before.length - 1]! : seenFull[0]!).person;
    } else if (unique.length === 1 && cuedAt(i)) {
      person = unique[0];
    }
    if (person) hits.push({ person, start: i, text: tokens[i]!.word, full: false, cued: roleBefore(i) });
  }

  hits.sort((a, b) => a.start - b.start);
  const byId = new Map<string, PersonRef>();
  for (const h of hits) {
    const ref = byId.get(h.person.entry.id) ?? { id: h.person.entry.id, name: h.person.entry.name, registered: true, confidence: 1, mentions: [], roleCued: false };
    if (!ref.mentions.includes(h.text)) ref.mentions.push(h.text);
    ref.roleCued ||= h.cued;
    byId.set(ref.id, ref);
  }
  return [...byId.values()];
}

/** Resolves one name given in front matter to a registry person, or keeps it as written. */
export function resolveGivenName(name: string, matcher: PeopleMatcher, lang: LangData): PersonRef {
  const found = findRegisteredPeople(name, matcher, lang)[0];
  const nameKeys = tokenize(name).map((t) => nameKey(t.word)).join(' ');
  const exactAlias = matcher.people.find((p) => [p.entry.name, ...p.entry.aliases].some((a) => tokenize(a).map((t) => nameKey(t.word)).join(' ') === nameKeys));
  const person = exactAlias?.entry ?? (found ? matcher.people.find((p) => p.entry.id === found.id)?.entry : undefined);
  if (person) return { id: person.id, name: person.name, registered: true, confidence: 1, mentions: [name], roleCued: false };
  return { id: slugify(name) || 'unnamed', name, registered: false, confidence: 1, mentions: [name], roleCued: false };
}

export const normalisePeople: FieldNormaliser = (draft) => {
  const lang = draft.langData!;
  const matcher = peopleMatcher(draft.registries.people);
  const fm = given(draft, 'people');
  if (fm !== undefined) {
    const list = Array.isArray(fm) ? fm : typeof fm === 'string' ? fm.split(/\s*;\s*/) : null;
    if (list) {
      const refs = new Map<string, PersonRef>();
      for (const n of list.map((x) => String(x).trim()).filter(Boolean)) {
        const ref = resolveGivenName(n, matcher, lang);
        if (!refs.has(ref.id)) refs.set(ref.id, ref);
      }
      return { set: { people: [...refs.values()] }, diagnostics: [] };
    }
    return { set: { people: [] }, diagnostics: [metaDiagnostic(draft, 'people', 'warning', 'people must be a list of names (people: [Anna Schmidt, …]); it is ignored and no people are set')] };
  }
  const text = [draft.title ?? '', ...(draft.blocks ?? []).map((b) => b.text)].join('\n');
  return { set: { people: findRegisteredPeople(text, matcher, lang) }, diagnostics: [] };
};
