import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolveStatsQuery } from '../../../core/metrics/index.ts';
import { denominatorKeyOf, rateCell, toRates } from './stats-rates.ts';

const query = (metric: string, dimensions: string[], filters: Record<string, (string | null)[]> = {}) => resolveStatsQuery({ metric, dimensions, filters });

test('denominator of a cell: country and year required; sex and majority select the population, else total', () => {
  const cases: [ReturnType<typeof query>, Parameters<typeof denominatorKeyOf>[1], number | null, ReturnType<typeof denominatorKeyOf>][] = [
    [query('ctdc.victimsPer100k', ['year', 'sex'], { countryOfExploitation: ['IT'] }), { year: '2019', sex: 'female' }, null, { countryCode: 'IT', year: 2019, sex: 'female', ageGroup: 'total' }],
    [query('ctdc.victimsPer100k', ['countryOfExploitation', 'majority']), { countryOfExploitation: 'GB', majority: 'minor' }, 2020, { countryCode: 'GB', year: 2020, sex: 'total', ageGroup: '0-17' }],
    [query('ctdc.victimsPer100k', ['countryOfExploitation'], { year: ['2021'], majority: ['adult'], sex: ['male'] }), { countryOfExploitation: 'US' }, null, { countryCode: 'US', year: 2021, sex: 'male', ageGroup: '18+' }],
    // A margin over countries, a table without a year: no one population.
    [query('ctdc.victimsPer100k', ['countryOfExploitation', 'year']), { year: '2019' }, null, 'notOneCountryAndYear'],
    [query('ctdc.victimsPer100k', ['countryOfExploitation']), { countryOfExploitation: 'IT' }, null, 'notOneCountryAndYear'],
    [query('ctdc.victimsPer100k', [], { countryOfExploitation: ['IT', 'FR'], year: ['2019'] }), {}, null, 'notOneCountryAndYear'],
    // Not recorded, grouped, a sex without a population series.
    [query('ctdc.victimsPer100k', ['countryOfExploitation'], { year: ['2019'] }), { countryOfExploitation: null }, null, 'noDenominator'],
    [query('ctdc.victimsPer100k', ['countryOfExploitation'], { year: ['2019'] }), { countryOfExploitation: '*other' }, null, 'noDenominator'],
    [query('ctdc.victimsPer100k', ['sex'], { year: ['2019'], countryOfExploitation: ['IT'] }), { sex: 'transgenderNonConforming' }, null, 'noDenominator'],
    [query('cases.identifiedPer100k', ['majority'], { countryOfExploitation: ['GB'] }), { majority: null }, 2026, 'noDenominator'],
    [query('cases.identifiedPer100k', ['majority'], { countryOfExploitation: ['GB'] }), {}, 2026, { countryCode: 'GB', year: 2026, sex: 'total', ageGroup: 'total' }],
  ];
  for (const [q, cell, wholeYear, expected] of cases) assert.deepEqual(denominatorKeyOf(q, cell, wholeYear), expected, JSON.stringify(cell));
});

test('rate cells: from the published count, 2 decimals; suppressed stays suppressed; no population gives null with a reason', () => {
  const populations = new Map([['IT|2019|female|total', 30_600_000], ['IT|2019|total|total', 59_700_000]]);
  const key = { countryCode: 'IT', year: 2019, sex: 'female' as const, ageGroup: 'total' as const };
  assert.deepEqual(rateCell({ value: 30 }, key, populations), { value: 0.1 }, '30 / 30.6 M × 100,000 = 0.098 → 0.10');
  assert.deepEqual(rateCell({ value: 1234 }, key, populations), { value: 4.03 }, '1234 / 30.6 M × 100,000 = 4.0327');
  assert.deepEqual(rateCell({ suppressed: true, reason: 'secondary' }, key, populations), { suppressed: true, reason: 'secondary' });
  assert.deepEqual(rateCell({ value: 30 }, { ...key, year: 2020 }, populations), { value: null, reason: 'noDenominator' });
  assert.deepEqual(rateCell({ value: 30 }, 'notOneCountryAndYear', populations), { value: null, reason: 'notOneCountryAndYear' });
});

test('property: a rate is published exactly when its count is, and never reveals a suppressed count', () => {
  const cell = fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((value) => ({ value })), fc.constantFrom({ suppressed: true as const, reason: 'primary' as const }, { suppressed: true as const, reason: 'secondary' as const }));
  fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 1, max: 1e9 }), (cells, population) => {
    const q = query('ctdc.victimsPer100k', ['sex'], { countryOfExploitation: ['IT'], year: ['2019'] });
    const counts = {
      dimensions: [{ id: 'sex' as const, labels: { en: '', fr: '', es: '', ar: '' }, categories: cells.map((_, i) => ({ key: i === 0 ? 'female' : 'male', labels: { en: '', fr: '', es: '', ar: '' } })) }],
      cells: cells.map((row) => [row[0]!]), rowTotals: cells.map((row) => row[1]!), columnTotals: [cells[0]![0]!], total: cells[0]![1]!,
    };
    const rates = toRates(q, counts, null, new Map([['IT|2019|female|total', population], ['IT|2019|male|total', population], ['IT|2019|total|total', population]]));
    const pairs: [unknown, unknown][] = [...counts.cells.flat().map((c, i) => [c, rates.cells.flat()[i]] as [unknown, unknown]), ...counts.rowTotals.map((c, i) => [c, rates.rowTotals[i]] as [unknown, unknown]), [counts.total, rates.total]];
    return pairs.every(([count, rate]) => ('suppressed' in (count as object) ? JSON.stringify(count) === JSON.stringify(rate) : 'value' in (rate as object)));
  }), { numRuns: 300, seed: 16 });
});
