// Country names in the article's language and in English, from i18n-iso-countries (country
// names in 70+ languages, kept up to date by its maintainers): a capitalised run that is a
// country ("Stati Uniti", "Estados Unidos", "Việt Nam", "России") is never a person. Nor is a
// world region, continent or sea, from the language files (`regions`: "Nord Africa", "Nahost").
import { createRequire } from 'node:module';
import { allLanguages } from '../lang/data.js';
import { fold, tokenize } from '../text/fold.js';

const require = createRequire(import.meta.url);

/** Country names of one language, prepared for matching tokens. */
export interface Places {
  /** Folded multi-word names and their leading parts of two words or more ("stati uniti"),
   * by the first three letters of their first word, with the stem of each word. */
  phrasesByStart: Map<string, { words: string[]; stems: string[] }[]>;
  /** Folded stems of one-word names (final vowels dropped, so case forms match: "rossi" for Россия/России). */
  stems: string[];
  /** Short one-word names, matched exactly ("my" for Mỹ, "nga", "lao", "iran"). */
  exact: Set<string>;
  /** Every one-word name, folded, as written. */
  words: Set<string>;
}

const cache = new Map<string, Places>();

function namesOf(lang: string): string[] {
  try {
    const data = require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> };
    return Object.values(data.countries).flat();
  } catch {
    return [];
  }
}

/** Country names of a language (plus English). */
export function placesOf(lang: string): Places {
  const hit = cache.get(lang);
  if (hit) return hit;
  const phrases: string[][] = [];
  const stems = new Set<string>();
  const exact = new Set<string>();
  const oneWord = new Set<string>();
  const regions = (code: string) => allLanguages().get(code)?.regions ?? [];
  for (const name of new Set([...namesOf(lang), ...namesOf('en'), ...regions(lang), ...regions('en')])) {
    const words = tokenize(name).map((t) => t.word);
    const caps = words.map((w) => w.charAt(0) !== w.charAt(0).toLowerCase());
    const f = words.map((w) => fold(w));
    if (f.length === 1) {
      oneWord.add(f[0]!);
      const stem = f[0]!.replace(/[aeiouy]+$/, '');
      if (stem.length >= 5) stems.add(stem);
      else if (f[0]!.length >= 2) exact.add(f[0]!);
    } else {
      // "Stati Uniti d'America" → "stati uniti" too: every leading part that ends on a capitalised word.
      for (let k = 2; k <= f.length; k++) if (caps[k - 1]) phrases.push(f.slice(0, k));
    }
  }
  const phrasesByStart = new Map<string, { words: string[]; stems: string[] }[]>();
  for (const p of phrases) {
    const k = p[0]!.slice(0, 3);
    phrasesByStart.set(k, [...(phrasesByStart.get(k) ?? []), { words: p, stems: p.map((w) => w.replace(/[aeiouy]+$/, '')) }]);
  }
  const places = { phrasesByStart, stems: [...stems], exact, words: oneWord };
  cache.set(lang, places);
  return places;
}

/** Does a phrase of country names start at token i of `folded`, its words in any grammatical case ("Саудовской Аравии")? */
export function countryPhraseAt(places: Places, folded: string[], i: number, joinedAt: (a: number) => boolean): number {
  for (const { words: p, stems } of places.phrasesByStart.get(folded[i]!.slice(0, 3)) ?? []) {
    if (i + p.length > folded.length) continue;
    const ok = p.every((w, j) => {
      const t = folded[i + j]!;
      if (j > 0 && !joinedAt(i + j - 1)) return false;
      if (t === w) return true;
      const stem = stems[j]!;
      return stem.length >= 4 && t.startsWith(stem) && t.length - stem.length <= 3;
    });
    if (ok) return p.length;
  }
  return 0;
}

/**
 * Does the token (folded) name a one-word country? In any grammatical case where names
 * decline (`inflects`: "России", "Deutschlands"); elsewhere only as written, so that the
 * surname Romano is not Romania.
 */
export function isCountryWord(places: Places, folded: string, inflects: boolean): boolean {
  if (places.exact.has(folded) || places.words.has(folded)) return true;
  return inflects && places.stems.some((s) => folded.startsWith(s) && folded.length - s.length <= 2);
}
