// The plain-data shapes that flow between the pipeline stages:
// load → RawArticle[] → normalise → Article[] → index → SiteIndex → render → OutputFile[] → write.

/** How bad a problem is: an error means the file did not build. */
export type Severity = 'error' | 'warning' | 'notice';

/** A problem with the input, reported as `file:line: field: message`. */
export interface Diagnostic {
  /** Path relative to the content directory (or the config file's path). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** The metadata field or concern the problem is about (`date`, `front-matter`, …). */
  field: string;
  /** error: the file was not built; warning: built but doubtful; notice: needs a human look. */
  severity: Severity;
  /** What is wrong and what to do about it. */
  message: string;
  /** For the review list: what about the article needs a human (see REVIEW_KINDS). */
  review?: ReviewKind;
}

/** What the review list asks a human to look at, in the order it is shown. */
export const REVIEW_KINDS = {
  'no-date': 'no date',
  'date-inferred': 'date inferred',
  'date-ambiguous': 'day/month order assumed',
  'no-source': 'no source',
  'unregistered-person': 'unregistered person (included)',
  'possible-person': 'possible person (not included)',
  'title-derived': 'title from first sentence',
  'no-topic': 'no topic',
} as const;
export type ReviewKind = keyof typeof REVIEW_KINDS;

/** One input file as read from disk, before any interpretation. */
export interface RawArticle {
  /** Path relative to the content directory, with forward slashes. */
  file: string;
  /** `markdown` for .md/.markdown, `text` for raw captures (.txt). */
  format: 'markdown' | 'text';
  /** The body: everything after the front matter. */
  body: string;
  /** 1-based line of the file on which `body` starts. */
  bodyLine: number;
  /** Front matter (Markdown) merged with the sidecar `<file>.meta.yml`, if any. */
  meta: Record<string, unknown>;
  /** For each meta key, the file and line it came from, for messages. */
  metaOrigin: Record<string, { file: string; line?: number }>;
  /** SHA-256 of the file's bytes (and its sidecar's), hex. */
  hash: string;
  /** True for a file unchanged since the last build, not read again: body and metadata left out (src/load/load.ts). */
  stub?: boolean;
}

/** A person in the registry (`content/_data/people.yml`). */
export interface PersonEntry {
  /** Stable id, also the page slug: `lloyd-austin`. */
  id: string;
  /** Canonical display name. */
  name: string;
  /** Other spellings, in any language or script. */
  aliases: string[];
  /** Short description shown on the person's page. */
  description?: string;
  /** Offices held, as dated periods: evidence for the year of an article that names the person in office. */
  offices: { role: string; from: string | null; to: string | null }[];
}

/** A topic in the registry (`content/_data/topics.yml`). */
export interface TopicEntry {
  /** Stable id, also the page slug: `nato`. */
  id: string;
  /** Display name. */
  name: string;
  /** Names that mean this topic in front matter (`OTAN`, `НАТО`). */
  aliases: string[];
  /** Phrases whose presence in the text assigns the topic, any language. */
  keywords: string[];
  /** Short description shown on the topic's page. */
  description?: string;
  /** Dated events of the topic: an article that mentions one was written on or after its date. */
  events?: TopicEvent[];
}

/** A dated event in the topic registry ("Russia's full-scale invasion of Ukraine", 2022-02-24). */
export interface TopicEvent {
  name: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Phrases that refer to the event, any language (keyword syntax as for topics). */
  keywords: string[];
}

/** A known outlet (`content/_data/sources.yml`): maps hosts and mastheads to one name. */
export interface OutletEntry {
  /** Stable id, also the page slug. */
  id: string;
  /** Display name. */
  name: string;
  /** Hosts without `www.` (`nguoiduatin.vn`). */
  hosts: string[];
  /** Mastheads or prefixes that name it in captures (`Kinhtedothi`). */
  aliases: string[];
  /** The outlet's home page. */
  homepage?: string;
}

/** The archive's own knowledge, loaded from the data folder. */
export interface Registries {
  people: PersonEntry[];
  topics: TopicEntry[];
  outlets: OutletEntry[];
}

/** How much of a date is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/** `stated`: written in the article or front matter; `inferred`: partly reasoned from evidence. */
export type DateCertainty = 'stated' | 'inferred';

/** The article's date, never more precise than the evidence. */
export interface ArticleDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, matching `precision`. */
  value: string;
  precision: DatePrecision;
  certainty: DateCertainty;
  /** Where it came from, in words (`front matter`, `"Dienstag (02.01.2022)"`). */
  evidence: string;
}

/** Where the article was published. */
export interface ArticleSource {
  /** Stable id, also the source page slug; null when no outlet is known. */
  id: string | null;
  /** Outlet name. */
  name: string | null;
  /** URL of the original article. */
  url: string | null;
}

/** A person named in an article. */
export interface PersonRef {
  /** Registry id, or a slug of the detected name for unregistered people. */
  id: string;
  /** Canonical name. */
  name: string;
  /** Whether the person is in the registry. */
  registered: boolean;
  /** 0–1; 1 for registry matches and front matter. */
  confidence: number;
  /** The spellings found in this article, in order of appearance. */
  mentions: string[];
  /** Named at least once with a role word just before the name ("Verteidigungsminister Andrej Belousow"). */
  roleCued: boolean;
  /** Unregistered people: spelling-insensitive keys of the name, to join one person across articles. */
  keys?: string[];
  /** Unregistered people: the words that made the name a person ("Sprecherin …"). */
  evidence?: string;
}

/** A topic of an article. */
export interface TopicRef {
  id: string;
  name: string;
}

/** A normalised article: everything the site needs to know about one input file. */
export interface Article {
  /** Stable identifier; equals the slug. */
  id: string;
  /** URL segment: lowercase ASCII, unique. */
  slug: string;
  /** Site-relative path of the article's page: `articles/<slug>/`. */
  url: string;
  /** Input path relative to the content directory. */
  file: string;
  /** Input format. */
  format: 'markdown' | 'text';
  /** Headline. */
  title: string;
  /** Where the title came from: front matter, a headline line, or the first sentence. */
  titleOrigin: 'front-matter' | 'headline' | 'first-sentence' | 'file-name';
  /** ISO 639-1 language code. */
  lang: string;
  /** Text direction. */
  dir: 'ltr' | 'rtl';
  /** Publication date, or null when it cannot be established. */
  date: ArticleDate | null;
  /** Outlet and original URL. */
  source: ArticleSource;
  /** Author or byline, or null. */
  author: string | null;
  /** News agencies cited (Reuters, AFP, …), in order of first mention. */
  agencies: string[];
  /** People named, in order of first mention. */
  people: PersonRef[];
  /** Topics, sorted by name. */
  topics: TopicRef[];
  /** One or two sentences for listings and feeds. */
  summary: string;
  /** Front-matter `story` key shared by versions of one story in other languages; 'none' opts out; null when not given. */
  story: string | null;
  /** The article text with page clutter removed: Markdown for `.md`, paragraphs for `.txt`. */
  body: string;
  /** Word count of `body`. */
  words: number;
  /** `body` as HTML, when the normalising threads already rendered it (it is cached with the article). */
  bodyHtml?: string;
  /** A hash of bodyHtml: stands for the body in a page's fingerprint (set with bodyHtml). */
  bodyHash?: string;
  /** Front-matter fields the normaliser does not know, passed to templates as they are. */
  extra: Record<string, unknown>;
  /** SHA-256 of the input. */
  hash: string;
}

/** A value under which articles are grouped: a topic, a person, a source, a language. */
export interface Term {
  /** URL segment. */
  slug: string;
  /** Display name. */
  name: string;
  /** Optional longer text for the term's page. */
  description?: string;
  /** Articles, newest first. */
  articles: Article[];
}

/** The kinds of term pages. */
export type Taxonomy = 'topics' | 'people' | 'sources' | 'languages';

/** One month of the date archive. */
export interface ArchiveMonth {
  year: string;
  /** `01`–`12`. */
  month: string;
  articles: Article[];
}

/** One year of the date archive. */
export interface ArchiveYear {
  year: string;
  months: ArchiveMonth[];
  /** Articles dated only to the year. */
  yearOnly: Article[];
  /** All articles of the year, newest first. */
  articles: Article[];
}

/** Everything grouped and sorted, ready to render. */
export interface SiteIndex {
  /** All articles, newest first; undated last, by title. */
  articles: Article[];
  taxonomies: Record<Taxonomy, Term[]>;
  /** Years, newest first. */
  years: ArchiveYear[];
  /** Articles without a date. */
  undated: Article[];
  /**
   * Every spelling of each person across the archive (registry name and aliases, and each
   * form an article writes), by person id: indexed for search with each of their articles,
   * so "Beloussow" finds the article that writes "Белоусов".
   */
  spellings: Record<string, string[]>;
  /** By article id: its versions in other languages and its related articles, best first (src/index/related.ts). */
  related: Record<string, { versions: RelatedLink[]; related: RelatedLink[] }>;
}

/** A link from one article to another, with what they share. */
export interface RelatedLink {
  /** The other article's id. */
  id: string;
  /** How many people and topics the two share. */
  people: number;
  topics: number;
}

/** A file of the built site. */
export interface OutputFile {
  /** Path relative to the output directory, with forward slashes. */
  path: string;
  contents: string | Buffer;
  /** The same bytes as the published file at this path: linked, not written again. */
  reused?: boolean;
  /** Already written into the coming site (Writer.stage): its bytes are read back on demand. */
  staged?: boolean;
  /** Where on disk the bytes are, for a reused or staged file: another thread may read them there. */
  source?: string;
  /** For a reused file: the published file's signature (Writer.signature), which a hard link to it keeps. */
  signature?: string;
  /** hashOf its bytes, when known without reading them (a cached search file: its manifest says it). */
  hash?: string;
}
