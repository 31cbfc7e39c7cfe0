// The build's stages between reading and writing, run in memory on articles already read:
// for tests that feed the pipeline its input in an order of their choosing.
import { DEFAULT_CONFIG } from '../../src/config.js';
import { buildIndex } from '../../src/index/buildIndex.js';
import type { OutputFile, RawArticle, Registries } from '../../src/model.js';
import { finishNormalise, isDraft, normaliseArticle, type Normalised } from '../../src/normalise/index.js';
import { interfaceStrings } from '../../src/render/i18n.js';
import { renderSite } from '../../src/render/pages.js';
import { compileTemplates } from '../../src/render/templates.js';
import { ROOT } from './site.js';

const strings = interfaceStrings('en');
const templates = compileTemplates(`${ROOT}/templates`, strings, 'en');
const config = { ...DEFAULT_CONFIG, title: 'Archive', description: 'Test archive', baseUrl: 'https://example.org/' };

/** Each article normalised on its own (the part that depends on nothing else), by file. */
export function normaliseEach(raws: RawArticle[], registries: Registries): Map<string, Normalised | null> {
  return new Map(raws.map((raw) => [raw.file, isDraft(raw) ? null : normaliseArticle(raw, registries)]));
}

/**
 * The archive-wide stages over `raws` in the order given: slugs, duplicates, people across
 * articles, the index and the pages (no search bundle). `each` comes from normaliseEach.
 */
export function renderArchive(raws: RawArticle[], registries: Registries, each: Map<string, Normalised | null>): OutputFile[] {
  const { articles } = finishNormalise(raws, raws.map((raw) => each.get(raw.file) ?? null), registries);
  return renderSite({ index: buildIndex(articles, registries), config, templates, strings });
}
