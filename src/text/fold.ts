// Folding text for comparison: case, diacritics and script differences are removed,
// so "Belousow", "BELOUSOW" and "Белоусов" compare on the same footing.
import anyAscii from 'any-ascii';
import { memoWord } from './memo.js';

/** Lowercase ASCII transliteration of any script: "Lầu Năm Góc" → "lau nam goc". */
export function fold(text: string): string {
  // Short texts (words, names) repeat: remember them; long ones are folded afresh.
  return text.length <= 40 ? foldShort(text) : foldText(text);
}

function foldText(text: string): string {
  return anyAscii(text.normalize('NFC')).toLowerCase();
}

const foldShort = memoWord(foldText);

/**
 * A spelling-insensitive key for one name token, so transliterations of one name
 * from different languages meet: Belousow / Beloussow / Belooussov / Белоусов → "belousov",
 * Schoigu / Choïgou / Шойгу → "shoigu", Lawrow → "lavrov".
 */
export const nameKey: (token: string) => string = memoWord(nameKeyOf);

function nameKeyOf(token: string): string {
  let k = fold(token).replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1');
  k = k
    .replace(/^sch/, 'sh') // German Sch- for Russian Ш
    .replace(/^ch(?=[aeiou])/, 'sh') // French Ch- for Ш
    .replace(/tsch/g, 'ch')
    .replace(/ou/g, 'u') // French ou for у
    .replace(/w/g, 'v') // German w for в
    .replace(/j/g, 'y') // German j for й / я
    .replace(/(?<=[aeiou])y|y(?=[^aeiou]|$)/g, 'i') // Шойгу: oy → oi; final -y → -i
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/z/g, 's') // Zelensky / Selenskyj (German S for З), Zakharova / Sacharowa
    .replace(/(.)\1+/g, '$1'); // doubled letters: Beloussow, Lloyd
  return k;
}

/** Splits text into word tokens (letters, marks, digits, inner apostrophes and hyphens) with offsets. */
export function tokenize(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const re = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    // An elided article or conjunction before a name is a word of its own: "qu'Emmanuel",
    // "d'Alger", "dell'Ucraina" (but "O'Brien" and "Erdoğan'ın" are one word).
    const elided = /^(\p{Ll}{1,4})['’](?=\p{Lu})/u.exec(m[0]);
    if (elided) {
      const head = elided[0].length;
      out.push({ word: elided[1]!, start, end: start + elided[1]!.length });
      out.push({ word: m[0].slice(head), start: start + head, end: start + m[0].length });
    } else out.push({ word: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** True when the word starts with an uppercase letter (in scripts that have case) or is caseless. */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  if (first.toLowerCase() === first.toUpperCase()) return /\p{L}/u.test(first); // caseless scripts
  return first === first.toUpperCase();
}
