// Date: front matter first; then a publication stamp ("Stand: 12.07.2024"), then a dateline
// at the top; then the latest complete date in the text, marked inferred. Never a confident
// guess: a date that cannot be established is null and goes to the review list.
import type { LangData } from '../lang/data.js';
import { escapeRegExp } from '../lang/phrases.js';
import type { ArticleDate, Diagnostic, PersonEntry, PersonRef, TopicEvent } from '../model.js';
import { fold } from '../text/fold.js';
import { keywordMatcher } from '../text/keywords.js';
import { asciiDigits, findDates, isoOf, isValidDate, type DateMention } from '../text/dates.js';
import { wordCount } from './body.js';
import { bodyDiagnostic, given, metaDiagnostic, type Block, type Draft, type FieldNormaliser, type FieldResult } from './draft.js';

/** Reads a front-matter date: YYYY-MM-DD (with optional time), YYYY-MM, YYYY, or a written date. */
export function parseGivenDate(value: unknown, lang: LangData): ArticleDate | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { value: value.toISOString().slice(0, 10), precision: 'day', certainty: 'stated', evidence: 'front matter' };
  }
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m && isValidDate(+m[1]!, +m[2]!, +m[3]!)) return { value: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day', certainty: 'stated', evidence: 'front matter' };
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return { value: s, precision: 'month', certainty: 'stated', evidence: 'front matter' };
  if (/^\d{4}$/.test(s)) return { value: s, precision: 'year', certainty: 'stated', evidence: 'front matter' };
  const written = findDates(s, lang).find((d) => d.year !== null);
  if (written && written.text.length >= s.length * 0.6) return fromMention(written, 'stated', 'front matter');
  return null;
}

function fromMention(d: DateMention, certainty: ArticleDate['certainty'], evidence: string): ArticleDate {
  const precision = d.day !== null && d.month !== null ? 'day' : d.month !== null ? 'month' : 'year';
  return { value: isoOf(d.year!, d.month, precision === 'day' ? d.day : null), precision, certainty, evidence };
}

function describe(d: DateMention, block: Block): string {
  const why = d.weekdayResolved ? ' (day/month order decided by the weekday beside it)' : d.orderAssumed ? ' (day/month order assumed from the language)' : '';
  return `"${d.text}" on line ${block.line}${why}`;
}

const stampLabels = new WeakMap<LangData, RegExp | null>();
/** The language's publication labels at the start of a line ("Stand:", "Publié le"), compiled once; null when it has none. */
function stampLabel(lang: LangData): RegExp | null {
  if (!stampLabels.has(lang)) {
    stampLabels.set(lang, lang.publishedLabels.length
      ? new RegExp(`^(?:${lang.publishedLabels.map(escapeRegExp).join('|')})\\s*(?:am|on|le|il|el|lúc)?\\s*[:：]?\\s*`, 'iu')
      : null);
  }
  return stampLabels.get(lang)!;
}

/** A date directly after a publication label, in any block (also in removed page furniture). */
function publicationStamp(blocks: Block[], lang: LangData): { d: DateMention; b: Block } | null {
  const label = stampLabel(lang);
  if (!label) return null;
  for (const b of blocks) {
    const m = label.exec(b.text);
    if (!m) continue;
    const d = findDates(b.text.slice(m[0].length), lang).find((x) => x.year !== null && x.index < 24);
    if (d && !isEpoch(d)) return { d, b };
  }
  return null;
}

/**
 * A publication stamp that gives a day and month but no year: labelled ("Publié le samedi 7
 * décembre à 21h12"), or a short line at the top with a weekday ("Quinta-feira, 21 de novembro — 18h40").
 */
function yearlessStamp(blocks: Block[], head: Block[], lang: LangData): { d: DateMention; b: Block } | null {
  for (const b of head) {
    if (wordCount(b.text) > 8) continue;
    const d = findDates(b.text, lang).find((x) => x.year === null && x.day !== null && x.month !== null && x.weekday !== undefined && x.index < 24);
    if (d) return { d, b };
  }
  const label = stampLabel(lang);
  if (!label) return null;
  for (const b of blocks) {
    const m = label.exec(b.text);
    const d = m ? findDates(b.text.slice(m[0].length), lang).find((x) => x.year === null && x.day !== null && x.month !== null && x.index < 24) : undefined;
    if (d) return { d, b };
  }
  return null;
}

/** The Unix epoch (1 January 1970), which a broken page clock prints: not a date. */
function isEpoch(d: DateMention): boolean {
  return d.year === 1970 && d.month === 1 && (d.day === 1 || d.day === null);
}

/**
 * The top of the page, where stamps stand: lines before the third paragraph of running
 * text, and at most fifteen of them. Dates further down belong to the story.
 */
export function headLines(lines: Block[]): Block[] {
  const out: Block[] = [];
  let paragraphs = 0;
  for (const b of lines) {
    if (out.length >= 15 || paragraphs >= 3) break;
    out.push(b);
    if (wordCount(b.text) > 20) paragraphs++;
  }
  return out;
}

/** Clock times: "22:47", "6:41 p.m.", "14h05", "٢٠:١٥" (digits made ASCII first). */
const TIME = /(?<![\p{L}\p{N}])\d{1,2}[:h.]\d{2}(?:\s*[ap]\.?m\.?)?(?![\p{L}\p{N}])/giu;
/** A time-zone or agency code beside a stamp: "ET", "GMT", "CEST". */
const CODE = /^[A-Z]{2,4}(?:[+-]\d{1,2})?$/;

/**
 * A short line that states a date with at most a weekday, a time and three other words
 * beside it ("Uhr", "à", a label): a publication stamp. A year is required; a month and year
 * alone give month precision.
 */
export function stampLine(text: string, lang: LangData): DateMention | null {
  if (wordCount(text) > 10) return null;
  const plain = asciiDigits(text);
  const d = findDates(plain, lang).find((x) => x.year !== null && x.month !== null);
  if (!d || isEpoch(d)) return null;
  const weekdays = new Set(lang.weekdays.flat().map((w) => w.toLocaleLowerCase()));
  const rest = (plain.slice(0, d.index) + ' ' + plain.slice(d.index + d.text.length))
    .replace(TIME, ' ')
    .split(/[\s,،|·•/–—()-]+/)
    .filter((w) => /\p{L}/u.test(w) && !CODE.test(w) && !weekdays.has(w.toLocaleLowerCase().replace(/[.:]$/, '')));
  // A month and year alone ("März 2023") are a stamp only on a line of their own.
  return rest.length <= (d.day === null ? 0 : 3) ? d : null;
}

/**
 * A dateline at the start of a paragraph: a place, a comma, the date, then a dash (an
 * agency credit in brackets may come between): "Berlin, im März 2023 – Die …".
 */
export function ledeDateline(text: string, lang: LangData): DateMention | null {
  const d = findDates(text.slice(0, 60), lang).find((x) => x.year !== null && x.month !== null);
  if (!d || isEpoch(d)) return null;
  const before = text.slice(0, d.index);
  const after = text.slice(d.index + d.text.length);
  return /^\p{Lu}[\p{L}\p{M} .'’-]{1,30},\s*(?:\p{Ll}{1,4}\s+)?$/u.test(before) && /^\s*(?:\([^)]{1,30}\))?\s*[-–—]/u.test(after) ? d : null;
}

/**
 * The one year in which a day and month fall inside an office of every person the article
 * names with a role word ("US-Verteidigungsminister Lloyd Austin"), or null when the
 * offices allow no year or more than one. Evidence, not a guess: it needs two such people
 * with dated offices, and at least one office that has ended.
 */
export function yearFromOffices(month: number, day: number, people: PersonRef[], registry: PersonEntry[]): { year: number; names: string[] } | null {
  const byId = new Map(registry.map((p) => [p.id, p]));
  const named = people.filter((p) => p.roleCued).map((p) => byId.get(p.id)).filter((p): p is PersonEntry => !!p && p.offices.length > 0);
  if (named.length < 2) return null;
  const bounds = named.flatMap((p) => p.offices.flatMap((o) => [o.from, o.to])).filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
  if (!named.some((p) => p.offices.some((o) => o.to))) return null;
  const years: number[] = [];
  for (let y = Math.min(...bounds); y <= Math.max(...bounds); y++) {
    const iso = isoOf(y, month, day);
    if (named.every((p) => p.offices.some((o) => (!o.from || o.from <= iso) && (!o.to || iso <= o.to)))) years.push(y);
  }
  return years.length === 1 ? { year: years[0]!, names: named.map((p) => p.name) } : null;
}

export const normaliseDate: FieldNormaliser = (draft) => {
  const lang = draft.langData!;
  const diagnostics: Diagnostic[] = [];
  const fm = given(draft, 'date');
  if (fm !== undefined) {
    const parsed = parseGivenDate(fm, lang);
    if (parsed) return { set: { date: parsed }, diagnostics };
    diagnostics.push(metaDiagnostic(draft, 'date', 'warning', `cannot read "${String(fm)}" as a date; write date: YYYY-MM-DD (or YYYY-MM, YYYY). The date was looked for in the text instead`));
  }
  const blocks = draft.blocks ?? [];
  const everything = [...(draft.removed ?? []).filter((r) => r.reason !== 'tail'), ...blocks].sort((a, b) => a.line - b.line);

  // A strip of fields ("Deccan Courier Bureau | Updated: Aug 23, 2023", "Ciudad de México · lunes 3 de
  // junio de 2024 · 01:12 h"): each field may be the stamp.
  const withFields = (blocks: Block[]) => blocks.flatMap((b) => {
    const fields = /\s[|·•]\s/u.test(b.text) && wordCount(b.text) <= 24 ? b.text.split(/\s+[|·•]\s+/u).filter((f) => f.trim()) : [];
    return [b, ...fields.map((text) => ({ ...b, text }))];
  });
  const stamp = publicationStamp(withFields(everything), lang);
  if (stamp) return { set: { date: fromMention(stamp.d, 'stated', `publication stamp ${describe(stamp.d, stamp.b)}`) }, diagnostics };

  // A stamp line at the top of the page: a short line that is a date and little else
  // ("Thứ Sáu, 12/07/2024 - 10:25", "25 июня 2024, 22:41", "März 2023").
  const head = withFields(headLines(everything));
  for (const b of head) {
    const d = stampLine(b.text, lang);
    if (d) return { set: { date: fromMention(d, 'stated', `dateline ${describe(d, b)}`) }, diagnostics };
  }
  // A dateline opening the first paragraph: "Berlin, im März 2023 – …", "PARIS, 3 juin 2024 (AFP) – …".
  for (const b of blocks.filter((x) => wordCount(x.text) > 12).slice(0, 2)) {
    const d = ledeDateline(b.text, lang);
    if (d) return { set: { date: fromMention(d, 'stated', `dateline ${describe(d, b)}`) }, diagnostics };
  }

  // A labelled stamp at the foot of the page, among the furniture after the article
  // ("Erschienen am 07.11.2024"): the page's own stamp, since nothing above gave one.
  // Only one: several stamps there belong to a list of other stories.
  const tail = (draft.removed ?? []).filter((r) => r.reason === 'tail').sort((a, b) => a.line - b.line);
  const footStamp = publicationStamp(tail, lang);
  const others = footStamp ? tail.filter((b) => b.line > footStamp.b.line && publicationStamp([b], lang)).length : 0;
  if (footStamp && others === 0) return { set: { date: fromMention(footStamp.d, 'stated', `publication stamp at the foot of the page ${describe(footStamp.d, footStamp.b)}`) }, diagnostics };

  // Dated events the article mentions: it was written on or after the latest of them.
  const floor = latestEvent(draft);
  const describeFloor = () => `the article mentions ${floor!.name} (${floor!.date})`;

  // The latest complete date in the text: the article is from that day or later.
  const mentions = blocks.flatMap((b) => findDates(b.text, lang).map((d) => ({ d, b })));
  const complete = mentions.filter(({ d }) => d.year !== null && d.month !== null && d.day !== null);
  // The page's own stamp names a day without its year: the article is from that day, not from the
  // latest date it mentions. Its year counts only when one year from the latest mentioned on fits
  // the weekday written beside it.
  const bare = yearlessStamp(everything, head, lang);
  if (bare) {
    const from = Math.max(0, ...complete.map(({ d }) => d.year!), ...mentions.filter(({ d }) => d.year !== null).map(({ d }) => d.year!));
    const years: number[] = [];
    if (from > 0 && bare.d.weekday !== undefined) {
      for (let y = from; y <= from + 10; y++) if ((new Date(Date.UTC(y, bare.d.month! - 1, bare.d.day!)).getUTCDay() + 6) % 7 === bare.d.weekday) years.push(y);
    }
    if (years.length === 1) {
      const date: ArticleDate = { value: isoOf(years[0]!, bare.d.month, bare.d.day), precision: 'day', certainty: 'inferred', evidence: `publication stamp ${describe(bare.d, bare.b)}, the one year from ${from} on with that weekday` };
      diagnostics.push(bodyDiagnostic(draft, 'date', 'notice', `date inferred as ${date.value} from ${date.evidence}; confirm with date: in ${draft.raw.file}${draft.raw.format === 'text' ? '.meta.yml' : ''}`, bare.b.line, 'date-inferred'));
      return { set: { date }, diagnostics };
    }
    return unknownDate(draft, diagnostics, `the page's stamp ${describe(bare.d, bare.b)} has no year${years.length > 1 ? `, and ${years.join(' and ')} both fit its weekday` : ''}`, bare.b.line);
  }
  if (complete.length) {
    const latest = complete.reduce((a, c) => (isoOf(c.d.year!, c.d.month, c.d.day) > isoOf(a.d.year!, a.d.month, a.d.day) ? c : a));
    const date = fromMention(latest.d, 'inferred', `latest date in the text, ${describe(latest.d, latest.b)}`);
    if (floor && date.value < floor.date) {
      if (!floor.date.startsWith(date.value.slice(0, 4))) return unknownDate(draft, diagnostics, `the latest date in the text, ${describe(latest.d, latest.b)}, is before ${floor.date}, and ${describeFloor()}`, latest.b.line);
      Object.assign(date, { value: date.value.slice(0, 4), precision: 'year', evidence: `${date.evidence}; only its year, since ${describeFloor()}` });
    }
    if (latest.d.orderAssumed) diagnostics.push(bodyDiagnostic(draft, 'date', 'warning', `"${latest.d.text}" could be read day-first or month-first; read as ${date.value} by the ${lang.englishName} convention. Confirm it with date: in ${draft.raw.file}.meta.yml`, latest.b.line, 'date-ambiguous'));
    diagnostics.push(bodyDiagnostic(draft, 'date', 'notice', `date inferred as ${date.value} from ${date.evidence}; confirm with date: in ${draft.raw.file}${draft.raw.format === 'text' ? '.meta.yml' : ''}`, latest.b.line, 'date-inferred'));
    return { set: { date }, diagnostics };
  }
  // Dates without a year: the calendar-latest one, its year from the offices of the people named.
  const yearlessAll = mentions.filter(({ d }) => d.year === null && d.day !== null && d.month !== null);
  const latestYearless = yearlessAll.reduce<(typeof yearlessAll)[number] | null>((a, c) => (!a || c.d.month! * 100 + c.d.day! > a.d.month! * 100 + a.d.day! ? c : a), null);
  if (latestYearless) {
    const found = yearFromOffices(latestYearless.d.month!, latestYearless.d.day!, draft.people ?? [], draft.registries.people);
    if (found) {
      const value = isoOf(found.year, latestYearless.d.month, latestYearless.d.day);
      const before = floor && value < floor.date;
      // A date before an event the article mentions is an earlier event, not the day of writing: only the year holds.
      const date: ArticleDate = before && floor.date.startsWith(String(found.year))
        ? {
          value: String(found.year),
          precision: 'year',
          certainty: 'inferred',
          evidence: `the year from the offices of ${found.names.join(', ')} named with ${describe(latestYearless.d, latestYearless.b)}; not that day, since ${describeFloor()}`,
        }
        : {
          value,
          precision: 'day',
          certainty: 'inferred',
          evidence: `${describe(latestYearless.d, latestYearless.b)}, the year from the offices of ${found.names.join(', ')} named in the text`,
        };
      if (before && date.precision === 'day') return unknownDate(draft, diagnostics, `${describe(latestYearless.d, latestYearless.b)} is before ${floor.date}, and ${describeFloor()}`, latestYearless.b.line);
      diagnostics.push(bodyDiagnostic(draft, 'date', 'notice', `date inferred as ${date.value}: ${date.evidence}; confirm with date: in ${draft.raw.file}${draft.raw.format === 'text' ? '.meta.yml' : ''}`, latestYearless.b.line, 'date-inferred'));
      return { set: { date }, diagnostics };
    }
  }
  return unknownDate(draft, diagnostics, null, undefined, mentions);
};

/** The latest dated event of any registry topic that the article's text mentions. */
function latestEvent(draft: Readonly<Draft>): TopicEvent | null {
  const paragraphs = [draft.title ?? '', ...(draft.blocks ?? []).map((b) => b.text)].map(fold);
  let latest: TopicEvent | null = null;
  for (const topic of draft.registries.topics) {
    for (const event of topic.events ?? []) {
      if (latest && event.date <= latest.date) continue;
      let m = eventMatchers.get(event);
      if (!m) eventMatchers.set(event, (m = keywordMatcher(event.keywords)));
      if (paragraphs.some(m)) latest = event;
    }
  }
  return latest;
}
const eventMatchers = new WeakMap<TopicEvent, (folded: string) => boolean>();

/** No date: null, with a notice that says why and how to give one. */
function unknownDate(draft: Readonly<Draft>, diagnostics: Diagnostic[], why: string | null, line?: number, mentions: { d: ReturnType<typeof findDates>[number]; b: Block }[] = []): FieldResult {
  const where = `${draft.raw.file}${draft.raw.format === 'text' ? '.meta.yml' : ''}`;
  if (why) {
    diagnostics.push(bodyDiagnostic(draft, 'date', 'notice', `date unknown: ${why}. Add date: YYYY-MM-DD to ${where}`, line, 'no-date'));
    return { set: { date: null }, diagnostics };
  }
  const yearless = mentions.find(({ d }) => d.year === null && d.day !== null);
  diagnostics.push(bodyDiagnostic(draft, 'date', 'notice', yearless
    ? `only dates without a year ("${yearless.d.text}") in the text; the date is left unknown. Add date: YYYY-MM-DD to ${where}`
    : `no date found; add date: YYYY-MM-DD to ${where}`, yearless?.b.line, 'no-date'));
  return { set: { date: null }, diagnostics };
}
