import { formattingLocale } from '../../i18n/index.ts';

/**
 * Formatting for the criminal-justice pages. Court and investigation dates are calendar days
 * (`YYYY-MM-DD`, no time zone), so they are read and shown in UTC: a day never shifts by one.
 */

/** A calendar day, e.g. "3 May 2026"; the raw value when it is not a date. */
export function formatDay(value: string, language: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A whole number in the interface language's digits. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 0 }).format(value);
}

/** A share of a whole, e.g. "50 %"; "—" when there is nothing to divide by. */
export function formatShare(part: number, whole: number, language: string): string {
  if (whole <= 0) return '—';
  return new Intl.NumberFormat(formattingLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);
}

/** An amount of money with its ISO 4217 currency; the raw text when the browser does not know the currency. */
export function formatMoney(amount: string | number, currency: string, language: string): string {
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(formattingLocale(language), { style: 'currency', currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Today as `YYYY-MM-DD` in the user's own time zone (the default for "on" dates in forms). */
export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
