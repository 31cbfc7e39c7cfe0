// Metadata accuracy on a hand-annotated corpus: `npm run accuracy -- [test/corpus/dev] [--misses]`.
// Prints, per field, how many articles are right; people, agencies and topics as precision
// and recall; and with --misses every difference from the expected metadata.
import { precision, ratio, recall, scoreCorpus, type FieldScore, type SetScore } from './lib/score.js';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--'));
const showMisses = args.includes('--misses');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

for (const dir of dirs.length ? dirs : ['test/corpus/dev']) {
  const s = await scoreCorpus(dir);
  const rows: [string, string, string][] = [];
  const fieldRow = (name: string, f: FieldScore) => rows.push([name, `${f.correct}/${f.total}`, pct(ratio(f))]);
  const setRow = (name: string, x: SetScore) => rows.push([name, `P ${pct(precision(x))}`, `R ${pct(recall(x))}  (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`]);
  fieldRow('language', s.fields.lang);
  fieldRow('direction', s.fields.dir);
  fieldRow('title', s.fields.title);
  fieldRow('date (exact)', s.fields.date);
  fieldRow('date (right or honestly uncertain)', s.dateHonest);
  fieldRow('source name', s.fields.sourceName);
  fieldRow('source URL', s.fields.sourceUrl);
  fieldRow('author', s.fields.author);
  fieldRow('clutter checks', s.fields.body);
  setRow('people', s.people);
  setRow('agencies', s.agencies);
  setRow('topics', s.topics);
  console.log(`\n${dir}: ${s.articles} articles`);
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const r of rows) console.log(`  ${r[0].padEnd(w)}  ${r[1].padEnd(9)}  ${r[2]}`);
  console.log(`  people identity splits: ${s.identitySplits.length}${s.identitySplits.length ? ` (${s.identitySplits.join('; ')})` : ''}`);
  console.log(`  wrong dates marked stated: ${s.wrongStatedDates.length}${s.wrongStatedDates.length ? ` (${s.wrongStatedDates.join('; ')})` : ''}`);
  if (showMisses) {
    console.log('  misses:');
    for (const f of [...Object.values(s.fields), s.people, s.agencies, s.topics]) for (const m of f.misses) console.log(`    ${m}`);
  }
}
