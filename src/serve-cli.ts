#!/usr/bin/env -S node --max-old-space-size=12288
// Local preview: builds the site, serves it on localhost, and rebuilds when an article, a
// registry, a template, a public file, the site settings or the language data change. Each
// build goes through the normal command (and its swap-in-when-complete writer), so the
// server never hands out a half-written site.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PATHS, resolvePath } from './paths.js';
import { parseCommand } from './cliArgs.js';
import { contentType } from './write/contentTypes.js';

const USAGE = `Usage: npm run serve -- [options]

Builds the site, serves it at http://localhost:PORT/ and rebuilds on every change.

Options:
  --port N          port to listen on (default: 4321; 0 picks a free one)
  --content DIR     articles and _data/ registries (default: ${DEFAULT_PATHS.content})
  --out DIR         where the site is written (default: ${DEFAULT_PATHS.out})
  --templates DIR   Handlebars templates (default: ${DEFAULT_PATHS.templates})
  --public DIR      files copied as they are (default: ${DEFAULT_PATHS.public})
  --config FILE     site settings (default: ${DEFAULT_PATHS.config}, optional)
  -h, --help        show this help`;

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(argv: string[]): Promise<number> {
  const args = parseCommand(argv, {
    port: { type: 'string' }, content: { type: 'string' }, out: { type: 'string' }, templates: { type: 'string' },
    public: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  }, USAGE);
  if (typeof args === 'number') return args;
  const port = Number(args.port ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port ${args.port}: not a port number (0–65535)\n`);
    return 2;
  }
  const outDir = resolvePath(args.out ?? DEFAULT_PATHS.out);
  const buildArgs = ['content', 'out', 'templates', 'public', 'config'].flatMap((k) => (args[k as keyof typeof args] ? [`--${k}`, String(args[k as keyof typeof args])] : []));

  // One build at a time; a change during a build asks for one more afterwards.
  let building = false;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (building) { again = true; return; }
    building = true;
    const code = await new Promise<number>((resolve) => {
      // The compiled command next to this file; from the sources (tests), the TypeScript one.
      const cli = fs.existsSync(path.join(here, 'cli.js')) ? [path.join(here, 'cli.js')] : ['--import', 'tsx', path.join(here, 'cli.ts')];
      const child = spawn(process.execPath, [...cli, '--quiet', ...buildArgs], { stdio: 'inherit' });
      child.on('close', (c) => resolve(c ?? 1));
    });
    building = false;
    process.stdout.write(code === 2 ? 'build failed; fix the problem above and save again\n' : `rebuilt; watching for changes\n`);
    if (again) { again = false; await rebuild(); }
  };
  await rebuild();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(outDir, rel);
    if (!file.startsWith(outDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      const notFound = path.join(outDir, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as { port: number }).port;
  process.stdout.write(`Serving ${path.relative(process.cwd(), outDir) || '.'} at http://localhost:${actual}/ (Ctrl-C to stop)\n`);

  // Watch what a build reads; the output folder is never watched.
  const watched = [args.content ?? DEFAULT_PATHS.content, args.templates ?? DEFAULT_PATHS.templates, args.public ?? DEFAULT_PATHS.public, 'data']
    .map(resolvePath).filter((d) => fs.existsSync(d));
  const configFile = resolvePath(args.config ?? DEFAULT_PATHS.config);
  let timer: NodeJS.Timeout | undefined;
  const changed = () => { clearTimeout(timer); timer = setTimeout(() => void rebuild(), 200); };
  for (const dir of watched) fs.watch(dir, { recursive: true }, changed);
  if (fs.existsSync(configFile)) fs.watch(configFile, changed);
  return new Promise<number>(() => {});
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(2);
});
