// Article bodies to HTML through remark + remark-html (sanitised with its safe default schema).
// A raw capture is plain text: its paragraphs become text nodes, so characters such as
// "*" or "[Anzeige]" are never read as Markdown.
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import type { Article } from '../model.js';

/** The page's <h1> is the title: body headings start at <h2>. */
function demoteHeadings() {
  const walk = (node: { type: string; depth?: number; children?: unknown[] }) => {
    if (node.type === 'heading' && node.depth !== undefined) node.depth = Math.min(6, node.depth + 1);
    for (const child of node.children ?? []) walk(child as { type: string });
  };
  return (tree: Root) => walk(tree as never);
}

const processor = remark().use(demoteHeadings).use(remarkHtml);

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
  return String(processor.stringify(processor.runSync(tree) as Root));
}

/** The article body as HTML. */
export function renderBody(article: Pick<Article, 'body' | 'format'>): string {
  return article.format === 'markdown' ? markdownToHtml(article.body) : paragraphsToHtml(article.body);
}
