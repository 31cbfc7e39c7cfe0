// Language: front matter wins; otherwise a language-identification library (eld) reads the text.
import { eld } from 'eld/medium';
import { langData, RTL_LANGUAGES } from '../lang/data.js';
import { bodyDiagnostic, given, metaDiagnostic, type FieldNormaliser } from './draft.js';

/** Language used when the text is too short or too mixed to tell. */
export const FALLBACK_LANGUAGE = 'en';

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
  const sample = identificationText(text);
  if (sample.replace(/\s+/g, '').length < 12) return null;
  const result = eld.detect(sample);
  return result.language || null;
}

export const normaliseLanguage: FieldNormaliser = (draft) => {
  const diagnostics = [];
  const fm = given(draft, 'lang') ?? given(draft, 'language');
  let lang: string | null = null;
  if (fm !== undefined) {
    const code = String(fm).trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (/^[a-z]{2}$/.test(code)) lang = code;
    else diagnostics.push(metaDiagnostic(draft, 'lang', 'warning', `"${String(fm)}" is not an ISO 639-1 language code; detected the language instead. Write lang: de (two letters)`));
  }
  if (!lang) {
    lang = identifyLanguage(`${String(given(draft, 'title') ?? '')}\n${draft.raw.body}`);
    if (!lang) {
      lang = FALLBACK_LANGUAGE;
      diagnostics.push(bodyDiagnostic(draft, 'lang', 'warning', `cannot tell the language of so little text; assumed "${FALLBACK_LANGUAGE}". Add lang: xx to the front matter or a .meta.yml sidecar`));
    }
  }
  const data = langData(lang);
  const dir = RTL_LANGUAGES.has(lang) ? 'rtl' : data.dir;
  return { set: { lang, dir, langData: data }, diagnostics };
};
