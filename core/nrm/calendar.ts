/**
 * Plain-date arithmetic (no time, no zone) and working-day rules. Dates are `YYYY-MM-DD`
 * strings; day numbers are days since 1970-01-01 in the proleptic Gregorian calendar.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD`. zod's ISO date takes year 0000 too, which has no date in PostgreSQL (1 BC is 0001 BC there). */
export const ZPlainDate = z.iso.date().refine((date) => !date.startsWith('0000-'), 'There is no year 0000: use 0001 or later.');

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const ZIsoWeekday = z.int().min(1).max(7);

/** What a working-day calculation needs from a jurisdiction profile. */
export interface TWorkingCalendar {
  weekendDays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
}

function assertPlainDate(date: string): [number, number, number] {
  if (!ZPlainDate.safeParse(date).success) {
    throw new AppError('VALIDATION_FAILED', `Expected a date YYYY-MM-DD, got ${date}`, { reason: 'INVALID_DATE', value: date });
  }
  return date.split('-').map(Number) as [number, number, number];
}

/**
 * Days since the epoch for a plain date.
 * @throws AppError VALIDATION_FAILED (reason `INVALID_DATE`).
 */
export function dayNumberOf(date: string): number {
  const [y, m, d] = assertPlainDate(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The plain date of a day number. Never throws for finite input. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A plain date moved by `days` (may be negative). @throws AppError VALIDATION_FAILED (`INVALID_DATE`). */
export function addDaysToDate(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** ISO weekday (1 = Monday … 7 = Sunday). @throws AppError VALIDATION_FAILED (`INVALID_DATE`). */
export function isoWeekdayOf(date: string): number {
  const sundayZero = new Date(dayNumberOf(date) * DAY_MS).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** Whether the date is neither a weekend day nor a public holiday. @throws as `isoWeekdayOf`. */
export function isWorkingDate(date: string, calendar: TWorkingCalendar): boolean {
  return !calendar.weekendDays.has(isoWeekdayOf(date)) && !calendar.holidays.has(date);
}

/**
 * The date `days` working days after `date`. The start date is day 0 and need not itself be a
 * working day: Saturday + 1 is Monday, as is Friday + 1. `days = 0` returns the start unchanged.
 * @throws AppError VALIDATION_FAILED (reason `INVALID_DAY_COUNT`) unless `days` is a whole
 *   number ≥ 0, or (`INVALID_DATE`) for a malformed date.
 */
export function addWorkingDaysToDate(date: string, days: number, calendar: TWorkingCalendar): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new AppError('VALIDATION_FAILED', 'Working days must be a whole number ≥ 0', { reason: 'INVALID_DAY_COUNT', days });
  }
  if (calendar.weekendDays.size >= 7) {
    throw new AppError('VALIDATION_FAILED', 'A calendar needs at least one working weekday', { reason: 'NO_WORKING_DAYS' });
  }
  let day = dayNumberOf(date);
  let remaining = days;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDate(dateOfDayNumber(day), calendar)) remaining -= 1;
  }
  return dateOfDayNumber(day);
}
