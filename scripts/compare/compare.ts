// npm run bench -- --compare: the same synthetic corpus built by Hugo and Eleventy, with
// templates equivalent to ours, timed like our builds; their sites checked (article pages,
// two people's listings) so that the times compare sites that are really there.
import type { Timed } from '../lib/timed.js';
import { synthArticle } from '../lib/synth.js';
import { countPages, listedArticles, personPath, type Tool } from './common.js';
import { eleventy, type WatchRun } from './eleventy.js';
import { hugo } from './hugo.js';

/** One tool's runs at one size. */
export interface Result {
  name: string;
  pages: number;
  cold: Timed;
  addOne: Timed;
  /** How the add-one build ran. */
  addOneHow: string;
  /** Eleventy only: the add-one rebuild in --watch --incremental mode. */
  watch?: WatchRun;
  /** What is wrong in its site; empty when all is right. */
  problems: string[];
}

/** The people in synthetic article i's front matter. */
function peopleOf(i: number): string[] {
  const block = /\npeople:\n((?: {2}- .*\n)+)/.exec(synthArticle(i).contents)![1]!;
  return block.trimEnd().split('\n').map((line) => JSON.parse(line.slice(4)) as string);
}

/** Who is named in which synthetic article: article numbers by person, for articles 0..n (n is the added one). */
export class Expected {
  readonly byPerson = new Map<string, number[]>();
  /** The person named most often in the first n articles: a listing over several pages. */
  readonly frequent: string;
  /** The first person of the added article. */
  readonly added: string;

  constructor(readonly n: number) {
    for (let i = 0; i <= n; i++) {
      for (const person of peopleOf(i)) {
        if (!this.byPerson.has(person)) this.byPerson.set(person, []);
        this.byPerson.get(person)!.push(i);
      }
    }
    const count = (p: string) => this.byPerson.get(p)!.filter((i) => i < n).length;
    this.frequent = [...this.byPerson.keys()].reduce((a, b) => (count(b) > count(a) ? b : a));
    this.added = peopleOf(n)[0]!;
  }

  /** Problems in a site built from articles 0..count-1: its article pages, and the two people's listings. */
  check(out: string, count: number): string[] {
    const problems: string[] = [];
    const articles = countPages(out, 'articles');
    if (articles !== count) problems.push(`${articles} article pages for ${count} articles`);
    for (const person of new Set([this.frequent, this.added])) {
      const want = this.byPerson.get(person)!.filter((i) => i < count);
      const got = listedArticles(out, personPath(person));
      if (got.join() !== want.join()) problems.push(`${personPath(person)} lists ${got.length} articles, not the ${want.length} that name ${person}`);
    }
    return problems;
  }
}

/** Builds the corpus with Hugo and Eleventy: cold, then with one article added. */
export async function compareOthers(work: string, content: string, expected: Expected): Promise<Result[]> {
  const { n } = expected;
  const extra = synthArticle(n);
  const results: Result[] = [];
  const say = (what: string) => process.stderr.write(`compare: ${n} articles: ${what}\n`);
  const measure = (tool: Tool, addOneHow: string): Result => {
    tool.prepare(content);
    say(`${tool.name}: cold build`);
    const cold = tool.build();
    const pages = countPages(tool.out);
    const problems = expected.check(tool.out, n).map((p) => `cold: ${p}`);
    tool.add(extra.name, extra.contents);
    say(`${tool.name}: add-one build`);
    const addOne = tool.build();
    problems.push(...expected.check(tool.out, n + 1).map((p) => `add one: ${p}`));
    return { name: tool.name, pages, cold, addOne, addOneHow, problems };
  };

  const h = hugo(work);
  h.install();
  results.push(measure(h, "full rebuild, Hugo's cache kept"));

  const e = eleventy(work);
  e.install();
  const result = measure(e, 'full rebuild (no cache between runs)');
  // Again in watch mode: a first build, then the added article, rebuilt incrementally.
  e.prepare(content);
  say(`${e.name}: --watch --incremental, one article added`);
  result.watch = await e.watchAddOne(extra.name, extra.contents);
  result.problems.push(...expected.check(e.out, n + 1).map((p) => `--incremental: ${p}`));
  results.push(result);
  return results;
}

/** The table for one size: our row (when we ran), theirs, and our times over theirs. */
export function table(n: number, results: Result[], ours?: Result): string {
  const s = (t: { seconds: number; cpu: number }) => `${t.seconds.toFixed(1)} s (CPU ${t.cpu.toFixed(1)} s)`;
  const row = (r: Result) => `| ${r.name} | ${r.pages.toLocaleString('en')} | ${s(r.cold)} | ${Math.round(r.cold.mib)} MiB | ${s(r.addOne)} | ${r.addOneHow} | ${r.problems.length ? 'NO' : 'yes'} |`;
  const lines = [
    `### ${n.toLocaleString('en')} articles`,
    '',
    '| tool | HTML pages | cold | cold peak | add one | add one: how | listings right |',
    '|---|---|---|---|---|---|---|',
    ...[...(ours ? [ours] : []), ...results].map(row),
  ];
  for (const r of results) {
    if (r.watch) lines.push(`| ${r.name} | | | ${Math.round(r.watch.mib)} MiB (watching) | ${s(r.watch)} | --watch --incremental: wrote ${r.watch.written} files, skipped ${r.watch.skipped} | ${r.problems.some((p) => p.startsWith('--incremental')) ? 'NO' : 'yes'} |`);
  }
  lines.push('');
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const times = (a: { seconds: number; cpu: number }, b: { seconds: number; cpu: number }) => `${x(a.seconds, b.seconds)} the time (${x(a.cpu, b.cpu)} the CPU)`;
  for (const r of ours ? results : []) {
    const watch = r.watch ? `; ${times(ours!.addOne, r.watch)} of its --incremental watch` : '';
    lines.push(`ours / ${r.name}: cold ${times(ours!.cold, r.cold)}, ${x(ours!.cold.mib, r.cold.mib)} the memory; add one ${times(ours!.addOne, r.addOne)}${watch}`);
  }
  for (const r of [...(ours ? [ours] : []), ...results]) for (const p of r.problems) lines.push(`${r.name}: ${p}`);
  return `${lines.join('\n')}\n`;
}
