// Hugo for --compare: Debian's package, the site in scripts/compare/hugo/, and our corpus
// converted to front matter Hugo reads (people, topics, source, language, year and month as
// taxonomies; the bodies unchanged).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { timed } from '../lib/timed.js';
import { corpusArticles, onPath, run, type Tool } from './common.js';

const TEMPLATES = path.join(path.dirname(new URL(import.meta.url).pathname), 'hugo');

/** Our article as Hugo content: the same fields, plus one list per taxonomy. */
export function toHugo(contents: string): string {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(contents);
  if (!m) throw new Error('hugo: an article without front matter');
  const meta = YAML.parse(m[1]!) as { date: string; lang: string; source: { name: string; url: string } };
  const taxonomies = {
    sources: [meta.source.name],
    languages: [meta.lang],
    years: [meta.date.slice(0, 4)],
    months: [meta.date.slice(0, 7)],
  };
  return `---\n${YAML.stringify({ ...meta, ...taxonomies })}---\n${m[2]}`;
}

export function hugo(work: string): Tool {
  const site = path.join(work, 'hugo');
  const articles = path.join(site, 'content', 'articles');
  const cache = path.join(site, 'cache');
  return {
    name: 'Hugo',
    out: path.join(work, 'hugo-site'),
    install() {
      if (!onPath('hugo')) {
        process.stderr.write('compare: installing Hugo (apt-get install -y hugo)\n');
        run('apt-get', ['install', '-y', 'hugo']);
      }
      const version = spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout;
      this.name = `Hugo ${/v(\d+\.\d+\.\d+)/.exec(version)?.[1] ?? '?'}`;
    },
    prepare(content) {
      fs.rmSync(site, { recursive: true, force: true });
      fs.rmSync(this.out, { recursive: true, force: true });
      fs.cpSync(TEMPLATES, site, { recursive: true });
      for (const file of corpusArticles(content)) {
        fs.mkdirSync(path.join(articles, path.dirname(file)), { recursive: true });
        fs.writeFileSync(path.join(articles, file), toHugo(fs.readFileSync(path.join(content, file), 'utf8')));
      }
    },
    // --cacheDir inside the site: a cold build starts without one, the add-one build reuses it.
    build() {
      return timed('hugo', ['--quiet', '--source', site, '--cacheDir', cache, '-d', this.out]);
    },
    add(name, contents) {
      fs.mkdirSync(path.join(articles, 'batch-added'), { recursive: true });
      fs.writeFileSync(path.join(articles, 'batch-added', name), toHugo(contents));
    },
  };
}
