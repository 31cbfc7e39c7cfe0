// Finding registry people in a text. A full name (two tokens or more of any registered
// spelling) always counts. A surname alone counts once the person's full name appears in
// the article, or when a role word or honorific stands before it ("Präsident Putin",
// "ông Belousov").
import { allLanguages, type LangData } from '../lang/data.js';
import type { PersonEntry } from '../model.js';
import { fold, isCapitalised, nameKey, tokenize } from '../text/fold.js';
import { formKeys, isLatin, keyMatches, nameRules, skeleton, tokenKeys, tokenSkeletons, wordFold, type NameRules } from './keys.js';

/** A registry person prepared for matching. */
export interface PreparedPerson {
  entry: PersonEntry;
  /** Each full name form as a list of token keys (two tokens or more). */
  forms: string[][];
  /** The consonant skeleton of each key of `forms`. */
  formSkeletons: string[][];
  /** Keys that alone name the person (last token of each form, one-word aliases). */
  surnames: Set<string>;
  /** Consonant skeletons of each Latin full name form, for names in other scripts. */
  skeletons: string[][];
  /** Two-word forms reversed, with their skeletons, for languages that write the family name first. */
  reversed: string[][];
  reversedSkeletons: string[][];
  /** Consonant skeletons of the surname of each Latin full name form (not a father's name after "bin"). */
  surnameSkeletons: string[];
}

/** The registry, prepared once per build. */
export interface PeopleMatcher {
  people: PreparedPerson[];
  /** Surname key → people who carry it. */
  bySurname: Map<string, PreparedPerson[]>;
  /** The given names the registry uses (first words of its names and aliases): this archive's own given names. */
  givenNames: Set<string>;
}

const prepared = new WeakMap<PersonEntry[], PeopleMatcher>();

let patronymicWords: Set<string> | undefined;
/** Words of every language that make the next word a father's name ("bin", "بن"). */
function patronymics(): Set<string> {
  patronymicWords ??= new Set([...allLanguages().values()].flatMap((d) => d.patronymics).map((w) => nameKey(w)));
  return patronymicWords;
}

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
      // The last two or more words of a long name are a name too: "López Obrador", "von der Leyen".
      for (let k = 1; keys.length - k >= 2; k++) forms.push(keys.slice(k));
      // A father's name is no surname: "Salman" alone is not Mohammed bin Salman.
      if (keys.length >= 1 && !(keys.length >= 2 && patronymics().has(keys[keys.length - 2]!))) surnames.add(keys[keys.length - 1]!);
    }
    forms.sort((a, b) => b.length - a.length);
    const formSkeletons = forms.map((f) => f.map(skeleton));
    const skeletons = [entry.name, ...entry.aliases]
      .map((f) => tokenize(f).map((t) => t.word))
      .filter((words) => words.length >= 2 && words.every(isLatin))
      .map((words) => words.map((w) => skeleton(fold(w))))
      // The name must carry enough consonants to be telling.
      .filter((sk) => sk[sk.length - 1]!.length >= 2 && sk.join('').length >= 3);
    // Surnames by their consonants, for a surname alone in another script (not a father's name).
    const surnameSkeletons = [entry.name, ...entry.aliases]
      .map((f) => tokenize(f).map((t) => t.word))
      .filter((words) => words.length >= 2 && words.every(isLatin) && !patronymics().has(nameKey(words[words.length - 2]!)))
      .map((words) => skeleton(fold(words[words.length - 1]!)));
    const reversed = forms.filter((f) => f.length === 2).map((f) => [f[1]!, f[0]!]);
    return { entry, forms, formSkeletons, surnames, skeletons, surnameSkeletons, reversed, reversedSkeletons: reversed.map((f) => f.map(skeleton)) };
  });
  const bySurname = new Map<string, PreparedPerson[]>();
  for (const p of people) for (const s of p.surnames) bySurname.set(s, [...(bySurname.get(s) ?? []), p]);
  const givenNames = new Set<string>();
  for (const e of registry) {
    for (const form of [e.name, ...e.aliases]) {
      const words = tokenize(form).map((t) => t.word);
      if (words.length >= 2 && words[0]!.length >= 2 && isCapitalised(words[0]!)) givenNames.add(words[0]!);
    }
  }
  const matcher = { people, bySurname, givenNames };
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
  /** Each token as the language compares cue and institution words (see wordFold). */
  lexical: string[];
  /** Consonant skeletons of each token's keys. */
  keySkeletons: string[][];
  /** Consonant skeletons of each token as written in another script (see tokenSkeletons), computed on demand. */
  scriptSkeletons: (i: number) => string[];
  rules: NameRules;
  /** 1 where a token is capitalised (see isCapitalised), else 0. */
  capital: Uint8Array;
  /** 1 where a token is in a script without letter case (Arabic, Hebrew, CJK …), else 0. */
  caseless: Uint8Array;
  /** Answers of `joined` already worked out: 0 not yet, 1 joined, 2 not. */
  gaps: Uint8Array;
}

/** Tokenises a text for name finding. */
export function tokenView(text: string, lang: LangData): TokenView {
  const rules = nameRules(lang);
  const tokens = tokenize(text);
  const keys = tokens.map((t) => tokenKeys(t.word, rules));
  const scripts: (string[] | undefined)[] = [];
  return {
    text, tokens, keys, rules,
    folded: tokens.map((t) => fold(t.word)),
    lexical: tokens.map((t) => wordFold(lang)(t.word)),
    keySkeletons: keys.map((ks) => ks.map(skeleton)),
    scriptSkeletons: (i) => (scripts[i] ??= tokenSkeletons(tokens[i]!.word, rules)),
    capital: Uint8Array.from(tokens, (t) => (isCapitalised(t.word) ? 1 : 0)),
    caseless: Uint8Array.from(tokens, (t) => (isCaseless(t.word) ? 1 : 0)),
    gaps: new Uint8Array(tokens.length),
  };
}

/** Does a script without letter case write this word (Arabic, Hebrew, CJK …)? */
export function isCaseless(word: string): boolean {
  const first = word.charAt(0);
  return first.toLowerCase() === first.toUpperCase();
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

/** A middle initial at token i: one capital letter and a full stop ("P." in "Amit P. Mehta"). */
export function initialAt(view: TokenView, i: number): boolean {
  return /^\p{Lu}$/u.test(view.tokens[i]!.word) && view.text.charAt(view.tokens[i]!.end) === '.';
}

/**
 * True when tokens a and a+1 can belong to one name: only a space, a hyphen, or the dot
 * of an initial ("Lloyd J. Austin") stands between them.
 */
export function joined(view: TokenView, a: number): boolean {
  const known = view.gaps[a];
  if (known) return known === 1;
  const gap = view.text.slice(view.tokens[a]!.end, view.tokens[a + 1]!.start);
  const yes = /^[ \u00a0]$|^[-‐]$/.test(gap) || (/^\.[ \u00a0]$/.test(gap) && view.tokens[a]!.word.length <= 2);
  view.gaps[a] = yes ? 1 : 2;
  return yes;
}

/**
 * Finds registry people. `cuedAt(i)` says whether a role word or honorific stands before
 * token i (`direct`: right before it); it licenses a surname alone for a person not
 * otherwise named in full.
 */
export function findRegistryHits(view: TokenView, matcher: PeopleMatcher, cuedAt: (i: number, direct?: boolean) => boolean): RegistryHit[] {
  const { tokens, keys, rules } = view;
  const hits: RegistryHit[] = [];
  const used = new Set<number>();

  // Pass 1: full names, longest forms first.
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || view.capital[i] !== 1) continue;
    let best: { person: PreparedPerson; length: number } | null = null;
    for (const person of matcher.people) {
      const forms = rules.familyFirst ? [...person.forms, ...person.reversed] : person.forms;
      const formSkeletons = rules.familyFirst ? [...person.formSkeletons, ...person.reversedSkeletons] : person.formSkeletons;
      for (let fi = 0; fi < forms.length; fi++) {
        const form = forms[fi]!;
        if (best && form.length <= best.length) continue;
        if (i + form.length > tokens.length) continue;
        let ok = true;
        let skip = 0; // a middle initial the form does not have: "Amit P. Mehta" for "Amit Mehta"
        for (let j = 0; j < form.length && ok; j++) {
          if (j > 0 && skip === 0 && initialAt(view, i + j) && i + j + 1 < tokens.length && joined(view, i + j)) skip = 1;
          const t = i + j + skip;
          if (t >= tokens.length) { ok = false; break; }
          // Given names differ more between languages than surnames (Siergiej / Sergei): before
          // the surname, equal consonants suffice.
          const fsk = formSkeletons[fi]![j]!;
          const spelled = keyMatches(keys[t]!, form[j]!, rules)
            || (j < form.length - 1 && fsk.length >= 2 && view.keySkeletons[t]!.includes(fsk));
          // Inside a name, short lowercase particles are written as they are ("Lula da Silva", "von der Leyen").
          const word = tokens[t]!.word;
          const shaped = isCapitalised(word) || (j > 0 && j < form.length - 1 && word.length <= 5 && word === word.toLowerCase());
          ok = spelled && shaped && (j === 0 || joined(view, t - 1));
        }
        if (ok) best = { person, length: form.length + skip };
      }
    }
    // A name in another script than the registry's, by its consonants ("Ллойдом Остином").
    if (!best && !isLatin(tokens[i]!.word)) {
      for (const person of matcher.people) {
        for (const sk of person.skeletons) {
          if (best || i + sk.length > tokens.length) continue;
          let ok = true;
          for (let j = 0; j < sk.length && ok; j++) {
            ok = !isLatin(tokens[i + j]!.word) && (j === 0 || joined(view, i + j - 1)) && view.scriptSkeletons(i + j).includes(sk[j]!);
          }
          if (ok) best = { person, length: sk.length };
        }
      }
    }
    if (best) {
      for (let j = 0; j < best.length; j++) used.add(i + j);
      hits.push({ person: best.person, start: i, length: best.length, text: view.text.slice(tokens[i]!.start, tokens[i + best.length - 1]!.end), full: true });
    }
  }
  const fullHits = hits.slice();

  // Pass 2: a surname alone, not the last part of some other name ("Simon Harris" is not Kamala Harris).
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || view.capital[i] !== 1) continue;
    if (i > 0 && joined(view, i - 1) && view.capital[i - 1] === 1 && !used.has(i - 1) && !cuedAt(i, true)) continue;
    const candidates = new Set<PreparedPerson>();
    let asWritten = false; // the surname without a grammatical ending
    for (const [s, ps] of matcher.bySurname) {
      if (!keyMatches(keys[i]!, s, rules)) continue;
      for (const p of ps) candidates.add(p);
      asWritten ||= keys[i]!.includes(s);
    }
    // A surname in another script, once the person was named in full in that script.
    if (!candidates.size && !isLatin(tokens[i]!.word)) {
      const sks = view.scriptSkeletons(i);
      for (const h of fullHits) if (h.person.surnameSkeletons.some((sk) => sks.includes(sk))) candidates.add(h.person);
    }
    if (!candidates.size) continue;
    // Nor inside a longer name written with a particle or followed by another name word, in
    // scripts with capitals: "Inês de Sousa Real" is not Marcelo Rebelo de Sousa. (A surname
    // in a case form may stand before another name: "Адвокат Иванова Денис Балуев".)
    if (view.caseless[i] !== 1) {
      const particleBefore = i > 1 && joined(view, i - 1) && joined(view, i - 2) && rules.particles.has(tokens[i - 1]!.word)
        && view.capital[i - 2] === 1 && !used.has(i - 2);
      const nameAfter = asWritten && i + 1 < tokens.length && joined(view, i) && view.capital[i + 1] === 1 && !used.has(i + 1)
        && !cuedAt(i + 1, true) && /^[ \u00a0]$/.test(view.text.slice(tokens[i]!.end, tokens[i + 1]!.start));
      if (particleBefore || nameAfter) continue;
    }
    const unique = [...candidates];
    const seenFull = fullHits.filter((h) => candidates.has(h.person));
    let person: PreparedPerson | undefined;
    if (seenFull.length) {
      // The most recently named full name with this surname (John Sullivan … Sullivan).
      const before = seenFull.filter((h) => h.start < i);
      person = (before.length ? before[before.length - 1]! : seenFull[0]!).person;
    } else if (unique.length === 1 && (cuedAt(i) || repeatedAlone(view, i, used) || foreignSurname(view, i, asWritten)) && !otherFullName(view, i, used, cuedAt)) {
      person = unique[0];
    }
    if (person) {
      used.add(i);
      hits.push({ person, start: i, length: 1, text: tokens[i]!.word, full: false });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * Does the text name someone else in full with the surname at token i ("Taoiseach Simon
 * Harris … Mr Harris" is not the registry's Kamala Harris)?
 */
function otherFullName(view: TokenView, i: number, used: Set<number>, cuedAt: (i: number, direct?: boolean) => boolean): boolean {
  const key = view.keys[i]![0];
  if (!key) return false;
  for (let j = 1; j < view.tokens.length; j++) {
    if (j === i || used.has(j) || used.has(j - 1) || !view.keys[j]!.includes(key)) continue;
    if (joined(view, j - 1) && view.capital[j - 1] === 1 && view.tokens[j - 1]!.word.length > 2 && !cuedAt(j, true)) return true;
  }
  return false;
}

/**
 * Is the surname at token i used on its own at least twice in the text ("Putin said …
 * Putin's forces")? Enough, for a surname only one registered person carries.
 */
function repeatedAlone(view: TokenView, i: number, used: Set<number>): boolean {
  const key = view.keys[i]![0];
  if (!key) return false;
  let count = 0;
  for (let j = 0; j < view.tokens.length; j++) {
    if (used.has(j) || view.capital[j] !== 1 || !keyMatches(view.keys[j]!, key, view.rules)) continue;
    const before = j > 0 && joined(view, j - 1) && view.capital[j - 1] === 1;
    const after = j + 1 < view.tokens.length && joined(view, j) && view.capital[j + 1] === 1;
    if (!before && !after) count++;
  }
  return count >= 2;
}

/**
 * A registry surname written in a non-Latin script ("«Путін не зупиниться»"): a foreign
 * name transliterated into the article's script is rarely anything but that person, so
 * one mention suffices when the name is long enough to be telling. At the start of a sentence,
 * where any word is capitalised, only the name as registered counts: "Лісова пожежа" is a
 * forest fire, not a case form of Lisovyi.
 */
function foreignSurname(view: TokenView, i: number, asWritten: boolean): boolean {
  return !isLatin(view.tokens[i]!.word) && (view.keys[i]![0] ?? '').length >= 5 && (asWritten || !opensSentence(view, i));
}

/**
 * Does token i open a sentence, a line or a quotation, where any word is capitalised
 * ("Лісова пожежа …" is a forest fire, not Mr Lisovyi)?
 */
export function opensSentence(view: TokenView, i: number): boolean {
  const before = i > 0 ? view.text.slice(view.tokens[i - 1]!.end, view.tokens[i]!.start) : '\n';
  return /[.!?:;\n"«»“”„|>›–—-]/.test(before);
}
