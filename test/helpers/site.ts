// Test helpers: run the CLI, serve a built site under a sub-path, crawl it.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { contentType } from '../../src/write/contentTypes.js';

/** Project root. */
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `newsarchive-${prefix}-`));
}

/** Runs the CLI (through tsx, from the project root) and returns its exit status and output. */
export function runCli(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a directory, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every file of a built site with a hash of its bytes: two sites are the same when their snapshots are. */
export function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

/** Serves `dir` under `prefix` (e.g. "/some/dir/") like a plain static file server. */
export async function serve(dir: string, prefix: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end('outside the site'); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': contentType(file) });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { base: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The href and src values of an HTML page (entities in them decoded). */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** Crawls a served site from its base URL; returns every page reached and every broken link. */
export async function crawl(base: string): Promise<{ pages: Map<string, string>; broken: string[]; absolute: string[] }> {
  const pages = new Map<string, string>();
  const broken: string[] = [];
  const absolute: string[] = [];
  const queue = [base];
  const seen = new Set(queue);
  while (queue.length) {
    const url = queue.shift()!;
    const res = await fetch(url);
    if (res.status !== 200) { broken.push(url); continue; }
    const type = res.headers.get('content-type') ?? '';
    const body = await res.text();
    if (!type.startsWith('text/html')) continue;
    pages.set(url.slice(base.length) || '', body);
    for (const link of linksOf(body)) {
      if (/^(?:https?:|mailto:|#)/.test(link)) continue;
      if (link.startsWith('/')) absolute.push(`${url} → ${link}`);
      const target = new URL(link, url);
      target.hash = '';
      if (!target.href.startsWith(base)) { broken.push(`${url} → ${link} (leaves the site)`); continue; }
      if (!seen.has(target.href)) { seen.add(target.href); queue.push(target.href); }
    }
  }
  return { pages, broken, absolute };
}
