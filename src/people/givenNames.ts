// Given names, from the locale data of @faker-js/faker (first names of 69 locales, some
// 22,000 names in Latin, Cyrillic, Arabic, Greek and other scripts, kept by its
// maintainers). A capitalised pair that starts with a given name ("… accanto a Tilda
// Swinton e Julianne Moore") is a person even with no role word near it.
import { derivedData } from '../lang/derived.js';

/** Every given name of every faker locale, as written; taken from faker once, then read as JSON (src/lang/derived.ts). */
const names = new Set(await derivedData('@faker-js/faker', async () => {
  const all = (await import('@faker-js/faker')) as unknown as Record<string, { person?: { first_name?: string[] | Record<string, string[]> } } | undefined>;
  const found = new Set<string>();
  for (const key of Object.keys(all).filter((k) => /^[a-z]{2}(?:_[A-Z]{2})?$/.test(k)).sort()) {
    const first = all[key]?.person?.first_name;
    if (!first) continue;
    for (const name of Array.isArray(first) ? first : Object.values(first).flat()) if (name.length >= 2) found.add(name);
  }
  return [...found];
}));

/** Every given name of every faker locale, as written. */
export function givenNames(): Set<string> {
  return names;
}

const stemEndings = ['а', 'я', 'й', 'a'];

/**
 * Is the word a given name, here or in a grammatical case of the language (`suffixes`, its
 * name endings): "Антоном" is Антон, "Ирину" Ирина, "Andrzejem" Andrzej.
 */
export function isGivenName(word: string, suffixes: readonly string[]): boolean {
  const names = givenNames();
  if (names.has(word)) return true;
  // The shortest ending the word carries decides: "Putins" is Putin + s, not the name Puti + ns.
  const suffix = [...suffixes].filter((x) => x && word.endsWith(x) && word.length - x.length >= 3).sort((a, b) => a.length - b.length)[0];
  if (suffix) {
    const stem = word.slice(0, word.length - suffix.length);
    // A vowel ending replaces the nominative's vowel (Ирин-у); a consonant one follows the name.
    if (names.has(stem) || (/^[aeiouyаеёиоуыэюяіїє]/iu.test(suffix) && stemEndings.some((e) => names.has(stem + e)))) return true;
  }
  return false;
}
