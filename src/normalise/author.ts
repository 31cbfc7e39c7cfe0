// Author: front matter; a byline ("Von …", "By …", "Par …"); or a signature at the end of
// the text ("Minh Duc (Laut Reuters, AFP)"), with the author's bio blurb after it removed.
import { allLanguages } from '../lang/data.js';
import { escapeRegExp, phrases } from '../lang/phrases.js';
import { findAgencies } from './agencies.js';
import { wordCount } from './body.js';
import { given, type Block, type FieldNormaliser, type Removed } from './draft.js';

/** A personal name: 2–4 capitalised words, allowing particles (van, de, di, bin). */
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+(?:(?:van|von|de|di|da|del|der|le|la|bin|al|ibn)\s+)?\p{Lu}[\p{L}\p{M}'’.-]+){1,3}`;
/** A name alone on a line, with an optional credit: "Minh Anh (TTXVN)", "Thanh Hà/VOV.VN". */
const SIGNATURE = new RegExp(`^(${NAME})\\s*(?:\\(([^)]*)\\)|/\\s*([\\p{L}\\p{N}.+ -]{2,30}))?\\s*$`, 'u');
/** A bio blurb is a quoted line. */
const QUOTED = /^["“„«].*["”“»]$/u;

let bylineRe: RegExp | undefined;
function bylinePattern(): RegExp {
  if (!bylineRe) {
    const words = [...new Set([...allLanguages().values()].flatMap((d) => d.bylines))].sort((a, b) => b.length - a.length);
    bylineRe = new RegExp(`^(?:${words.map(escapeRegExp).join('|')})[:\\s]+(${NAME})(?:\\s*(?:[,;|/·–-]|\\s(?:und|and|et|e|y|và|и)\\s).*)?$`, 'u');
  }
  return bylineRe;
}

/** A byline among the first blocks ("Von Anna Schmidt"), or among the last three ("Reporting by Tom Baker; editing by …"). */
export function findByline(blocks: Block[]): { name: string; index: number } | null {
  const re = bylinePattern();
  const last = Array.from({ length: Math.min(3, Math.max(0, blocks.length - 6)) }, (_, k) => blocks.length - 1 - k);
  for (const i of [...Array.from({ length: Math.min(blocks.length, 6) }, (_, k) => k), ...last]) {
    const b = blocks[i]!;
    if (wordCount(b.text) > 10) continue;
    const m = re.exec(b.text);
    if (m) return { name: m[1]!.trim(), index: i };
  }
  return null;
}

/** Words that make a capitalised run an organisation or a section, not a person ("Associated Press" is not, "News" is). */
let orgWords: Set<string> | undefined;
/** Is a capitalised run plausibly a person: no institution word, section label, agency or furniture in it. */
export function isPersonName(name: string): boolean {
  orgWords ??= new Set([...allLanguages().values()].flatMap((d) => [...d.institutionWords, ...d.institutions]).map((w) => w.toLocaleLowerCase()));
  const p = phrases();
  if (p.isSectionLabel(name) || p.isClutterLine(name) || p.furnitureCover(name).share > 0) return false;
  if (findAgencies(name).length) return false;
  return !name.split(/\s+/).some((w) => orgWords!.has(w.toLocaleLowerCase()));
}

/**
 * A bare byline: a name alone on a line (with an optional credit) among the short lines
 * between the headline and the first paragraph of running text, where pages print the
 * author ("Jane Doe", "Minh Anh (TTXVN)").
 */
export function findBareByline(blocks: Block[]): { name: string; index: number } | null {
  for (let i = 0; i < Math.min(blocks.length, 5); i++) {
    const text = blocks[i]!.text;
    if (wordCount(text) > 12) return null; // running text has begun
    const m = SIGNATURE.exec(text);
    if (m && isPersonName(m[1]!)) return { name: m[1]!.trim(), index: i };
  }
  return null;
}

/** Is a line a byline: "By Jane Doe", "Von Anna Schmidt, Berlin", or a two- or three-word name alone. */
export function isBylineLine(text: string): boolean {
  if (wordCount(text) > 10) return false;
  if (bylinePattern().test(text)) return true;
  const m = SIGNATURE.exec(text);
  return !!m && wordCount(m[1]!) <= 3 && isPersonName(m[1]!);
}

/**
 * The author's bio box near the end: a line that opens with the author's name and goes on
 * to describe them ("Jane Doe is a reporter covering …").
 */
export function findBio(blocks: Block[], author: string): number | null {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 3); i--) {
    const t = blocks[i]!.text;
    if (t.startsWith(`${author} `) && /^\s*\p{Ll}/u.test(t.slice(author.length)) && wordCount(t) <= 40) return i;
  }
  return null;
}

/** A signature among the last blocks, optionally followed by a quoted bio. */
export function findSignature(blocks: Block[]): { name: string; credits: string | null; index: number; bioIndex: number | null } | null {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 3); i--) {
    const b = blocks[i]!;
    const m = SIGNATURE.exec(b.text);
    if (!m) continue;
    const after = blocks.slice(i + 1);
    // Only a quoted bio may follow a signature.
    if (after.length > 1 || (after.length === 1 && !QUOTED.test(after[0]!.text))) continue;
    if (!isPersonName(m[1]!)) continue;
    return { name: m[1]!.trim(), credits: m[2] ?? m[3] ?? null, index: i, bioIndex: after.length === 1 ? i + 1 : null };
  }
  return null;
}

export const normaliseAuthor: FieldNormaliser = (draft) => {
  const blocks = draft.blocks ?? [];
  const removed: Removed[] = [...(draft.removed ?? [])];
  const fm = given(draft, 'author');
  let author: string | null = fm === undefined ? null : Array.isArray(fm) ? fm.map(String).join(', ') : String(fm).trim();
  if (draft.raw.format === 'markdown') return { set: { author }, diagnostics: [] };

  const drop = new Set<number>();
  const byline = findByline(blocks) ?? findBareByline(blocks);
  if (byline) {
    author ??= byline.name;
    drop.add(byline.index);
    removed.push({ ...blocks[byline.index]!, reason: 'signature' });
  } else {
    const sig = findSignature(blocks);
    if (sig) {
      author ??= sig.name;
      drop.add(sig.index);
      removed.push({ ...blocks[sig.index]!, reason: 'signature' });
      if (sig.bioIndex !== null) {
        drop.add(sig.bioIndex);
        removed.push({ ...blocks[sig.bioIndex]!, reason: 'bio' });
      }
    }
  }
  if (author) {
    const bio = findBio(blocks, author);
    if (bio !== null && !drop.has(bio)) {
      drop.add(bio);
      removed.push({ ...blocks[bio]!, reason: 'bio' });
    }
  }
  return { set: { author, blocks: blocks.filter((_, i) => !drop.has(i)), removed }, diagnostics: [] };
};
