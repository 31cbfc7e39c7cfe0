// Cue words: a role ("Verteidigungsminister", "phát ngôn viên", "министр обороны") or an
// honorific ("Herr", "ông", "M.") just before a name is strong evidence, in every language,
// that what follows is a person.
import type { LangData } from '../lang/data.js';
import { tokenize } from '../text/fold.js';
import { wordFold } from './keys.js';
import type { TokenView } from './registry.js';

/** A cue ending at a token. */
export interface Cue {
  kind: 'role' | 'honorific';
  /** Index of the cue's first token. */
  start: number;
  /** Index of its last token. */
  end: number;
  /** The cue as written. */
  text: string;
  /** The cue ends with a full stop that belongs to it ("M.", "Dr."). */
  dotted: boolean;
}

/** Prepared cue lists of one language. */
interface CueLists {
  roles: string[][];
  honorifics: { words: string[]; dotted: boolean }[];
  /** Role words long enough to be recognised at the end of a compound ("Kremlsprecher", "expresidente"). */
  compoundRoles: string[];
  /** Institutions, folded, as token lists: a cue that begins one is part of its name ("Đại sứ quán", embassy). */
  institutions: string[][];
  /** Roles and honorifics by their last word, longest first, so each token is checked against a few. */
  rolesByLast: Map<string, string[][]>;
  honorificsByLast: Map<string, { words: string[]; dotted: boolean }[]>;
  /** compoundRoles by their last COMPOUND_KEY letters. */
  compoundRolesByEnd: Map<string, string[]>;
}

const listCache = new WeakMap<LangData, CueLists>();

/** Compound roles (six letters or more) are looked up by their last letters. */
const COMPOUND_KEY = 4;

function cueLists(lang: LangData): CueLists {
  const hit = listCache.get(lang);
  if (hit) return hit;
  const f = wordFold(lang);
  const words = (s: string) => tokenize(s).map((t) => f(t.word));
  const roles = lang.roles.map(words).filter((w) => w.length).sort((a, b) => b.length - a.length);
  const honorifics = lang.honorifics.map((h) => ({ words: words(h), dotted: h.trim().endsWith('.') })).filter((h) => h.words.length);
  const compoundRoles = roles.filter((r) => r.length === 1 && r[0]!.length >= 6).map((r) => r[0]!);
  const institutions = lang.institutions.map(words).filter((w) => w.length > 1);
  const rolesByLast = new Map<string, string[][]>();
  for (const r of roles) rolesByLast.set(r[r.length - 1]!, [...(rolesByLast.get(r[r.length - 1]!) ?? []), r]);
  const honorificsByLast = new Map<string, { words: string[]; dotted: boolean }[]>();
  for (const h of honorifics) honorificsByLast.set(h.words[h.words.length - 1]!, [...(honorificsByLast.get(h.words[h.words.length - 1]!) ?? []), h]);
  const compoundRolesByEnd = new Map<string, string[]>();
  for (const r of compoundRoles) compoundRolesByEnd.set(r.slice(-COMPOUND_KEY), [...(compoundRolesByEnd.get(r.slice(-COMPOUND_KEY)) ?? []), r]);
  const lists = { roles, honorifics, compoundRoles, compoundRolesByEnd, institutions, rolesByLast, honorificsByLast };
  listCache.set(lang, lists);
  return lists;
}

/**
 * Do the tokens ending at `end` spell `words`? The first may carry a joined prefix of the
 * language (Arabic "والمبعوث" is و + "المبعوث").
 */
function endsWith(view: TokenView, words: string[], end: number, prefixed: (string | null)[]): boolean {
  if (words.length > end + 1) return false;
  const start = end - words.length + 1;
  return words.every((w, j) => view.lexical[start + j] === w || (j === 0 && prefixed[start] === w));
}

/**
 * Every cue in the text, by the index of its last token. A token that ends with a long
 * role word is a role too (German and Dutch compounds: "Kremlsprecher", "US-Außenminister").
 */
export function findCues(view: TokenView, lang: LangData): Map<number, Cue> {
  const { compoundRolesByEnd, institutions, rolesByLast, honorificsByLast } = cueLists(lang);
  const cues = new Map<number, Cue>();
  const prefixes = lang.namePrefixes;
  const prefixed = view.tokens.map((t) => {
    const p = prefixes.find((x) => t.word.startsWith(x) && t.word.length - x.length >= 3);
    return p ? wordFold(lang)(t.word.slice(p.length)) : null;
  });
  for (let end = 0; end < view.tokens.length; end++) {
    const make = (kind: Cue['kind'], length: number, dotted: boolean): Cue => {
      const start = end - length + 1;
      return { kind, start, end, text: view.text.slice(view.tokens[start]!.start, view.tokens[end]!.end), dotted };
    };
    const last = [view.lexical[end]!, ...(prefixed[end] ? [prefixed[end]!] : [])];
    const honorific = last.flatMap((w) => honorificsByLast.get(w) ?? []).find((h) => endsWith(view, h.words, end, prefixed));
    if (honorific) {
      cues.set(end, make('honorific', honorific.words.length, honorific.dotted));
      continue;
    }
    const role = last.flatMap((w) => rolesByLast.get(w) ?? []).sort((a, b) => b.length - a.length).find((r) => endsWith(view, r, end, prefixed));
    if (role) {
      const start = end - role.length + 1;
      const inside = institutions.some((inst) => inst.length > role.length && inst.every((w, j) => view.lexical[start + j] === w));
      if (!inside) cues.set(end, make('role', role.length, false));
      continue;
    }
    const f = view.lexical[end]!;
    if (compoundRolesByEnd.get(f.slice(-COMPOUND_KEY))?.some((r) => f.length >= r.length + 2 && f.endsWith(r))) cues.set(end, make('role', 1, false));
  }
  return cues;
}

/** True when the text between two token positions holds no sentence or clause break. */
export function sameClause(view: TokenView, a: number, b: number, allowDot: boolean): boolean {
  const between = view.text.slice(view.tokens[a]!.end, view.tokens[b]!.start);
  let rest = allowDot && between.startsWith('.') ? between.slice(1) : between;
  // A quoted name of a party or a work between role and name is part of the role phrase:
  // "депутат від «Європейської солідарності» Олексій Гончаренко".
  rest = rest.replace(/«[^«».!?\n]*»|“[^“”.!?\n]*”|„[^„“”.!?\n]*[“”]|"[^".!?\n]*"/gu, ' ');
  // So is an organisation's acronym in brackets: "consejera presidenta del Instituto Nacional Electoral (INE), Guadalupe Taddei".
  rest = rest.replace(/\(\p{Lu}[\p{Lu}\p{N}&.-]{1,11}\)/gu, ' ');
  return !/[.!?;:\n()"«»“”„]/.test(rest);
}
