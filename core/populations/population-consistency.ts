/**
 * Totals that do not add up are usually a sign of mixed sources or a pasted wrong column, but
 * official tables round components independently, so they are warnings, never errors.
 */
import type { TPopulationCsvIssue, TPopulationCsvRow } from './population-csv.ts';

function sumCheck(rows: readonly TPopulationCsvRow[], groupOf: (row: TPopulationCsvRow) => string, partOf: (row: TPopulationCsvRow) => string,
  parts: readonly [string, string], describe: (total: TPopulationCsvRow) => string): TPopulationCsvIssue[] {
  const groups = new Map<string, Map<string, TPopulationCsvRow>>();
  for (const row of rows) {
    const key = groupOf(row);
    const group = groups.get(key) ?? groups.set(key, new Map()).get(key)!;
    group.set(partOf(row), row);
  }
  const warnings: TPopulationCsvIssue[] = [];
  for (const group of groups.values()) {
    const total = group.get('total');
    const a = group.get(parts[0]);
    const b = group.get(parts[1]);
    if (!total || !a || !b) continue;
    const sum = a.population + b.population;
    if (sum !== total.population) {
      warnings.push({
        row: total.row, column: 'population', value: String(total.population),
        message: `${describe(total)}: ${parts[0]} (row ${a.row}) + ${parts[1]} (row ${b.row}) = ${sum}, not the total ${total.population}`,
      });
    }
  }
  return warnings;
}

/** Warnings for female + male ≠ total and 0-17 + 18+ ≠ total, at the row of the total. */
export function findConsistencyWarnings(rows: readonly TPopulationCsvRow[]): TPopulationCsvIssue[] {
  const bySex = sumCheck(rows, (r) => `${r.countryCode}|${r.year}|${r.ageGroup}`, (r) => r.sex, ['female', 'male'],
    (t) => `${t.countryCode} ${t.year}, age group ${t.ageGroup}`);
  const byAge = sumCheck(rows, (r) => `${r.countryCode}|${r.year}|${r.sex}`, (r) => r.ageGroup, ['0-17', '18+'],
    (t) => `${t.countryCode} ${t.year}, sex ${t.sex}`);
  return [...bySex, ...byAge].sort((x, y) => x.row - y.row);
}
