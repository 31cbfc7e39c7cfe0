// The state a field normaliser sees: the raw article plus every field derived before it.
import type { LangData } from '../lang/data.js';
import type {
  ArticleDate, ArticleSource, Diagnostic, PersonRef, RawArticle, Registries, ReviewKind, TopicRef,
} from '../model.js';

/** A line or paragraph of the body with the file line it starts on. */
export interface Block {
  text: string;
  line: number;
}

/** A block taken out of the article text, and why. */
export interface Removed extends Block {
  reason: 'clutter' | 'tail' | 'repeat' | 'masthead' | 'title' | 'source-line' | 'signature' | 'bio' | 'heading';
}

/** Fields derived so far; each normaliser adds its own and reads earlier ones. */
export interface Draft {
  raw: RawArticle;
  registries: Registries;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** The language's data (empty lists for languages without a file). */
  langData?: LangData;
  /** Article text blocks, clutter removed. Later fields may remove more (title, signature). */
  blocks?: Block[];
  /** What was taken out, kept so later fields can read a source line or a masthead. */
  removed?: Removed[];
  title?: string;
  titleOrigin?: 'front-matter' | 'headline' | 'first-sentence' | 'file-name';
  source?: ArticleSource;
  author?: string | null;
  agencies?: string[];
  date?: ArticleDate | null;
  people?: PersonRef[];
  topics?: TopicRef[];
  summary?: string;
  /** Front-matter story key: versions of one story share it; 'none' opts out; null when not given. */
  story?: string | null;
}

/** What a field normaliser returns: the fields it sets, and any problems found. */
export interface FieldResult {
  set: Partial<Draft>;
  diagnostics: Diagnostic[];
}

/** A field normaliser: a pure function of the draft. Must not throw on bad content. */
export type FieldNormaliser = (draft: Readonly<Draft>) => FieldResult;

/** The metadata value given by the user (front matter or sidecar) for a field, if any. */
export function given(draft: Readonly<Draft>, key: string): unknown {
  const v = draft.raw.meta[key];
  return v === null || v === '' ? undefined : v;
}

/** A diagnostic about a given metadata field, pointing at the line that set it. */
export function metaDiagnostic(draft: Readonly<Draft>, key: string, severity: Diagnostic['severity'], message: string): Diagnostic {
  const origin = draft.raw.metaOrigin[key];
  return { file: origin?.file ?? draft.raw.file, line: origin?.line, field: key, severity, message };
}

/** A diagnostic about the article as a whole, or a line of its body. */
export function bodyDiagnostic(draft: Readonly<Draft>, field: string, severity: Diagnostic['severity'], message: string, line?: number, review?: ReviewKind): Diagnostic {
  return review ? { file: draft.raw.file, line, field, severity, message, review } : { file: draft.raw.file, line, field, severity, message };
}
