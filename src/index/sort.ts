// The one article order used everywhere: newest first; undated last; ties by title, then file.
import type { Article } from '../model.js';

/** Compares two articles, newest first. */
export function newestFirst(a: Article, b: Article): number {
  const da = a.date?.value ?? '';
  const db = b.date?.value ?? '';
  if (da !== db) return da < db ? 1 : -1;
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Compares names for display, independent of the machine's locale. */
export function byName(a: { name: string }, b: { name: string }): number {
  const x = a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  return x !== 0 ? x : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
