// Keyword rules shared by topics and dated events. A keyword is a phrase in any language;
// a trailing * lets its last word continue ("Ukrain*" matches Ukraine, Ukrainer); parts
// joined by " + " must all occur in one paragraph, alternatives within a part are joined
// by "|" ("Russ* + USA|Washington"). Matching is on folded text (see fold).
import { escapeRegExp } from '../lang/phrases.js';
import { fold } from './fold.js';

/** One keyword word → regex on folded text. */
function wordPattern(k: string): RegExp {
  const open = k.endsWith('*');
  const f = escapeRegExp(fold(open ? k.slice(0, -1) : k).trim()).replace(/\s+/g, '[\\s-]+');
  return new RegExp(`(?<![a-z0-9])${f}${open ? '[a-z0-9]*' : '(?![a-z0-9])'}`);
}

/** A matcher for a keyword list: true when a folded paragraph satisfies any keyword. */
export function keywordMatcher(keywords: string[]): (folded: string) => boolean {
  // Keywords that fold to the same text (NATO, НАТО) are one rule.
  const unique = [...new Map(keywords.map((k) => [fold(k), k])).values()];
  const rules = unique.map((k) => k.split(/\s+\+\s+/).map((part) => part.split('|').map((alt) => wordPattern(alt.trim()))));
  return (folded) => rules.some((rule) => rule.every((part) => part.some((re) => re.test(folded))));
}
