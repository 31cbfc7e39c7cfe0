// Finding registry people in a text. A full name (two tokens or more of any registered
// spelling) always counts. A surname alone counts once the person's full name appears in
// the article, or when a role word or honorific stands before it ("Präsident Putin",
// "ông Belousov").
import type { LangData } from '../lang/data.js';
import type { PersonEntry } from '../model.js';
import { fold, isCapitalised, tokenize } from '../text/fold.js';
import { formKeys, keyMatches, nameRules, tokenKeys, type NameRules } from './keys.js';

/** A registry person prepared for matching. */
export interface PreparedPerson {
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
      const keys = formKeys(tokenize(form).map((t) => t.word));
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

/** A tokenised text with everything the name finders need about each token. */
export interface TokenView {
  text: string;
  tokens: { word: string; start: number; end: number }[];
  /** Keys of each token (see tokenKeys). */
  keys: string[][];
  /** Folded lowercase form of each token, for cue words. */
  folded: string[];
  rules: NameRules;
}

/** Tokenises a text for name finding. */
export function tokenView(text: string, lang: LangData): TokenView {
  const rules = nameRules(lang);
  const tokens = tokenize(text);
  return { text, tokens, keys: tokens.map((t) => tokenKeys(t.word, rules)), folded: tokens.map((t) => fold(t.word)), rules };
}

/** A registry person found at a token position. */
export interface RegistryHit {
  person: PreparedPerson;
  /** First token index. */
  start: number;
  /** Token count. */
  length: number;
  /** The spelling as written. */
  text: string;
  /** A full name (not a surname alone). */
  full: boolean;
}

/**
 * True when tokens a and a+1 can belong to one name: only a space, a hyphen, or the dot
 * of an initial ("Lloyd J. Austin") stands between them.
 */
export function joined(view: TokenView, a: number): boolean {
  const gap = view.text.slice(view.tokens[a]!.end, view.tokens[a + 1]!.start);
  if (/^[ \u00a0]$|^[ \u00a0]?[-‐][ \u00a0]?$/.test(gap)) return true;
  return /^\.[ \u00a0]$/.test(gap) && view.tokens[a]!.word.length <= 2;
}

/**
 * Finds registry people. `cuedAt(i)` says whether a role word or honorific ends just
 * before token i; it licenses a surname alone for a person not otherwise named in full.
 */
export function findRegistryHits(view: TokenView, matcher: PeopleMatcher, cuedAt: (i: number) => boolean): RegistryHit[] {
  const { tokens, keys, rules } = view;
  const hits: RegistryHit[] = [];
  const used = new Set<number>();

  // Pass 1: full names, longest forms first.
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || !isCapitalised(tokens[i]!.word)) continue;
    let best: { person: PreparedPerson; length: number } | null = null;
    for (const person of matcher.people) {
      for (const form of person.forms) {
        if (best && form.length <= best.length) continue;
        if (i + form.length > tokens.length) continue;
        let ok = true;
        for (let j = 0; j < form.length && ok; j++) {
          ok = keyMatches(keys[i + j]!, form[j]!, rules) && isCapitalised(tokens[i + j]!.word) && (j === 0 || joined(view, i + j - 1));
        }
        if (ok) best = { person, length: form.length };
      }
    }
    if (best) {
      for (let j = 0; j < best.length; j++) used.add(i + j);
      hits.push({ person: best.person, start: i, length: best.length, text: view.text.slice(tokens[i]!.start, tokens[i + best.length - 1]!.end), full: true });
    }
  }
  const fullHits = hits.slice();

  // Pass 2: a surname alone.
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || !isCapitalised(tokens[i]!.word)) continue;
    const candidates = new Set<PreparedPerson>();
    for (const [s, ps] of matcher.bySurname) if (keyMatches(keys[i]!, s, rules)) for (const p of ps) candidates.add(p);
    if (!candidates.size) continue;
    const unique = [...candidates];
    const seenFull = fullHits.filter((h) => candidates.has(h.person));
    let person: PreparedPerson | undefined;
    if (seenFull.length) {
      // The most recently named full name with this surname (John Sullivan … Sullivan).
      const before = seenFull.filter((h) => h.start < i);
      person = (before.length ? before[before.length - 1]! : seenFull[0]!).person;
    } else if (unique.length === 1 && cuedAt(i)) {
      person = unique[0];
    }
    if (person) {
      used.add(i);
      hits.push({ person, start: i, length: 1, text: tokens[i]!.word, full: false });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
