import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';
import anyAscii from 'any-ascii';
const tests = {
  lowerLocale: () => { let x = 0; for (let i = 0; i < 2e6; i++) x += ('Hello Wörld' + (i & 255)).toLocaleLowerCase().length; return x; },
  lower: () => { let x = 0; for (let i = 0; i < 2e6; i++) x += ('Hello Wörld' + (i & 255)).toLowerCase().length; return x; },
  normalize: () => { let x = 0; for (let i = 0; i < 2e6; i++) x += ('Hello Wörld' + (i & 255)).normalize('NFC').length; return x; },
  regexP: () => { let x = 0; const re = /[\p{L}\p{N}]+/gu; for (let i = 0; i < 3e5; i++) x += ('Hello Wörld foo bar ' + i).match(re).length; return x; },
  anyAscii: () => { let x = 0; for (let i = 0; i < 1e6; i++) x += anyAscii('Lầu Năm Góc' + (i & 255)).length; return x; },
  alloc: () => { let x = 0; for (let i = 0; i < 3e6; i++) { const o = { a: i, b: [i, i + 1], c: 'x' + i }; x += o.b.length; } return x; },
  split: () => { let x = 0; const s = 'one two three four five six seven eight nine ten '.repeat(20); for (let i = 0; i < 2e4; i++) x += s.split(/\s+/).map((w) => w + i).join(' ').length; return x; },
};
if (isMainThread) {
  for (const name of Object.keys(tests)) {
    const run = (n) => { const t = performance.now(); return Promise.all(Array.from({ length: n }, () => new Promise((r) => { const w = new Worker(new URL(import.meta.url), { workerData: name }); w.on('message', r); }))).then(() => performance.now() - t); };
    const one = await run(1), two = await run(2);
    console.log(name.padEnd(12), 'one worker', one.toFixed(0), 'ms; two workers', two.toFixed(0), 'ms; ratio', (two / one).toFixed(2));
  }
} else { tests[workerData](); parentPort.postMessage(1); }
