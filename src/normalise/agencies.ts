// Agencies: the news agencies an article cites or credits (Reuters, AFP, dpa …),
// from data/agencies.yml, in order of first mention.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { allLanguages, DATA_DIR } from '../lang/data.js';
import { escapeRegExp, phrases } from '../lang/phrases.js';
import { given, type FieldNormaliser } from './draft.js';

interface Agency {
  name: string;
  /** The names as written in the data file. */
  aliases: string[];
}

let agencies: Agency[] | undefined;

/** The agency list of data/agencies.yml, loaded once. */
export function agencyList(): Agency[] {
  if (agencies) return agencies;
  const raw = YAML.parse(fs.readFileSync(path.join(DATA_DIR, 'agencies.yml'), 'utf8')) as { name: string; aliases?: string[] }[];
  agencies = raw.map((a) => ({ name: a.name, aliases: [a.name, ...(a.aliases ?? [])] }));
  return agencies;
}

/** Every agency name and alias, as written in data/agencies.yml. */
export function agencyAliases(): string[] {
  return agencyList().flatMap((a) => a.aliases);
}

/** All aliases in two alternations (as written; any case), with the agency each alias names. */
interface Combined {
  exact: RegExp | null;
  anyCase: RegExp | null;
  byAlias: Map<string, string>;
}

const combinedCache = new Map<string, Combined>();

/** The combined matchers for a language's case endings: one pass over the text finds every agency. */
function combined(suffixes: string[]): Combined {
  const key = suffixes.join('|');
  const hit = combinedCache.get(key);
  if (hit) return hit;
  const ending = suffixes.length ? `(?:${suffixes.map(escapeRegExp).join('|')})?` : '';
  const byAlias = new Map<string, string>();
  const exact: string[] = [];
  const anyCase: string[] = [];
  for (const a of agencyList()) {
    for (const alias of a.aliases) {
      const lower = alias === alias.toLowerCase() && alias !== alias.toUpperCase();
      const tail = [...alias].length >= 5 ? ending : '';
      (lower ? anyCase : exact).push(`${escapeRegExp(alias)}${tail}`);
      byAlias.set(lower ? alias.toLowerCase() : alias, a.name);
    }
  }
  const build = (parts: string[], flags: string) => (parts.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.sort((x, y) => y.length - x.length).join('|')})(?![\\p{L}\\p{N}])`, flags)
    : null);
  const made = { exact: build(exact, 'gu'), anyCase: build(anyCase, 'giu'), byAlias };
  combinedCache.set(key, made);
  return made;
}

/** The agency a matched alias (possibly with a case ending) names. */
function agencyOf(c: Combined, matched: string, anyCase: boolean): string | undefined {
  const m = anyCase ? matched.toLowerCase() : matched;
  for (let cut = 0; cut <= 4 && cut < m.length; cut++) {
    const name = c.byAlias.get(m.slice(0, m.length - cut));
    if (name) return name;
  }
  return undefined;
}

/** Agencies named in a text, in order of first mention; `suffixes`: the language's case endings. */
export function findAgencies(text: string, suffixes: string[] = []): string[] {
  const c = combined(suffixes);
  const first = new Map<string, number>();
  for (const [re, anyCase] of [[c.exact, false], [c.anyCase, true]] as const) {
    if (!re) continue;
    for (const m of text.matchAll(re)) {
      // A name-shaped alias before another capitalised word is part of a name: "Petra Fialy" is no Petra agency.
      if (/^\p{Lu}\p{Ll}+$/u.test(m[0]) && /^ \p{Lu}\p{Ll}/u.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 3))) continue;
      const name = agencyOf(c, m[0], anyCase);
      if (name && !first.has(name)) first.set(name, m.index ?? 0);
      else if (name) first.set(name, Math.min(first.get(name)!, m.index ?? 0));
    }
  }
  return [...first.entries()].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).map(([name]) => name);
}

export const normaliseAgencies: FieldNormaliser = (draft) => {
  const fm = given(draft, 'agencies');
  // A list, or names separated by commas (the type is checked in src/load/fields.ts).
  if (fm !== undefined) return { set: { agencies: (Array.isArray(fm) ? fm.map(String) : String(fm).split(/\s*,\s*/)).map((a) => a.trim()).filter(Boolean) }, diagnostics: [] };
  // The signature's credits ("Minh Duc (Laut Reuters, AFP)") count; other page furniture does not.
  // So do a source line that names agencies ("Источник: ТАСС, РИА Новости") and a credit line
  // of agency names alone ("(رويترز، أ ف ب)", "(DHA)").
  const credits = (draft.removed ?? []).filter((r) => r.reason === 'signature' || r.reason === 'source-line' || isCreditLine(r.text)).map((r) => r.text);
  const blocks = (draft.blocks ?? []).map((b) => b.text);
  const text = [...blocks, ...credits, ...blocks.flatMap(photoCreditAgencies)].join('\n');
  const suffixes = (draft.langData?.nameSuffixes ?? []).map((x) => x.replace(/^['’]/, '')).filter(Boolean);
  return { set: { agencies: findAgencies(text, suffixes) }, diagnostics: [] };
};

let listSeparator: RegExp | undefined;
/** Commas, slashes, and the "and" words of every language (data: `andWords`). */
function creditSeparator(): RegExp {
  listSeparator ??= new RegExp(`[,،/;]|\\s+(?:${[...new Set([...allLanguages().values()].flatMap((d) => d.andWords))].map(escapeRegExp).join('|')})\\s+`, 'u');
  return listSeparator;
}

let creditRe: RegExp | undefined;
let byUpperAlias: Map<string, string> | undefined;
/**
 * Agency names in a photo credit written in any case ("Foto: Ansa/Ettore Ferrari" → ANSA):
 * a credit spells an agency as it likes, and there a capitalised "Ansa" is no common word.
 */
function photoCreditAgencies(text: string): string[] {
  creditRe ??= new RegExp(`(?:^|[\\s(])(?:©\\s*)?(?:${phrases().photoCredits})\\s*:?\\s*([^.!?()]{2,80})\\)?[\\s*_]*$`, 'u');
  const m = creditRe.exec(text);
  if (!m) return [];
  byUpperAlias ??= new Map(agencyList().flatMap((a) => a.aliases.map((x) => [x.toUpperCase(), a.name] as const)));
  return m[1]!.split(creditSeparator()).map((x) => byUpperAlias!.get(x.trim().toUpperCase())).filter((x): x is string => !!x);
}

/** A short line of nothing but agency names, in brackets or not: "(Reuters, AFP)", "(DHA)". */
function isCreditLine(line: string): boolean {
  const t = line.trim().replace(/^[(\[]|[)\]]$/g, '');
  if (!t || t.length > 60) return false;
  const parts = t.split(creditSeparator()).map((p) => p.trim()).filter(Boolean);
  return parts.length > 0 && parts.every((p) => findAgencies(p).length === 1);
}
