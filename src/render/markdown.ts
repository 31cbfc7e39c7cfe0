// Article bodies to HTML: remark reads the Markdown and remark-html writes it out, HTML
// written inside it included; that HTML is then parsed as a browser would (rehype-parse,
// parse5) and sanitised (src/render/sanitise.ts) before it is written. remark-html's own
// `sanitize: schema` would drop every piece of raw HTML whole, so a paragraph written as
// <p>…<em>…</em></p> or an <img> would be lost; sanitising its output instead keeps such
// markup element by element and drops only what the schema does not allow. Nothing
// remark-html writes reaches the site without that pass. A raw capture is plain text: its
// paragraphs become text nodes, so characters such as "*", "<" or "[Anzeige]" are never
// read as Markdown or HTML.
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
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

/** Markdown → HTML, raw HTML passed through: never written as it is, always through `clean`. */
const markdown = remark().use(remarkHtml, { sanitize: false });

/** Unsafe HTML → safe HTML: parsed as a fragment, sanitised with the strict schema, headings demoted. */
const clean = rehype().data('settings', { fragment: true }).use(rehypeSanitize, ARTICLE_SCHEMA).use(demoteHeadings);

/** remark-html's HTML made safe (it ends the document with a newline, which is not kept). */
function safe(html: string): string {
  return String(clean.processSync(html.replace(/\n$/, '')));
}

/** Renders a Markdown string to safe HTML. */
export function markdownToHtml(text: string): string {
  return safe(String(markdown.processSync(text)));
}

/** Renders plain paragraphs (separated by blank lines) to safe HTML, with no Markdown reading. */
export function paragraphsToHtml(text: string): string {
  const tree: Root = {
    type: 'root',
    children: text.split(/\n{2,}/).filter((p) => p.trim()).map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p.trim() }] })),
  };
  return safe(markdown.stringify(markdown.runSync(tree) as Root));
}

/** The article body as HTML. */
export function renderBody(article: Pick<Article, 'body' | 'format'>): string {
  return article.format === 'markdown' ? markdownToHtml(article.body) : paragraphsToHtml(article.body);
}
