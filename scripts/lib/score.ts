// Scores the normaliser against a corpus of articles with expected metadata written by
// hand (test/corpus/<set>/expected.yml). Used by `npm run accuracy` and test/corpus.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadArticles } from '../../src/load/load.js';
import { loadRegistries } from '../../src/load/registries.js';
import type { Article, Diagnostic } from '../../src/model.js';
import { normaliseAll } from '../../src/normalise/index.js';
import { samePerson } from '../../src/normalise/people.js';
import { keyMatches, nameRules, tokenKeys } from '../../src/people/keys.js';
import { langData } from '../../src/lang/data.js';
import { agencyList } from '../../src/normalise/agencies.js';
import { tokenize } from '../../src/text/fold.js';

/** One article's expected metadata, as written in expected.yml. */
export interface Expected {
  lang?: string;
  dir?: string;
  title?: string;
  titleOrigin?: string;
  date?: { value: string; precision: string; certainty: string } | null;
  source?: { name: string | null; url: string | null };
  author?: string | null;
  agencies?: string[];
  people?: string[];
  unregistered?: string[];
  topics?: string[];
  bodyExcludes?: string[];
  bodyIncludes?: string[];
}

/** A field's score: correct out of total, and what went wrong. */
export interface FieldScore {
  correct: number;
  total: number;
  misses: string[];
}

/** Precision and recall counts for a set-valued field. */
export interface SetScore {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
}

export interface CorpusScore {
  articles: number;
  fields: Record<'lang' | 'dir' | 'title' | 'date' | 'sourceName' | 'sourceUrl' | 'author' | 'body', FieldScore>;
  /** Dates given as `stated` that are wrong: the failures that matter most. */
  wrongStatedDates: string[];
  /** Dates that are right, or honestly null / marked inferred when not right. */
  dateHonest: FieldScore;
  people: SetScore;
  /** Expected people given more than one identity across the corpus, or one identity given to several people. */
  identitySplits: string[];
  agencies: SetScore;
  topics: SetScore;
  diagnostics: Diagnostic[];
  articlesByFile: Map<string, Article>;
}

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFC').replace(/[«»"“”„'‘’]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

const field = (): FieldScore => ({ correct: 0, total: 0, misses: [] });
const set = (): SetScore => ({ tp: 0, fp: 0, fn: 0, misses: [] });

function check(score: FieldScore, ok: boolean, miss: string): void {
  score.total++;
  if (ok) score.correct++;
  else score.misses.push(miss);
}

function scoreSet(score: SetScore, file: string, got: string[], want: string[], same: (a: string, b: string) => boolean): void {
  const left = [...want];
  for (const g of got) {
    const i = left.findIndex((w) => same(g, w));
    if (i >= 0) {
      score.tp++;
      left.splice(i, 1);
    } else {
      score.fp++;
      score.misses.push(`${file}: extra ${g}`);
    }
  }
  for (const w of left) {
    score.fn++;
    score.misses.push(`${file}: missed ${w}`);
  }
}

/**
 * Two spellings of one name, as the normaliser's own matching sees them: same token count,
 * each token equal up to transliteration and the language's grammatical endings
 * ("Эвана Гершковича" is "Эван Гершкович").
 */
function sameName(a: string, b: string, lang: string): boolean {
  const rules = nameRules(langData(lang));
  const ta = tokenize(a).map((t) => tokenKeys(t.word, rules));
  const tb = tokenize(b).map((t) => tokenKeys(t.word, rules));
  if (ta.length !== tb.length) return false;
  return ta.every((ka, i) => tb[i]!.some((k) => keyMatches(ka, k, rules)) || ka.some((k) => keyMatches(tb[i]!, k, rules)));
}

/** Agency names and aliases → canonical name, from the shipped agency list. */
function agencyCanon(): (name: string) => string {
  const map = new Map<string, string>();
  for (const a of agencyList()) for (const n of a.aliases) map.set(norm(n), a.name);
  return (name) => map.get(norm(name)) ?? name;
}

/** Normalises a corpus and scores it against its expected.yml. */
export async function scoreCorpus(dir: string): Promise<CorpusScore> {
  const contentDir = path.join(dir, 'content');
  const expected = YAML.parse(fs.readFileSync(path.join(dir, 'expected.yml'), 'utf8')) as Record<string, Expected>;
  const { registries } = loadRegistries(contentDir);
  const loaded = await loadArticles(contentDir);
  const { articles, diagnostics } = normaliseAll(loaded.raw, registries);
  const byFile = new Map(articles.map((a) => [a.file, a]));
  const fields = { lang: field(), dir: field(), title: field(), date: field(), sourceName: field(), sourceUrl: field(), author: field(), body: field() };
  const dateHonest = field();
  const wrongStatedDates: string[] = [];
  const people = set();
  const agencies = set();
  const topics = set();
  /** expected person → ids given to them across the corpus. */
  const identities = new Map<string, Set<string>>();
  const registeredName = new Map(registries.people.map((p) => [p.id, p.name]));
  const canon = agencyCanon();

  for (const [file, want] of Object.entries(expected)) {
    const a = byFile.get(file);
    if (!a) {
      for (const s of Object.values(fields)) check(s, false, `${file}: not built`);
      continue;
    }
    if (want.lang !== undefined) check(fields.lang, a.lang === want.lang, `${file}: lang ${a.lang}, expected ${want.lang}`);
    if (want.dir !== undefined) check(fields.dir, a.dir === want.dir, `${file}: dir ${a.dir}, expected ${want.dir}`);
    if (want.title !== undefined) check(fields.title, norm(a.title) === norm(want.title), `${file}: title "${a.title}", expected "${want.title}"`);
    if (want.date !== undefined) {
      const w = want.date;
      const got = a.date;
      const ok = w === null ? got === null : !!got && got.value === String(w.value) && got.precision === w.precision && got.certainty === w.certainty;
      const show = (d: typeof got | typeof w) => (d ? `${d.value} ${d.precision} ${d.certainty}` : 'null');
      check(fields.date, ok, `${file}: date ${show(got)}, expected ${show(w)}${got ? ` (${got.evidence})` : ''}`);
      // Honest: right, or not claimed as stated (null or inferred) when wrong, and never more precise than the truth.
      const tooPrecise = !!got && !!w && got.value.length > String(w.value).length;
      const honest = ok || got === null || (got.certainty === 'inferred' && !tooPrecise && (w === null || String(w.value).startsWith(got.value) || got.value.startsWith(String(w.value))));
      check(dateHonest, honest, `${file}: date ${show(got)}, expected ${show(w)}`);
      if (!ok && got?.certainty === 'stated') wrongStatedDates.push(`${file}: ${show(got)}, expected ${show(w)}`);
    }
    if (want.source !== undefined) {
      check(fields.sourceName, norm(a.source.name) === norm(want.source.name), `${file}: source name "${a.source.name}", expected "${want.source.name}"`);
      check(fields.sourceUrl, (a.source.url ?? null) === (want.source.url ?? null), `${file}: source url ${a.source.url}, expected ${want.source.url}`);
    }
    if (want.author !== undefined) check(fields.author, norm(a.author) === norm(want.author), `${file}: author "${a.author}", expected "${want.author}"`);
    for (const s of want.bodyExcludes ?? []) check(fields.body, !a.body.includes(s), `${file}: body still has "${s}"`);
    for (const s of want.bodyIncludes ?? []) check(fields.body, a.body.includes(s), `${file}: body lost "${s}"`);

    if (want.people !== undefined || want.unregistered !== undefined) {
      const wantPeople = [...(want.people ?? []), ...(want.unregistered ?? [])];
      const gotPeople = a.people.map((p) => (p.registered ? registeredName.get(p.id) ?? p.name : p.name));
      // The same person under a fuller or shorter form of the name counts (middle names, initials).
      const same = (g: string, w: string) => norm(g) === norm(w) || sameName(g, w, a.lang) || samePerson(g, w, langData(a.lang));
      scoreSet(people, file, gotPeople, wantPeople, same);
      for (const p of a.people) {
        const w = wantPeople.find((x) => same(p.registered ? registeredName.get(p.id) ?? p.name : p.name, x));
        if (w) identities.set(w, new Set([...(identities.get(w) ?? []), p.id]));
      }
    }
    if (want.agencies !== undefined) scoreSet(agencies, file, a.agencies, want.agencies, (g, w) => norm(canon(g)) === norm(canon(w)));
    if (want.topics !== undefined) scoreSet(topics, file, a.topics.map((t) => t.id), want.topics, (g, w) => g === w);
  }
  const identitySplits = [...identities.entries()].filter(([, ids]) => ids.size > 1).map(([p, ids]) => `${p}: ${[...ids].join(', ')}`);
  const owners = new Map<string, string[]>();
  for (const [p, ids] of identities) for (const id of ids) owners.set(id, [...(owners.get(id) ?? []), p]);
  // One id for two expected names is a merge of two people, unless the names are spellings of one (Dmitri Peskov / Дмитрий Песков).
  for (const [id, ps] of owners) {
    const distinct = ps.filter((p, i) => !ps.slice(0, i).some((q) => norm(q) === norm(p) || sameName(q, p, 'en')));
    if (distinct.length > 1) identitySplits.push(`${id} given to ${distinct.join(', ')}`);
  }
  return { articles: Object.keys(expected).length, fields, wrongStatedDates, dateHonest, people, identitySplits, agencies, topics, diagnostics, articlesByFile: byFile };
}

export const precision = (s: SetScore) => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1);
export const recall = (s: SetScore) => (s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1);
export const ratio = (f: FieldScore) => (f.total ? f.correct / f.total : 1);
