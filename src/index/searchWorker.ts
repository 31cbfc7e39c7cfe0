// A worker thread that builds search bundles (src/index/search.ts) with a Pagefind process
// of its own: it receives lists of pages, answers with one bundle per list, and ends. A page
// given by where it is on disk (`source`) is read here, when its shard is indexed.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputFile } from '../model.js';
import { indexShards } from './search.js';

type Sent = { path: string; contents: string } | { path: string; source: string };
const lists = (workerData as Sent[][]).map((list) => list.map((p): OutputFile => ('source' in p
  ? { path: p.path, source: p.source, get contents() { return fs.readFileSync(p.source); } }
  : p)));

indexShards(lists).then(
  (results) => parentPort!.postMessage({ results }),
  (err: Error) => parentPort!.postMessage({ error: err.stack ?? String(err) }),
);
