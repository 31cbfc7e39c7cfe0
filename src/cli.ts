#!/usr/bin/env -S node --max-old-space-size=12288
// Command line: arguments, printing problems, the closing summary, exit status.
//   0 every article built · 1 some files had errors (the rest of the site was written) · 2 usage or configuration error
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { inputFingerprint } from './cache/inputs.js';
import { readSiteState, type BuildSummary } from './cache/siteState.js';
import { parseCommand } from './cliArgs.js';
import { loadConfig, normaliseBaseUrl } from './config.js';
import { ConfigError } from './load/registries.js';
import type { Diagnostic } from './model.js';
import { DEFAULT_PATHS, resolvePath } from './paths.js';
import { reviewCounts, reviewList } from './review.js';
import { DiskWriter } from './write/disk.js';

const USAGE = `Usage: npm run build -- [options]

Builds the static site from the content folder.

Options:
  --content DIR     articles and _data/ registries (default: ${DEFAULT_PATHS.content})
  --out DIR         where the site is written (default: ${DEFAULT_PATHS.out})
  --base-url URL    absolute URL the site is published at, for feeds, sitemap and canonical links
  --report FILE     write every problem found as JSON to FILE
  --config FILE     site settings (default: ${DEFAULT_PATHS.config}, optional)
  --templates DIR   Handlebars templates (default: ${DEFAULT_PATHS.templates})
  --public DIR      files copied as they are (default: ${DEFAULT_PATHS.public})
  --cache-dir DIR   the build cache: unchanged articles are not normalised again, unchanged
                    pages not rendered or written again (default: ${DEFAULT_PATHS.cache})
  --no-cache        build without reading or writing the cache
  --jobs N          threads to normalise with (default: the machine's cores, here ${os.availableParallelism()})
  --quiet           print only errors, warnings and the summary
  -h, --help        show this help

Exit status: 0 every article built; 1 some files had errors (the rest of the site
was written); 2 usage or configuration error.`;

/** `path:line: field: severity: message`, with the path as the user wrote it. */
export function formatDiagnostic(d: Diagnostic, contentDir: string): string {
  const shown = d.file.startsWith('public/') || d.file === 'config' || path.isAbsolute(d.file) ? d.file : path.join(contentDir, d.file);
  const where = d.line ? `${shown}:${d.line}${d.column ? `:${d.column}` : ''}` : shown;
  return `${where}: ${d.field}: ${d.severity}: ${d.message}`;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCommand(argv, {
    content: { type: 'string' }, out: { type: 'string' }, 'base-url': { type: 'string' },
    report: { type: 'string' }, config: { type: 'string' }, templates: { type: 'string' },
    public: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    'cache-dir': { type: 'string' }, 'no-cache': { type: 'boolean' }, jobs: { type: 'string' },
  }, USAGE);
  if (typeof args === 'number') return args;
  const started = process.hrtime.bigint();
  const contentArg = args.content ?? DEFAULT_PATHS.content;
  const contentDir = resolvePath(contentArg);
  if (!fs.existsSync(contentDir) || !fs.statSync(contentDir).isDirectory()) {
    process.stderr.write(`${contentArg}: content folder not found. Create it and put articles in it, or pass --content DIR\n`);
    return 2;
  }
  const outDir = resolvePath(args.out ?? DEFAULT_PATHS.out);
  if (path.relative(outDir, contentDir) === '' || !path.relative(outDir, contentDir).startsWith('..')) {
    process.stderr.write(`--out ${args.out}: the output folder must not contain the content folder; it is replaced on every build\n`);
    return 2;
  }
  let config;
  try {
    const configFile = args.config ? resolvePath(args.config) : resolvePath(DEFAULT_PATHS.config);
    if (args.config && !fs.existsSync(configFile)) throw new ConfigError(`${args.config}: config file not found`);
    config = loadConfig(configFile, { baseUrl: args['base-url'] ? normaliseBaseUrl(args['base-url'], '--base-url') : undefined });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const jobs = args.jobs === undefined ? os.availableParallelism() : Number(args.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    process.stderr.write(`--jobs ${args.jobs}: give a whole number of threads, 1 or more\n`);
    return 2;
  }
  const cacheDir = args['no-cache'] ? null : resolvePath(args['cache-dir'] ?? DEFAULT_PATHS.cache);
  const paths = {
    contentDir,
    templatesDir: resolvePath(args.templates ?? DEFAULT_PATHS.templates),
    publicDir: resolvePath(args.public ?? DEFAULT_PATHS.public),
  };
  const writer = new DiskWriter(outDir);
  const restored = writer.restore();
  if (restored) process.stderr.write(`${path.basename(restored)}: a build was killed while publishing; the site it had moved aside is back in ${args.out ?? DEFAULT_PATHS.out}\n`);

  // Nothing changed since the last build (every input and every published file as it left
  // them): its report is printed again, and nothing is read, rendered or written.
  let summary: BuildSummary | null = null;
  let upToDate = false;
  let inputs: string | undefined;
  if (cacheDir) {
    inputs = await inputFingerprint(paths, { config, out: outDir });
    const last = readSiteState(cacheDir, writer.id);
    if (last && last.inputs === inputs && Object.entries(last.files).every(([file, [, sig]]) => writer.signature(file) === sig)) {
      summary = last.summary;
      upToDate = true;
    }
  }
  const progress = progressDisplay(process.stderr);
  if (!summary) {
    try {
      // The heap of each thread grows by at most 30% over what its last full collection left
      // alive, before the next (V8 lets it grow up to fourfold): a large archive's build
      // otherwise carries several hundred MiB of garbage in each thread (measured in the README).
      v8.setFlagsFromString('--heap-growing-percent=30');
      // Loaded only when there is work to do: the parsing and rendering libraries take a while to load.
      const { build } = await import('./build.js');
      summary = (await build({ cacheDir, jobs, progress: progress.update, ...paths, config, writer, inputs })).summary;
    } catch (err) {
      if (err instanceof ConfigError) {
        process.stderr.write(`${err.message}\n`);
        return 2;
      }
      throw err;
    }
  }

  progress.end();
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const d of summary.diagnostics) {
    counts[d.severity]++;
    if (d.severity === 'notice' && args.quiet) continue;
    process.stderr.write(`${formatDiagnostic(d, contentArg)}\n`);
  }
  if (!config.baseUrl) {
    process.stderr.write('note: no base URL (--base-url or baseUrl in site.yml): feed.xml, sitemap.xml and canonical links were not written, since they need absolute addresses\n');
  }
  const review = reviewList(summary.diagnostics);
  if (args.report) {
    const report = {
      version: 1,
      summary: { articles: summary.articles, pages: summary.pages, files: summary.files, failed: summary.failed, errors: counts.error, warnings: counts.warning, notices: counts.notice },
      problems: summary.diagnostics.map((d) => ({ file: d.file, line: d.line ?? null, column: d.column ?? null, field: d.field, severity: d.severity, message: d.message })),
      review,
    };
    fs.mkdirSync(path.dirname(resolvePath(args.report)), { recursive: true });
    fs.writeFileSync(resolvePath(args.report), `${JSON.stringify(report, null, 2)}\n`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { articles, pages, files, failed } = summary;
  process.stdout.write(
    `Built ${articles} article${articles === 1 ? '' : 's'} into ${path.relative(process.cwd(), outDir) || '.'}/: ${pages} pages, ${files} files in ${seconds.toFixed(2)} s. ` +
      `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.notice} notice${counts.notice === 1 ? '' : 's'}` +
      `${failed.length ? `; ${failed.length} file${failed.length === 1 ? '' : 's'} not built` : ''}.` +
      `${upToDate ? ' Nothing had changed since the last build: the site was left as it was.' : ''}\n`,
  );
  if (review.length) {
    const files = new Set(review.map((r) => r.file)).size;
    process.stdout.write(`${files} article${files === 1 ? '' : 's'} need${files === 1 ? 's' : ''} a human look (${reviewCounts(review).map((c) => `${c.count} ${c.label}`).join(', ')}): npm run review\n`);
  }
  return failed.length ? 1 : 0;
}

/**
 * Progress of a long build: nothing for the first two seconds; then on a terminal a bar
 * redrawn in place, elsewhere (CI logs) a plain line at every tenth.
 */
function progressDisplay(stream: NodeJS.WriteStream) {
  const started = Date.now();
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update: (stage: string, done: number, total: number) => {
      const now = Date.now();
      if (now - started < 2000 || total === 0) return;
      if (stream.isTTY) {
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round((done / total) * width);
        stream.write(`\r${stage} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
        drawn = true;
      } else {
        const tenth = Math.floor((done / total) * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${stage}: ${done} of ${total} articles\n`);
      }
    },
    end: () => {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`internal error: ${(err as Error).stack ?? String(err)}\nThis is a bug in the generator; please report it with the command you ran.\n`);
    process.exitCode = 70;
  },
);
