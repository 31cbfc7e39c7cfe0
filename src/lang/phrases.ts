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
  return (line) => {
    const t = line.trim();
    return exact.has(t.toLocaleLowerCase().replace(/[:.]$/, '')) || exact.has(t.toLocaleLowerCase()) || patterns.some((p) => p.test(t));
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
  const relatedRe = new RegExp(`^(?:${alternation(related)})(?:\\s+|$)`, 'u');
  compiled = {
    isClutterLine: lineMatcher(union((d) => d.clutterLines)),
    isTailHeading: lineMatcher(union((d) => d.clutterTail)),
    isSectionLabel: lineMatcher(union((d) => d.sections)),
    relatedPrefix: (line) => relatedRe.test(line.trim()),
    sourceLabels: alternation(union((d) => d.sourceLabels)),
    photoCredits: alternation(union((d) => d.photoCredits)),
  };
  return compiled;
}
