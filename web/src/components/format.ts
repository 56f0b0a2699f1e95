import { formattingLocale } from '../i18n/index.ts';

/** Locale-aware formatting helpers; they take the UI language so Arabic gets Arabic digits and order. */

/** Date and time, e.g. "3 May 2026, 14:05"; returns the raw value when it is not a date. */
export function formatDateTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Date only, e.g. "3 May 2026". */
export function formatDate(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium' }).format(date);
}

/** Time of day only, e.g. "14:05". */
export function formatTime(value: Date, language: string): string {
  return new Intl.DateTimeFormat(formattingLocale(language), { timeStyle: 'short' }).format(value);
}
