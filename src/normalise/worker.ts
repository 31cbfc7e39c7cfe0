// A worker thread that normalises articles: it receives the registries once, then batches
// of raw articles, and answers each batch with their normalised forms, in order.
import { parentPort, workerData } from 'node:worker_threads';
import type { RawArticle, Registries } from '../model.js';
import { normaliseAndRender } from './parallel.js';

const registries = (workerData as { registries: Registries }).registries;
parentPort!.on('message', (msg: { id: number; raws: RawArticle[] }) => {
  try {
    parentPort!.postMessage({ id: msg.id, results: msg.raws.map((raw) => normaliseAndRender(raw, registries)) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: (err as Error).stack ?? String(err) });
  }
});
