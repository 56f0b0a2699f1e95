/**
 * Rates per 100,000 population (SDG 16.2.2) from a protected count table. The rate of a cell is
 * computed from the count disclosure control published: a suppressed count gives a suppressed
 * rate (the rate and the public denominator would give the count back). A published count whose
 * cell has no denominator gives `{ value: null, reason }`.
 *
 * The denominator of a cell is the population of one country (of exploitation) in one year, of
 * the cell's sex and age group: each is read from the cell's category on a table axis, else from
 * a filter with exactly one category (or the whole-year period for the year); sex and age group
 * fall back to the total population ('total'), country and year have no fallback.
 */
import { RATE_PER, type TDimensionId, type TStatsQuery } from '../../../core/metrics/index.ts';
import type { TPopulationDenominator } from '../populations/populations.repo.ts';
import type { TStatsQueryResult, TStatsResult } from './stats.schemas.ts';

type TCount = TStatsResult['total'];
type TCell = TStatsQueryResult['total'];
export type TRateGap = 'noDenominator' | 'notOneCountryAndYear';

/** The categories a cell stands for: dimension → key (null = not recorded); absent = summed over. */
export type TCellKeys = Partial<Record<TDimensionId, string | null>>;

export interface TDenominatorKey {
  countryCode: string;
  year: number;
  sex: TPopulationDenominator['sex'];
  ageGroup: TPopulationDenominator['ageGroup'];
}

const SEXES: Record<string, TDenominatorKey['sex']> = { female: 'female', male: 'male' };
const AGE_GROUPS: Record<string, TDenominatorKey['ageGroup']> = { minor: '0-17', adult: '18+' };

/** The key of a dimension for a cell: its own category, else a one-category filter; undefined = not fixed. */
function fixedKey(query: TStatsQuery, cell: TCellKeys, dimension: TDimensionId): string | null | undefined {
  if (dimension in cell) return cell[dimension];
  const filter = query.filters.find((f) => f.dimension === dimension);
  return filter && filter.keys.length === 1 ? filter.keys[0] : undefined;
}

/**
 * The population a cell's count is divided by, or why there is none.
 * @param wholeYear the query's period when it is one calendar year
 */
export function denominatorKeyOf(query: TStatsQuery, cell: TCellKeys, wholeYear: number | null): TDenominatorKey | TRateGap {
  const country = fixedKey(query, cell, 'countryOfExploitation');
  let year = fixedKey(query, cell, 'year');
  if (year === undefined && wholeYear !== null) year = String(wholeYear);
  if (country === undefined || year === undefined) return 'notOneCountryAndYear';
  // Not recorded, or the "other (grouped)" category: no one population stands behind it.
  if (country === null || year === null || !/^[A-Z][A-Z0-9]$/.test(country)) return 'noDenominator';
  const sexKey = fixedKey(query, cell, 'sex');
  const majorityKey = fixedKey(query, cell, 'majority');
  const sex = sexKey === undefined ? 'total' : sexKey === null ? undefined : SEXES[sexKey];
  const ageGroup = majorityKey === undefined ? 'total' : majorityKey === null ? undefined : AGE_GROUPS[majorityKey];
  // "Not recorded" or a sex without a population series (transgender / non-conforming).
  if (sex === undefined || ageGroup === undefined) return 'noDenominator';
  return { countryCode: country, year: Number(year), sex, ageGroup };
}

export const denominatorId = (key: TDenominatorKey): string => `${key.countryCode}|${key.year}|${key.sex}|${key.ageGroup}`;

/** The rate of one protected count, rounded to 2 decimals. */
export function rateCell(count: TCount, key: TDenominatorKey | TRateGap, populations: ReadonlyMap<string, number>): TCell {
  if (!('value' in count)) return count;
  if (typeof key === 'string') return { value: null, reason: key };
  const population = populations.get(denominatorId(key));
  if (population === undefined || population <= 0) return { value: null, reason: 'noDenominator' };
  return { value: Math.round((count.value * RATE_PER * 100) / population) / 100 };
}

/** The cells of a protected count table as rates, margins included. */
export function toRates(
  query: TStatsQuery,
  result: Pick<TStatsResult, 'dimensions' | 'cells' | 'rowTotals' | 'columnTotals' | 'total'>,
  wholeYear: number | null,
  populations: ReadonlyMap<string, number>,
): Pick<TStatsQueryResult, 'cells' | 'rowTotals' | 'columnTotals' | 'total'> {
  const [rows, columns] = result.dimensions;
  const keysOf = (i: number | null, j: number | null): TCellKeys => ({
    ...(rows && i !== null ? { [rows.id]: rows.categories[i]!.key } : {}),
    ...(columns && j !== null ? { [columns.id]: columns.categories[j]!.key } : {}),
  });
  const rate = (count: TCount, i: number | null, j: number | null) => rateCell(count, denominatorKeyOf(query, keysOf(i, j), wholeYear), populations);
  return {
    cells: result.cells.map((row, i) => row.map((cell, j) => rate(cell, rows ? i : null, columns ? j : null))),
    rowTotals: result.rowTotals.map((cell, i) => rate(cell, rows ? i : null, null)),
    columnTotals: result.columnTotals.map((cell, j) => rate(cell, null, columns ? j : null)),
    total: rate(result.total, null, null),
  };
}

/** Every denominator a result may need (to fetch them in one query). */
export function denominatorKeysOf(query: TStatsQuery, result: Pick<TStatsResult, 'dimensions'>, wholeYear: number | null): TDenominatorKey[] {
  const [rows, columns] = result.dimensions;
  const is = rows ? [...rows.categories.keys(), null] : [null];
  const js = columns ? [...columns.categories.keys(), null] : [null];
  const keys: TDenominatorKey[] = [];
  for (const i of is) {
    for (const j of js) {
      const cell: TCellKeys = {
        ...(rows && i !== null ? { [rows.id]: rows.categories[i]!.key } : {}),
        ...(columns && j !== null ? { [columns.id]: columns.categories[j]!.key } : {}),
      };
      const key = denominatorKeyOf(query, cell, wholeYear);
      if (typeof key !== 'string') keys.push(key);
    }
  }
  return keys;
}
