// Author: front matter; a byline ("Von …", "By …", "Par …"); or a signature at the end of
// the text ("Minh Duc (Laut Reuters, AFP)"), with the author's bio blurb after it removed.
import { allLanguages } from '../lang/data.js';
import { escapeRegExp } from '../lang/phrases.js';
import { wordCount } from './body.js';
import { given, type Block, type FieldNormaliser, type Removed } from './draft.js';

/** A personal name: 2–4 capitalised words, allowing particles (van, de, di, bin). */
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+(?:(?:van|von|de|di|da|del|der|le|la|bin|al|ibn)\s+)?\p{Lu}[\p{L}\p{M}'’.-]+){1,3}`;
const SIGNATURE = new RegExp(`^(${NAME})\\s*(?:\\(([^)]*)\\))?\\s*$`, 'u');
/** A bio blurb is a quoted line. */
const QUOTED = /^["“„«].*["”“»]$/u;

let bylineRe: RegExp | undefined;
function bylinePattern(): RegExp {
  if (!bylineRe) {
    const words = [...new Set([...allLanguages().values()].flatMap((d) => d.bylines))].sort((a, b) => b.length - a.length);
    bylineRe = new RegExp(`^(?:${words.map(escapeRegExp).join('|')})[:\\s]+(${NAME})(?:\\s*(?:[,|/·–-]|\\s(?:und|and|et|e|y|và|и)\\s).*)?$`, 'u');
  }
  return bylineRe;
}

/** A byline among the first blocks: "Von Anna Schmidt". */
export function findByline(blocks: Block[]): { name: string; index: number } | null {
  const re = bylinePattern();
  for (let i = 0; i < Math.min(blocks.length, 6); i++) {
    const b = blocks[i]!;
    if (wordCount(b.text) > 10) continue;
    const m = re.exec(b.text);
    if (m) return { name: m[1]!.trim(), index: i };
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
    return { name: m[1]!.trim(), credits: m[2] ?? null, index: i, bioIndex: after.length === 1 ? i + 1 : null };
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
  const byline = findByline(blocks);
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
  return { set: { author, blocks: blocks.filter((_, i) => !drop.has(i)), removed }, diagnostics: [] };
};
