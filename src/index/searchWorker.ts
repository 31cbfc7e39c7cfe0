// A worker thread that builds search bundles (src/index/search.ts) with a Pagefind process
// of its own: it receives lists of pages, answers with one bundle per list, and ends.
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputFile } from '../model.js';
import { indexShards } from './search.js';

indexShards(workerData as OutputFile[][]).then(
  (results) => parentPort!.postMessage({ results }),
  (err: Error) => parentPort!.postMessage({ error: err.stack ?? String(err) }),
);
