// The build: load → normalise → index → render → write. Only load and write touch the disk;
// the writer is passed in, so tests build in memory.
import { searchIndex, SEARCH_DIR } from './index/search.js';
import path from 'node:path';
import { buildIndex } from './index/buildIndex.js';
import { loadArticles } from './load/load.js';
import { loadRegistries } from './load/registries.js';
import type { Article, Diagnostic, OutputFile, SiteIndex } from './model.js';
import { normaliseArchive } from './normalise/parallel.js';
import { hasInterfaceLanguage, interfaceStrings, translate } from './render/i18n.js';
import { renderSite } from './render/pages.js';
import { compileTemplates } from './render/templates.js';
import type { SiteConfig } from './config.js';
import { mergeOutputs, publicFiles } from './write/collect.js';
import type { Writer } from './write/disk.js';

/** Where a build reads from. */
export interface BuildOptions {
  contentDir: string;
  templatesDir: string;
  publicDir: string;
  config: SiteConfig;
  writer: Writer;
  /** The cache folder (see src/cache/cache.ts); null or absent: no cache. */
  cacheDir?: string | null;
  /** Threads to normalise with (default 1: the main thread only). */
  jobs?: number;
  /** Progress of the longest stage, for a display. */
  progress?: (stage: string, done: number, total: number) => void;
}

/** What a build produced. */
export interface BuildResult {
  articles: Article[];
  index: SiteIndex;
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** Input files that could not be built. */
  failed: string[];
}

const severityOrder = { error: 0, warning: 1, notice: 2 } as const;

/** Sorts diagnostics by file, line, then severity, so output is stable. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.slice().sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || severityOrder[a.severity] - severityOrder[b.severity] || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

/** Stage timings on stderr when NEWSARCHIVE_TIMINGS is set (for benchmarks). */
function stageTimer(): (stage: string) => void {
  let last = performance.now();
  const on = Boolean(process.env.NEWSARCHIVE_TIMINGS);
  return (stage) => {
    const now = performance.now();
    if (on) process.stderr.write(`timing: ${stage} ${((now - last) / 1000).toFixed(2)} s\n`);
    last = now;
  };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const lap = stageTimer();
  const diagnostics: Diagnostic[] = [];
  const { registries, diagnostics: regDiags } = loadRegistries(options.contentDir);
  diagnostics.push(...regDiags);
  const strings = interfaceStrings(options.config.language);
  const config = { ...options.config, title: options.config.title || translate(strings, 'siteTitle'), description: options.config.description || translate(strings, 'siteDescription') };
  if (!hasInterfaceLanguage(config.language)) {
    diagnostics.push({ file: 'config', field: 'language', severity: 'warning', message: `no interface translation for "${config.language}"; English is used. Add data/i18n/${config.language}.yml` });
  }
  const templates = compileTemplates(options.templatesDir, strings, config.language);

  lap('setup');
  const loaded = await loadArticles(options.contentDir);
  lap('load');
  diagnostics.push(...loaded.diagnostics);
  const normalised = await normaliseArchive(loaded.raw, registries, {
    cacheDir: options.cacheDir ?? null,
    jobs: options.jobs ?? 1,
    progress: options.progress && ((done, total) => options.progress!('normalise', done, total)),
  });
  diagnostics.push(...normalised.diagnostics);

  lap('normalise');
  const index = buildIndex(normalised.articles, registries);
  lap('index');
  const pages = renderSite({ index, config, templates, strings });
  lap('render');
  const merged = mergeOutputs(pages, await publicFiles(options.publicDir));
  diagnostics.push(...merged.diagnostics);
  const search = await searchIndex(merged.files, options.cacheDir ?? null);
  for (const message of search.errors) diagnostics.push({ file: SEARCH_DIR, field: 'search', severity: 'warning', message: `search index: ${message}` });
  merged.files.push(...search.files);
  lap('search');
  await options.writer.write(merged.files);
  lap('write');

  const failed = [...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))].sort();
  return { articles: normalised.articles, index, files: merged.files, diagnostics: sortDiagnostics(diagnostics), failed };
}

/** Default locations, relative to the working directory. */
export const DEFAULT_PATHS = {
  content: 'content',
  out: 'dist',
  templates: 'templates',
  public: 'public',
  config: 'site.yml',
  cache: '.cache',
};

/** Resolves a path relative to the working directory. */
export function resolvePath(p: string): string {
  return path.resolve(process.cwd(), p);
}
