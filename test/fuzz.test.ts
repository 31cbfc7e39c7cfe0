// Property tests: random, malformed and hostile bytes, front matter, Markdown and file names
// fed to the pipeline. Never a crash, never a script in the output, never a file outside
// the output, and every input file either in the site or in the report.
// A modest run by default; FUZZ_RUNS=10000 for the big one (FUZZ_SEED and FUZZ_PATH, from a
// failure's report, replay it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { build } from '../src/build.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { readArticle } from '../src/load/read.js';
import { loadRegistries } from '../src/load/registries.js';
import type { Diagnostic } from '../src/model.js';
import { normaliseAndRender } from '../src/normalise/one.js';
import { MemoryWriter } from '../src/write/disk.js';
import { archive, filePath, fileBytes } from './helpers/fuzz.js';
import { htmlProblems, siteProblems } from './helpers/safety.js';
import { ROOT, tempDir } from './helpers/site.js';

const RUNS = Number(process.env.FUZZ_RUNS) || 0;
/** Single files: cheap, so many. */
const FILE_RUNS = RUNS || 300;
/** Whole archives (1–6 files each, built in memory with search): about a fifth as many, for as many files in all. */
const ARCHIVE_RUNS = RUNS ? Math.ceil(RUNS / 5) : 12;
const options = {
  includeErrorInReport: true,
  ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
  ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
};

const registriesDir = path.join(ROOT, 'test/fixtures/markdown');
const { registries } = loadRegistries(registriesDir);

describe('random, malformed and hostile input', () => {
  it('never crashes reading or normalising a file, and no article body carries a script', (t) => {
    let built = 0;
    fc.assert(fc.property(filePath, fileBytes, (file, bytes) => {
      const read = readArticle(file, bytes);
      if (!read.article) {
        assert.ok(read.diagnostics.some((d) => d.file === file && d.severity === 'error'), `${file} was not built, and no error says why`);
        return;
      }
      const r = normaliseAndRender(read.article, registries);
      assert.ok(!('failed' in r), 'failed' in r ? r.failed.message : '');
      assert.deepEqual(htmlProblems(r.article.bodyHtml!, file, true), []);
      built++;
    }), { numRuns: FILE_RUNS, ...options });
    t.diagnostic(`${FILE_RUNS} files, ${built} built`);
  });

  it('builds every archive: each file in the site or the report, nothing unsafe in any page, feed or path', async (t) => {
    let inputs = 0;
    let inSite = 0;
    const root = tempDir('fuzz');
    let n = 0;
    await fc.assert(fc.asyncProperty(archive, async (files) => {
      const content = path.join(root, String(n++));
      fs.cpSync(path.join(registriesDir, '_data'), path.join(content, '_data'), { recursive: true });
      for (const [p, bytes] of files) {
        fs.mkdirSync(path.dirname(path.join(content, p)), { recursive: true });
        fs.writeFileSync(path.join(content, p), bytes);
      }
      const writer = new MemoryWriter();
      try {
        const result = await build({
          contentDir: content, templatesDir: path.join(ROOT, 'templates'), publicDir: path.join(ROOT, 'public'),
          config: { ...DEFAULT_CONFIG, baseUrl: 'https://example.org/news/' }, writer,
        });
        const api = JSON.parse(String(writer.files.get('api/articles.json'))) as { articles: { file: string }[] };
        const built = new Set(api.articles.map((a) => a.file));
        const about = (f: string) => result.diagnostics.filter((d: Diagnostic) => d.file === f);
        for (const [p] of files) {
          inputs++;
          const article = p.endsWith('.meta.yml') && files.some(([q]) => q === p.slice(0, -'.meta.yml'.length)) ? p.slice(0, -'.meta.yml'.length) : p;
          if (built.has(article)) {
            inSite++;
            assert.deepEqual(about(p).filter((d) => d.severity === 'error' && p === article), [], `${p} is in the site, yet reported as not built`);
          } else {
            assert.ok(about(p).length > 0 || about(article).some((d) => d.severity === 'error' || d.field === 'draft'), `${p} is neither in the site nor in the report`);
          }
        }
        assert.deepEqual(result.diagnostics.filter((d) => d.field === 'internal'), [], 'the generator failed on a file');
        assert.deepEqual(siteProblems(writer.files), []);
      } finally {
        fs.rmSync(content, { recursive: true, force: true });
      }
    }), { numRuns: ARCHIVE_RUNS, ...options });
    fs.rmSync(root, { recursive: true, force: true });
    t.diagnostic(`${ARCHIVE_RUNS} archives, ${inputs} files, ${inSite} in the site`);
  });
});
