// A worker thread that builds search bundles (src/index/search.ts) with a Pagefind process
// of its own. Jobs (a shard's pages) arrive while the main thread renders; the worker takes
// them in order, each only if it claims it first in the shared claims array (the main thread
// takes them from the other end once it has rendered), and answers each one it indexes. A
// page given by where it is on disk (`source`) is read here, when its shard is indexed. On
// `end`, it finishes, closes its Pagefind process and exits.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { close } from 'pagefind';
import type { OutputFile } from '../model.js';
import { CLAIM, makeIndex } from './search.js';

type Sent = { path: string; contents: string } | { path: string; source: string };
type Message = { id: number; pages: Sent[] } | { end: true };

const claims = (workerData as { claims: Int32Array }).claims;
const queue: { id: number; pages: Sent[] }[] = [];
let ended = false;
let running = false;
let started = false;

const pageOf = (p: Sent): OutputFile => ('source' in p
  ? { path: p.path, source: p.source, get contents() { return fs.readFileSync(p.source); } }
  : p);

async function run(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (Atomics.compareExchange(claims, job.id, CLAIM.free, CLAIM.worker) !== CLAIM.free) continue;
      started = true;
      const made = await makeIndex(job.pages.map(pageOf));
      const files = made.files.map((f) => ({ path: f.path, contents: new Uint8Array(f.contents as Buffer) }));
      parentPort!.postMessage({ id: job.id, errors: made.errors, files }, files.map((f) => f.contents.buffer));
    }
  } finally {
    running = false;
  }
  if (ended) {
    if (started) await close();
    parentPort!.close();
  }
}

parentPort!.on('message', (msg: Message) => {
  if ('end' in msg) ended = true;
  else queue.push(msg);
  run().catch((err: Error) => {
    parentPort!.postMessage({ id: -1, error: err.stack ?? String(err) });
    parentPort!.close();
  });
});
