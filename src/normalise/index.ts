// The normalise stage: RawArticle[] → Article[] + Diagnostic[].
// Fields run in this order; a later field reads the ones before it. Adding a field means
// one file and one line here.
import type { DupSketch } from './duplicates.js';
import type { Article, Diagnostic, RawArticle, Registries } from '../model.js';
import { normaliseAgencies } from './agencies.js';
import { normaliseAuthor } from './author.js';
import { cleanBody, wordCount } from './body.js';
import { normaliseDate } from './date.js';
import type { Draft, FieldNormaliser } from './draft.js';
import { finishNormalise, isDraft } from './finish.js';
import { normaliseLanguage } from './language.js';
import { normalisePeople } from './people.js';
import { normaliseSource } from './source.js';
import { normaliseStory } from './story.js';
import { normaliseSummary } from './summary.js';
import { normaliseTitle } from './title.js';
import { normaliseTopics } from './topics.js';

/** The field normalisers, in the order they run. */
export const FIELDS: readonly [string, FieldNormaliser][] = [
  ['body', cleanBody],
  ['lang', normaliseLanguage],
  ['title', normaliseTitle],
  ['author', normaliseAuthor],
  ['source', normaliseSource],
  ['agencies', normaliseAgencies],
  ['people', normalisePeople],
  ['date', normaliseDate],
  ['topics', normaliseTopics],
  ['summary', normaliseSummary],
  ['story', normaliseStory],
];

/** Metadata keys the normalisers read; everything else goes to `extra`. */
export const KNOWN_KEYS = new Set(['title', 'date', 'lang', 'language', 'source', 'url', 'author', 'people', 'topics', 'tags', 'slug', 'summary', 'description', 'draft', 'agencies', 'story']);

/** The article body as the renderer gets it: Markdown as written, or paragraphs of a capture. */
function finalBody(draft: Draft): string {
  if (draft.raw.format === 'text') return (draft.blocks ?? []).map((b) => b.text).join('\n\n');
  const drop = new Set((draft.removed ?? []).map((r) => r.line));
  return draft.raw.body
    .split('\n')
    .filter((_, i) => !drop.has(draft.raw.bodyLine + i))
    .join('\n')
    .trim();
}

/** Normalises one article. Field normalisers never throw on content; a thrown error is a bug. */
export function normaliseArticle(raw: RawArticle, registries: Registries): { article: Omit<Article, 'id' | 'slug' | 'url'>; diagnostics: Diagnostic[] } {
  let draft: Draft = { raw, registries };
  const diagnostics: Diagnostic[] = [];
  for (const [name, field] of FIELDS) {
    try {
      const result = field(draft);
      draft = { ...draft, ...result.set };
      diagnostics.push(...result.diagnostics);
    } catch (err) {
      throw new Error(`${raw.file}: normalising ${name} failed: ${(err as Error).message}`, { cause: err });
    }
  }
  const body = finalBody(draft);
  const extra = Object.fromEntries(Object.entries(raw.meta).filter(([k]) => !KNOWN_KEYS.has(k)));
  return {
    article: {
      file: raw.file,
      format: raw.format,
      title: draft.title!,
      titleOrigin: draft.titleOrigin!,
      lang: draft.lang!,
      dir: draft.dir!,
      date: draft.date ?? null,
      source: draft.source!,
      author: draft.author ?? null,
      agencies: draft.agencies ?? [],
      people: draft.people ?? [],
      topics: draft.topics ?? [],
      summary: draft.summary ?? '',
      story: draft.story ?? null,
      body,
      words: wordCount(body),
      extra,
      hash: raw.hash,
    },
    diagnostics,
  };
}

/**
 * What normalising one article gave: the article before slugs, its diagnostics, and (from
 * normaliseAndRender) the sketch duplicate detection compares.
 */
export type Normalised = ReturnType<typeof normaliseArticle> & {
  dup?: DupSketch;
  /**
   * From the cache: the article came without its body and body HTML, which this reads (and
   * checks) when something asks for them (src/normalise/parallel.ts).
   */
  lazyBody?: () => { body: string; bodyHtml: string };
};

/** An article the normaliser failed on: a bug, reported against the file so the rest still builds. */
export interface Failed {
  failed: Diagnostic;
}

/** Runs `work` for one file; an exception (a bug, never bad content) becomes that file's error. */
export function guarded(file: string, work: () => Normalised): Normalised | Failed {
  try {
    return work();
  } catch (err) {
    const reason = (err as Error).message ?? String(err);
    return { failed: { file, field: 'internal', severity: 'error', message: `the generator failed on this file (${reason}); it was not built. This is a bug: please report it with the file` } };
  }
}

/** Normalises every article and gives each a unique, stable slug. Drafts are left out (with a notice). */
export function normaliseAll(raws: RawArticle[], registries: Registries): { articles: Article[]; diagnostics: Diagnostic[] } {
  return finishNormalise(raws, raws.map((raw) => (isDraft(raw) ? null : guarded(raw.file, () => normaliseArticle(raw, registries)))), registries);
}

export { finishNormalise, isDraft };
