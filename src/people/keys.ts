// Spelling-insensitive keys for name tokens, so that one person's name meets itself across
// languages, scripts and grammatical cases: Belousow / Beloussow / Belooussov / Белоусов,
// Szojgu / Şoygu / Schoigu / Шойгу, Зеленского / Zełenskiego / Selenskyj / Zelensky.
//
// Each token gets a small set of keys: the universal one (nameKey), the one after the
// article language's own spelling rules (`transliteration` in data/lang/<code>.yml, e.g.
// Polish sz → sh), and the same after an attached prefix is dropped (Arabic و, ب, ل).
// Two spellings match when any of their keys are equal, or when one is the other plus a
// grammatical ending of the language (`nameSuffixes`).
import type { LangData } from '../lang/data.js';
import { fold, nameKey } from '../text/fold.js';
import { memoWord } from '../text/memo.js';

/**
 * How a language's cue and institution words are compared: folded (case and diacritics
 * dropped), or, where diacritics tell words apart (Vietnamese), only lowercased.
 */
export function wordFold(lang: LangData): (word: string) => string {
  return lang.lexicalDiacritics ? (w) => w.normalize('NFC').toLocaleLowerCase() : fold;
}

/** What a language contributes to keying names, prepared once per language. */
export interface NameRules {
  /** Ordered spelling rules applied to the lowercased token before transliteration. */
  rewrites: [RegExp, string][];
  /** Grammatical endings of names, keyed, longest first. */
  suffixes: string[];
  /** Letters attached before a name (Arabic و "and", ب "with"), longest first. */
  prefixes: string[];
  /** Lowercase words inside names ("de", "van", "bin"). */
  particles: Set<string>;
  /** Vowels dropped before a case ending, keyed ("e": Havlíček → Havlíčka). */
  fleeting: string[];
  /** Names are written family name first (Hungarian "Orbán Viktor"): a registry's "Viktor Orbán" is read reversed too. */
  familyFirst: boolean;
}

const rulesCache = new WeakMap<LangData, NameRules>();

/** The name rules of a language. */
export function nameRules(lang: LangData): NameRules {
  const hit = rulesCache.get(lang);
  if (hit) return hit;
  const rewrites = lang.transliteration.map(([from, to]): [RegExp, string] => [new RegExp(from, 'gu'), to]);
  const suffixes = [...new Set(lang.nameSuffixes.map((s) => nameKey(s)).filter(Boolean))].sort((a, b) => b.length - a.length);
  const prefixes = [...lang.namePrefixes].sort((a, b) => b.length - a.length);
  const particles = new Set(lang.nameParticles.map((w) => w.toLocaleLowerCase()));
  const fleeting = lang.fleetingVowels.map((v) => nameKey(v)).filter(Boolean);
  const rules = { rewrites, suffixes, prefixes, particles, fleeting, familyFirst: lang.familyNameFirst };
  rulesCache.set(lang, rules);
  return rules;
}

const keyTables = new WeakMap<NameRules, (word: string) => string[]>();

/** Every key a token may stand for in this language (shared arrays: do not mutate). */
export function tokenKeys(word: string, rules: NameRules): string[] {
  let keysOf = keyTables.get(rules);
  if (!keysOf) {
    keysOf = memoWord((w) => tokenKeysOf(w, rules));
    keyTables.set(rules, keysOf);
  }
  return keysOf(word);
}

function tokenKeysOf(word: string, rules: NameRules): string[] {
  const forms = [word];
  for (const p of rules.prefixes) {
    // Only strip when a plausible name remains (three letters or more).
    if (word.startsWith(p) && word.length - p.length >= 3) forms.push(word.slice(p.length));
  }
  const keys = new Set<string>();
  for (const form of forms) {
    keys.add(nameKey(form));
    if (rules.rewrites.length) {
      let local = form.toLocaleLowerCase();
      for (const [re, to] of rules.rewrites) local = local.replace(re, to);
      keys.add(nameKey(local));
    }
  }
  keys.delete('');
  return [...keys];
}

/** The keys of every token of a name as written in a registry (universal rules only). */
export function formKeys(words: string[]): string[] {
  return words.map((w) => nameKey(w)).filter(Boolean);
}

/**
 * Does a token (by its keys) spell the name key `key`, allowing the language's endings?
 * The ending may follow the whole key (Schoigu-s, Остин-ом) or replace a final vowel
 * (Зеленск-ого for Zelensk-i, Zełensk-iego).
 */
export function keyMatches(keys: string[], key: string, rules: NameRules): boolean {
  for (const k of keys) {
    if (k === key) return true;
    if (key.length < 4 || k.length < key.length - 2) continue;
    const stems = [key];
    if (/[aeiou]$/.test(key)) stems.push(key.slice(0, -1));
    // A vowel that falls out before the ending: havlicek → havlick-a, zdenek → zdenk-a.
    for (const v of rules.fleeting) if (key.length >= 4 && key.at(-2) === v && /[^aeiou]$/.test(key)) stems.push(nameKey(key.slice(0, -2) + key.at(-1)));
    for (const stem of stems) {
      if (k.startsWith(stem) && rules.suffixes.includes(k.slice(stem.length)) && k !== stem) return true;
    }
  }
  return false;
}

/**
 * A consonant skeleton, for names written in another script than the registry's: Russian
 * and Arabic spell "Austin" by its sound (Остин, أوستن), so letters differ but the
 * consonants agree. Vowels (and y, w, j, which stand for vowels in transliteration) are
 * dropped; letters one script cannot tell apart are merged (p/b/f/v, g/h/kh, s/z/sh/ts, k/c/q).
 */
export const skeleton: (asciiWord: string) => string = memoWord(skeletonOf);

function skeletonOf(asciiWord: string): string {
  return asciiWord
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/dzh|dj/g, 'j')
    // Italian gi/ge before a vowel sounds j: Gianni is جياني, Джанни.
    .replace(/^g(?=i[aeou])/, 'j')
    .replace(/kh/g, 'h')
    .replace(/zh|sh|ch|ts|tz/g, 's')
    .replace(/ph|[pfv]/g, 'b')
    .replace(/th/g, 't')
    .replace(/ck|[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/[h]/g, 'g')
    .replace(/z/g, 's')
    .replace(/[aeiouyjw]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** True when a word is written in Latin script (or has no letters). */
export function isLatin(word: string): boolean {
  return !/[^\p{Script=Latin}\p{M}\d'’.-]/u.test(word);
}

/** Skeletons a non-Latin token may stand for: with an attached prefix or a grammatical ending removed. */
export function tokenSkeletons(word: string, rules: NameRules): string[] {
  const forms = [word];
  for (const p of rules.prefixes) if (word.startsWith(p) && word.length - p.length >= 3) forms.push(word.slice(p.length));
  const out = new Set<string>();
  for (const form of forms) {
    const ascii = fold(form).replace(/[^a-z]/g, '');
    out.add(skeleton(ascii));
    // A final h often writes a vowel (Arabic ه in أندريه, "Andrei").
    if (ascii.endsWith('h')) out.add(skeleton(ascii.slice(0, -1)));
    // A v may write the vowel o or u (Hebrew ו in סונדאר, "Sundar").
    if (ascii.includes('v')) out.add(skeleton(ascii.replace(/v/g, '')));
    for (const suffix of rules.suffixes) {
      if (ascii.length - suffix.length >= 3 && ascii.endsWith(suffix)) out.add(skeleton(ascii.slice(0, -suffix.length)));
    }
  }
  return [...out];
}
