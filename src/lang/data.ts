// Language knowledge lives in data/lang/<code>.yml; this module loads and checks it.
// Code elsewhere holds no words of any particular language.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { keep, KEPT_DIR, readKept } from './kept.js';

/** What the normalisers know about one language. Every list is optional in the file. */
export interface LangData {
  /** ISO 639-1 code. */
  code: string;
  /** The language's name for itself. */
  name: string;
  /** English name. */
  englishName: string;
  dir: 'ltr' | 'rtl';
  /** date-fns locale export name (`de`, `vi`, `enGB`). */
  dateFnsLocale: string;
  /** How an ambiguous numeric date like 02.01.2022 is read by default. */
  dateOrder: 'dmy' | 'mdy' | 'ymd';
  /**
   * For a language the identification library does not know: the code it reports instead
   * (Indonesian is read as Malay, "ms"), and `markers`, words of this language that the other
   * does not use ("karena", "uang"); three of them in a text make it this language.
   */
  identifiedAs: string | null;
  markers: string[];
  /** Twelve entries, each the names and abbreviations of one month (any grammatical case). */
  months: string[][];
  /** Seven entries, Monday first, each the names and abbreviations of one weekday. */
  weekdays: string[][];
  /** Words that may stand before a day number ("ngày", "le"). */
  dayPrefixes: string[];
  /** Words that may stand before a year ("năm", "im Jahr"). */
  yearPrefixes: string[];
  /** Labels of a publication stamp ("Stand", "Publié le"). */
  publishedLabels: string[];
  /** Labels of a source line ("Quelle", "Nguồn"). */
  sourceLabels: string[];
  /** Byline openers ("Von", "By"). */
  bylines: string[];
  /** Photo credit labels ("Foto", "Ảnh"). */
  photoCredits: string[];
  /** Words of address before a name ("Herr", "ông"). */
  honorifics: string[];
  /** Role words that stand before a person's name ("Verteidigungsminister", "Sprecher"). */
  roles: string[];
  /** Section labels and masthead words that are never a headline ("Nachrichten"). */
  sections: string[];
  /** Whole lines of page furniture; `/regex/` entries are patterns, others exact (case-insensitive). */
  clutterLines: string[];
  /** Headings after which the rest of the page is furniture ("Đừng bỏ lỡ", "Related Posts"). */
  clutterTail: string[];
  /** Prefixes of a single related-article line ("READ", "Lesen Sie auch:"). */
  relatedPrefixes: string[];
  /** Endings a name takes in this language's grammar (German genitive -s, Russian -ом). */
  nameSuffixes: string[];
  /** Lowercase words inside personal names ("von", "van", "de", "da"). */
  nameParticles: string[];
  /** Capitalised names of places and institutions a name detector must not take for people ("Pentagon", "Lầu Năm Góc"). */
  institutions: string[];
  /** Words that make a capitalised sequence an organisation or place ("Ministerium", "Bộ", "University"). */
  institutionWords: string[];
  /** Letters attached in front of a name in this script (Arabic و "and", ب "with"). */
  namePrefixes: string[];
  /** Articles and short prepositions; a capitalised run that starts with one is not a name ("The Wall Street Journal"). */
  determiners: string[];
  /** Words of saying; one right before or after a capitalised run marks a person ("said Jacob Rees-Mogg"). */
  speechVerbs: string[];
  /** "of" words: after a role, a run right after one names an organisation ("analysts at Goldman Sachs"). */
  ofWords: string[];
  /** "and" words that join the names of a list ("Demis Hassabis a John Jumper"). */
  andWords: string[];
  /** Endings of declined adjectives; a capitalised run ending in one names an institution ("Koalicji Obywatelskiej"). */
  adjectiveEndings: string[];
  /** Articles; a given name right after one opens the name of a place or thing ("the Tate Modern"). */
  articles: string[];
  /** Words before a name that make it a street, prize or building named after a person ("via Guglielmo Marconi"). */
  namedAfterWords: string[];
  /** Family names of a language whose names are written family name first and that has few of them (Vietnamese Nguyễn, Trần, Lê …). */
  familyNames: string[];
  /** Titles after which one given name names a person: royals and popes ("Kong Frederik", "Papa Francesco"). */
  singleNameTitles: string[];
  /** Vowels a name drops before a case ending (Czech Havlíček → Havlíčka, Polish Marek → Marka). */
  fleetingVowels: string[];
  /** Words that make the next name a father's name, not a surname ("bin Salman", "بن"). */
  patronymics: string[];
  /** Words that open a compound given name with the next word ("عبد العزيز", "أبو بكر"). */
  compoundNameHeads: string[];
  /** World regions, continents and seas ("Nahost", "Nord Africa", "Trung Đông"): places, never people. */
  regions: string[];
  /** True for languages that capitalise every noun (German): capitals alone say little about names. */
  capitalisesNouns: boolean;
  /** Definite articles written joined to the word (Arabic ال, and لل for ل + ال), marking nouns in a script without capitals. */
  definitePrefixes: string[];
  /** A person named again by one word always takes an honorific ("ông Giang"), so a bare repeat is no evidence. */
  shortNameTakesHonorific: boolean;
  /** Particles in names follow the given name only ("Ursula von der Leyen", "Sander van der Meulen"); after a surname
   * they begin an organisation or a portfolio ("directeur Donald Pols van Milieudefensie"). */
  particlesAfterGivenName: boolean;
  /** Nouns are compounds with the institution word last ("Rijksuniversiteit", "Sicherheitsrat"). */
  compoundNouns: boolean;
  /** Diacritics tell words apart (Vietnamese Trương, a name, and trưởng, "chief"): role and institution words are matched with them. */
  lexicalDiacritics: boolean;
  /** Names are written family name first (Vietnamese "Nguyễn Văn An"), so a given name does not open them. */
  familyNameFirst: boolean;
  /**
   * The language's own spelling of foreign names, as ordered [pattern, replacement] rules on
   * the lowercased word (Polish sz → sh, cz → ch; German ch → kh); names match under either
   * these or the universal transliteration.
   */
  transliteration: [string, string][];
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The data folder shipped with the tool. */
export const DATA_DIR = path.resolve(here, '..', '..', 'data');

const LIST_FIELDS = [
  'dayPrefixes', 'yearPrefixes', 'publishedLabels', 'sourceLabels', 'bylines', 'photoCredits',
  'honorifics', 'roles', 'sections', 'clutterLines', 'clutterTail', 'relatedPrefixes', 'nameSuffixes',
  'nameParticles', 'institutions', 'institutionWords', 'namePrefixes', 'determiners', 'speechVerbs', 'ofWords', 'andWords', 'adjectiveEndings', 'articles', 'namedAfterWords', 'regions', 'patronymics', 'compoundNameHeads', 'fleetingVowels', 'singleNameTitles', 'markers', 'familyNames',
] as const;

function asStringList(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
  return value.map((v) => String(v));
}

/**
 * Language files already read, by a hash of their bytes (YAML takes about half a second for
 * the 21 files; their JSON, a few milliseconds): node_modules/.cache/newsarchive/lang/. An
 * entry is named by its file's bytes, so it cannot be stale; one that cannot be read is
 * ignored and written again.
 */
const PARSED_DIR = path.join(KEPT_DIR, 'lang');

/** Reads and checks one language file; throws with the file name on a malformed file. */
export function parseLangData(text: string, file: string): LangData {
  const key = crypto.createHash('sha256').update(parserVersion()).update('\0').update(text).digest('hex');
  const cached = path.join(PARSED_DIR, `${key}.json`);
  const kept = readKept<LangData>(cached);
  if (kept) return kept;
  const data = parseLangYaml(text, file);
  keep(cached, data);
  return data;
}

let parser: string | undefined;
/** This module's own code: a change to how files are read makes entries read before unused. */
function parserVersion(): string {
  return (parser ??= crypto.createHash('sha256').update(fs.readFileSync(fileURLToPath(import.meta.url))).digest('hex'));
}

function parseLangYaml(text: string, file: string): LangData {
  const raw = YAML.parse(text) as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object') throw new Error(`${file}: not a YAML mapping`);
  const code = String(raw.code ?? '');
  if (!/^[a-z]{2}$/.test(code)) throw new Error(`${file}: code must be an ISO 639-1 code`);
  const nested = (key: string, count: number): string[][] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.length !== count) throw new Error(`${file}: ${key} must list ${count} entries`);
    return v.map((e, i) => asStringList(Array.isArray(e) ? e : [e], `${file}: ${key}[${i}]`));
  };
  const data = {
    code,
    name: String(raw.name ?? code),
    englishName: String(raw.englishName ?? raw.name ?? code),
    dir: raw.dir === 'rtl' ? 'rtl' : 'ltr',
    dateFnsLocale: String(raw.dateFnsLocale ?? code),
    dateOrder: raw.dateOrder === 'mdy' || raw.dateOrder === 'ymd' ? raw.dateOrder : 'dmy',
    identifiedAs: typeof raw.identifiedAs === 'string' && /^[a-z]{2}$/.test(raw.identifiedAs) ? raw.identifiedAs : null,
    months: nested('months', 12),
    weekdays: nested('weekdays', 7),
    capitalisesNouns: raw.capitalisesNouns === true,
    definitePrefixes: asStringList(raw.definitePrefixes, `${file}: definitePrefixes`),
    shortNameTakesHonorific: raw.shortNameTakesHonorific === true,
    familyNameFirst: raw.familyNameFirst === true,
    lexicalDiacritics: raw.lexicalDiacritics === true,
    particlesAfterGivenName: raw.particlesAfterGivenName === true,
    compoundNouns: raw.compoundNouns === true || raw.capitalisesNouns === true,
  } as LangData;
  for (const key of LIST_FIELDS) data[key] = asStringList(raw[key], `${file}: ${key}`);
  const rules = raw.transliteration ?? [];
  if (!Array.isArray(rules)) throw new Error(`${file}: transliteration must be a list of [pattern, replacement] pairs`);
  data.transliteration = rules.map((r, i) => {
    if (!Array.isArray(r) || r.length !== 2) throw new Error(`${file}: transliteration[${i}] must be a [pattern, replacement] pair`);
    try {
      new RegExp(String(r[0]), 'gu');
    } catch (err) {
      throw new Error(`${file}: transliteration[${i}]: ${(err as Error).message}`, { cause: err });
    }
    return [String(r[0]), String(r[1])];
  });
  return data;
}

let cache: Map<string, LangData> | undefined;

/** All language files, by code. Loaded once per process. */
export function allLanguages(dir: string = DATA_DIR): Map<string, LangData> {
  if (cache && dir === DATA_DIR) return cache;
  const map = new Map<string, LangData>();
  const langDir = path.join(dir, 'lang');
  for (const name of fs.readdirSync(langDir).filter((n) => n.endsWith('.yml')).sort()) {
    const file = path.join(langDir, name);
    const data = parseLangData(fs.readFileSync(file, 'utf8'), file);
    // One file per language, named by its code: langData() reads a single language by that name.
    if (name !== `${data.code}.yml`) throw new Error(`${file}: a language file must be named for its code: ${data.code}.yml`);
    map.set(data.code, data);
  }
  if (dir === DATA_DIR) cache = map;
  return map;
}

const single = new Map<string, LangData | null>();

/** The data for one language; a bare record for languages without a file. Reads only that language's file. */
export function langData(code: string): LangData {
  let found = cache?.get(code);
  if (!found && !cache) {
    if (!single.has(code)) {
      const file = path.join(DATA_DIR, 'lang', `${code}.yml`);
      const data = /^[a-z]{2}$/.test(code) && fs.existsSync(file) ? parseLangData(fs.readFileSync(file, 'utf8'), file) : null;
      single.set(code, data);
    }
    found = single.get(code) ?? undefined;
  }
  if (found) return found;
  return parseLangData(`code: ${/^[a-z]{2}$/.test(code) ? code : 'en'}`, '(none)');
}

/** Right-to-left languages, by ISO 639-1 code, for languages that have no data file. */
export const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ku']);
