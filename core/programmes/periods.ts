/**
 * PERSISTED VALUES. Reporting periods: a year (`2026`), a quarter (`2026-Q2`) or a month
 * (`2026-05`). Periods are calendar ranges in UTC dates, half-open `[from, to)`, so adjacent
 * periods never overlap and the statistics engine can compare timestamps with `>= from and < to`.
 */
import { AppError } from '../errors/app-error.ts';

export const PERIOD_KINDS = ['year', 'quarter', 'month'] as const;
export type TPeriodKind = (typeof PERIOD_KINDS)[number];

export interface TPeriod {
  kind: TPeriodKind;
  year: number;
  /** 1–4 for quarters, 1–12 for months, 1 for years. */
  index: number;
}

const PATTERNS: { kind: TPeriodKind; pattern: RegExp; max: number }[] = [
  { kind: 'year', pattern: /^(\d{4})$/, max: 1 },
  { kind: 'quarter', pattern: /^(\d{4})-Q([1-4])$/, max: 4 },
  { kind: 'month', pattern: /^(\d{4})-(0[1-9]|1[0-2])$/, max: 12 },
];

/** Smallest and largest year a period may have (keeps date arithmetic inside four digits). */
export const PERIOD_YEARS = { min: 1990, max: 2100 } as const;

/** The period a key names, or null when the key is not a period. Never throws. */
export function parsePeriod(key: string): TPeriod | null {
  for (const { kind, pattern } of PATTERNS) {
    const match = pattern.exec(key);
    if (!match) continue;
    const year = Number(match[1]);
    if (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max) return null;
    return { kind, year, index: match[2] ? Number(match[2]) : 1 };
  }
  return null;
}

/** @throws AppError VALIDATION_FAILED (INVALID_PERIOD) */
export function requirePeriod(key: string, path = 'period'): TPeriod {
  const period = parsePeriod(key);
  if (!period) throw new AppError('VALIDATION_FAILED', `"${key}" is not a period (2026, 2026-Q2 or 2026-05).`, { reason: 'INVALID_PERIOD', issues: [{ path, message: 'not a period' }] });
  return period;
}

export function formatPeriod(period: TPeriod): string {
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'quarter':
      return `${period.year}-Q${period.index}`;
    case 'month':
      return `${period.year}-${String(period.index).padStart(2, '0')}`;
  }
}

const MONTHS_IN: Record<TPeriodKind, number> = { year: 12, quarter: 3, month: 1 };

/** First month (0-based, counted from year 0) of a period. */
function firstMonth(period: TPeriod): number {
  return period.year * 12 + (period.index - 1) * MONTHS_IN[period.kind];
}

const isoDateOfMonth = (month: number) => `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;

/** The half-open date range `[from, to)` of a period, as ISO dates (YYYY-MM-DD). */
export function periodRange(period: TPeriod): { from: string; to: string } {
  const start = firstMonth(period);
  return { from: isoDateOfMonth(start), to: isoDateOfMonth(start + MONTHS_IN[period.kind]) };
}

/** The period after this one, of the same kind. */
export function nextPeriod(period: TPeriod): TPeriod {
  const max = 12 / MONTHS_IN[period.kind];
  return period.index === max ? { kind: period.kind, year: period.year + 1, index: 1 } : { ...period, index: period.index + 1 };
}

/** The period of a kind that contains a date (ISO date or timestamp, read in UTC). */
export function periodContaining(kind: TPeriodKind, date: string | Date): TPeriod {
  const d = typeof date === 'string' ? new Date(date.length === 10 ? `${date}T00:00:00Z` : date) : date;
  const month = d.getUTCMonth();
  return { kind, year: d.getUTCFullYear(), index: Math.floor(month / MONTHS_IN[kind]) + 1 };
}

/** Whether `inner` lies entirely within `outer` (a quarter within its year, a month within its quarter…). */
export function isWithin(inner: TPeriod, outer: TPeriod): boolean {
  const a = periodRange(inner);
  const b = periodRange(outer);
  return a.from >= b.from && a.to <= b.to;
}

/**
 * Every period of a kind from the one containing `from` to the one containing `to` (inclusive),
 * in order. At most `limit` periods (a programme of fifty years by month is refused, not built).
 * @throws AppError VALIDATION_FAILED (TOO_MANY_PERIODS, PERIODS_REVERSED)
 */
export function periodsBetween(kind: TPeriodKind, from: string, to: string, limit = 240): TPeriod[] {
  const first = periodContaining(kind, from);
  const last = formatPeriod(periodContaining(kind, to));
  if (periodRange(first).from > periodRange(periodContaining(kind, to)).from) {
    throw new AppError('VALIDATION_FAILED', 'The end comes before the start.', { reason: 'PERIODS_REVERSED' });
  }
  const out: TPeriod[] = [];
  for (let p = first; ; p = nextPeriod(p)) {
    out.push(p);
    if (formatPeriod(p) === last) return out;
    if (out.length >= limit) throw new AppError('VALIDATION_FAILED', `At most ${limit} reporting periods.`, { reason: 'TOO_MANY_PERIODS' });
  }
}

/** Whether a period key has the kind an indicator reports at (its frequency). */
export function isPeriodOfKind(key: string, kind: TPeriodKind): boolean {
  return parsePeriod(key)?.kind === kind;
}
