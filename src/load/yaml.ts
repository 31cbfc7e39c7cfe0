// YAML parsing that keeps line numbers: for error messages and for pointing at a field.
import YAML, { LineCounter, isMap, isScalar, type YAMLError } from 'yaml';

/** Something the parser noticed but could read past (an unknown tag), with its file position. */
export interface YamlWarning {
  line: number;
  column: number;
  reason: string;
}

/** A parsed YAML document, or the parser's complaint with its position. */
export type YamlResult =
  | { ok: true; data: unknown; keyLines: Record<string, number>; warnings: YamlWarning[] }
  | { ok: false; line?: number; column?: number; reason: string };

/** The parser's message without the position it appends (we give our own). */
function reasonOf(err: YAMLError | Error): string {
  return err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Thrown by plainData on a value that contains itself. */
class Circular extends Error {}

/**
 * The value as plain data, the shapes JSON has: YAML sets become lists, ordered maps and
 * binary data become mappings and lists. A value that contains itself (`a: &x [*x]`)
 * cannot be plain data, and throws.
 */
function plainData(v: unknown, holders: unknown[] = []): unknown {
  if (typeof v !== 'object' || v === null) return typeof v === 'bigint' ? Number(v) : v;
  if (holders.includes(v)) throw new Circular('an alias refers to the value that holds it (a circular reference)');
  const inner = (x: unknown) => plainData(x, [...holders, v]);
  if (v instanceof Uint8Array) return [...v];
  if (v instanceof Set || Array.isArray(v)) return [...v].map(inner);
  if (v instanceof Map) return Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), inner(x)]));
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, inner(x)]));
}

/**
 * Parses YAML text. `firstLine` is the file line on which the text starts, so positions
 * in the result are file positions. Never throws: a document that cannot be read, whose
 * aliases expand beyond reason or refer to themselves, is an error result. The data is plain
 * (what JSON can hold), so it survives the cache and the JSON API unchanged.
 */
export function parseYaml(text: string, firstLine = 1): YamlResult {
  const lineCounter = new LineCounter();
  // logLevel: the parser's warnings come back in the result, never on the console.
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const position = (err: YAMLError) => {
    const pos = lineCounter.linePos(err.pos[0]);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const firstError: YAMLError | undefined = doc.errors[0];
  if (firstError) return { ok: false, ...position(firstError), reason: reasonOf(firstError) };
  let data: unknown;
  try {
    data = plainData(doc.toJS({ maxAliasCount: 100 }));
  } catch (err) {
    // "Excessive alias count indicates a resource exhaustion attack", and the like.
    return { ok: false, line: firstLine, column: 1, reason: reasonOf(err as Error) };
  }
  const keyLines: Record<string, number> = Object.create(null); // "__proto__" is a key like any other
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) {
        keyLines[String(item.key.value)] = lineCounter.linePos(item.key.range[0]).line + firstLine - 1;
      }
    }
  }
  const warnings = doc.warnings.map((w) => ({ ...position(w), reason: reasonOf(w) }));
  return { ok: true, data, keyLines, warnings };
}
