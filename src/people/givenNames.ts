// Given names, from the locale data of @faker-js/faker (first names of 69 locales, some
// 22,000 names in Latin, Cyrillic, Arabic, Greek and other scripts, kept by its
// maintainers). A capitalised pair that starts with a given name ("… accanto a Tilda
// Swinton e Julianne Moore") is a person even with no role word near it.
import * as faker from '@faker-js/faker';

let names: Set<string> | undefined;

/** Every given name of every faker locale, as written. Loaded once (about 30 ms). */
export function givenNames(): Set<string> {
  if (names) return names;
  names = new Set<string>();
  const all = faker as unknown as Record<string, { person?: { first_name?: string[] | Record<string, string[]> } } | undefined>;
  for (const key of Object.keys(all).filter((k) => /^[a-z]{2}(?:_[A-Z]{2})?$/.test(k)).sort()) {
    const first = all[key]?.person?.first_name;
    if (!first) continue;
    for (const name of Array.isArray(first) ? first : Object.values(first).flat()) if (name.length >= 2) names.add(name);
  }
  return names;
}
