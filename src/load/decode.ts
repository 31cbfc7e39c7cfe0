// Bytes → text. Articles should be UTF-8, but captures arrive in whatever their page or
// editor used: Windows-1252 (Latin-1), UTF-16 with a byte-order mark, UTF-8 with a few
// stray Latin-1 bytes pasted in. Each is read as the letters it holds, never as mojibake,
// with a warning that says where; binary files and empty files are refused.
import type { Diagnostic } from '../model.js';

/** Bytes looked at to tell text from binary. */
const PROBE = 8000;

/** Share of control bytes (other than tab, newline, form feed, carriage return) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.05;

/** A file's text, or null when it is not text; and what was noticed on the way. */
export interface Decoded {
  text: string | null;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/**
 * Length of the well-formed UTF-8 sequence starting at `i` (1–4), or 0 when the byte there
 * does not start one (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
 */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** 1-based line of byte `offset`. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** True when the first bytes look like a binary file: a NUL, or many control bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  const probe = bytes.subarray(0, PROBE);
  if (probe.includes(0)) return true;
  let control = 0;
  for (const b of probe) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  return control > probe.length * MAX_CONTROL_SHARE;
}

/**
 * UTF-8 where it is well-formed, Windows-1252 byte by byte where it is not: a file that
 * mixes the two (a Latin-1 paragraph pasted into a UTF-8 capture) keeps both right.
 */
function decodeMixed(bytes: Uint8Array): { text: string; firstBad: number; bad: number; multibyte: number } {
  const parts: string[] = [];
  let firstBad = -1;
  let bad = 0;
  let multibyte = 0;
  let start = 0;
  for (let i = 0; i < bytes.length;) {
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      if (n > 1) multibyte++;
      i += n;
      continue;
    }
    if (firstBad < 0) firstBad = i;
    bad++;
    parts.push(utf8.decode(bytes.subarray(start, i)), cp1252.decode(bytes.subarray(i, i + 1)));
    start = ++i;
  }
  parts.push(utf8.decode(bytes.subarray(start)));
  return { text: parts.join(''), firstBad, bad, multibyte };
}

/** The text of well-formed UTF-8, or null (the fast path: most files are). */
function wellFormed(bytes: Uint8Array): ReturnType<typeof decodeMixed> | null {
  try {
    return { text: utf8.decode(bytes), firstBad: -1, bad: 0, multibyte: 0 };
  } catch {
    return null;
  }
}

/**
 * Decodes a file's bytes: UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order mark,
 * or Windows-1252 where the bytes are not UTF-8 (with a warning); line endings become "\n".
 * Empty and binary files give null text and an error.
 */
export function decode(bytes: Uint8Array, file: string): Decoded {
  const error = (message: string): Decoded => ({ text: null, diagnostics: [{ file, field: 'file', severity: 'error', message }] });
  if (bytes.length === 0) return error('empty file; add the article text or delete the file');
  const diagnostics: Diagnostic[] = [];
  let text: string;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes);
    diagnostics.push({ file, field: 'encoding', severity: 'warning', message: `saved as ${utf16.toUpperCase()}; read as such. Save the file as UTF-8` });
  } else if (looksBinary(bytes)) {
    return error('binary file (NUL or control bytes), not an article; remove it from the content folder, or save the text as UTF-8');
  } else {
    const mixed = wellFormed(bytes) ?? decodeMixed(bytes);
    text = mixed.text.replace(/^\uFEFF/, '');
    if (mixed.bad > 0) {
      const line = lineOfByte(bytes, mixed.firstBad);
      const byte = `0x${bytes[mixed.firstBad]!.toString(16).toUpperCase().padStart(2, '0')}`;
      const message = mixed.multibyte > 0
        ? `mostly UTF-8, but ${mixed.bad} byte${mixed.bad === 1 ? ' is' : 's are'} not (the first, ${byte}, on line ${line}); read ${mixed.bad === 1 ? 'it' : 'them'} as Windows-1252 (Latin-1). Check the letters there, then save the file as UTF-8`
        : `not UTF-8 (the first byte that is not, ${byte}, is on line ${line}); read as Windows-1252 (Latin-1). Check the accented letters, then save the file as UTF-8`;
      diagnostics.push({ file, line, field: 'encoding', severity: 'warning', message });
    }
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), diagnostics };
}
