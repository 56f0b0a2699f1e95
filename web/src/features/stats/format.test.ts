import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatValue, valueKindOf } from './format.ts';

test('value kinds: rates, shares, days and counts from the metric\'s unit and measure', () => {
  const cases: [Parameters<typeof valueKindOf>[0], ReturnType<typeof valueKindOf>][] = [
    [{ unit: 'per100k', measure: 'rate' }, 'rate'],
    [{ unit: 'decisions', measure: 'shareWithinTarget' }, 'percent'],
    [{ unit: 'days', measure: 'median' }, 'days'],
    [{ unit: 'days', measure: 'p90' }, 'days'],
    [{ unit: 'persons', measure: 'count' }, 'count'],
    [{ unit: 'persons' }, 'count'],
  ];
  for (const [metric, kind] of cases) assert.equal(valueKindOf(metric), kind, JSON.stringify(metric));
});

test('formatting: rates with two decimals, shares as percentages, days to one decimal, in the locale\'s digits', () => {
  assert.equal(formatValue('rate', 0.1, 'en'), '0.10');
  assert.equal(formatValue('rate', 1234.5, 'en'), '1,234.50');
  assert.equal(formatValue('rate', 4.03, 'fr'), '4,03');
  assert.equal(formatValue('percent', 67.5, 'en'), '67.5%');
  assert.equal(formatValue('days', 12.5, 'en'), '12.5');
  assert.equal(formatValue('count', 1234, 'en'), '1,234');
  assert.notEqual(formatValue('rate', 4.03, 'ar-EG'), '4.03', 'Arabic digits');
});
