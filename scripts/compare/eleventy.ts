// Eleventy for --compare: installed from npm into a folder of its own under the system's
// temporary folder (kept between runs; never in our package.json), the site in
// scripts/compare/eleventy/, and our corpus copied in as it is: Eleventy reads our Markdown
// and front matter directly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { timed } from '../lib/timed.js';
import { run, type Tool } from './common.js';

const TEMPLATES = path.join(path.dirname(new URL(import.meta.url).pathname), 'eleventy');
const INSTALL = path.join(os.tmpdir(), 'newsarchive-compare', 'eleventy');
const PACKAGE = path.join(INSTALL, 'node_modules', '@11ty', 'eleventy');
/** What `npx @11ty/eleventy` runs, started with node directly (npx would add npm's own start-up). */
const CMD = path.join(PACKAGE, 'cmd.cjs');

/** An add-one rebuild in `--watch --incremental` mode. */
export interface WatchRun { seconds: number; cpu: number; written: number; skipped: number; mib: number }

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

export interface EleventyTool extends Tool {
  /** Starts Eleventy in watch mode, waits for its first build, adds the article and times the rebuild. */
  watchAddOne(name: string, contents: string): Promise<WatchRun>;
}

export function eleventy(work: string): EleventyTool {
  const site = path.join(work, 'eleventy');
  const added = path.join(site, 'articles', 'batch-added');
  const add = (name: string, contents: string) => {
    fs.mkdirSync(added, { recursive: true });
    fs.writeFileSync(path.join(added, name), contents);
  };
  return {
    name: 'Eleventy',
    out: path.join(work, 'eleventy-site'),
    install() {
      if (!fs.existsSync(CMD)) {
        process.stderr.write(`compare: installing Eleventy (npm install @11ty/eleventy@3 in ${INSTALL})\n`);
        fs.mkdirSync(INSTALL, { recursive: true });
        fs.writeFileSync(path.join(INSTALL, 'package.json'), '{ "private": true }\n');
        run('npm', ['install', '--no-audit', '--no-fund', '@11ty/eleventy@3'], INSTALL);
      }
      this.name = `Eleventy ${JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')).version}`;
    },
    prepare(content) {
      fs.rmSync(site, { recursive: true, force: true });
      fs.rmSync(this.out, { recursive: true, force: true });
      fs.cpSync(TEMPLATES, site, { recursive: true });
      // The articles as they are; not our registries (_data/ would be Eleventy's global data).
      fs.cpSync(content, path.join(site, 'articles'), { recursive: true, filter: (f) => path.basename(f) !== '_data' });
    },
    build() {
      return timed(process.execPath, [CMD, '--quiet', '--output', this.out], { cwd: site });
    },
    add,
    watchAddOne(name, contents) {
      const child = spawn(process.execPath, [CMD, '--quiet', '--watch', '--incremental', '--output', this.out], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      child.stderr.on('data', (d) => (log += d));
      return new Promise<WatchRun>((resolve, reject) => {
        let adding: NodeJS.Timeout | undefined;
        let unseen: NodeJS.Timeout | undefined;
        let start = 0;
        let cpuBefore = 0;
        let buffer = '';
        const stop = (then: () => void) => {
          for (const t of [timer, adding, unseen]) clearTimeout(t);
          child.removeAllListeners('exit');
          child.once('exit', then);
          child.kill();
        };
        const fail = (why: string) => stop(() => reject(new Error(`eleventy --watch: ${why}\n${log.slice(-2000)}`)));
        const timer = setTimeout(() => fail('no rebuild within 10 minutes'), 10 * 60_000);
        child.once('exit', (code) => reject(new Error(`eleventy --watch exited (${code})\n${log.slice(-2000)}`)));
        child.stdout.on('data', (d) => {
          buffer += d;
          let nl;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            log += `${line}\n`;
            // The watcher may still be scanning the folder when Eleventy says it is watching: a file
            // added at once can go unseen. The clock starts when the article is written.
            if (!adding && line.includes('Watching')) {
              adding = setTimeout(() => {
                start = performance.now();
                cpuBefore = cpuOf(child.pid!);
                add(name, contents);
                unseen = setTimeout(() => fail('the added article went unseen for a minute'), 60_000);
              }, 5000);
            }
            if (line.includes('File added')) clearTimeout(unseen);
            const wrote = /Wrote (\d+) files?(?: \(skipped (\d+)\))?/.exec(line);
            if (start && wrote) {
              const seconds = (performance.now() - start) / 1000;
              const cpu = cpuOf(child.pid!) - cpuBefore;
              // Peak memory of the watching process, its first build included.
              const mib = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
              stop(() => resolve({ seconds, cpu, written: Number(wrote[1]), skipped: Number(wrote[2] ?? 0), mib }));
            }
          }
        });
      });
    },
  };
}
