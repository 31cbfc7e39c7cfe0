// Story: an optional front-matter key that ties versions of one story together across
// languages ("story: austin-belousov-call-2024-07"). Articles sharing it are shown as the
// same story in other languages and linked with hreflang. Without it the index stage finds
// versions itself (src/index/related.ts); `story: none` opts an article out.
import { slugify } from '../text/slug.js';
import { given, metaDiagnostic, type FieldNormaliser } from './draft.js';

export const normaliseStory: FieldNormaliser = (draft) => {
  const v = given(draft, 'story');
  if (v === undefined) return { set: { story: null }, diagnostics: [] };
  if (v === false) return { set: { story: 'none' }, diagnostics: [] };
  const key = slugify(String(v));
  if (!key) return { set: { story: null }, diagnostics: [metaDiagnostic(draft, 'story', 'warning', `story "${String(v)}" has no letters or digits to make a key from; ignored`)] };
  return { set: { story: key }, diagnostics: [] };
};
