/**
 * Targets and baselines as the forms hold them (text rows), checked before a round trip. Pure, so
 * the create form, the target editor and their tests agree. The server checks again
 * (core/programmes/framework.ts targetIssues).
 */

export const FREQUENCIES = ['year', 'quarter', 'month'] as const;
export type TFrequency = (typeof FREQUENCIES)[number];
export type TTargetRow = { period: string; value: string };
export type TTarget = { period: string; value: number };

/** The number a person typed (a decimal comma is accepted), or null when it is not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

const PERIOD_OF: Record<TFrequency, RegExp> = {
  year: /^\d{4}$/,
  quarter: /^\d{4}-Q[1-4]$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
};

/** Whether a key names a period of this frequency (2026; 2026-Q2; 2026-05). */
export const isPeriodOf = (frequency: TFrequency, key: string): boolean => PERIOD_OF[frequency].test(key);

/** An example period of a frequency, for hints and placeholders. */
export function examplePeriod(frequency: TFrequency, year: number): string {
  return frequency === 'year' ? String(year) : frequency === 'quarter' ? `${year}-Q1` : `${year}-01`;
}

/** A new form's single row: this year's first period of the frequency, no value yet. */
export const firstTargetRows = (frequency: TFrequency): TTargetRow[] => [{ period: examplePeriod(frequency, new Date().getFullYear()), value: '' }];

/** The period after `key` of the same frequency (the next row's suggestion); the example of `year` when `key` is not one. */
export function followingPeriod(frequency: TFrequency, key: string, year: number): string {
  if (!isPeriodOf(frequency, key)) return examplePeriod(frequency, year);
  const y = Number(key.slice(0, 4));
  if (frequency === 'year') return String(y + 1);
  const index = Number(frequency === 'quarter' ? key.slice(6) : key.slice(5));
  const last = frequency === 'quarter' ? 4 : 12;
  const [nextYear, nextIndex] = index === last ? [y + 1, 1] : [y, index + 1];
  return frequency === 'quarter' ? `${nextYear}-Q${nextIndex}` : `${nextYear}-${String(nextIndex).padStart(2, '0')}`;
}

export type TRowProblem = 'period' | 'duplicate' | 'value';

/**
 * The targets of the rows, or what is wrong with each row. A row without a value is ignored (the
 * form suggests periods; a period left without a value means "no target for it yet").
 */
export function readTargets(frequency: TFrequency, rows: readonly TTargetRow[]): { targets: TTarget[]; problems: (TRowProblem | null)[] } {
  const seen = new Set<string>();
  const targets: TTarget[] = [];
  const problems = rows.map((row): TRowProblem | null => {
    const period = row.period.trim();
    if (row.value.trim() === '') return null;
    if (!isPeriodOf(frequency, period)) return 'period';
    if (seen.has(period)) return 'duplicate';
    seen.add(period);
    const value = parseNumber(row.value);
    if (value === null) return 'value';
    targets.push({ period, value });
    return null;
  });
  return { targets, problems };
}

/** Rows for an indicator's stored targets, in period order. */
export function rowsOfTargets(targets: readonly TTarget[]): TTargetRow[] {
  return [...targets].sort((a, b) => a.period.localeCompare(b.period)).map((t) => ({ period: t.period, value: String(t.value) }));
}
