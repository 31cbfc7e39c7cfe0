// Article bodies to HTML: remark reads the Markdown and remark-html writes it out. When the
// Markdown holds no HTML of its own (nearly every article), remark-html sanitises the syntax
// tree it makes with the strict schema (src/render/sanitise.ts) before writing it: nothing
// is parsed twice. When it does hold HTML, remark-html writes it through and that output is
// parsed as a browser would (rehype-parse, parse5) and sanitised with the same schema:
// remark-html's own sanitising would drop every piece of raw HTML whole, so a paragraph
// written as <p>…<em>…</em></p> or an <img> would be lost; sanitising its output instead
// keeps such markup element by element and drops only what the schema does not allow.
// Nothing remark-html writes reaches the site without one of the two passes. A raw capture
// is plain text: its paragraphs become text nodes, so characters such as "*", "<" or
// "[Anzeige]" are never read as Markdown or HTML.
import type { Element, Root as HastRoot } from 'hast';
import type { Nodes, Root } from 'mdast';
import { rehype } from 'rehype';
import rehypeSanitize from 'rehype-sanitize';
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import type { Article } from '../model.js';
import { ARTICLE_SCHEMA } from './sanitise.js';

/** The page's <h1> is the title: body headings, Markdown or HTML, start at <h2>. */
function demoteHeadings() {
  const walk = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const m = /^h([1-6])$/.exec(child.tagName);
      if (m) child.tagName = `h${Math.min(6, Number(m[1]) + 1)}`;
      walk(child);
    }
  };
  return (tree: HastRoot) => walk(tree);
}

/** The page's <h1> is the title: Markdown headings start at level 2 (the same as `demoteHeadings`). */
function demoteMarkdownHeadings(tree: Root): Root {
  const walk = (node: Nodes) => {
    if (node.type === 'heading') node.depth = Math.min(6, node.depth + 1) as typeof node.depth;
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return tree;
}

/**
 * Text an HTML parser would change: carriage returns (read as line feeds) and NUL characters
 * (dropped). Such a body goes through the parse so that both paths give the same page.
 */
const PARSER_REWRITES = /[\r\0]/;

/** Does a Markdown tree hold HTML written inside it (a block or inline `html` node)? */
function hasHtml(node: Nodes): boolean {
  return node.type === 'html' || ('children' in node && node.children.some(hasHtml));
}

/** Markdown → HTML, raw HTML passed through: never written as it is, always through `clean`. */
const markdown = remark().use(remarkHtml, { sanitize: false });

/** Markdown without raw HTML → safe HTML: the tree is sanitised with the strict schema before it is written. */
const strict = remark().use(remarkHtml, { sanitize: ARTICLE_SCHEMA });

/** A Markdown tree with no raw HTML as safe HTML, headings demoted (its final newline is not kept). */
function safeTree(tree: Root): string {
  return String(strict.stringify(demoteMarkdownHeadings(strict.runSync(tree) as Root))).replace(/\n$/, '');
}

/** Unsafe HTML → safe HTML: parsed as a fragment, sanitised with the strict schema, headings demoted. */
const clean = rehype().data('settings', { fragment: true }).use(rehypeSanitize, ARTICLE_SCHEMA).use(demoteHeadings);

/** remark-html's HTML made safe (it ends the document with a newline, which is not kept). */
function safe(html: string): string {
  return String(clean.processSync(html.replace(/\n$/, '')));
}

/** Renders a Markdown string to safe HTML. */
export function markdownToHtml(text: string): string {
  const tree = markdown.parse(text);
  return hasHtml(tree) || PARSER_REWRITES.test(text) ? safe(String(markdown.stringify(markdown.runSync(tree) as Root))) : safeTree(tree);
}

/** Renders plain paragraphs (separated by blank lines) to safe HTML, with no Markdown reading. */
export function paragraphsToHtml(text: string): string {
  const tree: Root = {
    type: 'root',
    children: text.split(/\n{2,}/).filter((p) => p.trim()).map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p.trim() }] })),
  };
  return PARSER_REWRITES.test(text) ? safe(markdown.stringify(markdown.runSync(tree) as Root)) : safeTree(tree);
}

/** The article body as HTML. */
export function renderBody(article: Pick<Article, 'body' | 'format'>): string {
  return article.format === 'markdown' ? markdownToHtml(article.body) : paragraphsToHtml(article.body);
}
