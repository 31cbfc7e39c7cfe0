// Compiled matchers over the language data: whole-line clutter, tail headings, labels.
// Page furniture is often in another language than the article (an English "Read also"
// under an Italian text), so line matchers combine every language's phrases.
import { allLanguages, type LangData } from './data.js';

/** Escapes a phrase for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase list entry: `/regex/` is a pattern, anything else an exact, case-insensitive line. */
function lineMatcher(entries: string[]): (line: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const e of entries) {
    const m = /^\/(.*)\/$/.exec(e);
    if (m) patterns.push(new RegExp(m[1]!, 'iu'));
    else exact.add(e.trim().toLocaleLowerCase());
  }
  // One alternation instead of hundreds of tests per line (the patterns use no numbered or
  // named groups, so joining them changes nothing; a pattern that does is kept apart).
  const alone = patterns.filter((p) => /\\[1-9]|\\k<|\(\?<(?![=!])/.test(p.source));
  const joinable = patterns.filter((p) => !alone.includes(p));
  const all = joinable.length ? new RegExp(joinable.map((p) => `(?:${p.source})`).join('|'), 'iu') : null;
  return (line) => {
    const t = line.trim();
    const lower = t.toLocaleLowerCase();
    return exact.has(lower.replace(/[:.]$/, '')) || exact.has(lower) || (all !== null && all.test(t)) || alone.some((p) => p.test(t));
  };
}

/** Matchers built from every language file, once per process. */
export interface PhraseMatchers {
  isClutterLine: (line: string) => boolean;
  isTailHeading: (line: string) => boolean;
  isSectionLabel: (line: string) => boolean;
  /** The rest of the line after a related-article prefix, or null. */
  relatedPrefix: (line: string) => boolean;
  /** Source-line labels of all languages, as a regex alternation. */
  sourceLabels: string;
  /** Photo-credit labels of all languages. */
  photoCredits: string;
  /** Does a line open with a byline word and a capitalised name ("By Jane", "Por Laura")? */
  isBylineStart: (line: string) => boolean;
  /** Publication-stamp labels of all languages, as a regex alternation. */
  publishedLabels: string;
  /** The share of a line's words that are section labels or furniture ("News", "Sign in"), and the other words. */
  furnitureCover: (line: string) => { share: number; uncovered: string[] };
}

/**
 * Separators of a breadcrumb trail or a one-line menu: "Home › World", "Kinh tế > Tài chính",
 * "Главная / Мир", "NEWS · SCIENCE", "Home | Sport | Login".
 */
// "»" closes a quotation too («Луна-25» разбилась …): as a separator it needs spaces on both sides.
const CRUMB_SEPARATOR = /\s*[›>]\s*|\s+[»/|·•]\s+/u;

/**
 * Is a line a breadcrumb trail or a one-line menu: two to ten short items (at most four
 * words each) joined by ›, », >, or a spaced /, |, · or •, with no sentence punctuation
 * inside the items.
 */
export function isBreadcrumb(line: string): boolean {
  const items = line.trim().split(CRUMB_SEPARATOR);
  if (items.length < 2 || items.length > 10) return false;
  return items.every((item) => {
    const words = item.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    return words.length >= 1 && words.length <= 4 && item.length <= 40 && !/[.!?;]$/.test(item) && /^[^\p{N}]*\p{L}/u.test(item);
  });
}

let compiled: PhraseMatchers | undefined;

function union(pick: (d: LangData) => string[]): string[] {
  const out = new Set<string>();
  for (const d of allLanguages().values()) for (const p of pick(d)) out.add(p);
  return [...out];
}

/** Builds (once) the combined matchers. */
export function phrases(): PhraseMatchers {
  if (compiled) return compiled;
  const alternation = (list: string[]) => list.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const related = union((d) => d.relatedPrefixes);
  const bylineRe = new RegExp(`^(?:${alternation(union((d) => d.bylines))})(?:\\s*[:/]\\s*|\\s+)[\\p{Lu}\\p{Lo}]`, 'u');
  const relatedRe = new RegExp(`^(?:${alternation(related)})(?:\\s+|$)`, 'u');
  compiled = {
    isClutterLine: lineMatcher(union((d) => d.clutterLines)),
    isTailHeading: lineMatcher(union((d) => d.clutterTail)),
    isSectionLabel: lineMatcher(union((d) => d.sections)),
    relatedPrefix: (line) => relatedRe.test(line.trim()),
    sourceLabels: alternation(union((d) => d.sourceLabels)),
    photoCredits: alternation(union((d) => d.photoCredits)),
    publishedLabels: alternation(union((d) => d.publishedLabels)),
    furnitureCover: () => ({ share: 0, uncovered: [] }),
    isBylineStart: (line) => bylineRe.test(line.trim()),
  };
  const isFurniture = (s: string) => compiled!.isSectionLabel(s) || compiled!.isClutterLine(s);
  compiled.furnitureCover = (line) => {
    // Greedy cover of the words by known labels of up to three words ("Thế giới", "Sign in").
    const words = line.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    const uncovered: string[] = [];
    let covered = 0;
    for (let i = 0; i < words.length;) {
      const span = [3, 2, 1].find((n) => i + n <= words.length && isFurniture(words.slice(i, i + n).join(' ')));
      if (span) { covered += span; i += span; } else uncovered.push(words[i++]!);
    }
    return { share: words.length ? covered / words.length : 0, uncovered };
  };
  return compiled;
}
