// Language-identification benchmark: runs eld, tinyld and franc (each in its size variants) on
// the samples in scripts/data/langid-samples.yml and prints accuracy, errors, speed and size.
//
//   npm run bench:langid                 raw sample text
//   npm run bench:langid -- --clean      text first passed through the pipeline's identificationText()
//
// Everything printed is deterministic except the load times and the timing table. A run takes
// about two minutes, most of it timing franc-all.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { iso6393To1 } from 'iso-639-3';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES_FILE = path.join(ROOT, 'scripts/data/langid-samples.yml');
const CLASSES = ['headline', 'sentence', 'paragraph', 'hard'] as const;
type LengthClass = (typeof CLASSES)[number];
/** Length bounds (in code points) the sample file promises for each class; `hard` is free. */
const BOUNDS: Partial<Record<LengthClass, [number, number]>> = { headline: [30, 80], sentence: [100, 150], paragraph: [400, 600] };
/** Calls per timing run; each run is repeated and the fastest kept (the machine may be busy). */
const TIMING_CALLS = 400;
const TIMING_REPEATS = 5;

/** `kind` sub-divides hard samples: `names` (foreign proper names) or `clutter` (English site clutter). */
interface Sample { id: string; lang: string; cls: LengthClass; kind: string | null; text: string }
const HARD_KINDS = ['names', 'clutter'];
/** Separators tried in place of " · " in the clutter lines of `clutter` samples. */
const SEPARATORS = [' · ', ' | ', ' • ', '\n'];

interface Candidate {
  /** Display name, e.g. `eld/medium`. */
  name: string;
  /** npm package the variant comes from (for version and install size). */
  pkg: string;
  /** File holding the variant's model, relative to the package folder. */
  model: string;
  /** Raw answer of the library (ISO 639-1, ISO 639-3, `und` or empty). */
  detect: (text: string) => string;
  /** Languages the variant can answer, as ISO 639-1 (or ISO 639-3 where there is no 639-1 code). */
  supported: Set<string>;
  /** Milliseconds taken by the dynamic import (model parsing included). */
  loadMs: number;
}

// ── Normalisation to ISO 639-1 ────────────────────────────────────────────────────────────────

/** Individual languages that franc reports instead of their macrolanguage (ISO 639-3 has no 639-1 code for them). */
const MACRO_MEMBERS: Record<string, string> = {
  arb: 'ar', arz: 'ar', ary: 'ar', apc: 'ar', ajp: 'ar', acm: 'ar', aeb: 'ar', ars: 'ar', afb: 'ar', ayl: 'ar',
  pes: 'fa', prs: 'fa', zlm: 'ms', zsm: 'ms', ekk: 'et', lvs: 'lv', swh: 'sw', cmn: 'zh', yue: 'zh',
  uzn: 'uz', azj: 'az', azb: 'az', npi: 'ne', pbu: 'ps', pbt: 'ps', plt: 'mg', khk: 'mn', ydd: 'yi',
  als: 'sq', gaz: 'om', ory: 'or', quy: 'qu', quz: 'qu', ckb: 'ku', kmr: 'ku', hbs: 'sh', knc: 'kr',
};

/** ISO 639-1 code for a library's answer; `—` for no answer; unknown 639-3 codes are kept as they are. */
function toIso1(code: string): string {
  const c = code.trim().toLowerCase();
  if (c === '' || c === 'und') return '—';
  if (c.length === 2) return c;
  return iso6393To1[c] ?? MACRO_MEMBERS[c] ?? c;
}

// ── Candidates ─────────────────────────────────────────────────────────────────────────────────

/** Times a dynamic import (the first import of a variant parses its model). */
async function timedImport<T>(load: () => Promise<T>): Promise<{ mod: T; ms: number }> {
  const t0 = performance.now();
  const mod = await load();
  return { mod, ms: performance.now() - t0 };
}

type EldModule = typeof import('eld/medium');
async function eldVariant(size: string, load: () => Promise<EldModule>): Promise<Candidate> {
  const { mod, ms } = await timedImport(load);
  const { eld } = mod;
  return {
    name: `eld/${size}`, pkg: 'eld', model: `src/ngrams/${size}.js`, loadMs: ms,
    detect: (text) => eld.detect(text).language,
    supported: new Set(Object.values(eld.info().Languages)),
  };
}

type TinyldModule = typeof import('tinyld');
async function tinyldVariant(size: string, load: () => Promise<TinyldModule>): Promise<Candidate> {
  const { mod, ms } = await timedImport(load);
  return {
    name: size === 'normal' ? 'tinyld' : `tinyld/${size}`, pkg: 'tinyld', model: `dist/tinyld.${size}.node.mjs`, loadMs: ms,
    detect: (text) => mod.detect(text),
    supported: new Set(mod.supportedLanguages.map((iso3) => toIso1(mod.toISO2(iso3) || iso3))),
  };
}

type FrancModule = typeof import('franc');
type FrancData = typeof import('franc/data.js');
type FrancExpressions = typeof import('franc/expressions.js');
async function francVariant(
  pkg: string,
  load: () => Promise<FrancModule>,
  loadData: () => Promise<[FrancData, FrancExpressions]>,
): Promise<Candidate> {
  const { mod, ms } = await timedImport(load);
  const [{ data }, { expressions }] = await loadData();
  // Trigram models are grouped by script; a script with one language (Hebrew, Greek, …) is only a regex.
  const languages = Object.values(data).flatMap((byScript) => Object.keys(byScript));
  const singles = Object.keys(expressions).filter((key) => !(key in data));
  return {
    name: pkg, pkg, model: 'data.js', loadMs: ms,
    detect: (text) => mod.franc(text),
    supported: new Set([...languages, ...singles].map(toIso1)),
  };
}

async function loadCandidates(): Promise<Candidate[]> {
  // Sequential, so that each load time is measured alone.
  return [
    await eldVariant('extrasmall', () => import('eld/extrasmall')),
    await eldVariant('small', () => import('eld/small')),
    await eldVariant('medium', () => import('eld/medium')),
    await eldVariant('large', () => import('eld/large')),
    await tinyldVariant('light', () => import('tinyld/light')),
    await tinyldVariant('normal', () => import('tinyld')),
    await tinyldVariant('heavy', () => import('tinyld/heavy')),
    await francVariant('franc-min', () => import('franc-min'), () => Promise.all([import('franc-min/data.js'), import('franc-min/expressions.js')])),
    await francVariant('franc', () => import('franc'), () => Promise.all([import('franc/data.js'), import('franc/expressions.js')])),
    await francVariant('franc-all', () => import('franc-all'), () => Promise.all([import('franc-all/data.js'), import('franc-all/expressions.js')])),
  ];
}

// ── Samples ────────────────────────────────────────────────────────────────────────────────────

/** Reads and checks the sample file; returns the samples and any problems found. */
function loadSamples(): { samples: Sample[]; problems: string[] } {
  const doc = parse(readFileSync(SAMPLES_FILE, 'utf8')) as { samples?: unknown };
  if (!Array.isArray(doc.samples)) throw new Error(`${SAMPLES_FILE}: no "samples" list`);
  const samples: Sample[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const raw of doc.samples as Record<string, unknown>[]) {
    const { id, lang, class: cls, kind, text } = raw;
    if (typeof id !== 'string' || typeof lang !== 'string' || typeof text !== 'string' || !CLASSES.includes(cls as LengthClass)) {
      throw new Error(`${SAMPLES_FILE}: bad sample ${JSON.stringify(raw).slice(0, 80)}`);
    }
    if (ids.has(id)) problems.push(`${id}: duplicate id`);
    ids.add(id);
    if (!/^[a-z]{2}$/.test(lang)) problems.push(`${id}: "${lang}" is not an ISO 639-1 code`);
    if (cls === 'hard' && !HARD_KINDS.includes(String(kind))) problems.push(`${id}: hard sample without kind: ${HARD_KINDS.join(' | ')}`);
    const bounds = BOUNDS[cls as LengthClass];
    const length = [...text].length;
    if (bounds && (length < bounds[0] || length > bounds[1])) problems.push(`${id}: ${length} characters, ${String(cls)} should have ${bounds[0]}–${bounds[1]}`);
    samples.push({ id, lang, cls: cls as LengthClass, kind: typeof kind === 'string' ? kind : null, text });
  }
  return { samples, problems };
}

// ── Measurements ───────────────────────────────────────────────────────────────────────────────

/** Package version read from its package.json. */
function version(pkg: string): string {
  const json = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

/** The package and its (hoisted) runtime dependencies, transitively. */
function packageClosure(pkg: string, seen = new Set<string>()): Set<string> {
  if (seen.has(pkg)) return seen;
  seen.add(pkg);
  const json = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(json.dependencies ?? {})) packageClosure(dep, seen);
  return seen;
}

/** Disk usage in KiB (`du -sk`) of the package folder plus its dependencies' folders. */
function installKiB(pkg: string): { kib: number; deps: string[] } {
  const closure = [...packageClosure(pkg)];
  const out = execFileSync('du', ['-skc', ...closure.map((p) => path.join(ROOT, 'node_modules', p))], { encoding: 'utf8' });
  const total = out.trim().split('\n').at(-1) ?? '0';
  return { kib: Number.parseInt(total, 10), deps: closure.slice(1) };
}

/** Milliseconds per 1000 calls, cycling through the texts; fastest of TIMING_REPEATS runs of TIMING_CALLS calls. */
function timePer1000(detect: (text: string) => string, texts: string[]): number {
  let best = Infinity;
  let sink = 0; // keeps the calls from being optimised away
  for (let r = 0; r < TIMING_REPEATS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < TIMING_CALLS; i++) sink += detect(texts[i % texts.length] ?? '').length;
    best = Math.min(best, performance.now() - t0);
  }
  if (sink < 0) console.log(sink);
  return (best * 1000) / TIMING_CALLS;
}

// ── Output helpers ─────────────────────────────────────────────────────────────────────────────

/** Plain-text table; columns after the first are right-aligned. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const pct = (ok: number, n: number) => (n === 0 ? '–' : `${((100 * ok) / n).toFixed(0)}%`);
const score = (ok: number, n: number) => `${ok}/${n} ${pct(ok, n).padStart(4)}`;
/** First characters of a text on one line. */
const excerpt = (text: string, n = 60) => {
  const flat = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return [...flat].length > n ? [...flat].slice(0, n).join('') + '…' : flat;
};

// ── Main ───────────────────────────────────────────────────────────────────────────────────────

const clean = process.argv.includes('--clean');
const { samples, problems } = loadSamples();
const languages = [...new Set(samples.map((s) => s.lang))];
const candidates = await loadCandidates();
// Imported only now: the pipeline module loads eld/medium, which would spoil that variant's load time.
const { identificationText } = await import('../src/normalise/language.js');
const input = (s: Sample) => (clean ? identificationText(s.text) : s.text);

console.log(`Language-identification benchmark — ${samples.length} samples, ${languages.length} languages, Node ${process.version}`);
console.log(`Input: ${clean ? 'identificationText() of each sample (URLs, digits and [markers] removed)' : 'raw sample text'}`);
console.log(`Samples per class: ${CLASSES.map((c) => `${c} ${samples.filter((s) => s.cls === c).length}`).join(', ')}`);
for (const p of problems) console.log(`WARNING sample file: ${p}`);

// Libraries: version, size, load time, sample languages they cannot answer.
console.log('\n## Libraries (load time varies from run to run)\n');
const depNotes = new Map<string, string[]>();
console.log(
  table(
    ['variant', 'version', 'install KiB', 'model KiB', 'load ms', 'languages', 'sample languages not supported'],
    candidates.map((c) => {
      const { kib, deps } = installKiB(c.pkg);
      if (deps.length) depNotes.set(c.pkg, deps);
      const modelKiB = statSync(path.join(ROOT, 'node_modules', c.pkg, c.model)).size / 1024;
      const missing = languages.filter((l) => !c.supported.has(l));
      return [
        c.name, version(c.pkg), `${kib}${deps.length ? '*' : ''}`, modelKiB.toFixed(0),
        c.loadMs.toFixed(0), String(c.supported.size), missing.length ? missing.join(' ') : '—',
      ];
    }),
  ),
);
console.log('install KiB: du -sk of node_modules/<package> (the whole package, all its variants); model KiB: the variant\'s model file.');
for (const [pkg, deps] of depNotes) console.log(`  * ${pkg} including its dependencies ${deps.join(', ')}`);

// Run every candidate on every sample once.
const answers = candidates.map((c) => samples.map((s) => toIso1(c.detect(input(s)))));

console.log('\n## Accuracy by length class\n');
console.log(
  table(
    ['variant', ...CLASSES, ...HARD_KINDS.map((k) => `hard: ${k}`), 'overall', 'on supported langs'],
    candidates.map((c, ci) => {
      const ok = (pick: (s: Sample) => boolean) => {
        const idx = samples.map((s, i) => (pick(s) ? i : -1)).filter((i) => i >= 0);
        return score(idx.filter((i) => answers[ci]?.[i] === samples[i]?.lang).length, idx.length);
      };
      return [
        c.name, ...CLASSES.map((cls) => ok((s) => s.cls === cls)), ...HARD_KINDS.map((k) => ok((s) => s.kind === k)),
        ok(() => true), ok((s) => c.supported.has(s.lang)),
      ];
    }),
  ),
);
console.log('"on supported langs": only samples whose language the variant can answer at all.');

// The clutter samples again, with other separators between the clutter items.
console.log('\n## Clutter samples with other separators (correct answers)\n');
const clutter = samples.filter((s) => s.kind === 'clutter');
const withSeparator = (s: Sample, sep: string) => input(s).replaceAll(' · ', sep);
console.log(
  table(
    ['variant', ...SEPARATORS.map((sep) => JSON.stringify(sep.trim() || sep))],
    candidates.map((c) => [
      c.name,
      ...SEPARATORS.map((sep) => score(clutter.filter((s) => toIso1(c.detect(withSeparator(s, sep))) === s.lang).length, clutter.length)),
    ]),
  ),
);

console.log('\n## Correct answers per language (of 5 samples unless stated)\n');
const perLang = languages.map((l) => samples.filter((s) => s.lang === l).length);
console.log(
  table(
    ['variant', ...languages.map((l, li) => (perLang[li] === 5 ? l : `${l}/${perLang[li]}`))],
    candidates.map((c, ci) => [
      c.name,
      ...languages.map((l) => String(samples.filter((s, i) => s.lang === l && answers[ci]?.[i] === l).length)),
    ]),
  ),
);

console.log(`\n## Timing: ms per 1000 calls (fastest of ${TIMING_REPEATS} runs of ${TIMING_CALLS} calls; varies from run to run)\n`);
const textsOf = (pick: (s: Sample) => boolean) => samples.filter(pick).map(input);
const timingSets: [string, string[]][] = [
  ['headline', textsOf((s) => s.cls === 'headline')],
  ['sentence', textsOf((s) => s.cls === 'sentence')],
  ['paragraph', textsOf((s) => s.cls === 'paragraph')],
  ['all samples', textsOf(() => true)],
];
console.log(table(['variant', ...timingSets.map(([name]) => name)], candidates.map((c) => [c.name, ...timingSets.map(([, texts]) => timePer1000(c.detect, texts).toFixed(1))])));

console.log('\n## Misidentifications (library: expected → got  [sample] text)\n');
candidates.forEach((c, ci) => {
  const wrong = samples.flatMap((s, i) => (answers[ci]?.[i] === s.lang ? [] : [{ s, got: answers[ci]?.[i] ?? '?' }]));
  console.log(`${c.name}: ${wrong.length} wrong`);
  for (const { s, got } of wrong) {
    const note = c.supported.has(s.lang) ? '' : ' (not supported)';
    console.log(`  ${s.lang} → ${got.padEnd(3)} [${s.id}]${note}  ${excerpt(s.text)}`);
  }
});
