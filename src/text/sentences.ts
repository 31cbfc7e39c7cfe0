// Sentence boundaries that survive "am 25. Juni", "Dr. Müller" and "U.S. officials".

/** Returns the first sentence of a text (without its final full stop). */
export function firstSentence(text: string): string {
  // The next sentence opens with a capital, a quote, or a letter of a script without case (Arabic, Hebrew, CJK).
  const re = /[.!?…](?=\s+["'„“«‘(\p{Lu}\p{Lo}])/gu;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    const before = text.slice(Math.max(0, i - 12), i);
    // An ordinal ("25."), an initial ("J."), or an abbreviation ("Dr.", "z.B.") does not end a sentence.
    if (m[0] === '.' && (/(?:^|[\s(])\d{1,4}$/.test(before) || /(?:^|[\s.])\p{Lu}$/u.test(before) || /(?:^|\s)(?:Dr|Prof|Mr|Mrs|Ms|St|Nr|Abs|bzw|ca|vgl|etc|z\.B|u\.a|Gen|Sen|Rep|Jr|Sr|M|Mme)$/.test(before))) continue;
    return text.slice(0, i + (m[0] === '.' ? 0 : 1)).trim();
  }
  return text.replace(/[.]\s*$/, '').trim();
}

/** Shortens text to at most `max` characters at a word boundary, adding "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}
