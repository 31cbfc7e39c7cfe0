// URL slugs: lowercase ASCII, readable, transliterated from any script.
import anyAscii from 'any-ascii';

/** Default longest slug, cut at a word boundary. */
export const MAX_SLUG_LENGTH = 80;

/** "Lãnh đạo quốc phòng Nga-Mỹ" → "lanh-dao-quoc-phong-nga-my". Empty when nothing is left. */
export function slugify(text: string, maxLength: number = MAX_SLUG_LENGTH): string {
  const ascii = anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/['`’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : ascii.slice(0, maxLength)).replace(/-+$/, '');
}
