// api/articles.json: the archive's machine-readable face. Keep its shape stable
// (documented in the README); add fields, never rename or remove them.
import type { OutputFile, SiteIndex } from '../model.js';

/** Version of the JSON shape; bump only on an incompatible change. */
export const API_VERSION = 1;

export function api(index: SiteIndex): OutputFile {
  const articles = index.articles.map((a) => ({
    id: a.id,
    url: a.url,
    file: a.file,
    title: a.title,
    titleOrigin: a.titleOrigin,
    lang: a.lang,
    dir: a.dir,
    date: a.date?.value ?? null,
    datePrecision: a.date?.precision ?? null,
    dateCertainty: a.date?.certainty ?? null,
    dateEvidence: a.date?.evidence ?? null,
    source: { id: a.source.id, name: a.source.name, url: a.source.url },
    author: a.author,
    agencies: a.agencies,
    people: a.people.map((p) => ({ id: p.id, name: p.name, registered: p.registered, confidence: p.confidence, mentions: p.mentions })),
    topics: a.topics.map((t) => ({ id: t.id, name: t.name })),
    summary: a.summary,
    words: a.words,
    hash: a.hash,
    extra: a.extra,
    story: a.story,
    versions: (index.related[a.id]?.versions ?? []).map((r) => r.id),
    related: (index.related[a.id]?.related ?? []).map((r) => r.id),
  }));
  return { path: 'api/articles.json', contents: `${JSON.stringify({ version: API_VERSION, articles }, null, 2)}\n` };
}
