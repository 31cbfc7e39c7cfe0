// Summary: front matter, else the lede's first sentences, without an outlet prefix.
import { escapeRegExp } from '../lang/phrases.js';
import { firstSentence, truncate } from '../text/sentences.js';
import { wordCount } from './body.js';
import { given, type FieldNormaliser } from './draft.js';

/** Longest derived summary. */
export const MAX_SUMMARY = 280;

export const normaliseSummary: FieldNormaliser = (draft) => {
  const fm = given(draft, 'summary') ?? given(draft, 'description');
  if (fm !== undefined) return { set: { summary: String(fm).trim() }, diagnostics: [] };
  const lede = (draft.blocks ?? []).find((b) => wordCount(b.text) >= 12 && !/^[#>|`-]/.test(b.text));
  if (!lede) return { set: { summary: '' }, diagnostics: [] };
  // Drop an outlet prefix ("Kinhtedothi - ") or a place dateline ("Washington, - ", "BERLIN (dpa) -").
  let text = lede.text
    .replace(/^[\p{Lu}][\p{L}\p{N}.]{2,30}\s+[-–—]\s+/u, '')
    .replace(/^[\p{Lu}][\p{L}\p{M}. ]{1,40}(?:\s*\([^)]{1,20}\))?,?\s*[-–—]\s+/u, '');
  if (draft.source?.name) text = text.replace(new RegExp(`^${escapeRegExp(draft.source.name)}\\s*[-–—:]\\s*`, 'u'), '');
  const first = firstSentence(text);
  const summary = first.length < 80 && text.length > first.length ? text : first.endsWith('.') || first === text ? first : `${first}.`;
  return { set: { summary: truncate(summary, MAX_SUMMARY) }, diagnostics: [] };
};
