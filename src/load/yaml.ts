// YAML parsing that keeps line numbers: for error messages and for pointing at a field.
import YAML, { LineCounter, isMap, isScalar, type YAMLError } from 'yaml';

/** A parsed YAML document, or the parser's complaint with its position. */
export type YamlResult =
  | { ok: true; data: unknown; keyLines: Record<string, number> }
  | { ok: false; line?: number; column?: number; reason: string };

/**
 * Parses YAML text. `firstLine` is the file line on which the text starts, so positions
 * in the result are file positions.
 */
export function parseYaml(text: string, firstLine = 1): YamlResult {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError: YAMLError | undefined = doc.errors[0];
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0]);
    const reason = firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, line: pos.line + firstLine - 1, column: pos.col, reason };
  }
  const keyLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) {
        keyLines[String(item.key.value)] = lineCounter.linePos(item.key.range[0]).line + firstLine - 1;
      }
    }
  }
  return { ok: true, data: doc.toJS(), keyLines };
}
