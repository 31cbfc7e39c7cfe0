// Every page of the built sample archive is valid HTML (html-validate's recommended rules;
// see .htmlvalidate.json for the one rule turned off and why).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { listFiles, runCli, tempDir } from './helpers/site.js';

describe('html-validate over every page', () => {
  it('reports zero errors on the sample archive, with and without a base URL', async () => {
    const config = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '.htmlvalidate.json'), 'utf8'));
    const validator = new HtmlValidate(config);
    for (const extra of [[], ['--base-url', 'https://example.org/news/']]) {
      const out = path.join(tempDir('html'), 'site');
      const run = runCli(['--content', 'content', '--out', out, ...extra]);
      assert.equal(run.status, 0, run.stderr);
      const pages = listFiles(out).filter((f) => f.endsWith('.html'));
      assert.ok(pages.length >= 50, `only ${pages.length} pages`);
      const problems: string[] = [];
      for (const rel of pages) {
        const report = await validator.validateString(fs.readFileSync(path.join(out, rel), 'utf8'), rel);
        for (const r of report.results) for (const m of r.messages) problems.push(`${rel}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
      assert.deepEqual(problems, []);
    }
  });
});
