/**
 * Deadline arithmetic in a jurisdiction's time zone and working-day calendar. Instants come in
 * as ISO 8601 strings with an offset (or Dates) and leave as ISO 8601 UTC strings; dates are
 * plain `YYYY-MM-DD` in the profile's zone. Wall-clock times are kept across DST changes: a
 * deadline set at 10:00 in winter falls at 10:00 local time in summer.
 */
import { AppError } from '../errors/app-error.ts';
import { addDaysToDate, addWorkingDaysToDate, isWorkingDate, type TWorkingCalendar } from './calendar.ts';
import type { TJurisdictionProfile } from './jurisdictions/schema.ts';
import { instantFromLocal, localDateTimeAt, toEpochMs, toIsoInstant, type TInstantInput } from './time-zone.ts';

/** The parts of a profile that deadline arithmetic reads. */
export type TDeadlineProfile = Pick<TJurisdictionProfile, 'timeZone' | 'calendar'>;

const calendars = new WeakMap<object, TWorkingCalendar>();

/** The profile's calendar as sets, built once per profile object. Never throws. */
export function workingCalendarOf(profile: TDeadlineProfile): TWorkingCalendar {
  let calendar = calendars.get(profile.calendar);
  if (!calendar) {
    calendar = {
      weekendDays: new Set(profile.calendar.weekendDays),
      holidays: new Set(profile.calendar.holidays.map((h) => h.date)),
    };
    calendars.set(profile.calendar, calendar);
  }
  return calendar;
}

/** The local date of an instant in the profile's zone. @throws AppError VALIDATION_FAILED (`INVALID_INSTANT`). */
export function localDateOf(profile: Pick<TJurisdictionProfile, 'timeZone'>, instant: TInstantInput): string {
  return localDateTimeAt(toEpochMs(instant), profile.timeZone).date;
}

/** Whether the instant falls on a working day in the profile's zone. @throws as `localDateOf`. */
export function isWorkingInstant(profile: TDeadlineProfile, instant: TInstantInput): boolean {
  return isWorkingDate(localDateOf(profile, instant), workingCalendarOf(profile));
}

/** The first instant of a local date (midnight, or the first valid time after a DST gap). */
export function startOfLocalDay(profile: Pick<TJurisdictionProfile, 'timeZone'>, date: string): string {
  return toIsoInstant(instantFromLocal({ date, hour: 0, minute: 0, second: 0, millisecond: 0 }, profile.timeZone));
}

/** The last millisecond of a local date, whatever its length (23, 24 or 25 hours). */
export function endOfLocalDay(profile: Pick<TJurisdictionProfile, 'timeZone'>, date: string): string {
  return toIsoInstant(toEpochMs(startOfLocalDay(profile, addDaysToDate(date, 1))) - 1);
}

function shiftLocalDate(profile: TDeadlineProfile, instant: TInstantInput, move: (date: string) => string): string {
  const local = localDateTimeAt(toEpochMs(instant), profile.timeZone);
  return toIsoInstant(instantFromLocal({ ...local, date: move(local.date) }, profile.timeZone));
}

/**
 * The instant `days` calendar days later (or earlier, if negative) at the same local time.
 * @throws AppError VALIDATION_FAILED (`INVALID_INSTANT`, or `INVALID_DAY_COUNT` for a non-integer).
 */
export function addCalendarDays(profile: TDeadlineProfile, instant: TInstantInput, days: number): string {
  if (!Number.isInteger(days)) {
    throw new AppError('VALIDATION_FAILED', 'Calendar days must be a whole number', { reason: 'INVALID_DAY_COUNT', days });
  }
  return shiftLocalDate(profile, instant, (date) => addDaysToDate(date, days));
}

/**
 * The instant `days` working days later at the same local time, skipping the profile's weekend
 * days and holidays. The starting day is day 0 and need not be a working day.
 * @throws AppError VALIDATION_FAILED (`INVALID_INSTANT`, `INVALID_DAY_COUNT` unless days ≥ 0).
 */
export function addWorkingDays(profile: TDeadlineProfile, instant: TInstantInput, days: number): string {
  return shiftLocalDate(profile, instant, (date) => addWorkingDaysToDate(date, days, workingCalendarOf(profile)));
}

export interface TDueDate {
  /** The local date by which the step is due, in the profile's zone. */
  dueDate: string;
  /** The last instant of that date: the deadline is breached after it. */
  dueAt: string;
}

/**
 * When a reasonable-grounds decision is due: the end of the `targetWorkingDays`-th working day
 * after the referral day (the referral day is day 0). Returns null when the profile sets no
 * target, as the Council of Europe default does.
 * @throws AppError VALIDATION_FAILED (`INVALID_INSTANT`).
 */
export function computeRgDue(
  profile: TDeadlineProfile & Pick<TJurisdictionProfile, 'reasonableGrounds'>,
  referredAt: TInstantInput,
): TDueDate | null {
  const target = profile.reasonableGrounds.targetWorkingDays;
  if (target === null) return null;
  const dueDate = addWorkingDaysToDate(localDateOf(profile, referredAt), target, workingCalendarOf(profile));
  return { dueDate, dueAt: endOfLocalDay(profile, dueDate) };
}

export interface TRecoveryPeriod {
  /** Local date of the positive RG decision, when the period starts. */
  startsOn: string;
  /** Last local date of the minimum period (day `minDays`, counting the day after RG as day 1). */
  minimumEndsOn: string;
  /** First local date on which a CG decision may be made. */
  earliestCgDate: string;
  /** First instant at which a CG decision may be made. */
  earliestCgAt: string;
}

/**
 * The minimum recovery and reflection period that follows a positive RG decision, and the
 * earliest moment for a conclusive decision. Days are calendar days in the profile's zone,
 * counted from the day after the decision, so with 30 days the CG may be made from day 31
 * ("after day 30", domain.md d.3, [unverified precise rule]). When the profile lets a CG
 * precede the end of the period, or the period is 0 days, the earliest CG is the RG instant.
 * @throws AppError VALIDATION_FAILED (`INVALID_INSTANT`).
 */
export function computeRecoveryPeriod(
  profile: TDeadlineProfile & Pick<TJurisdictionProfile, 'recoveryPeriod' | 'conclusiveGrounds'>,
  rgPositiveAt: TInstantInput,
): TRecoveryPeriod {
  const startsOn = localDateOf(profile, rgPositiveAt);
  const minDays = profile.recoveryPeriod.minDays;
  const minimumEndsOn = addDaysToDate(startsOn, minDays);
  if (minDays === 0 || profile.conclusiveGrounds.mayPrecedeEndOfMinimumRecovery) {
    return { startsOn, minimumEndsOn, earliestCgDate: startsOn, earliestCgAt: toIsoInstant(toEpochMs(rgPositiveAt)) };
  }
  const earliestCgDate = addDaysToDate(minimumEndsOn, 1);
  return { startsOn, minimumEndsOn, earliestCgDate, earliestCgAt: startOfLocalDay(profile, earliestCgDate) };
}

export type TDeadlineStatus = 'due' | 'dueSoon' | 'breached';

/**
 * Where an open deadline stands at `now`: `breached` once now is after `dueAt`, `dueSoon`
 * within `dueSoonHours` before it (inclusive of `dueAt` itself), otherwise `due`.
 * @throws AppError VALIDATION_FAILED (`INVALID_INSTANT`, or `INVALID_DUE_SOON_WINDOW` for a
 *   negative window).
 */
export function deadlineStatus(
  dueAt: TInstantInput,
  now: TInstantInput,
  options: { dueSoonHours: number } = { dueSoonHours: 48 },
): TDeadlineStatus {
  if (!(options.dueSoonHours >= 0)) {
    throw new AppError('VALIDATION_FAILED', 'dueSoonHours must be ≥ 0', { reason: 'INVALID_DUE_SOON_WINDOW' });
  }
  const remaining = toEpochMs(dueAt) - toEpochMs(now);
  if (remaining < 0) return 'breached';
  return remaining <= options.dueSoonHours * 3_600_000 ? 'dueSoon' : 'due';
}
