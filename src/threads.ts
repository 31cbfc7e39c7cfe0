// Starting a worker thread from the script beside the calling module: the compiled `.js`
// under lib/, or the `.ts` source when run through tsx (the tests), whose loader a worker
// must register before it can import TypeScript.
import { Worker } from 'node:worker_threads';

/** A worker running `name` (without extension) from the folder of the module at `from` (its import.meta.url). */
export function startWorker(from: string, name: string, workerData: unknown): Worker {
  const here = new URL(from);
  const source = here.pathname.endsWith('.ts');
  const script = new URL(`./${name}.${source ? 'ts' : 'js'}`, here);
  return source
    ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`, { eval: true, workerData })
    : new Worker(script, { workerData });
}
