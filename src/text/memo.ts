// Memoising pure functions of one word. Names and cue words repeat across a text and across
// an archive (a few thousand distinct words cover most tokens), so each word's folded form,
// keys and skeleton are worked out once. The table is emptied when it grows past `max`, so
// memory stays bounded on any archive. Results are shared: callers must not mutate them.
export function memoWord<R>(fn: (word: string) => R, max = 200_000): (word: string) => R {
  const table = new Map<string, R>();
  return (word) => {
    let v = table.get(word);
    if (v === undefined) {
      if (table.size >= max) table.clear();
      v = fn(word);
      table.set(word, v);
    }
    return v;
  };
}
