// Date mentions in text, read with a language's month and weekday names.
// Pure functions over a LangData; no words of any language live here.
import type { LangData } from '../lang/data.js';
import { escapeRegExp } from '../lang/phrases.js';

/** One date written in a text. Fields are null where the text does not say. */
export interface DateMention {
  year: number | null;
  /** 1–12, or null for a bare year. */
  month: number | null;
  day: number | null;
  /** The text as written. */
  text: string;
  /** Offset in the searched text. */
  index: number;
  /** Set when day/month order was decided by a weekday next to it. */
  weekdayResolved?: boolean;
  /** Set when both orders were possible and the language's convention decided. */
  orderAssumed?: boolean;
  /** The weekday written beside it (0 = Monday), if any. */
  weekday?: number;
  /** How the mention was read: `numeric`, `named`, `iso`, `year`. */
  kind: 'iso' | 'numeric' | 'named' | 'month-year' | 'year' | 'day-month';
}

const lower = (s: string) => s.toLocaleLowerCase();

interface Compiled {
  monthIndex: Map<string, number>;
  weekdayIndex: Map<string, number>;
  patterns: { re: RegExp; read: (m: RegExpExecArray) => Omit<DateMention, 'text' | 'index'> | null }[];
  weekdayRe: RegExp | null;
}

const compiledCache = new WeakMap<LangData, Compiled>();

/** True when y-m-d is a real calendar date. */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Weekday of a date, 0 = Monday. */
export function weekdayOf(y: number, m: number, d: number): number {
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function alternation(list: string[]): string {
  return [...new Set(list)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

function compile(lang: LangData): Compiled {
  const cached = compiledCache.get(lang);
  if (cached) return cached;
  const monthIndex = new Map<string, number>();
  lang.months.forEach((forms, i) => forms.forEach((f) => monthIndex.set(lower(f), i + 1)));
  const weekdayIndex = new Map<string, number>();
  lang.weekdays.forEach((forms, i) => forms.forEach((f) => weekdayIndex.set(lower(f), i)));
  const B = '(?<![\\p{L}\\p{N}])'; // word start
  const E = '(?![\\p{L}\\p{N}])'; // word end
  const Y = '((?:1[89]|20)\\d\\d)';
  const D = '(\\d{1,2})';
  const month = alternation(lang.months.flat());
  const yearPrefix = lang.yearPrefixes.length ? `(?:(?:${alternation(lang.yearPrefixes)})\\s+)?` : '';
  const dayPrefix = alternation(lang.dayPrefixes);
  const weekday = alternation(lang.weekdays.flat());
  const patterns: Compiled['patterns'] = [];
  const num = (s: string | undefined) => (s === undefined ? null : Number(s));
  patterns.push({ re: new RegExp(`${B}${Y}-(\\d{2})-(\\d{2})${E}`, 'gu'), read: (m) => ({ year: num(m[1]), month: num(m[2]), day: num(m[3]), kind: 'iso' }) });
  patterns.push({
    re: new RegExp(`${B}${D}([./-])(\\d{1,2})\\2${Y}${E}`, 'gu'),
    read: (m) => ({ year: num(m[4]), month: num(m[3]), day: num(m[1]), kind: 'numeric' }),
  });
  // Day and month with a space after each dot, the Czech and Slovak way: "12. 6. 2024".
  patterns.push({
    re: new RegExp(`${B}${D}\\.\\s(\\d{1,2})\\.\\s?${Y}${E}`, 'gu'),
    read: (m) => ({ year: num(m[3]), month: num(m[2]), day: num(m[1]), kind: 'numeric' }),
  });
  // Day, month and a two-digit year with dots, the short stamp style: "17.10.23".
  patterns.push({
    re: new RegExp(`${B}(\\d{2})\\.(\\d{2})\\.(\\d{2})(?![\\p{L}\\p{N}]|\\.\\d)`, 'gu'),
    read: (m) => ({ year: 2000 + Number(m[3]), month: num(m[2]), day: num(m[1]), kind: 'numeric' }),
  });
  if (month) {
    const M = `(${month})`;
    patterns.push({
      // "25. Juni", "1er juin", "1º de junio", "18 فبراير، 2025"
      re: new RegExp(`${B}${D}(?:\\.|er|º|°)?\\s+(?:de\\s+)?${M}${E}(?:[,،]?\\s+(?:de\\s+)?${yearPrefix}${Y}${E})?`, 'giu'),
      read: (m) => ({ year: num(m[3]), month: monthIndex.get(lower(m[2]!)) ?? null, day: num(m[1]), kind: m[3] ? 'named' : 'day-month' }),
    });
    patterns.push({
      re: new RegExp(`${B}${M}\\.?\\s+${D}(?:st|nd|rd|th)?${E}(?:[,،]?\\s+${Y}${E})?`, 'giu'),
      read: (m) => ({ year: num(m[3]), month: monthIndex.get(lower(m[1]!)) ?? null, day: num(m[2]), kind: m[3] ? 'named' : 'day-month' }),
    });
    patterns.push({
      re: new RegExp(`${B}${M}(?:\\s+|\\s*/\\s*)${yearPrefix}${Y}${E}`, 'giu'),
      read: (m) => ({ year: num(m[2]), month: monthIndex.get(lower(m[1]!)) ?? null, day: null, kind: 'month-year' }),
    });
  }
  if (dayPrefix || weekday) {
    const lead = [dayPrefix, weekday].filter(Boolean).join('|');
    patterns.push({
      re: new RegExp(`${B}(?:${lead}),?\\s+${D}/(\\d{1,2})(?![/\\d])`, 'giu'),
      read: (m) => ({ year: null, month: num(m[2]), day: num(m[1]), kind: 'day-month' }),
    });
  }
  if (lang.yearPrefixes.length) {
    patterns.push({ re: new RegExp(`${B}(?:${alternation(lang.yearPrefixes)})\\s+${Y}${E}`, 'giu'), read: (m) => ({ year: num(m[1]), month: null, day: null, kind: 'year' }) });
  }
  const result: Compiled = { monthIndex, weekdayIndex, patterns, weekdayRe: weekday ? new RegExp(`${B}(${weekday})${E}`, 'giu') : null };
  compiledCache.set(lang, result);
  return result;
}

/** The weekday named in the few characters before a date ("Dienstag (", "Thứ Sáu, "). */
function weekdayBefore(c: Compiled, text: string, index: number): number | undefined {
  if (!c.weekdayRe) return undefined;
  const window = text.slice(Math.max(0, index - 24), index);
  let found: number | undefined;
  for (const m of window.matchAll(c.weekdayRe)) {
    const rest = window.slice((m.index ?? 0) + m[0].length);
    if (/^[\s,،(]*(?:den|le|il|el|the|ngày)?[\s,،(]*$/iu.test(rest)) found = c.weekdayIndex.get(lower(m[1]!));
  }
  return found;
}

/**
 * Decides the day/month order of a numeric date. Both readings are tried; the weekday
 * beside it decides when there is one, then the language's convention.
 */
function resolveOrder(mention: Omit<DateMention, 'text' | 'index'>, lang: LangData, weekday: number | undefined): Omit<DateMention, 'text' | 'index'> | null {
  const { year, day: a, month: b } = mention;
  if (year === null || a === null || b === null) return mention;
  const dmy = isValidDate(year, b, a) ? { day: a, month: b } : null;
  const mdy = isValidDate(year, a, b) ? { day: b, month: a } : null;
  const options = [dmy, mdy].filter((o): o is { day: number; month: number } => o !== null);
  if (options.length === 0) return null;
  if (weekday !== undefined) {
    const fits = options.filter((o) => weekdayOf(year, o.month, o.day) === weekday);
    if (fits.length === 1) return { ...mention, ...fits[0]!, weekday, weekdayResolved: options.length === 2 };
  }
  if (options.length === 1 || (dmy && mdy && dmy.day === mdy.day)) return { ...mention, ...options[0]!, weekday };
  const preferred = lang.dateOrder === 'mdy' ? mdy! : dmy!;
  return { ...mention, ...preferred, weekday, orderAssumed: true };
}

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII digits; one character for one, so offsets hold. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

/** All date mentions in a text, in order of appearance; overlapping readings keep the first. */
export function findDates(input: string, lang: LangData): DateMention[] {
  const c = compile(lang);
  const text = asciiDigits(input);
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const p of c.patterns) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      let read = p.read(m as RegExpExecArray);
      if (!read) continue;
      const weekday = weekdayBefore(c, text, start);
      if (read.kind === 'numeric') read = resolveOrder(read, lang, weekday);
      else if (weekday !== undefined) read = { ...read, weekday };
      if (!read || read.month !== null && (read.month < 1 || read.month > 12)) continue;
      if (read.day !== null && read.month !== null && !isValidDate(read.year ?? 2000, read.month, read.day)) continue;
      taken.push([start, end]);
      found.push({ ...read, text: m[0], index: start });
    }
  }
  return found.sort((x, y) => x.index - y.index);
}

/** Formats a mention as ISO at its precision. */
export function isoOf(y: number, m?: number | null, d?: number | null): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return m ? (d ? `${y}-${p(m)}-${p(d)}` : `${y}-${p(m)}`) : String(y);
}
