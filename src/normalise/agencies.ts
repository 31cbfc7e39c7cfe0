// Agencies: the news agencies an article cites or credits (Reuters, AFP, dpa …),
// from data/agencies.yml, in order of first mention.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DATA_DIR } from '../lang/data.js';
import { escapeRegExp } from '../lang/phrases.js';
import { given, type FieldNormaliser } from './draft.js';

interface Agency {
  name: string;
  /** The names as written in the data file. */
  aliases: string[];
  /** One regex per alias, without case endings (see aliasPattern). */
  patterns: RegExp[];
}

/**
 * An alias as a regex: as written, or in any case when written in lowercase ("dpa");
 * names of five letters or more may take one of `endings` ("Интерфаксу").
 */
function aliasPattern(alias: string, ending: string): RegExp {
  const anyCase = alias === alias.toLowerCase() && alias !== alias.toUpperCase();
  const tail = [...alias].length >= 5 ? ending : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}${tail}(?![\\p{L}\\p{N}])`, anyCase ? 'iu' : 'u');
}

let agencies: Agency[] | undefined;
let aliases: string[] | undefined;

/** Every agency name and alias, as written in data/agencies.yml. */
export function agencyAliases(): string[] {
  if (!aliases) {
    const raw = YAML.parse(fs.readFileSync(path.join(DATA_DIR, 'agencies.yml'), 'utf8')) as { name: string; aliases?: string[] }[];
    aliases = raw.flatMap((a) => [a.name, ...(a.aliases ?? [])]);
  }
  return aliases;
}

/** The agency list, loaded once. */
export function agencyList(): Agency[] {
  if (agencies) return agencies;
  const raw = YAML.parse(fs.readFileSync(path.join(DATA_DIR, 'agencies.yml'), 'utf8')) as { name: string; aliases?: string[] }[];
  agencies = raw.map((a) => {
    const all = [a.name, ...(a.aliases ?? [])];
    return { name: a.name, aliases: all, patterns: all.map((x) => aliasPattern(x, '')) };
  });
  return agencies;
}

const patternCache = new Map<string, RegExp[][]>();

/** The alias regexes of every agency, allowing the given case endings. */
function patterns(suffixes: string[]): RegExp[][] {
  const key = suffixes.join('|');
  const hit = patternCache.get(key);
  if (hit) return hit;
  const ending = suffixes.length ? `(?:${suffixes.map(escapeRegExp).join('|')})?` : '';
  const made = agencyList().map((a) => a.aliases.map((alias) => aliasPattern(alias, ending)));
  patternCache.set(key, made);
  return made;
}

/** Agencies named in a text, in order of first mention; `suffixes`: the language's case endings. */
export function findAgencies(text: string, suffixes: string[] = []): string[] {
  const found: { name: string; at: number }[] = [];
  const list = agencyList();
  patterns(suffixes).forEach((ps, i) => {
    const at = Math.min(...ps.map((p) => p.exec(text)?.index ?? Infinity));
    if (at !== Infinity) found.push({ name: list[i]!.name, at });
  });
  return found.sort((x, y) => x.at - y.at || x.name.localeCompare(y.name)).map((f) => f.name);
}

export const normaliseAgencies: FieldNormaliser = (draft) => {
  const fm = given(draft, 'agencies');
  if (Array.isArray(fm)) return { set: { agencies: fm.map(String) }, diagnostics: [] };
  // The signature's credits ("Minh Duc (Laut Reuters, AFP)") count; other page furniture does not.
  const credits = (draft.removed ?? []).filter((r) => r.reason === 'signature').map((r) => r.text);
  const text = [...(draft.blocks ?? []).map((b) => b.text), ...credits].join('\n');
  const suffixes = (draft.langData?.nameSuffixes ?? []).map((x) => x.replace(/^['’]/, '')).filter(Boolean);
  return { set: { agencies: findAgencies(text, suffixes) }, diagnostics: [] };
};
