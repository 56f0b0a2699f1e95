import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { followingPeriod, isPeriodOf, parseNumber, readTargets, rowsOfTargets, type TFrequency } from './targets.ts';

test('parseNumber: digits with a decimal point or comma; anything else is not a number', () => {
  const cases: [string, number | null][] = [['12', 12], [' 4.5 ', 4.5], ['4,5', 4.5], ['-3', -3], ['', null], ['1e3', null], ['12 persons', null], ['1.2.3', null]];
  for (const [text, expected] of cases) assert.equal(parseNumber(text), expected, JSON.stringify(text));
});

test('isPeriodOf: a period of the indicator\'s frequency only', () => {
  const cases: [TFrequency, string, boolean][] = [
    ['year', '2026', true], ['year', '2026-Q1', false], ['quarter', '2026-Q4', true], ['quarter', '2026-Q5', false], ['quarter', '2026', false],
    ['month', '2026-12', true], ['month', '2026-13', false], ['month', '2026-1', false],
  ];
  for (const [frequency, key, expected] of cases) assert.equal(isPeriodOf(frequency, key), expected, `${frequency} ${key}`);
});

test('followingPeriod: the next year, quarter or month, across the year end', () => {
  const cases: [TFrequency, string, string][] = [['year', '2026', '2027'], ['quarter', '2026-Q2', '2026-Q3'], ['quarter', '2026-Q4', '2027-Q1'], ['month', '2026-09', '2026-10'], ['month', '2026-12', '2027-01'], ['quarter', 'junk', '2030-Q1']];
  for (const [frequency, key, expected] of cases) assert.equal(followingPeriod(frequency, key, 2030), expected, `${frequency} ${key}`);
});

test('readTargets: rows without a value are ignored; wrong periods, repeated periods and non-numbers are reported per row', () => {
  const result = readTargets('quarter', [
    { period: '2026-Q1', value: '10' }, { period: '2026-Q4', value: ' ' }, { period: '2026', value: '5' }, { period: '2026-Q1', value: '7' }, { period: '2026-Q2', value: 'many' }, { period: '2026-Q3', value: '12,5' }, { period: '', value: '3' },
  ]);
  assert.deepEqual(result.targets, [{ period: '2026-Q1', value: 10 }, { period: '2026-Q3', value: 12.5 }]);
  assert.deepEqual(result.problems, [null, null, 'period', 'duplicate', 'value', null, 'period']);
});

test('property: stored targets read back unchanged through their rows', () => {
  const quarter = fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`);
  const targets = fc.uniqueArray(fc.record({ period: quarter, value: fc.integer({ min: -1e6, max: 1e6 }) }).map((t) => ({ ...t })), { selector: (t) => t.period, maxLength: 12 });
  fc.assert(fc.property(targets, (list) => {
    const read = readTargets('quarter', rowsOfTargets(list));
    assert.deepEqual(read.problems.filter(Boolean), []);
    assert.deepEqual(read.targets, [...list].sort((a, b) => a.period.localeCompare(b.period)));
  }));
});
