// What the last build published, kept in the cache so the next build does only what changed:
// - for every file of the site, a fingerprint of what it was made from (a page's template
//   kind and context, or a file's bytes) and the writer's signature of the published file;
//   a page whose fingerprint is unchanged, and whose published file is still the one written,
//   is kept as it is instead of being rendered and written again;
// - a fingerprint of every input (each file's size, time and inode, the settings, the code),
//   and the build's report: when nothing changed, the build reprints the report and stops.
// The state is only trusted for the same output folder, code, templates and settings (its
// epoch); a missing, stale or corrupt state means a full build, never different output.
import fs from 'node:fs';
import path from 'node:path';
import { hashOf, writeJsonWhole } from './cache.js';
import type { Diagnostic } from '../model.js';
import type { KnownSource } from '../load/load.js';

const FORMAT = 1;

/** What the closing summary of a build needs (counts, problems), kept for a no-op build. */
export interface BuildSummary {
  articles: number;
  pages: number;
  files: number;
  failed: string[];
  diagnostics: Diagnostic[];
}

export interface SiteState {
  format: number;
  /** The output folder, absolute. */
  out: string;
  /** Code, templates and settings: what makes a fingerprint mean the same bytes. */
  epoch: string;
  /** Every input's fingerprint (see inputFingerprint), or '' when unknown. */
  inputs: string;
  /** Per output path: [fingerprint of its making, signature of the published file]. */
  files: Record<string, [string, string]>;
  /** Per article file: what the load stage needs to skip reading it when it is unchanged. */
  sources: Record<string, KnownSource>;
  summary: BuildSummary;
}

function stateFile(cacheDir: string, out: string): string {
  return path.join(cacheDir, 'site', `${hashOf(path.resolve(out)).slice(0, 16)}.json`);
}

function isState(v: unknown, out: string): v is SiteState {
  const s = v as SiteState;
  return typeof s === 'object' && s !== null && s.format === FORMAT && s.out === path.resolve(out) && typeof s.epoch === 'string'
    && typeof s.inputs === 'string' && typeof s.files === 'object' && s.files !== null && typeof s.sources === 'object' && s.sources !== null && typeof s.summary === 'object' && s.summary !== null
    && Array.isArray(s.summary.diagnostics) && Array.isArray(s.summary.failed);
}

/** The last build's state for an output folder, or null (none, unreadable or malformed). */
export function readSiteState(cacheDir: string, out: string): SiteState | null {
  try {
    const v: unknown = JSON.parse(fs.readFileSync(stateFile(cacheDir, out), 'utf8'));
    return isState(v, out) ? v : null;
  } catch {
    return null;
  }
}

/** Stores the state: written beside its place and renamed, so a killed build leaves the old one or the new one. */
export function writeSiteState(cacheDir: string, state: Omit<SiteState, 'format'>): void {
  writeJsonWhole(stateFile(cacheDir, state.out), { format: FORMAT, ...state });
}

/** Forgets the state of an output folder (before a build that may fail halfway). */
export function dropSiteState(cacheDir: string, out: string): void {
  fs.rmSync(stateFile(cacheDir, out), { force: true });
}
