// People who are not in the registry. The evidence, strongest first:
//   an honorific before a capitalised name ("Herr Anna Berger", "ông Nguyễn Văn An"),
//   a role word before it ("Sprecherin Anna Berger", "spokesman John Kirby"),
//   a role word after it in apposition ("Anna Berger, Sprecherin des Ministeriums").
// Every candidate carries a confidence; places, institutions and organisations
// (data: `institutions`, `institutionWords`), month and weekday names, and words the text
// also uses on their own ("Mỹ" in "Bộ trưởng Quốc phòng Mỹ …") are not names.
import { allLanguages, type LangData } from '../lang/data.js';
import { escapeRegExp } from '../lang/phrases.js';
import { agencyAliases } from '../normalise/agencies.js';
import { fold, isCapitalised, tokenize } from '../text/fold.js';
import { memoWord } from '../text/memo.js';
import { sameClause, type Cue } from './cues.js';
import { isGivenName } from './givenNames.js';
import { isLatin, keyMatches, wordFold } from './keys.js';
import { countryPhraseAt, isCountryWord, placesOf } from './places.js';
import { initialAt, isCaseless, joined, opensSentence, type TokenView } from './registry.js';

/** A person found by the shape of the text, not the registry. */
export interface Candidate {
  /** First and last token index of the name. */
  start: number;
  end: number;
  /** The name as written. */
  name: string;
  /** 0–1. */
  confidence: number;
  /** The words that made it a candidate ("Sprecherin …", "…, spokesman"). */
  evidence: string;
}

/** How many words may stand between a role word and the name ("Sprecher des Pentagons, Patrick Ryder"). */
export const DETECT_GAP = 3;
/** Longest run read as a name, in tokens ("Jean-Yves Le Drian", "Nguyễn Thị Thanh Hà"). */
const MAX_NAME_TOKENS = 4;
/** Longest name in words, hyphenated parts counting as one and particles not at all. */
const MAX_NAME_WORDS = 3;
/** Confidence at or above which a detected person is included in an article's metadata. */
export const INCLUDE_CONFIDENCE = 0.7;

/** Prepared word lists that rule a token or a sequence out as a name. */
interface NotNames {
  /** Folded single words. */
  words: Set<string>;
  /** Folded stems of institution words, matched at the start of a token ("Amt" → "Amtes"). */
  institutionStems: string[];
  /** Folded multi-word institutions and places, as token lists. */
  institutions: string[][];
  /** The same, by their first word. */
  institutionsByFirst: Map<string, string[][]>;
  particles: Set<string>;
  /** Articles and short prepositions of every language, lowercased with their accents ("lê" is a Vietnamese name, "le" an article). */
  determiners: Set<string>;
}

let allDeterminers: Set<string> | undefined;
/** Determiners of all languages: page furniture and quoted names cross languages ("The Wall Street Journal" in Russian). */
function determinersOfAll(): Set<string> {
  if (!allDeterminers) allDeterminers = new Set([...allLanguages().values()].flatMap((d) => d.determiners.map((w) => w.toLocaleLowerCase())));
  return allDeterminers;
}

const notNamesCache = new WeakMap<LangData, NotNames>();

function notNames(lang: LangData): NotNames {
  const hit = notNamesCache.get(lang);
  if (hit) return hit;
  const lex = wordFold(lang);
  const words = new Set<string>();
  // Single words go in `words`; phrases ("Văn hóa", "Thứ Hai") are matched whole, never word by word.
  const phrases: string[][] = [];
  const add = (list: string[]) => {
    for (const w of list) {
      const t = tokenize(w).map((x) => lex(x.word));
      if (t.length === 1) words.add(t[0]!);
      else if (t.length > 1) phrases.push(t);
    }
  };
  add(lang.months.flat());
  add(lang.weekdays.flat());
  add(lang.sections);
  // Single-word roles and honorifics are not names either.
  for (const w of [...lang.roles, ...lang.honorifics]) { const t = tokenize(w); if (t.length === 1) words.add(lex(t[0]!.word)); }
  const institutions = [...lang.institutions.map((i) => tokenize(i).map((t) => lex(t.word))).filter((l) => l.length), ...phrases];
  for (const i of institutions) if (i.length === 1) words.add(i[0]!);
  // Agencies named by one word ("Reuters", "Интерфакс"); an acronym (ANI) is never name-shaped anyway, and
  // folded it would block the given name Ani.
  for (const a of agencyAliases()) { const t = tokenize(a); if (t.length === 1 && t[0]!.word !== t[0]!.word.toUpperCase()) words.add(lex(t[0]!.word)); }
  const lists = {
    words,
    // Stems, so that case forms match too (Biuro → "biur" for Biura, Zgromadzenie → Zgromadzenia).
    institutionStems: lang.institutionWords.filter((w) => tokenize(w).length === 1).map((w) => lex(w))
      .map((w) => (w.length >= 5 ? w.replace(/[aeiouy]+$/, '') : w)).filter((w) => w.length >= 2),
    institutions: institutions.filter((i) => i.length > 1),
    institutionsByFirst: groupByFirst(institutions.filter((i) => i.length > 1)),
    particles: new Set(lang.nameParticles.map((p) => fold(p))),
    determiners: new Set([...determinersOfAll(), ...lang.determiners.map((w) => w.toLocaleLowerCase())]),
  };
  notNamesCache.set(lang, lists);
  return lists;
}

/** Word lists by their first word. */
function groupByFirst(lists: string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const l of lists) {
    const group = out.get(l[0]!);
    if (group) group.push(l);
    else out.set(l[0]!, [l]);
  }
  return out;
}

/** A word lowercased in the default locale (asked of every token: kept). */
const lowerWord = memoWord((w: string) => w.toLocaleLowerCase());

const setsCache = new WeakMap<LangData, ReturnType<typeof makeLangSets>>();

/** The word lists of a language that detection looks words up in, made once per language. */
function langSets(lang: LangData): ReturnType<typeof makeLangSets> {
  let sets = setsCache.get(lang);
  if (!sets) setsCache.set(lang, (sets = makeLangSets(lang)));
  return sets;
}

function makeLangSets(lang: LangData) {
  return {
    ofWords: new Set(lang.ofWords.map((w) => w.toLocaleLowerCase())),
    adjectiveEndings: lang.adjectiveEndings.map((w) => w.toLocaleLowerCase()),
    // Before a name, only the article's own language counts: "a" is an article in Portuguese but
    // "to" in Italian ("è andata a Nicole Kidman").
    ownDeterminers: new Set(lang.determiners.map((w) => w.toLocaleLowerCase())),
    articles: new Set(lang.articles.map((w) => w.toLocaleLowerCase())),
    namedAfter: new Set(lang.namedAfterWords.map((w) => w.toLocaleLowerCase().replace(/\.$/, ''))),
    titles: new Set(lang.singleNameTitles.map((t) => fold(t))),
    familyNames: new Set(lang.familyNames),
    heads: new Set(lang.compoundNameHeads),
    verbs: lang.speechVerbs.map((v) => v.toLocaleLowerCase().split(/\s+/)),
    placeOpeners: new Set(lang.institutions.filter((x) => tokenize(x).length === 1).map((x) => fold(x))),
    ands: new Set(lang.andWords.map((w) => w.toLocaleLowerCase())),
  };
}

let creditRe: RegExp | undefined;
/** A photo-credit label of any language and the rest of its line ("Foto: Kay Nietfeld/dpa"). */
function creditPattern(): RegExp {
  if (!creditRe) {
    const labels = [...new Set([...allLanguages().values()].flatMap((d) => d.photoCredits))].map(escapeRegExp).join('|');
    // "Foto: Kay Nietfeld/dpa" to the end of the line, or a credit in brackets without a colon: "(foto Marco Zanin/ANSA)".
    creditRe = new RegExp(`(?:^|\\n|[.(\\s*_])(?:${labels})(?:\\s*:|(?<=\\.)\\s)[^\\n]*|\\((?:${labels})\\s+[^()\\n]{2,80}\\)`, 'giu');
  }
  return creditRe;
}

/** The shape of a name token: capitalised, letters, not an acronym ("NATO"). */
function nameShaped(word: string): boolean {
  if (!isCapitalised(word) || /\d/.test(word)) return false;
  if (isCaseless(word)) return true;
  const letters = word.replace(/[^\p{L}]/gu, '');
  // A capital inside the word marks a brand (InsingerGilissen, SpaceX), except Mc/Mac/O'/D' names.
  if (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(word) && !/^(?:Mc|Mac|O'|O’|D'|D’|Le|La|De|Di|Du|Van|Von|Fitz)\p{Lu}/u.test(word)) return false;
  return letters.length >= 2 && !(letters.length >= 2 && letters === letters.toUpperCase());
}

/** Counts, for each folded word, how often the text uses it capitalised on its own, outside a run of names. */
function aloneCounts(view: TokenView): Map<string, number> {
  const counts = new Map<string, number>();
  const n = view.tokens.length;
  for (let i = 0; i < n; i++) {
    if (view.capital[i] !== 1 || view.caseless[i] === 1) continue;
    const before = i > 0 && joined(view, i - 1) && view.capital[i - 1] === 1;
    const after = i + 1 < n && joined(view, i) && view.capital[i + 1] === 1;
    if (!before && !after) counts.set(view.folded[i]!, (counts.get(view.folded[i]!) ?? 0) + 1);
  }
  return counts;
}

/** Finds people not in the registry. `used` marks tokens already taken by registry names. */
export function detectPeople(view: TokenView, lang: LangData, cues: Map<number, Cue>, used: Set<number>, registryGiven: ReadonlySet<string> = new Set()): Candidate[] {
  const rules = notNames(lang);
  const { tokens, folded } = view;
  const lower = tokens.map((t) => lowerWord(t.word));
  const { ofWords, adjectiveEndings, ownDeterminers, articles, namedAfter, titles, familyNames, heads, verbs, placeOpeners, ands } = langSets(lang);
  const n = tokens.length;
  const alone = aloneCounts(view);
  const found = new Map<number, Candidate>();
  const covered = new Set<number>();

  // Languages that compound nouns put the institution word last: "Nachrichtenagentur", "Sicherheitsrat".
  // A stem and up to three letters ("Biura", "Ministérios"); where words take no case endings, a short
  // word only as itself ("Quận" is not "Quang").
  const declines = lang.nameSuffixes.length > 0 || lang.capitalisesNouns;
  // With a joined prefix too in scripts that join them: "لمنظمة" is ل + منظمة (organisation).
  const unprefixed = tokens.map((t, i) => {
    const p = lang.namePrefixes.find((x) => t.word.startsWith(x) && t.word.length - x.length >= 3);
    return p ? wordFold(lang)(t.word.slice(p.length)) : view.lexical[i]!;
  });
  const isInstitutionToken = (i: number) => rules.institutionStems.some((s) => ((view.lexical[i]!.startsWith(s) || unprefixed[i]!.startsWith(s)) && Math.min(view.lexical[i]!.length, unprefixed[i]!.length) - s.length <= (declines || s.length >= 5 ? 3 : 0))
    || (lang.compoundNouns && s.length >= 3 && view.lexical[i]!.length > s.length + 2 && view.lexical[i]!.endsWith(s)));
  // Where every noun has a capital, a word the text also uses after an article or a number is a noun ("des Krieges",
  // "100 Milliarden"); after a preposition it may be a name ("nach Angaben von Manfred Güllner").
  const nouns = new Set<string>();
  if (lang.capitalisesNouns) {
    for (let i = 1; i < n; i++) {
      if ((articles.has(lower[i - 1]!) || /^\d+$/.test(tokens[i - 1]!.word)) && view.capital[i] === 1) nouns.add(folded[i]!);
    }
  }
  const places = placesOf(lang.code);
  const inflects = lang.nameSuffixes.length > 0;
  // Given names: faker's locales, and those of the archive's own registry ("Dietmar Woidke" makes Dietmar one).
  const isGiven = (word: string) => registryGiven.has(word) || isGivenName(word, lang.nameSuffixes);
  // A given name that is also a country, region or place word ("Jordan", "Georgia") is no name alone.
  const givenAlsoPlace = (i: number) => isCountryWord(places, folded[i]!, inflects) || countryPhraseAt(places, folded, i, () => false) > 0;
  // Asked of the same token many times (blocked, runFrom, skipNonName): each answer kept.
  const institutionMemo = new Map<number, { length: number } | undefined>();
  const institutionAt = (i: number): { length: number } | undefined => {
    if (institutionMemo.has(i)) return institutionMemo.get(i);
    const inst = rules.institutionsByFirst.get(view.lexical[i]!)?.find((x) => x.every((w, j) => view.lexical[i + j] === w));
    const k = inst ? 0 : countryPhraseAt(places, folded, i, (a) => joined(view, a));
    const found = inst ?? (k ? { length: k } : undefined);
    institutionMemo.set(i, found);
    return found;
  };
  // Every word of a cue, not only its last ("Milli Savunma Bakanı": Savunma is part of the role).
  const inCue = new Set<number>();
  for (const c of cues.values()) for (let i = c.start; i <= c.end; i++) inCue.add(i);
  // Photographers in credits ("Foto: Kay Nietfeld/dpa") are not people of the article.
  const credit = new Set<number>();
  for (const m of view.text.matchAll(creditPattern())) {
    const from = m.index ?? 0;
    const to = from + m[0].length;
    for (let i = 0; i < n && tokens[i]!.start < to; i++) if (tokens[i]!.start >= from && tokens[i]!.end <= to) credit.add(i);
  }
  const blockedMemo: (boolean | undefined)[] = new Array(n);
  const blocked = (i: number) => (blockedMemo[i] ??= credit.has(i) || used.has(i) || rules.words.has(view.lexical[i]!) || nouns.has(folded[i]!) || isInstitutionToken(i) || inCue.has(i) || !nameShaped(tokens[i]!.word));

  /** The end of the capitalised run of tokens that starts at s, whatever it is. */
  const rawRunEnd = (s: number): number => {
    let e = s;
    while (e + 1 < n && joined(view, e) && (view.capital[e + 1] === 1 || rules.particles.has(folded[e + 1]!)) && isLatin(tokens[e + 1]!.word) === isLatin(tokens[s]!.word)) e++;
    return e;
  };

  /**
   * Where to look next after token s, which starts no name: past a whole run that opens with
   * an article ("The Wall Street Journal"), past an institution ("Việt Nam", "Bộ Ngoại"),
   * past capitalised non-name words ("des Auswärtigen Amtes"), or one word on.
   */
  const skipNonName = (s: number): number => {
    if (view.capital[s] !== 1 || view.caseless[s] === 1) return s + 1;
    if (rules.determiners.has(lower[s]!)) return rawRunEnd(s) + 1;
    const inst = institutionAt(s);
    if (inst) return s + inst.length;
    let e = s;
    while (e + 1 < n && joined(view, e) && view.capital[e + 1] === 1 && (blocked(e + 1) || institutionAt(e + 1))) e++;
    return e + 1;
  };

  /** The name run starting at token s: capitalised tokens joined by spaces, particles inside. */
  const runFrom = (s: number): [number, number] | null => {
    if (blocked(s) || institutionAt(s) || rules.determiners.has(lower[s]!)) return null;
    let e = s;
    let words = 1;
    const hyphen = (a: number) => /^[-‐]$/.test(view.text.slice(tokens[a]!.end, tokens[a + 1]!.start));
    while (e + 1 < n && words < MAX_NAME_TOKENS + 3 && joined(view, e) && isLatin(tokens[e + 1]!.word) === isLatin(tokens[s]!.word)) {
      // A word with a grammatical ending after an apostrophe ends the name: "İmamoğlu'nun", "Putin's".
      if (/['’]\p{Ll}+$/u.test(tokens[e]!.word)) break;
      const next = e + 1;
      // A middle initial: "Amit P. Mehta", "George W. Bush".
      if (initialAt(view, next) && !hyphen(e) && next + 1 < n && joined(view, next)
        && !blocked(next + 1) && !rules.determiners.has(lower[next + 1]!)) {
        e = next + 1;
        words++;
        continue;
      }
      // A short lowercase word between hyphens is part of the name: "Viollet-le-Duc", "Ould-al-Hadj".
      if (hyphen(e) && /^\p{Ll}{1,3}$/u.test(tokens[next]!.word) && next + 1 < n && hyphen(next) && !blocked(next + 1)) {
        e = next + 1;
        continue;
      }
      // In some languages a particle after the surname begins an organisation: "Donald Pols van Milieudefensie".
      const afterGiven = !lang.particlesAfterGivenName || ![...Array(e - s).keys()].some((j) => !hyphen(s + j));
      if (rules.particles.has(folded[next]!) && !afterGiven) break;
      if (rules.particles.has(folded[next]!)) {
        // One or more particles, then a name word: "von der Leyen", "bin Abdulrahman".
        let k = next;
        while (k + 1 < n && joined(view, k) && rules.particles.has(folded[k + 1]!)) k++;
        if (k + 1 < n && joined(view, k) && !blocked(k + 1)) { e = k + 1; words++; continue; }
      }
      if (blocked(next) || institutionAt(next)) {
        // A name followed by an institution word is the institution's name ("Karl-Marx-Allee", "Deutsche Bank");
        // words right before a registered name qualify it ("Stati Uniti Joe Biden", "России Андрей Белоусов").
        if (isInstitutionToken(next) || institutionAt(next) || used.has(next)) return null;
        break;
      }
      e = next;
      words++;
    }
    // A regnal number: "Felipe VI", "Frederik X", "Karl III".
    if (e + 1 < n && joined(view, e) && /^(?:X{0,2})(?:IX|IV|V?I{0,3})$/.test(tokens[e + 1]!.word) && tokens[e + 1]!.word.length > 0 && isGiven(tokens[e]!.word)) e++;
    // Where family names are few and known (Vietnamese), the name begins with one: "Đầu tư Nguyễn Chí Dũng".
    if (familyNames.size) {
      const k = [...Array(e - s + 1).keys()].map((j) => s + j).find((i) => familyNames.has(tokens[i]!.word) && i < e);
      if (k !== undefined && k > s) s = k;
    }
    // Caseless scripts have no capitals to end a name: take at most first name and surname.
    if (view.caseless[s] === 1) e = Math.min(e, s + 1);
    // Leading words the text also uses on their own are places or nouns ("Mỹ Lloyd Austin",
    // "Việt Nam Phan Văn Giang" when "Việt Nam" stands alone elsewhere).
    for (let again = true; again && s < e;) {
      again = false;
      for (let k = Math.min(3, e - s); k >= 1; k--) {
        // Not when a particle follows: then the word is a given name ("Файсал бин Фархан").
        if (rules.particles.has(folded[s + k]!)) continue;
        if (elsewhereAlone(s, k)) { s += k; again = true; break; }
      }
    }
    // A country at the end is where the person is from or works ("Wehrbeauftragte Eva Högl Deutschland"
    // is rare, "prezydent Warszawy" common); a country alone is no name. At the start it may be a
    // first name (Israel Katz, Jordan Bardella), so it stays.
    while (e > s && isCountryWord(places, folded[e]!, inflects)) e--;
    if (s === e && isCountryWord(places, folded[s]!, inflects)) return null;
    // After an article, the first capitalised word is a noun, not a given name ("le Hongrois Kristóf Milák").
    if (e - s >= 2 && s > 0 && joined(view, s - 1) && articles.has(lower[s - 1]!)) s++;
    // A capitalised word before a known given name opens the sentence or qualifies the name
    // ("Soddisfatto Carlo Conti", "Mỹ Matthew Miller"); right after a role it is the first of several
    // given names ("Belediye Başkanı Resul Emrah Şahan").
    if (e - s >= 2 && !lang.familyNameFirst && !(s > 0 && inCue.has(s - 1)) && !isGiven(tokens[s]!.word) && tokens[s + 1]!.word.length >= 3
      && !rules.particles.has(folded[s + 1]!) && isGiven(tokens[s + 1]!.word)) s++;
    // With two name words after it, a leading country is a qualifier ("Mỹ Matthew Miller").
    // Unless it is a given name and no given name follows: "Guadalupe Taddei Zavala" (but "Francia Emmanuel Macron").
    if (e - s >= 2 && isCountryWord(places, folded[s]!, inflects) && !(isGiven(tokens[s]!.word) && !isGiven(tokens[s + 1]!.word))) s++;
    // Where adjectives decline, a run ending in an adjective ending is an institution's name
    // ("Koalicji Obywatelskiej", "Zgromadzeniem Narodowym"), not a person.
    if (adjectiveEndings.some((x) => lower[e]!.endsWith(x) && lower[e]!.length > x.length + 3)) return null;
    // Right after an institution word, a short run is the rest of its name ("Federación Española de
    // Fútbol") unless it opens with a given name ("presidente della Repubblica Sergio Mattarella").
    // After a role and its organisation the run is the person ("ex-comandante da Marinha Almir Garnier Santos").
    const roleBefore = [2, 3, 4].some((k) => s - k >= 0 && inCue.has(s - k));
    if (s > 0 && joined(view, s - 1) && isInstitutionToken(s - 1) && !isGiven(tokens[s]!.word) && e - s < 3 && !(roleBefore && e > s)) return null;
    // Words of the name: hyphenated parts are one word ("Marie-Agnes", "Strack-Zimmermann"),
    // particles none. A run longer than MAX_NAME_WORDS words has a description in front
    // ("Biura Polityki Międzynarodowej Marcin Przydacz"): the name is its last two words.
    const starts: number[] = [];
    for (let i = s; i <= e; i++) {
      const hyphened = i > s && /^[-‐]$/.test(view.text.slice(tokens[i - 1]!.end, tokens[i]!.start));
      if (!hyphened && !rules.particles.has(folded[i]!)) starts.push(i);
    }
    // Right after an institution word, its adjectives come first ("Koalicji Obywatelskiej Rafał Trzaskowski").
    const afterInstitution = s > 0 && joined(view, s - 1) && isInstitutionToken(s - 1);
    if (starts.length > (afterInstitution ? 2 : lang.familyNameFirst ? MAX_NAME_WORDS + 1 : MAX_NAME_WORDS)) s = starts[starts.length - 2]!;
    return [s, e];
  };

  /** Do the k tokens from s occur elsewhere in the text as a capitalised run of their own? */
  function elsewhereAlone(s: number, k: number): boolean {
    // One word must stand alone twice: a given name may be used alone once ("Файсал said").
    if (k === 1) return (alone.get(folded[s]!) ?? 0) >= 2;
    for (let i = 0; i + k <= n; i++) {
      if (i === s) continue;
      let same = true;
      for (let j = 0; j < k && same; j++) same = folded[i + j] === folded[s + j] && (j === 0 || joined(view, i + j - 1));
      if (!same) continue;
      const before = i > 0 && joined(view, i - 1) && view.capital[i - 1] === 1;
      const after = i + k < n && joined(view, i + k - 1) && view.capital[i + k] === 1;
      if (!before && !after) return true;
    }
    return false;
  }

  const add = (s: number, e: number, confidence: number, evidence: string, skip = 0) => {
    // "via Guglielmo Marconi", "Premio Mia Martini": a street, a prize or a building, not a person;
    // also with a title between ("Trga bana Josipa Jelačića", "ulica kralja Tomislava").
    if (s > 0 && namedAfter.has(lower[s - 1]!)) return;
    if (s > 1 && /^\p{Ll}/u.test(tokens[s - 1]!.word) && namedAfter.has(lower[s - 2]!)) return;
    // Or the street word after it, where it follows the name: "Karl XII:s torg", "Kossuth utca".
    const genitive = e + 2 < n && view.text.slice(tokens[e]!.end, tokens[e + 1]!.start) === ':' && /^\p{Ll}{1,2}$/u.test(tokens[e + 1]!.word); // "XII:s"
    const after = genitive ? e + 2 : e + 1;
    if (after < n && namedAfter.has(lower[after]!) && /^\s+$/.test(view.text.slice(tokens[after - 1]!.end, tokens[after]!.start))) return;
    // Not the tail of a hyphenated compound: "Notre-Dame de Paris".
    if (s > 0 && /^[-‐]$/.test(view.text.slice(tokens[s - 1]!.end, tokens[s]!.start))) return;
    const prev = found.get(s);
    if (prev && prev.confidence >= confidence) return;
    found.set(s, { start: s, end: e, name: view.text.slice(tokens[s]!.start + skip, tokens[e]!.end), confidence, evidence });
    for (let i = s; i <= e; i++) covered.add(i);
  };

  // A cue before the name. Words between count one each; a capitalised run that is not a
  // name counts as one word ("корреспондента The Wall Street Journal Эвана Гершковича").
  for (const cue of cues.values()) {
    const maxGap = cue.kind === 'honorific' ? 0 : DETECT_GAP;
    for (let s = cue.end + 1, units = 0; units <= maxGap && s < n; units++) {
      if (!sameClause(view, cue.end, s, cue.dotted)) break;
      if (used.has(s)) {
        // The cue belongs to a registered person, unless that person qualifies the next name
        // in a grammatical case: "Тренер Усика Єгор Голуб" (Usyk's coach, Yehor Holub).
        let k = s;
        while (k + 1 < n && used.has(k + 1) && joined(view, k)) k++;
        const next = k + 1 < n && joined(view, k) && !used.has(k + 1) ? runFrom(k + 1) : null;
        if (k > s || !next || next[0] !== k + 1 || next[1] === next[0]) break;
        s = k + 1;
        continue;
      }
      if (lang.definitePrefixes.length && view.caseless[s] === 1) break; // see the rule for such scripts below
      const run = runFrom(s);
      if (!run) {
        s = skipNonName(s);
        continue;
      }
      const [a, e] = run;
      // "presidente de Estados Unidos, Joe Biden": a run followed by a comma (the organisation too: "presidente della Biennale, Pietrangelo Buttafuoco") and a known name describes that name;
      // "ministra para la Transición Ecológica, Teresa Ribera": followed by a comma and another name, the later one is the person.
      if (e + 1 < n && /^\s*,\s*$/.test(view.text.slice(tokens[e]!.end, tokens[e + 1]!.start))) {
        if (used.has(e + 1)) break;
        const next = runFrom(e + 1);
        if (next && next[1] > next[0] && next[0] === e + 1) { s = e + 1; continue; }
      }
      // After a role, a run right after "of" is the organisation ("analysts at Goldman Sachs", "phân tích của Goldman Sachs").
      if (a === s && s - 1 > cue.end && ofWords.has(lower[s - 1]!) && !(e + 1 < n && joined(view, e) && view.capital[e + 1] === 1)) break;
      const words = e - a + 1;
      const caselessName = view.caseless[a] === 1;
      let confidence: number;
      // One word: after an honorific, a surname; after a title, a given name is how royals and popes
      // are named ("Kong Frederik", "Dronning Mary", "Papa Francesco").
      if (words === 1) confidence = caselessName ? 0 : cue.kind === 'honorific' ? 0.5 : a === s && titles.has(fold(cue.text)) && isGiven(tokens[a]!.word) && !givenAlsoPlace(a) ? 0.7 : 0;
      else if (caselessName) confidence = 0.5;
      else if (cue.kind === 'honorific') confidence = 0.9;
      else confidence = s === cue.end + 1 && a === s ? 0.85 : 0.75;
      if (confidence > 0) {
        add(a, e, confidence, `${cue.text} …`);
        break;
      }
      // One capitalised word after a role is a place or a department ("Bộ trưởng Quốc phòng
      // Việt Nam Phan Văn Giang"): look further.
      s = e + 1;
    }
  }

  // Scripts without capitals, where the language marks nouns with a joined article (Arabic ال):
  // after a role, skip the role's nouns and adjectives and an idafa head ("صندوق الاستثمار"),
  // then take two or three words as the name.
  const defs = lang.definitePrefixes;
  if (defs.length) {
    const def = { startsOf: (x: string) => defs.some((d) => x.startsWith(d)) };
    const isNoun = (i: number) => {
      if (i >= n) return false;
      const w = tokens[i]!.word;
      // With a joined conjunction or preposition only in longer words: "والمبعوث" (and the envoy), not "والتز" (Waltz).
      return def.startsOf(w) || (w.length >= 6 && lang.namePrefixes.some((p) => w.startsWith(p) && def.startsOf(w.slice(p.length))));
    };
    const bareNoun = (i: number) => i < n && def.startsOf(tokens[i]!.word);
    /** Could token i be part of a name: not an article-marked noun, function word, cue or known non-name. */
    const nameWord = (i: number) => i < n && !isNoun(i) && !rules.determiners.has(lower[i]!) && !cues.has(i) && !used.has(i) && !blocked(i);
    // A compound given name opens with a head word and an article-marked word: "عبد العزيز", "أبو بكر".
    const compoundAt = (i: number) => i + 1 < n && heads.has(tokens[i]!.word) && joined(view, i) && bareNoun(i + 1);
    // A run followed by a bracket is an organisation with its acronym: "لكرة القدم (فيفا)".
    const bracketAfter = (i: number) => /^\s*\(/.test(view.text.slice(tokens[i]!.end, i + 1 < n ? tokens[i + 1]!.start : undefined));
    for (const cue of cues.values()) {
      // A role inside the name of a place: "ملعب الملك فهد الدولي" (King Fahd Stadium).
      if (cue.start > 0 && namedAfter.has(lower[cue.start - 1]!)) continue;
      // Within six words of the role: the first two name words in a row (a particle may join
      // them: "فيصل بن فرحان"); failing that, a name word with a family name that carries the
      // article and no adjective after it ("بشار الأسد إلى"), one not written with a joined
      // preposition if there is a choice ("لكرة القدم ياسر المسحل").
      const weaks: [number, number][] = [];
      let strong: [number, number] | null = null;
      for (let s = cue.end + 1; s < n && s <= cue.end + 6 && !strong; s++) {
        if (!joined(view, s - 1) || used.has(s)) break;
        if (compoundAt(s)) {
          let end = s + 1;
          while (end + 2 < n && joined(view, end) && joined(view, end + 1) && rules.particles.has(folded[end + 1]!)
            && (nameWord(end + 2) || bareNoun(end + 2))) {
            end += 2;
            if (compoundAt(end)) end++;
          }
          strong = [s, end];
          break;
        }
        if (!nameWord(s) || rules.particles.has(folded[s]!)) continue;
        // A word right after a preposition is its object, not a name: "الباحث في سياسات الطاقة".
        if (s > cue.end + 1 && rules.determiners.has(lower[s - 1]!)) continue;
        // Particles join the parts of a name ("محمد بن عبد الرحمن آل ثاني"): each takes the word after it.
        let end = s;
        while (end + 1 < n && joined(view, end) && rules.particles.has(folded[end + 1]!)) {
          let k = end + 1;
          while (k + 1 < n && joined(view, k) && rules.particles.has(folded[k + 1]!)) k++; // "بن عبد"
          if (k + 1 < n && joined(view, k) && (nameWord(k + 1) || bareNoun(k + 1))) end = k + 1;
          else break;
        }
        if (end > s) { strong = [s, end]; break; }
        const second = s + 1;
        const adjectiveAfter = second + 1 < n && joined(view, second) && bareNoun(second + 1); // "لحلف شمال الأطلسي"
        if (second < n && joined(view, second - 1) && nameWord(second) && !rules.particles.has(folded[second]!) && !adjectiveAfter) strong = [s, second];
        else if (second < n && joined(view, second - 1) && bareNoun(second) && !bracketAfter(second) && !inCue.has(second)
          && !(second + 1 < n && joined(view, second) && (isNoun(second + 1) || used.has(second + 1)))) weaks.push([s, second]);
      }
      const plain = weaks.find(([a]) => !lang.namePrefixes.some((p) => tokens[a]!.word.startsWith(p)));
      const pick = strong ?? plain ?? weaks[0] ?? null;
      if (pick && !found.has(pick[0])) add(pick[0], pick[1], 0.75, `${cue.text} …`);
    }
  }

  // A role in apposition after the name: "Anna Berger, Sprecherin des Ministeriums",
  // "John Kirby, the Pentagon spokesman": the role within three words of the comma.
  const inFound = (i: number) => covered.has(i);
  const cueByStart = new Map([...cues.values()].map((c) => [c.start, c]));
  for (let s = 0; s < n; s++) {
    if (inFound(s) || view.caseless[s] === 1) continue;
    if (s > 0 && joined(view, s - 1) && view.capital[s - 1] === 1) continue; // not the start of a run
    const run = runFrom(s);
    if (!run || run[0] !== s || run[1] === s) continue;
    const e = run[1];
    if (e + 1 >= n) continue;
    const gap = view.text.slice(tokens[e]!.end, tokens[e + 1]!.start);
    // An age in apposition: "Pieter Hendriks, 58, who lives …", "Anna Berger (58)".
    if (/^\d{2}$/.test(tokens[e + 1]!.word) && (/^,\s*$/.test(gap) || /^\s*\($/.test(gap))) {
      const after = e + 2 < n ? view.text.slice(tokens[e + 1]!.end, tokens[e + 2]!.start) : view.text.slice(tokens[e + 1]!.end);
      if (/^\s*[,)]/.test(after) && (gap.includes('(') ? after.trim().startsWith(')') : after.trim().startsWith(','))) {
        add(s, e, 0.75, `…, ${tokens[e + 1]!.word}`);
        s = e;
        continue;
      }
    }
    if (!/^,\s*$/.test(gap)) continue;
    let role: Cue | undefined;
    for (let k = e + 1; k <= e + 3 && !role; k++) {
      const c = cueByStart.get(k);
      if (c && c.kind === 'role' && sameClause(view, e + 1, c.end, false)) role = c;
    }
    if (role) add(s, e, 0.75, `…, ${role.text}`);
    s = e;
  }

  // An age before the name: "68-årige Birthe Kjeldsen", "41-letni Jan Kowalski", "67-річний Іван Петренко".
  for (let s = 2; s < n; s++) {
    if (inFound(s) || view.caseless[s] === 1 || !/^\d{1,3}$/.test(tokens[s - 2]!.word)) continue;
    if (!/^[-‐]$/.test(view.text.slice(tokens[s - 2]!.end, tokens[s - 1]!.start)) || !/^\p{Ll}+$/u.test(tokens[s - 1]!.word)) continue;
    const run = runFrom(s);
    if (!run || run[0] !== s || run[1] === s) continue;
    add(s, run[1], 0.75, `${tokens[s - 2]!.word}-${tokens[s - 1]!.word} …`);
    s = run[1];
  }

  // A word of saying next to the name: "said Jacob Rees-Mogg", "Jane Doe said", "a déclaré Jean Dupont".
  const verbEndsAt = (i: number) => verbs.some((v) => v.length <= i + 1 && v.every((w, j) => lower[i - v.length + 1 + j] === w));
  const verbStartsAt = (i: number) => verbs.some((v) => i + v.length <= n && v.every((w, j) => lower[i + j] === w));
  for (let s = 1; s < n; s++) {
    if (inFound(s) || view.caseless[s] === 1 || view.capital[s] !== 1) continue;
    if (joined(view, s - 1) && view.capital[s - 1] === 1) continue;
    const run = runFrom(s);
    if (!run || run[0] !== s || run[1] === s) continue;
    const e = run[1];
    if (e + 1 < n && joined(view, e) && view.capital[e + 1] === 1) { s = e; continue; }
    if (ofWords.has(lower[s - 1]!)) { s = e; continue; } // "Analysts at Goldman Sachs said"
    const before = sameClause(view, s - 1, s, false) && verbEndsAt(s - 1);
    // After the name, the verb follows it directly: in "…, Tam Nông, cho biết" the speaker is further back.
    const after = e + 1 < n && sameClause(view, e, e + 1, false) && !view.text.slice(tokens[e]!.end, tokens[e + 1]!.start).includes(',') && verbStartsAt(e + 1);
    if (before || after) add(s, e, 0.75, before ? `${tokens[s - 1]!.word} …` : `… ${tokens[e + 1]!.word}`);
    s = e;
  }

  // No cue, in languages that do not capitalise nouns: a run of two to four capitalised
  // words inside a sentence whose last word the text also uses alone ("… para Xóchitl Gálvez …
  // Gálvez reconoció"): a person named in full, then by surname.
  if (!lang.capitalisesNouns) {
    for (let s = 0; s < n; s++) {
      if (found.has(s) || view.caseless[s] === 1 || view.capital[s] !== 1) continue;
      if (s > 0 && ownDeterminers.has(lower[s - 1]!)) { s = rawRunEnd(s); continue; }
      const startsSentence = opensSentence(view, s);
      if (s > 0 && joined(view, s - 1) && view.capital[s - 1] === 1) continue; // inside a longer run
      const run = runFrom(s);
      if (!run || run[0] !== s || run[1] === s) { s = rawRunEnd(s); continue; }
      const e = run[1];
      if (e + 1 < n && joined(view, e) && view.capital[e + 1] === 1) { s = rawRunEnd(s); continue; }
      // The surname used alone elsewhere, in any case form ("Nawrocki, prezes …", "Nawrockiego").
      const lastKeys = view.keys[e]!;
      let repeats = 0;
      for (let i = 0; i < n; i++) {
        if ((i >= s && i <= e) || view.capital[i] !== 1) continue;
        if (!view.keys[i]!.some((k) => lastKeys.some((l) => k === l || keyMatches([k], l, view.rules)))) continue;
        if (i > 0 && joined(view, i - 1) && view.capital[i - 1] === 1 && !cues.has(i - 1)) continue;
        if (i + 1 < n && joined(view, i) && view.capital[i + 1] === 1) continue;
        if (lang.shortNameTakesHonorific && cues.get(i - 1)?.kind !== 'honorific') continue;
        repeats++;
      }
      // At the start of a sentence a capitalised pair is weaker evidence: the surname must come back twice.
      if (repeats >= (startsSentence ? 2 : 1)) add(s, e, 0.7, `${tokens[e]!.word} named again`);
      s = e;
    }
  }

  // A known given name at the start of a run of two or three words ("Tilda Swinton", "Ольга
  // Стефанішина"), where the given name comes first (not in Vietnamese).
  if (!lang.familyNameFirst) {
    for (let s = 0; s < n; s++) {
      if (covered.has(s) || view.caseless[s] === 1 || !isGiven(tokens[s]!.word)) continue;
      // A given name that is also a word of the language opens a sentence as that word: "Per Medvedev …" (for).
      if (opensSentence(view, s) && ownDeterminers.has(lower[s]!)) continue;
      // A name in quotes is a title: an award, a song, a work ("Premio «Mia Martini»").
      if (s > 0 && /[«"“„]\s*$/u.test(view.text.slice(tokens[s - 1]!.end, tokens[s]!.start))) continue;
      // Not the middle of a longer name ("Jean Martin Dupont").
      // A capitalised word before it that is not itself a given name opens the sentence ("Volgens
      // Marieke de Vries", "Soddisfatto Carlo Conti") or is a noun ("Personalvorstand Martin Seiler").
      const prev = s > 0 && joined(view, s - 1) && view.capital[s - 1] === 1 && !cues.has(s - 1) ? tokens[s - 1]!.word : null;
      if (prev && (isGiven(prev) || placeOpeners.has(folded[s - 1]!) || isInstitutionToken(s - 1))) continue; // "San Fernando de Henares"
      if (s > 0 && articles.has(lower[s - 1]!)) continue; // "the Tate Modern", "el Santiago Bernabéu"
      const run = runFrom(s);
      if (!run || run[0] !== s || run[1] === s) continue;
      if (run[1] + 1 < n && joined(view, run[1]) && view.capital[run[1] + 1] === 1) continue;
      // Two words at least: "Georges-Vallerey" is one (a pool, a street).
      if (/^[-‐]$/.test(view.text.slice(tokens[s]!.end, tokens[s + 1]!.start)) && run[1] === s + 1) continue;
      add(s, run[1], 0.7, `given name ${tokens[s]!.word}`);
      s = run[1];
    }
  } else if (!lang.shortNameTakesHonorific) {
    // Family name first, as in Hungarian: a pair of words inside a sentence that ends in a known
    // given name, in any case form ("Balog Zoltán", "Balog Zoltánnak").
    for (let s = 1; s < n; s++) {
      if (covered.has(s) || view.caseless[s] === 1 || opensSentence(view, s)) continue;
      if (joined(view, s - 1) && view.capital[s - 1] === 1) continue;
      const run = runFrom(s);
      if (!run || run[0] !== s || run[1] !== s + 1 || !isGiven(tokens[s + 1]!.word)) continue;
      if (s + 2 < n && joined(view, s + 1) && view.capital[s + 2] === 1) continue;
      add(s, s + 1, 0.7, `given name ${tokens[s + 1]!.word}`);
      s++;
    }
  }

  // A list of names after a plural role or a first name: "os ministros Flávio Dino, Luiz Fux,
  // Cármen Lúcia", "Demis Hassabis a John Jumper". Each further name joined by a comma or an
  // "and" word counts, with the confidence of the first.
  // Where "and" is written joined to the next word (Hebrew ו, Arabic و), the item after it loses it.
  const joinedAnd = lang.andWords.filter((w) => lang.namePrefixes.includes(w));
  // Registered names of two words or more open lists too ("אסף רפפורט, עמי לוטבק, ינון קוסטיקה ורועי רזניק").
  const starts: { end: number; confidence: number; name: string }[] = [...found.values()].map((c) => ({ end: c.end, confidence: c.confidence, name: c.name }));
  for (let i = 0; i < n; i++) {
    if (!used.has(i) || (i > 0 && used.has(i - 1) && joined(view, i - 1))) continue;
    let e = i;
    while (e + 1 < n && used.has(e + 1) && joined(view, e)) e++;
    if (e > i) starts.push({ end: e, confidence: 0.75, name: view.text.slice(tokens[i]!.start, tokens[e]!.end) });
  }
  for (const c of starts.sort((x, y) => x.end - y.end)) {
    let e = c.end;
    // Without capitals, a list counts only once an "and" closes it ("…, ינון קוסטיקה ורועי רזניק").
    const pending: [number, number, number][] = [];
    for (let guard = 0; guard < 8; guard++) {
      let s = e + 1;
      if (s >= n) break;
      const gap = view.text.slice(tokens[e]!.end, tokens[s]!.start);
      let skip = 0;
      let closed = false;
      const glued = joinedAnd.find((w) => tokens[s]!.word.startsWith(w) && tokens[s]!.word.length - w.length >= 2);
      if (/^\s+$/.test(gap) && ands.has(lower[s]!)) { s++; closed = true; }
      else if (/^\s+$/.test(gap) && glued && view.caseless[s] === 1) skip = glued.length;
      else if (!/^,\s*$/.test(gap)) break;
      else if (s < n && ands.has(lower[s]!)) { s++; closed = true; }
      if (s >= n || covered.has(s) || used.has(s)) break;
      if (view.caseless[s] === 1) {
        // No capitals to end a name: an item of exactly two words, then a comma, an "and" or the clause's end.
        if (s + 1 >= n || !joined(view, s) || used.has(s + 1) || blocked(s) || blocked(s + 1)) break;
        const after = s + 2 < n ? view.text.slice(tokens[s + 1]!.end, tokens[s + 2]!.start) : '.';
        const andNext = s + 2 < n && (ands.has(lower[s + 2]!) || joinedAnd.some((w) => tokens[s + 2]!.word.startsWith(w)));
        if (!/^\s*[,.;:)]/.test(after) && !(/^\s+$/.test(after) && andNext)) break;
        pending.push([s, s + 1, skip]);
        e = s + 1;
        if (skip || closed) {
          for (const [a, b, k] of pending) add(a, b, c.confidence, `${c.name}, …`, k);
          break;
        }
        continue;
      }
      if (skip) break;
      const run = runFrom(s);
      if (!run || run[0] !== s || run[1] === s) break;
      add(run[0], run[1], c.confidence, `${c.name}, …`);
      e = run[1];
    }
  }

  return [...found.values()].sort((a, b) => a.start - b.start);
}
