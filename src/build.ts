// The build: load → normalise → index → render → write. Only load and write touch the disk;
// the writer is passed in, so tests build in memory.
import { dropSearchCache, SearchIndexer, SEARCH_DIR, type SearchPage } from './index/search.js';
import { codeVersion, hashOf, StaleCacheError, treeVersion } from './cache/cache.js';
import { dropSiteState, readSiteState, writeSiteState, type BuildSummary } from './cache/siteState.js';
import { shardLayout, shardOf } from './index/shards.js';
import { buildIndex } from './index/buildIndex.js';
import fs from 'node:fs';
import path from 'node:path';
import { SIDECAR_SUFFIX } from './load/files.js';
import { collectSources, findSources, readSource, type KnownSource } from './load/load.js';
import { loadRegistries } from './load/registries.js';
import type { Article, Diagnostic, OutputFile, SiteIndex } from './model.js';
import { dropArticleCache, normaliseArchive } from './normalise/parallel.js';
import { hasInterfaceLanguage, interfaceStrings, translate } from './render/i18n.js';
import { renderSite, type PageContext, type PageSink } from './render/pages.js';
import { fingerprintOf } from './render/context.js';
import { compileTemplates } from './render/templates.js';
import type { SiteConfig } from './config.js';
import { mergeOutputs, publicFiles } from './write/collect.js';
import { reusedFile, type Writer } from './write/disk.js';

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
  /** The inputs' fingerprint taken before the build read them (src/cache/inputs.ts), kept for the next build's no-op check. */
  inputs?: string;
}

/** What a build produced. */
export interface BuildResult {
  articles: Article[];
  index: SiteIndex;
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** Input files that could not be built. */
  failed: string[];
  /** Counts and problems, as the CLI prints them (and a no-op build reprints them). */
  summary: BuildSummary;
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
    if (on) {
      const m = process.memoryUsage();
      const mib = (n: number) => Math.round(n / 2 ** 20);
      process.stderr.write(`timing: ${stage} ${((now - last) / 1000).toFixed(2)} s (memory: ${mib(m.rss)} MiB resident, ${mib(m.heapUsed)} MiB heap, ${mib(m.external + m.arrayBuffers)} MiB buffers)\n`);
    }
    last = now;
  };
}

/**
 * Builds the site. A cached article body or search file found damaged when read
 * (StaleCacheError) makes the build start again with the article and search caches emptied:
 * the output is what it would have been.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  try {
    return await buildOnce(options);
  } catch (err) {
    if (!(err instanceof StaleCacheError) || !options.cacheDir) throw err;
    dropArticleCache(options.cacheDir);
    dropSearchCache(options.cacheDir);
    return buildOnce(options);
  }
}

async function buildOnce(options: BuildOptions): Promise<BuildResult> {
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

  // What the last build published and read: unchanged files are not read, unchanged pages not rendered.
  const { writer } = options;
  const cacheDir = options.cacheDir ?? null;
  const epoch = cacheDir ? hashOf(codeVersion(), treeVersion(options.templatesDir), JSON.stringify(config)) : '';
  const previous = cacheDir ? readSiteState(cacheDir, writer.id) : null;
  const current = previous && previous.epoch === epoch ? previous : null;
  lap('setup');
  // Articles are read while the ones read before are normalised (src/normalise/parallel.ts).
  const sources = await findSources(options.contentDir, current?.sources);
  const reads: KnownSource[] = new Array(sources.files.length);
  const normalised = await normaliseArchive(sources.files.length, async (i) => {
    const r = await sources.read(i);
    reads[i] = r.known;
    return r.article;
  }, registries, {
    cacheDir,
    jobs: options.jobs ?? 1,
    progress: options.progress && ((done, total) => options.progress!('normalise', done, total)),
    reload: async (file) => (await readSource(options.contentDir, file, fs.existsSync(path.join(options.contentDir, file + SIDECAR_SUFFIX)))).article,
  });
  const loaded = collectSources(sources, reads);
  diagnostics.push(...loaded.diagnostics, ...normalised.diagnostics);
  lap('normalise (the files read meanwhile)');
  const index = buildIndex(normalised.articles, registries);
  lap('index');

  // Pages made from the same context as last time are kept as they are.
  const known = current?.files ?? {};
  const fingerprints = new Map<string, string>();
  const unchanged = (file: string, fingerprint: string): boolean => {
    fingerprints.set(file, fingerprint);
    const was = known[file];
    return was !== undefined && was[0] === fingerprint && writer.signature(file) === was[1];
  };
  // An article page is kept when everything its context is made from is unchanged (its keys),
  // without making the context; any other page when its context is.
  // A shard of the search index is offered to the indexer as soon as its article pages are all made.
  const layout = shardLayout(index);
  const shardByFile = new Map(index.articles.map((a) => [`${a.url}index.html`, shardOf(a, layout)]));
  const pending = new Map<string, { left: number; pages: SearchPage[] }>();
  for (const shard of shardByFile.values()) {
    const p = pending.get(shard) ?? { left: 0, pages: [] };
    p.left++;
    pending.set(shard, p);
  }
  const indexer = new SearchIndexer(cacheDir, options.jobs ?? 1, pending.size);
  let rendered = 0;
  const page: PageSink = (file, kind, make, keys) => {
    let context: PageContext | undefined;
    const fingerprint = keys ? hashOf('inputs', kind, keys.page) : fingerprintOf(kind, (context = make()));
    let out: OutputFile;
    if (unchanged(file, fingerprint)) out = reusedFile(writer, file, known[file]![1]);
    else {
      rendered++;
      // Written now, read back only for the search index: a large site's pages are never all in memory.
      out = writer.stage(file, templates.render(kind, context ?? make()));
    }
    const shard = shardByFile.get(file);
    if (keys?.search && shard !== undefined) {
      // What the search indexes of an article page: its article element, made from the article
      // and the spellings of its people (with the templates and settings: the epoch); not the
      // related articles or neighbours around it, which an added article changes in every year.
      const p = pending.get(shard)!;
      p.pages.push({ file: out, shard, fingerprint: hashOf(epoch, keys.search) });
      if (--p.left === 0) indexer.offer(shard, p.pages);
    }
    return out;
  };
  writer.begin();
  let search: Awaited<ReturnType<SearchIndexer['finish']>>;
  let merged: ReturnType<typeof mergeOutputs>;
  try {
    const pages = renderSite({ index, config, templates, strings, page, diagnostics });
    lap(`render (${rendered} of ${fingerprints.size} pages rendered)`);
    merged = mergeOutputs(pages, await publicFiles(options.publicDir));
    diagnostics.push(...merged.diagnostics);
    // Every article page made (generated pages win over public/ files of the same path).
    search = await indexer.finish([...pending.values()].flatMap((p) => p.pages));
  } finally {
    await indexer.close();
  }
  for (const message of search.errors) diagnostics.push({ file: SEARCH_DIR, field: 'search', severity: 'warning', message: `search index: ${message}` });
  merged.files.push(...search.files);
  merged.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  lap('search');
  // Files besides pages (feeds, API, public files, search) are kept when their bytes are the same.
  const files = merged.files.map((f) => (fingerprints.has(f.path) || !unchanged(f.path, f.hash ?? hashOf(f.contents)) ? f : reusedFile(writer, f.path, known[f.path]![1])));
  // Cached search files not kept are read (and checked against their hashes) before anything is written: one found damaged restarts the build.
  for (const f of files) if (f.hash && !f.reused) void f.contents;
  if (cacheDir) dropSiteState(cacheDir, writer.id);
  const signatures = await writer.write(files);
  lap('write');

  const failed = [...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))].sort();
  const sorted = sortDiagnostics(diagnostics);
  const summary: BuildSummary = { articles: normalised.articles.length, pages: files.filter((f) => f.path.endsWith('.html')).length, files: files.length, failed, diagnostics: sorted };
  if (cacheDir) {
    const state: Record<string, [string, string]> = {};
    for (const f of files) {
      const sig = signatures.get(f.path);
      if (sig) state[f.path] = [fingerprints.get(f.path)!, sig];
    }
    writeSiteState(cacheDir, { out: writer.id, epoch, inputs: options.inputs ?? '', files: state, sources: loaded.sources, summary });
  }
  return { articles: normalised.articles, index, files, diagnostics: sorted, failed, summary };
}
export { DEFAULT_PATHS, resolvePath } from './paths.js';
