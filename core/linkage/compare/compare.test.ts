import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isWithinOneEdit, jaro, jaroWinkler, levenshtein, levenshteinBounded, qgramDice } from './string-similarity.ts';
import { compareDateParts, compareDates, DATE_DAY_MONTH_SWAPPED, DATE_DIFFERENT, DATE_EXACT, DATE_MISSING, DATE_ONE_EDIT, DATE_SAME_YEAR } from './dates.ts';

const close = (actual: number, expected: number, label: string) => assert.ok(Math.abs(actual - expected) < 5e-4, `${label}: ${actual} ≠ ${expected}`);

test('Jaro and Jaro–Winkler reproduce the published values', () => {
  // Winkler (1990) and the usual textbook pairs
  const table: [string, string, number, number][] = [
    ['MARTHA', 'MARHTA', 0.9444, 0.9611],
    ['DWAYNE', 'DUANE', 0.8222, 0.84],
    ['DIXON', 'DICKSONX', 0.7667, 0.8133],
    ['CRATE', 'TRACE', 0.7333, 0.7333],
    ['JONES', 'JOHNSON', 0.7905, 0.8324],
    ['ABC', 'ABC', 1, 1],
    ['ABC', 'XYZ', 0, 0],
    ['', '', 1, 1],
    ['A', '', 0, 0],
  ];
  for (const [a, b, j, jw] of table) {
    close(jaro(a, b), j, `jaro ${a}/${b}`);
    close(jaroWinkler(a, b), jw, `jw ${a}/${b}`);
  }
});

test('Jaro–Winkler is symmetric and within [0, 1]', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
      const x = jaroWinkler(a, b);
      const y = jaroWinkler(b, a);
      return x >= 0 && x <= 1 + 1e-12 && Math.abs(x - y) < 1e-12;
    }),
  );
});

/** Plain, unbounded dynamic programming: an independent reference for the banded version. */
function referenceLevenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

test('Levenshtein table, bounded and unbounded', () => {
  const table: [string, string, number][] = [
    ['kitten', 'sitting', 3], ['flaw', 'lawn', 2], ['', 'abc', 3], ['saturday', 'sunday', 3], ['same', 'same', 0],
    ['AB1234567', 'AB1234576', 2], ['AB1234567', 'AB123456', 1],
  ];
  for (const [a, b, d] of table) {
    assert.equal(levenshtein(a, b), d, `${a}/${b}`);
    assert.equal(levenshteinBounded(a, b, 1), Math.min(d, 2), `${a}/${b} bounded 1`);
  }
});

test('bounded Levenshtein equals min(distance, max + 1) on random strings', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (a, b, max) => {
      const exact = referenceLevenshtein(a, b);
      return levenshteinBounded(a, b, max) === Math.min(exact, max + 1) && levenshtein(a, b) === exact;
    }),
    { numRuns: 500 },
  );
});

test('date comparison levels', () => {
  const table: [string, string, number][] = [
    ['1990-05-17', '1990-05-17', DATE_EXACT],
    ['1990-05-07', '1990-07-05', DATE_DAY_MONTH_SWAPPED],
    ['1990-05-17', '1990-05-18', DATE_ONE_EDIT],
    ['1990-05-17', '1991-05-17', DATE_ONE_EDIT],
    ['1990-05-17', '1990-08-17', DATE_ONE_EDIT],
    ['1990-05-17', '1980-05-17', DATE_ONE_EDIT],
    ['1990-05-17', '1990-01-01', DATE_SAME_YEAR],
    ['1990-05-17', '1975-11-02', DATE_DIFFERENT],
    ['', '1990-05-17', DATE_MISSING],
  ];
  for (const [a, b, level] of table) {
    assert.equal(compareDates(a, b), level, `${a} vs ${b}`);
    assert.equal(compareDates(b, a), level, `${b} vs ${a}`);
  }
});

test('q-gram Dice', () => {
  assert.equal(qgramDice('abc', 'abc'), 1);
  assert.equal(qgramDice('', ''), 1);
  close(qgramDice('nguyen', 'nguyen'), 1, 'same');
  assert.ok(qgramDice('mohammed', 'muhammad') < 0.6);
});

test('one-edit test agrees with bounded Levenshtein', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('1', '2', '3'), maxLength: 9 }), fc.string({ unit: fc.constantFrom('1', '2', '3'), maxLength: 9 }), (a, b) =>
      isWithinOneEdit(a, b) === (levenshteinBounded(a, b, 1) <= 1)),
    { numRuns: 1000 },
  );
});

test('numeric date comparison agrees with the ISO string comparison', () => {
  const date = fc.record({ y: fc.integer({ min: 1950, max: 2015 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
  const iso = (x: { y: number; m: number; d: number }) => `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
  fc.assert(
    fc.property(date, date, (a, b) => compareDateParts(a.y, a.m, a.d, b.y, b.m, b.d) === compareDates(iso(a), iso(b))),
    { numRuns: 2000 },
  );
  assert.equal(compareDateParts(0, 0, 0, 1990, 1, 1), DATE_MISSING);
});
