// Data taken from an installed package, kept as JSON (src/lang/kept.ts).
//
// Some packages ship their data as JavaScript: eld's language profiles are a 2 MB object
// literal, faker's given names are spread over 69 locale modules. Loaded as modules, they cost
// each thread that normalises 0.3–0.9 s and 35–95 MiB; the same data read back as JSON, a
// fraction of that. An entry is named by the package's version and by the code that derives
// it, so it cannot be stale.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { keep, KEPT_DIR, readKept } from './kept.js';

/** The folder an installed package lives in (the one holding its package.json). */
export function packageRoot(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  while (!fs.existsSync(path.join(dir, 'package.json')) || (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of the package ${name}; run npm install`);
    dir = up;
  }
  return dir;
}

/** A module of an installed package by its path inside the package (past the package's own list of exports). */
export async function importFromPackage<T>(name: string, file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(packageRoot(name), file)).href)) as T;
}

/** The value `make` derives from package `name`, from the JSON kept by an earlier run when there is one. */
export async function derivedData<T>(name: string, make: () => Promise<T>): Promise<T> {
  const root = packageRoot(name);
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const key = crypto.createHash('sha256').update(`${name}@${version}\0${make.toString()}`).digest('hex').slice(0, 32);
  const file = path.join(KEPT_DIR, 'derived', `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-/, '')}-${key}.json`);
  const kept = readKept<T>(file);
  if (kept !== undefined) return kept;
  const data = await make();
  keep(file, data);
  return data;
}
