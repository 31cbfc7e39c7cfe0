// Runs a command in a fresh process under /usr/bin/time: wall time, CPU time (user + system:
// less sensitive than wall time to other work on the machine) and peak resident memory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface Timed { seconds: number; cpu: number; mib: number; status: number | null; stdout: string; stderr: string }

/** Exits with a hint when /usr/bin/time is missing. */
export function needTime(who: string): void {
  if (fs.existsSync('/usr/bin/time')) return;
  process.stderr.write(`${who}: /usr/bin/time is needed to measure peak memory: apt-get install -y time\n`);
  process.exit(2);
}

/** Runs `command args` under /usr/bin/time; throws unless the exit status is in `ok`. */
export function timed(command: string, args: string[], options: { cwd?: string; ok?: number[] } = {}): Timed {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], { cwd: options.cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (!(options.ok ?? [0]).includes(r.status ?? -1)) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout.slice(-1000)}${r.stderr.slice(-2000)}`);
  // time's line is the last of stderr; the command's own stderr comes before it.
  const lines = r.stderr.trimEnd().split('\n');
  const [seconds, kb, user, system] = lines.pop()!.split(' ').map(Number);
  return { seconds: seconds!, cpu: user! + system!, mib: kb! / 1024, status: r.status, stdout: r.stdout, stderr: lines.join('\n') };
}
