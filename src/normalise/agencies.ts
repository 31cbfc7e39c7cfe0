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
  /** One regex per alias: all-capital short names only in capitals, others case-insensitive. */
  patterns: RegExp[];
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
  agencies = raw.map((a) => ({
    name: a.name,
    patterns: [a.name, ...(a.aliases ?? [])].map((alias) => {
      const strict = alias.length <= 4 && alias === alias.toUpperCase();
      return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}])`, strict ? 'u' : 'iu');
    }),
  }));
  return agencies;
}

/** Agencies named in a text, in order of first mention. */
export function findAgencies(text: string): string[] {
  const found: { name: string; at: number }[] = [];
  for (const a of agencyList()) {
    const at = Math.min(...a.patterns.map((p) => p.exec(text)?.index ?? Infinity));
    if (at !== Infinity) found.push({ name: a.name, at });
  }
  return found.sort((x, y) => x.at - y.at || x.name.localeCompare(y.name)).map((f) => f.name);
}

export const normaliseAgencies: FieldNormaliser = (draft) => {
  const fm = given(draft, 'agencies');
  if (Array.isArray(fm)) return { set: { agencies: fm.map(String) }, diagnostics: [] };
  // The signature's credits ("Minh Duc (Laut Reuters, AFP)") count; other page furniture does not.
  const credits = (draft.removed ?? []).filter((r) => r.reason === 'signature').map((r) => r.text);
  const text = [...(draft.blocks ?? []).map((b) => b.text), ...credits].join('\n');
  return { set: { agencies: findAgencies(text) }, diagnostics: [] };
};
