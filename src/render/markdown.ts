// Article bodies to HTML: remark reads the Markdown, HTML written inside it is parsed like a
// browser would (rehype-raw), and the result is sanitised (src/render/sanitise.ts) before it
// is written. A raw capture is plain text: its paragraphs become text nodes, so characters
// such as "*", "<" or "[Anzeige]" are never read as Markdown or HTML.
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
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

const processor = remark()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, ARTICLE_SCHEMA)
  .use(demoteHeadings)
  .use(rehypeStringify);

/** Renders a Markdown string to safe HTML. */
export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Renders plain paragraphs (separated by blank lines) to safe HTML, with no Markdown reading. */
export function paragraphsToHtml(text: string): string {
  const tree: Root = {
    type: 'root',
    children: text.split(/\n{2,}/).filter((p) => p.trim()).map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p.trim() }] })),
  };
  return String(processor.stringify(processor.runSync(tree)));
}

/** The article body as HTML. */
export function renderBody(article: Pick<Article, 'body' | 'format'>): string {
  return article.format === 'markdown' ? markdownToHtml(article.body) : paragraphsToHtml(article.body);
}
