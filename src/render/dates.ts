// Dates formatted with date-fns in a language's locale, at the date's precision.
import { format } from 'date-fns';
import * as locales from 'date-fns/locale';
import type { Locale } from 'date-fns';
import { langData } from '../lang/data.js';
import type { DatePrecision } from '../model.js';

const table = locales as unknown as Record<string, Locale>;

/** The date-fns locale for a language code; British English when none fits. */
export function localeFor(lang: string): Locale {
  return table[langData(lang).dateFnsLocale] ?? table[lang] ?? table.enGB!;
}

/** "2024-07-12" (day) → "12. Juli 2024" in German; "2024-07" (month) → "Juli 2024"; "2024" → "2024". */
export function formatDate(iso: string, precision: DatePrecision, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number | undefined, number | undefined];
  const date = new Date(y, (m ?? 1) - 1, d ?? 1, 12);
  const locale = localeFor(lang);
  if (precision === 'day') return format(date, 'PPP', { locale });
  if (precision === 'month') return format(date, 'LLLL yyyy', { locale });
  return String(y);
}

/** The name of a month (1–12) in a language, standalone form ("Juli", "tháng 7"). */
export function monthName(month: number, lang: string): string {
  return format(new Date(2000, month - 1, 1, 12), 'LLLL', { locale: localeFor(lang) });
}
