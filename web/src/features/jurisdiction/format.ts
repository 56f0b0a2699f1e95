import { formattingLocale } from '../../i18n/index.ts';

/** ISO weekday (1 = Monday … 7 = Sunday) named in the interface language. */
export function weekdayName(isoWeekday: number, language: string): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(formattingLocale(language), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday)));
}

/** A calendar day (`YYYY-MM-DD`, no time zone) in the interface language; the raw text when it is not a date. */
export function formatDay(value: string, language: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
