// Interface strings: one file per language in data/i18n/, English as the fallback.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DATA_DIR } from '../lang/data.js';

/** A string, or plural forms keyed by CLDR category (one, few, many, other). */
export type Message = string | Record<string, string>;
export type Strings = Record<string, Message>;

const cache = new Map<string, Strings>();

function read(lang: string): Strings | null {
  const file = path.join(DATA_DIR, 'i18n', `${lang}.yml`);
  if (!fs.existsSync(file)) return null;
  return (YAML.parse(fs.readFileSync(file, 'utf8')) ?? {}) as Strings;
}

/** Interface strings for a language, each missing key filled from English. */
export function interfaceStrings(lang: string): Strings {
  const hit = cache.get(lang);
  if (hit) return hit;
  const strings = { ...(read('en') ?? {}), ...(read(lang) ?? {}) };
  cache.set(lang, strings);
  return strings;
}

/** True when a translation file exists for the language. */
export function hasInterfaceLanguage(lang: string): boolean {
  return fs.existsSync(path.join(DATA_DIR, 'i18n', `${lang}.yml`));
}

/** Replaces `{name}` placeholders. */
export function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** Looks a key up; the key itself when missing (visible, never blank). */
export function translate(strings: Strings, key: string, values: Record<string, unknown> = {}): string {
  const m = strings[key];
  if (typeof m === 'string') return fill(m, values);
  if (m && typeof m === 'object') return fill(m.other ?? Object.values(m)[0] ?? key, values);
  return key;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** A count with its plural form: plural(strings, 'en', 3, 'articles') → "3 articles". */
export function plural(strings: Strings, lang: string, n: number, key: string): string {
  const m = strings[key];
  if (m && typeof m === 'object') {
    let rules = pluralRules.get(lang);
    if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
    const category = rules.select(n);
    return fill(m[category] ?? m.other ?? '{n}', { n });
  }
  return fill(typeof m === 'string' ? m : `{n} ${key}`, { n });
}
