#!/usr/bin/env node
// `npm run review`: reads and normalises the archive (no site is written) and lists, as a
// table, what in its metadata needs a human: inferred or missing dates, missing sources,
// people not in the registry, derived titles.
import fs from 'node:fs';
import { DEFAULT_PATHS, resolvePath } from './paths.js';
import { parseCommand } from './cliArgs.js';
import { loadArticles } from './load/load.js';
import { ConfigError, loadRegistries } from './load/registries.js';
import { REVIEW_KINDS, type ReviewKind } from './model.js';
import { normaliseAll } from './normalise/index.js';
import { formatReviewTable, reviewList } from './review.js';

const USAGE = `Usage: npm run review -- [options]

Lists what in the archive's metadata needs a human, without building the site.

Options:
  --content DIR   articles and _data/ registries (default: ${DEFAULT_PATHS.content})
  --kind KIND     only this kind (repeatable): ${Object.keys(REVIEW_KINDS).join(', ')}
  --full          do not clip long messages
  --json          print the list as JSON
  -h, --help      show this help`;

async function main(argv: string[]): Promise<number> {
  const args = parseCommand(argv, { content: { type: 'string' }, kind: { type: 'string', multiple: true }, full: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (typeof args === 'number') return args;
  const unknown = (args.kind ?? []).filter((k) => !(k in REVIEW_KINDS));
  if (unknown.length) {
    process.stderr.write(`--kind ${unknown.join(', ')}: unknown; choose from ${Object.keys(REVIEW_KINDS).join(', ')}\n`);
    return 2;
  }
  const contentArg = args.content ?? DEFAULT_PATHS.content;
  const contentDir = resolvePath(contentArg);
  if (!fs.existsSync(contentDir)) {
    process.stderr.write(`${contentArg}: content folder not found; pass --content DIR\n`);
    return 2;
  }
  let registries;
  try {
    registries = loadRegistries(contentDir).registries;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const loaded = await loadArticles(contentDir);
  const { diagnostics } = normaliseAll(loaded.raw, registries);
  let items = reviewList(diagnostics);
  if (args.kind?.length) items = items.filter((i) => (args.kind as string[]).includes(i.kind as ReviewKind));
  if (args.json) process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
  else process.stdout.write(formatReviewTable(items, { columns: process.stdout.columns || 160, full: args.full }));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 70;
  },
);
