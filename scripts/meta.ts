// Prints the normalised metadata of the archive as JSON: `npx tsx scripts/meta.ts [content-dir]`.
import { loadArticles } from '../src/load/load.js';
import { loadRegistries } from '../src/load/registries.js';
import { normaliseAll } from '../src/normalise/index.js';

const dir = process.argv[2] ?? 'content';
const { raw, diagnostics: d1 } = await loadArticles(dir);
const { registries, diagnostics: d2 } = loadRegistries(dir);
const { articles, diagnostics: d3 } = normaliseAll(raw, registries);
const full = process.argv.includes('--body');
console.log(JSON.stringify(articles.map((a) => ({ ...a, body: full ? a.body : a.body.slice(0, 120) + '…', hash: undefined })), null, 1));
for (const d of [...d1, ...d2, ...d3]) console.error(`${d.file}:${d.line ?? ''}: ${d.field}: ${d.severity}: ${d.message}`);
