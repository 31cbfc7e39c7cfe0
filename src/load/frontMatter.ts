// Splitting a Markdown file into its front matter and its body, with gray-matter. The rule
// is the common one, kept strict: the first line is exactly "---", and the front matter ends
// at the next line that is exactly "---" (or YAML's "..."). Nothing else opens it, so no
// other parser or language (gray-matter's "---js" evaluates code) is ever chosen by a file.
//
// gray-matter alone cannot express that rule, so a small line check comes first:
// - it treats "---js", "---coffee" … as front matter in that language: here only a first
//   line of "---" (trailing blanks allowed) opens front matter, and gray-matter is called
//   only then, with every code engine replaced by one that refuses;
// - an unclosed block is not an error for it (the whole file becomes front matter): the
//   check names it instead;
// - it closes at the first line that *starts* with the delimiter ("---x", "----" too) and
//   knows one closing delimiter only: the check finds the closing line ("---" or "...",
//   trailing blanks allowed), and gray-matter is given that delimiter, the two delimiter
//   lines without their trailing blanks (the same number of lines, so line numbers stay
//   right). Where a front-matter line merely starts with the delimiter, gray-matter would
//   close early: its split is then not used, and the line-exact one is.
// The YAML itself is read by src/load/yaml.ts (positions for every error), not by
// gray-matter's js-yaml. Options are always passed, so gray-matter caches nothing (it keeps
// every input string it was called on without options).
import matter from 'gray-matter';

/** A file's front matter, or the reason it cannot be split. */
export type Split =
  | { kind: 'none' }
  | { kind: 'ok'; yaml: string; yamlLine: number; body: string; bodyLine: number }
  | { kind: 'unclosed'; lastLine: number };

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

const refuse = (language: string) => (): object => {
  throw new Error(`front matter in ${language} is not read (only YAML is)`);
};

/** gray-matter's options: YAML kept as text for our own parser; no engine that runs code. */
function options(close: '---' | '...') {
  return {
    language: 'yaml',
    delimiters: ['---', close] as [string, string],
    excerpt: false,
    engines: {
      yaml: () => ({}),
      javascript: refuse('JavaScript'),
      js: refuse('JavaScript'),
      coffee: refuse('CoffeeScript'),
      coffeescript: refuse('CoffeeScript'),
      cson: refuse('CoffeeScript'),
    },
  };
}

/** Splits `text` (line endings already "\n"). Line numbers are 1-based file lines. */
export function splitFrontMatter(text: string): Split {
  const lines = text.split('\n');
  if (!OPEN.test(lines[0]!)) return { kind: 'none' };
  const end = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (end < 0) return { kind: 'unclosed', lastLine: lines.length - (lines.at(-1) === '' ? 1 : 0) };
  const close = lines[end]!.startsWith('.') ? '...' : '---';
  const strict = { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n') };
  const input = ['---', ...lines.slice(1, end), close, ...lines.slice(end + 1)].join('\n');
  const file = matter(input, options(close));
  // gray-matter's front matter starts after "---", with that line's newline.
  const yaml = file.matter.startsWith('\n') ? file.matter.slice(1) : file.matter;
  const agrees = yaml === strict.yaml && file.content === strict.body;
  return { kind: 'ok', ...(agrees ? { yaml, body: file.content } : strict), yamlLine: 2, bodyLine: end + 2 };
}
