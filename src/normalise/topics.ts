// Topics: front matter topics/tags go through the registry's aliases (OTAN → NATO);
// otherwise the registry's multilingual keywords are looked for in the title and text.
import type { TopicEntry, TopicRef } from '../model.js';
import { fold } from '../text/fold.js';
import { keywordMatcher } from '../text/keywords.js';
import { slugify } from '../text/slug.js';
import { bodyDiagnostic, given, metaDiagnostic, type FieldNormaliser } from './draft.js';

/** A title mention weighs this many paragraph mentions. */
export const TITLE_WEIGHT = 3;
/** Weighted paragraphs a keyword topic needs: a passing mention in one paragraph is not a topic. */
export const MIN_TOPIC_SCORE = 2;

const matchers = new WeakMap<TopicEntry, (folded: string) => boolean>();

/** Does a folded text mention the topic? */
function mentions(topic: TopicEntry, foldedText: string): boolean {
  let m = matchers.get(topic);
  if (!m) {
    m = keywordMatcher(topic.keywords.length ? topic.keywords : [topic.name, ...topic.aliases]);
    matchers.set(topic, m);
  }
  return m(foldedText);
}

/** Finds a registry topic by id, name or alias (case, accents and script folded). */
export function findTopic(registry: TopicEntry[], name: string): TopicEntry | undefined {
  const key = fold(name).replace(/[^a-z0-9]+/g, ' ').trim();
  return registry.find((t) => [t.id, t.name, ...t.aliases].some((a) => fold(a).replace(/[^a-z0-9]+/g, ' ').trim() === key));
}

/** Topics of a text: title mentions weigh TITLE_WEIGHT, each paragraph that mentions the topic one. */
export function detectTopics(registry: TopicEntry[], title: string, paragraphs: string[]): TopicRef[] {
  const ft = fold(title);
  const fp = paragraphs.map(fold);
  return registry
    .filter((t) => (mentions(t, ft) ? TITLE_WEIGHT : 0) + fp.filter((p) => mentions(t, p)).length >= MIN_TOPIC_SCORE)
    .map((t) => ({ id: t.id, name: t.name }));
}

export const normaliseTopics: FieldNormaliser = (draft) => {
  const registry = draft.registries.topics;
  const key = given(draft, 'topics') !== undefined ? 'topics' : 'tags';
  const fm = given(draft, key);
  const diagnostics = [];
  let topics: TopicRef[];
  if (fm !== undefined) {
    // A list, or topics separated by commas (the type is checked in src/load/fields.ts).
    const list = Array.isArray(fm) ? fm.map(String) : String(fm).split(/\s*,\s*/);
    topics = list.map((s) => s.trim()).filter(Boolean).map((name) => {
      const known = findTopic(registry, name);
      if (known) return { id: known.id, name: known.name };
      diagnostics.push(metaDiagnostic(draft, key, 'notice', `topic "${name}" is not in _data/topics.yml; it gets a page under its own name. Register it to give it aliases`));
      return { id: slugify(name) || 'topic', name };
    });
  } else {
    topics = detectTopics(registry, draft.title ?? '', (draft.blocks ?? []).map((b) => b.text));
    if (!topics.length && registry.length) diagnostics.push(bodyDiagnostic(draft, 'topics', 'notice', 'no registered topic found in the text; add topics: to the metadata or keywords to _data/topics.yml', undefined, 'no-topic'));
  }
  const unique = [...new Map(topics.map((t) => [t.id, t])).values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { set: { topics: unique }, diagnostics };
};
