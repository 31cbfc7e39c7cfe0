// Splitting a Markdown file into its front matter and its body. The rule is the common
// one, kept strict: the first line is exactly "---", and the front matter ends at the next
// line that is exactly "---" (or YAML's "..."). Nothing else opens it, so no other parser
// or language (gray-matter's "---js" evaluates code) is ever chosen by a file.

/** A file's front matter, or the reason it cannot be split. */
export type Split =
  | { kind: 'none' }
  | { kind: 'ok'; yaml: string; yamlLine: number; body: string; bodyLine: number }
  | { kind: 'unclosed'; lastLine: number };

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits `text` (line endings already "\n"). Line numbers are 1-based file lines. */
export function splitFrontMatter(text: string): Split {
  const lines = text.split('\n');
  if (!OPEN.test(lines[0]!)) return { kind: 'none' };
  const end = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (end < 0) return { kind: 'unclosed', lastLine: lines.length - (lines.at(-1) === '' ? 1 : 0) };
  return { kind: 'ok', yaml: lines.slice(1, end).join('\n'), yamlLine: 2, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}
