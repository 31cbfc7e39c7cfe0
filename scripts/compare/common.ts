// What the --compare tools share: the corpus as files, and what a built site holds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Timed } from '../lib/timed.js';

/** Another static-site generator, set up to build the benchmark corpus. */
export interface Tool {
  /** Name and version, once installed. */
  name: string;
  /** Where its site is written. */
  out: string;
  /** Installs the tool when missing. */
  install(): void;
  /** Writes its site folder from our corpus (not timed); clears its output and caches. */
  prepare(content: string): void;
  /** One build into `out`, in a fresh process. */
  build(): Timed;
  /** Adds one article (our format: Markdown with our front matter) to its site folder. */
  add(name: string, contents: string): void;
}

/** Where a person's listing is, in every tool's site: `people/anna-abramov/` (synthetic names are ASCII). */
export function personPath(name: string): string {
  return `people/${name.toLowerCase().replace(/\s+/g, '-')}/`;
}

/** Whether a command is on PATH. */
export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Runs a command, inheriting stdio; throws when it fails. */
export function run(command: string, args: string[], cwd?: string): void {
  const r = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status})`);
}

/** Every file under `dir`, as paths relative to it, in a stable order. */
export function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The corpus's articles (not the registries under `_data/`), relative to `content`. */
export function corpusArticles(content: string): string[] {
  return filesUnder(content).filter((f) => f.endsWith('.md') && !f.startsWith('_data'));
}

/** HTML pages in a built site (or one folder of it); not Hugo's redirects from a listing's `page/1/` to the listing. */
export function countPages(out: string, under = ''): number {
  const dir = path.join(out, under);
  if (!fs.existsSync(dir)) return 0;
  return filesUnder(dir).filter((f) => f.endsWith('.html') && !/(^|\/)page\/1\/index\.html$/.test(f)).length;
}

/**
 * The article numbers listed on a listing and all its further pages (`page/2/`…): every
 * synthetic title ends with its number in brackets, "… (123)", right before `</a>`.
 */
export function listedArticles(out: string, listing: string): number[] {
  const found: number[] = [];
  for (let n = 1; ; n++) {
    const file = path.join(out, listing, n === 1 ? '' : `page/${n}/`, 'index.html');
    if (!fs.existsSync(file)) break;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\((\d+)\)<\/a>/g)) found.push(Number(m[1]));
  }
  return found.sort((a, b) => a - b);
}
