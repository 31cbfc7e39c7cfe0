// What a built site must never contain, checked the way a browser reads it: pages parsed
// with parse5 (the HTML standard's parser), every element and attribute looked at.
import { XMLValidator } from 'fast-xml-parser';
import { parse, parseFragment } from 'parse5';
import { isSafePath } from '../../src/write/collect.js';

/** Elements that run code, load other documents, submit data or restyle the page. */
const FORBIDDEN = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select', 'base', 'style', 'svg', 'math', 'portal', 'template']);

/** Attributes that hold a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data', 'background', 'cite', 'longdesc', 'manifest', 'ping', 'lowsrc', 'dynsrc']);

/** The site's own scripts, by the end of their (relative) address. */
const OWN_SCRIPTS = [/^(?:\.\.\/)*pagefind\/(?:\d{4}|undated)\/pagefind-ui\.js$/, /^(?:\.\.\/)*assets\/search\.js$/];

/** The <link rel> values the templates write. */
const LINK_RELS = new Set(['stylesheet', 'icon', 'alternate', 'canonical']);

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

/** A URL as a browser reads its scheme: control characters and spaces dropped, lowercased. */
function scheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

function textOf(node: Node): string {
  return (node.childNodes ?? []).map((c) => (c.nodeName === '#text' ? c.value ?? '' : textOf(c))).join('');
}

/** Every way `html` could run script or escape its page; empty when it cannot. `fragment`: a body, not a whole page. */
export function htmlProblems(html: string, where: string, fragment = false): string[] {
  const problems: string[] = [];
  const visit = (node: Node) => {
    const tag = node.tagName;
    if (tag) {
      const attrs = node.attrs ?? [];
      const attr = (name: string) => attrs.find((a) => a.name === name)?.value;
      if (FORBIDDEN.has(tag)) problems.push(`${where}: <${tag}> element`);
      if (tag === 'script') {
        const src = attr('src');
        if (src !== undefined ? !OWN_SCRIPTS.some((re) => re.test(src)) || textOf(node).trim() !== '' : attr('type') !== 'application/ld+json') {
          problems.push(`${where}: script ${JSON.stringify(src ?? textOf(node).slice(0, 80))}`);
        } else if (src === undefined) {
          try {
            JSON.parse(textOf(node));
          } catch {
            problems.push(`${where}: JSON-LD that is not JSON: ${textOf(node).slice(0, 80)}`);
          }
        }
      }
      if (fragment && tag === 'script') problems.push(`${where}: script in an article body`);
      if (tag === 'meta' && attr('http-equiv') !== undefined) problems.push(`${where}: <meta http-equiv>`);
      if (tag === 'link' && !(attr('rel') ?? '').split(/\s+/).every((r) => LINK_RELS.has(r))) problems.push(`${where}: <link rel="${attr('rel')}">`);
      for (const a of attrs) {
        if (a.name.startsWith('on')) problems.push(`${where}: <${tag} ${a.name}>`);
        if (a.name === 'style') problems.push(`${where}: <${tag} style>`);
        if (URL_ATTRIBUTES.has(a.name) && /^(?:javascript|data|vbscript):/.test(scheme(a.value))) problems.push(`${where}: <${tag} ${a.name}="${a.value.slice(0, 60)}">`);
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit((fragment ? parseFragment(html) : parse(html)) as unknown as Node);
  return problems;
}

/** Problems of a whole built site: unsafe paths, unsafe pages, feeds that are not XML, JSON that does not parse. */
export function siteProblems(files: Iterable<[string, string | Buffer]>): string[] {
  const problems: string[] = [];
  for (const [p, contents] of files) {
    if (!isSafePath(p) || p.split('/').some((s) => s === '..' || s === '.' || s === '')) problems.push(`unsafe output path ${JSON.stringify(p)}`);
    if (p.endsWith('.html')) problems.push(...htmlProblems(String(contents), p));
    else if (p.endsWith('.xml')) {
      const valid = XMLValidator.validate(String(contents));
      if (valid !== true) problems.push(`${p}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
    } else if (p.endsWith('.json') && !p.startsWith('pagefind/')) {
      try {
        JSON.parse(String(contents));
      } catch (err) {
        problems.push(`${p}: not JSON: ${(err as Error).message}`);
      }
    }
  }
  return problems;
}
