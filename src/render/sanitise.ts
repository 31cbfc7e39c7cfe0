// What HTML an article body may contain. Captures come from the open web, so a body may hold
// anything a page smuggled in; only this schema's elements, attributes and URL schemes reach
// the site. It is hast-util-sanitize's GitHub-style default, made stricter: no forms or
// inputs, no <source srcset> (whose URLs are not checked), and the contents of script, style,
// frames, plug-ins, SVG and MathML are dropped with them rather than shown as text.
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/** Elements removed with everything inside them. */
const STRIPPED = [
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet',
  'svg', 'math', 'textarea', 'select', 'button', 'title', 'head', 'xmp', 'noembed', 'plaintext',
];

/** Elements allowed in the default schema that an archived article has no use for. */
const REMOVED_TAGS = new Set(['input', 'source']);

/** Attributes of the default schema that only mean something on forms. */
const FORM_ATTRIBUTES = new Set(['action', 'method', 'encType', 'accept', 'acceptCharset']);

/** The schema every article body is sanitised with. */
export const ARTICLE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !REMOVED_TAGS.has(t)),
  strip: [...new Set([...(defaultSchema.strip ?? []), ...STRIPPED])],
  attributes: Object.fromEntries(
    Object.entries(defaultSchema.attributes ?? {})
      .filter(([tag]) => !REMOVED_TAGS.has(tag))
      .map(([tag, list]) => [tag, list.filter((a) => !FORM_ATTRIBUTES.has(typeof a === 'string' ? a : a[0]))]),
  ),
  // Links to the web and mail only; images from the web only (no data: or javascript:).
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};
