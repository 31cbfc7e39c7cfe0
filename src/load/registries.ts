// The archive's registries in content/_data/: people, topics and outlets.
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, OutletEntry, PersonEntry, Registries, TopicEntry, TopicEvent } from '../model.js';
import { slugify } from '../text/slug.js';
import { DATA_FOLDER } from './files.js';
import { parseYaml } from './yaml.js';

/** File names of the registries inside the data folder. */
export const REGISTRY_FILES = { people: 'people.yml', topics: 'topics.yml', outlets: 'sources.yml' } as const;

/** A registry that cannot be read at all: the build stops with exit status 2. */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

function stringList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined).map(String);
}

type Entry = Record<string, unknown>;

/** Reads one registry file as a list of entries; a missing file is an empty registry. */
function readEntries(dir: string, name: string, diagnostics: Diagnostic[]): { entry: Entry; line?: number; file: string }[] {
  const full = path.join(dir, name);
  const file = `${DATA_FOLDER}/${name}`;
  if (!fs.existsSync(full)) return [];
  const parsed = parseYaml(fs.readFileSync(full, 'utf8').replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    throw new ConfigError(`${file}:${parsed.line ?? 1}: registry: YAML cannot read it: ${parsed.reason}. Fix the YAML and build again`);
  }
  if (parsed.data === null || parsed.data === undefined) return [];
  if (!Array.isArray(parsed.data)) {
    throw new ConfigError(`${file}:1: registry: must be a list of entries (each starting with "- name: …")`);
  }
  // Entry lines: find each "- " at column 0 in order.
  const lines = fs.readFileSync(full, 'utf8').split('\n');
  const starts = lines.flatMap((l, i) => (/^- /.test(l) ? [i + 1] : []));
  const out: { entry: Entry; line?: number; file: string }[] = [];
  parsed.data.forEach((entry, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry) || !('name' in entry)) {
      diagnostics.push({ file, line: starts[i], field: 'registry', severity: 'warning', message: 'entry without a name; it is ignored. Give it "name: …"' });
      return;
    }
    out.push({ entry: entry as Entry, line: starts[i], file });
  });
  return out;
}

function withIds<T extends { id: string; name: string }>(items: { value: T; line?: number; file: string }[], diagnostics: Diagnostic[]): T[] {
  const seen = new Map<string, number | undefined>();
  const out: T[] = [];
  for (const { value, line, file } of items) {
    if (!value.id) {
      diagnostics.push({ file, line, field: 'registry', severity: 'warning', message: `"${value.name}" gives no usable id; it is ignored. Add "id: some-ascii-id"` });
      continue;
    }
    if (seen.has(value.id)) {
      diagnostics.push({ file, line, field: 'registry', severity: 'warning', message: `id "${value.id}" is used twice (first on line ${seen.get(value.id)}); the second entry is ignored` });
      continue;
    }
    seen.set(value.id, line);
    out.push(value);
  }
  return out;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads `offices: [{role, from, to}]`; a period with an unreadable date is dropped with a warning. */
function offices(value: unknown, file: string, line: number | undefined, diagnostics: Diagnostic[]): PersonEntry['offices'] {
  if (!Array.isArray(value)) return [];
  const out: PersonEntry['offices'] = [];
  for (const o of value) {
    const rec = (o ?? {}) as Record<string, unknown>;
    const from = rec.from ? String(rec.from) : null;
    const to = rec.to ? String(rec.to) : null;
    if ((from && !DAY.test(from)) || (to && !DAY.test(to))) {
      diagnostics.push({ file, line, field: 'registry', severity: 'warning', message: `office "${String(rec.role ?? '')}": from/to must be YYYY-MM-DD; the period is ignored` });
      continue;
    }
    out.push({ role: String(rec.role ?? ''), from, to });
  }
  return out;
}

/** Reads a topic's `events: [{name, date, keywords}]`; an event without a readable date is dropped with a warning. */
function events(value: unknown, file: string, line: number | undefined, diagnostics: Diagnostic[]): TopicEvent[] {
  if (!Array.isArray(value)) return [];
  const out: TopicEvent[] = [];
  for (const e of value) {
    const rec = (e ?? {}) as Record<string, unknown>;
    const date = rec.date instanceof Date ? rec.date.toISOString().slice(0, 10) : String(rec.date ?? '');
    const keywords = stringList(rec.keywords);
    if (!DAY.test(date) || !keywords.length) {
      diagnostics.push({ file, line, field: 'registry', severity: 'warning', message: `event "${String(rec.name ?? '')}": needs date: YYYY-MM-DD and keywords: [...]; it is ignored` });
      continue;
    }
    out.push({ name: String(rec.name ?? date), date, keywords });
  }
  return out;
}

/** Loads the three registries from `<contentDir>/_data/`. */
export function loadRegistries(contentDir: string): { registries: Registries; diagnostics: Diagnostic[] } {
  const dir = path.join(contentDir, DATA_FOLDER);
  const diagnostics: Diagnostic[] = [];
  const idOf = (e: Entry) => slugify(String(e.id ?? e.name));
  const people = withIds<PersonEntry>(
    readEntries(dir, REGISTRY_FILES.people, diagnostics).map(({ entry, line, file }) => ({
      line, file,
      value: { id: idOf(entry), name: String(entry.name), aliases: stringList(entry.aliases), description: entry.description ? String(entry.description) : undefined, offices: offices(entry.offices, file, line, diagnostics) },
    })),
    diagnostics,
  );
  const topics = withIds<TopicEntry>(
    readEntries(dir, REGISTRY_FILES.topics, diagnostics).map(({ entry, line, file }) => ({
      line, file,
      value: { id: idOf(entry), name: String(entry.name), aliases: stringList(entry.aliases), keywords: stringList(entry.keywords), description: entry.description ? String(entry.description) : undefined, events: events(entry.events, file, line, diagnostics) },
    })),
    diagnostics,
  );
  const outlets = withIds<OutletEntry>(
    readEntries(dir, REGISTRY_FILES.outlets, diagnostics).map(({ entry, line, file }) => ({
      line, file,
      value: {
        id: idOf(entry), name: String(entry.name),
        hosts: stringList(entry.hosts).map((h) => h.toLowerCase().replace(/^www\./, '')),
        aliases: stringList(entry.aliases),
        homepage: entry.homepage ? String(entry.homepage) : undefined,
      },
    })),
    diagnostics,
  );
  return { registries: { people, topics, outlets }, diagnostics };
}
