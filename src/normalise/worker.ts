// A worker thread that normalises articles: it receives the registries once, then batches
// of raw articles, and answers each batch with their normalised forms (bodies rendered), in order.
import { parentPort, workerData } from 'node:worker_threads';
import type { RawArticle, Registries } from '../model.js';
import { normaliseAndRender } from './one.js';

const registries = (workerData as { registries: Registries }).registries;
parentPort!.on('message', (raws: RawArticle[]) => {
  try {
    parentPort!.postMessage({ results: raws.map((raw) => normaliseAndRender(raw, registries)) });
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error).stack ?? String(err) });
  }
});
