// The review list: what in the archive's metadata needs a human. It is drawn from the
// notices the normalisers raise (each tagged with a ReviewKind), so the build's printout,
// the --report JSON and `npm run review` always agree.
import { REVIEW_KINDS, type Diagnostic, type ReviewKind } from './model.js';

/** One thing to look at. */
export interface ReviewItem {
  file: string;
  line: number | null;
  kind: ReviewKind;
  /** The kind in words ("date inferred"). */
  label: string;
  /** What was found and what to do. */
  message: string;
}

const ORDER = Object.keys(REVIEW_KINDS) as ReviewKind[];

/** The review items among a build's diagnostics, by file, then kind, then line. */
export function reviewList(diagnostics: Diagnostic[]): ReviewItem[] {
  return diagnostics
    .filter((d): d is Diagnostic & { review: ReviewKind } => !!d.review)
    .map((d) => ({ file: d.file, line: d.line ?? null, kind: d.review, label: REVIEW_KINDS[d.review], message: d.message }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || (a.line ?? 0) - (b.line ?? 0)));
}

/** Counts per kind, in display order, leaving out kinds with none. */
export function reviewCounts(items: ReviewItem[]): { kind: ReviewKind; label: string; count: number }[] {
  return ORDER.map((kind) => ({ kind, label: REVIEW_KINDS[kind], count: items.filter((i) => i.kind === kind).length })).filter((c) => c.count > 0);
}

/** Display width of a string: wide (CJK) characters count two columns, marks none. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (/\p{M}/u.test(ch)) continue;
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  }
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

/** Clips a message to `max` columns with an ellipsis. */
function clip(s: string, max: number): string {
  if (width(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * A plain-text table: file (with line), what, detail. `columns` is the terminal width; the
 * detail column is clipped to fit unless `full` is set.
 */
export function formatReviewTable(items: ReviewItem[], opts: { columns?: number; full?: boolean } = {}): string {
  if (!items.length) return 'Nothing to review: every article has a stated date, a source, a headline and registered people.\n';
  const rows = items.map((i) => [i.line ? `${i.file}:${i.line}` : i.file, i.label, i.message]);
  const head = ['FILE', 'WHAT', 'DETAIL AND WHAT TO DO'];
  const w0 = Math.max(width(head[0]!), ...rows.map((r) => width(r[0]!)));
  const w1 = Math.max(width(head[1]!), ...rows.map((r) => width(r[1]!)));
  const rest = Math.max(30, (opts.columns ?? 160) - w0 - w1 - 4);
  const line = (r: string[]) => `${pad(r[0]!, w0)}  ${pad(r[1]!, w1)}  ${opts.full ? r[2] : clip(r[2]!, rest)}`.trimEnd();
  const out = [line(head), line(['-'.repeat(w0), '-'.repeat(w1), '-'.repeat(Math.min(rest, 21))])];
  let last = '';
  for (const r of rows) {
    const file = r[0]!.replace(/:\d+$/, '');
    if (last && file !== last) out.push('');
    last = file;
    out.push(line(r));
  }
  const files = new Set(items.map((i) => i.file)).size;
  const counts = reviewCounts(items).map((c) => `${c.count} ${c.label}`).join(', ');
  out.push('', `${items.length} item${items.length === 1 ? '' : 's'} in ${files} article${files === 1 ? '' : 's'}: ${counts}.`);
  return `${out.join('\n')}\n`;
}
