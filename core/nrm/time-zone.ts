/**
 * Wall-clock conversions in an IANA time zone using `Intl` only. Instants cross the API as
 * ISO 8601 strings with an explicit offset (or `Z`); a string without an offset is rejected,
 * because its meaning would depend on the server's zone.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

export type TInstantInput = Date | string;

/** An ISO 8601 instant with an explicit offset, e.g. `2025-03-28T10:00:00Z`. */
export const ZInstant = z.iso.datetime({ offset: true });

/** A wall-clock date and time in some zone; `date` is `YYYY-MM-DD`. */
export interface TLocalDateTime {
  date: string;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `zone` is an IANA zone this runtime knows. Never throws. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const ZTimeZone = z.string().refine(isValidTimeZone, 'expected an IANA time zone such as Europe/London');

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    if (!isValidTimeZone(zone)) {
      throw new AppError('VALIDATION_FAILED', `Unknown time zone ${zone}`, { reason: 'UNKNOWN_TIME_ZONE', timeZone: zone });
    }
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Milliseconds since the epoch for a Date or an ISO string with offset.
 * @throws AppError VALIDATION_FAILED (reason `INVALID_INSTANT`) for an invalid Date, or a string
 *   that is not ISO 8601 with an explicit offset.
 */
export function toEpochMs(instant: TInstantInput): number {
  const ms = instant instanceof Date ? instant.getTime() : ISO_WITH_OFFSET.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new AppError('VALIDATION_FAILED', 'Expected an ISO 8601 instant with an offset, e.g. 2025-03-28T10:00:00Z', {
      reason: 'INVALID_INSTANT',
      value: String(instant),
    });
  }
  return ms;
}

/** ISO 8601 in UTC (`…Z`), the one form instants leave this module in. */
export function toIsoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * The wall-clock date and time at an instant in `zone`.
 * @throws AppError VALIDATION_FAILED (reason `UNKNOWN_TIME_ZONE`).
 */
export function localDateTimeAt(epochMs: number, zone: string): TLocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  return {
    date: `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond,
  };
}

function utcMsOfLocal(local: TLocalDateTime): number {
  const [y, m, d] = local.date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, local.hour, local.minute, local.second, local.millisecond);
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function offsetMsAt(epochMs: number, zone: string): number {
  return utcMsOfLocal(localDateTimeAt(epochMs, zone)) - epochMs;
}

function sameLocal(a: TLocalDateTime, b: TLocalDateTime): boolean {
  return a.date === b.date && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

/**
 * The instant at which `zone` shows this wall-clock time. Follows the "compatible" rule of
 * JavaScript's Temporal proposal: a time repeated by a backward DST change resolves to the
 * earlier instant; a time skipped by a forward change is moved forward by the length of the gap
 * (01:30 on the London spring-forward day becomes 02:30 BST).
 * @throws AppError VALIDATION_FAILED (reason `UNKNOWN_TIME_ZONE`).
 */
export function instantFromLocal(local: TLocalDateTime, zone: string): number {
  const wall = utcMsOfLocal(local);
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetMsAt(wall - DAY_MS, zone);
  const after = offsetMsAt(wall + DAY_MS, zone);
  const candidates = [wall - before, wall - after]
    .filter((ms) => sameLocal(localDateTimeAt(ms, zone), local))
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - before;
}
