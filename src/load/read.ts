// Reading one article file: bytes → text → front matter + body, keeping line numbers.
import crypto from 'node:crypto';
import matter from 'gray-matter';
import type { Diagnostic, RawArticle } from '../model.js';
import { ARTICLE_EXTENSIONS } from './files.js';
import { parseYaml, type YamlResult } from './yaml.js';

/** The outcome of reading one file: the article, or nothing when it cannot be built. */
export interface ReadResult {
  article: RawArticle | null;
  diagnostics: Diagnostic[];
}

/** Bytes → text: UTF-8 (BOM dropped), or Windows-1252 with a warning; CRLF → LF. */
export function decode(bytes: Uint8Array, file: string): { text: string | null; diagnostics: Diagnostic[] } {
  if (bytes.length === 0) {
    return { text: null, diagnostics: [{ file, field: 'file', severity: 'error', message: 'empty file; add the article text or delete the file' }] };
  }
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) {
    return { text: null, diagnostics: [{ file, field: 'file', severity: 'error', message: 'binary file (it contains NUL bytes), not an article; remove it from the content folder' }] };
  }
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    diagnostics.push({ file, field: 'encoding', severity: 'warning', message: 'not valid UTF-8; read as Windows-1252 (Latin-1). Check the accented letters, then save the file as UTF-8' });
  }
  return { text: text.replace(/\r\n?/g, '\n'), diagnostics };
}

/** Counts the lines before `offset` (1-based line number of offset). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function metaFrom(result: Extract<YamlResult, { ok: true }>, file: string, diagnostics: Diagnostic[]) {
  const meta: Record<string, unknown> = {};
  const origin: Record<string, { file: string; line?: number }> = {};
  if (result.data === null || result.data === undefined) return { meta, origin };
  if (typeof result.data !== 'object' || Array.isArray(result.data)) {
    diagnostics.push({ file, line: 1, field: 'front-matter', severity: 'error', message: 'metadata must be a mapping of fields (key: value); the fields were ignored' });
    return { meta, origin };
  }
  for (const [key, value] of Object.entries(result.data as Record<string, unknown>)) {
    meta[key] = value;
    origin[key] = { file, line: result.keyLines[key] };
  }
  return { meta, origin };
}

/**
 * Builds a RawArticle from a file's bytes and, optionally, its sidecar's bytes.
 * Never throws on bad content: problems come back as diagnostics.
 */
export function readArticle(file: string, bytes: Uint8Array, sidecar?: { file: string; bytes: Uint8Array }): ReadResult {
  const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
  const format = ARTICLE_EXTENSIONS[ext] ?? 'text';
  const decoded = decode(bytes, file);
  const diagnostics = [...decoded.diagnostics];
  if (decoded.text === null) return { article: null, diagnostics };
  const text = decoded.text.replace(/^\uFEFF/, '');

  let body = text;
  let bodyLine = 1;
  let meta: Record<string, unknown> = {};
  let metaOrigin: Record<string, { file: string; line?: number }> = {};

  if (format === 'markdown' && /^---[ \t]*\n/.test(text)) {
    let parsed: YamlResult | undefined;
    try {
      const fm = matter(text, {
        engines: {
          yaml: (s: string) => {
            // gray-matter passes the text after the opening "---", starting with its newline.
            parsed = parseYaml(s, s.startsWith('\n') ? 1 : 2);
            return parsed.ok ? (parsed.data as object) ?? {} : {};
          },
        },
      });
      body = fm.content;
      bodyLine = lineAt(text, text.length - fm.content.length);
    } catch (err) {
      diagnostics.push({ file, line: 1, field: 'front-matter', severity: 'error', message: `cannot split the front matter: ${(err as Error).message}; close it with a line holding only ---` });
      return { article: null, diagnostics };
    }
    if (parsed && !parsed.ok) {
      diagnostics.push({ file, line: parsed.line, column: parsed.column, field: 'front-matter', severity: 'error', message: `YAML cannot read the front matter: ${parsed.reason}. Fix the YAML (quote values that contain ": " or start with a special character)` });
      return { article: null, diagnostics };
    }
    if (parsed?.ok) ({ meta, origin: metaOrigin } = metaFrom(parsed, file, diagnostics));
  }

  const hash = crypto.createHash('sha256').update(bytes);
  if (sidecar) {
    hash.update(sidecar.bytes);
    const sideText = decode(sidecar.bytes, sidecar.file);
    diagnostics.push(...sideText.diagnostics.filter((d) => d.severity !== 'error' || sidecar.bytes.length > 0));
    if (sideText.text !== null) {
      const parsed = parseYaml(sideText.text.replace(/^\uFEFF/, ''), 1);
      if (!parsed.ok) {
        diagnostics.push({ file: sidecar.file, line: parsed.line, column: parsed.column, field: 'sidecar', severity: 'error', message: `YAML cannot read the corrections: ${parsed.reason}. Fix the YAML; the article was built without them` });
      } else {
        const side = metaFrom(parsed, sidecar.file, diagnostics);
        meta = { ...meta, ...side.meta };
        metaOrigin = { ...metaOrigin, ...side.origin };
      }
    }
  }

  if (body.trim() === '' && meta.title === undefined) {
    diagnostics.push({ file, field: 'body', severity: 'error', message: 'no article text and no title; add the text or delete the file' });
    return { article: null, diagnostics };
  }

  return {
    article: { file, format, body, bodyLine, meta, metaOrigin, hash: hash.digest('hex') },
    diagnostics,
  };
}
