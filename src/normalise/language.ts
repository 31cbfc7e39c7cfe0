// Language: front matter wins; otherwise a language-identification library (eld) reads the text.
import { allLanguages, langData, RTL_LANGUAGES } from '../lang/data.js';
import { derivedData, importFromPackage } from '../lang/derived.js';
import { bodyDiagnostic, given, metaDiagnostic, type FieldNormaliser } from './draft.js';

/** eld's detector (src/languageDetector.js of the package, which its list of exports leaves out). */
interface EldDetector {
  createEld(): { instance: { detect(text: string): { language: string } }; loadData(data: unknown): void };
}

/**
 * eld with its 'medium' profiles (60 languages), the ones `eld/medium` loads. That module is a
 * 2 MB object literal, 0.9 s and 95 MiB to load in each thread; the same profiles read as JSON
 * (src/lang/derived.ts) take 0.25 s and a third of the memory, and identify the same.
 */
const eld = await (async () => {
  const profiles = await derivedData('eld', async () => (await importFromPackage<{ ngramsData: unknown }>('eld', 'src/ngrams/medium.js')).ngramsData);
  const { instance, loadData } = (await importFromPackage<EldDetector>('eld', 'src/languageDetector.js')).createEld();
  loadData(profiles);
  return instance;
})();

/** Language used when the text is too short or too mixed to tell. */
export const FALLBACK_LANGUAGE = 'en';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** True for a two-letter ISO 639-1 code of a real language ("de", "vi"; not "xx"). */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined;
}

/** Text for identification: URLs, numbers and bracketed markers removed, at most 4,000 characters. */
export function identificationText(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\[[^\]\n]*\]/g, ' ')
    .replace(/[0-9]+/g, ' ')
    .slice(0, 4000);
}

/** Identifies the language of a text; null when the library cannot tell. */
export function identifyLanguage(text: string): string | null {
  return identifySample(identificationText(text));
}

/** Identifies a text already passed through identificationText. */
function identifySample(sample: string): string | null {
  if (sample.replace(/\s+/g, '').length < 12) return null;
  return eld.detect(sample).language || null;
}

/** Distinct marker words that make a text a language the library reports as another. */
const MARKERS_NEEDED = 3;

/**
 * A language the library does not know, told from the one it reports (data: `identifiedAs`,
 * `markers`): Indonesian text is reported as Malay; three Indonesian words make it "id".
 */
export function refineLanguage(lang: string, text: string): string {
  const words = new Set(text.toLocaleLowerCase().split(/[^\p{L}\p{M}]+/u));
  for (const d of allLanguages().values()) {
    if (d.identifiedAs !== lang || !d.markers.length) continue;
    if (d.markers.filter((m) => words.has(m.toLocaleLowerCase())).length >= MARKERS_NEEDED) return d.code;
  }
  return lang;
}

/** Paragraphs shorter than this are left out of the vote: labels, names, captions. */
const VOTE_MIN_LENGTH = 60;

/**
 * The language of an article: each paragraph of the cleaned text votes with its length,
 * so a block of foreign clutter or a list of names cannot outvote the article. Short
 * articles fall back to identifying everything at once.
 */
export function articleLanguage(title: string, paragraphs: string[]): string | null {
  const votes = new Map<string, number>();
  for (const p of paragraphs) {
    const sample = identificationText(p).trim();
    if (sample.length < VOTE_MIN_LENGTH) continue;
    const lang = identifySample(sample);
    if (lang) votes.set(lang, (votes.get(lang) ?? 0) + sample.length);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (ranked.length) return ranked[0]![0];
  return identifyLanguage([title, ...paragraphs].join('\n'));
}

export const normaliseLanguage: FieldNormaliser = (draft) => {
  const diagnostics = [];
  const fm = given(draft, 'lang') ?? given(draft, 'language');
  let lang: string | null = null;
  if (fm !== undefined) {
    const code = String(fm).trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (isLanguageCode(code)) lang = code;
    else diagnostics.push(metaDiagnostic(draft, given(draft, 'lang') !== undefined ? 'lang' : 'language', 'warning', `"${String(fm)}" is not an ISO 639-1 language code; the language was detected from the text instead. Write lang: de (two letters)`));
  }
  if (!lang) {
    const paragraphs = (draft.blocks ?? []).map((b) => b.text);
    lang = articleLanguage(String(given(draft, 'title') ?? ''), paragraphs.length ? paragraphs : [draft.raw.body]);
    if (lang) lang = refineLanguage(lang, paragraphs.join('\n'));
    if (!lang) {
      lang = FALLBACK_LANGUAGE;
      diagnostics.push(bodyDiagnostic(draft, 'lang', 'warning', `cannot tell the language of so little text; assumed "${FALLBACK_LANGUAGE}". Add lang: xx to the front matter or a .meta.yml sidecar`));
    }
  }
  const data = langData(lang);
  const dir = RTL_LANGUAGES.has(lang) ? 'rtl' : data.dir;
  return { set: { lang, dir, langData: data }, diagnostics };
};
