import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AppError } from '../errors/app-error.ts';
import { parseCtdcCsv, type TCtdcRecord } from '../ctdc/index.ts';
import { anonymiseCtdcRecords, CTDC_QUASI_IDENTIFIERS, toCtdcQuasiIdentifierRow } from './ctdc-quasi-identifiers.ts';
import { anonymiseRecords, findKAnonymityViolations, type TQuasiIdentifier } from './k-anonymity.ts';
import { REAL_CTDC_FILE, realDataSkipReason } from '../ctdc/real-data-path.ts';

const PATH = REAL_CTDC_FILE;
const skip = realDataSkipReason();
let records: TCtdcRecord[] | null = null;
const load = (): TCtdcRecord[] => (records ??= parseCtdcCsv(readFileSync(PATH, 'utf8')).records.map((r) => r.record));

const decade = (v: string | null): string | null => (v === null ? null : `${v.slice(0, 3)}0s`);
const toy: TQuasiIdentifier[] = [
  { name: 'year', levels: [(v) => v, decade, () => '*'] },
  { name: 'sex', levels: [(v) => v, () => '*'] },
];

test('generalises only as far as needed and suppresses the rest', () => {
  const rows = [
    ...Array.from({ length: 6 }, () => ['2015', 'f']),
    ...Array.from({ length: 6 }, () => ['2016', 'f']),
    ...Array.from({ length: 5 }, () => ['2016', 'm']),
    ['1999', 'm'],
  ];
  const result = anonymiseRecords(rows, toy, { k: 5, maxSuppressionRate: 0.1 });
  // Level 0 already gives groups of 6, 6, 5 and one lone record: suppress it (1/18 ≤ 10 %).
  assert.deepEqual(result.levels, { year: 0, sex: 0 });
  assert.equal(result.rowsSuppressed, 1);
  assert.equal(result.rowsKept, 17);
  assert.equal(result.informationLoss, (1 * 2) / (18 * 2));
  const strict = anonymiseRecords(rows, toy, { k: 7, maxSuppressionRate: 0 });
  // Decades: 2010s f = 12, 2010s m = 5 (too small), 1990s m = 1 → must drop sex or suppress; with no suppression allowed, sex goes.
  assert.equal(strict.rowsSuppressed, 0);
  assert.deepEqual(findKAnonymityViolations(strict.rows.map((r) => r.values), 7), []);
  assert.ok(strict.informationLoss > 0);
});

test('nothing is released when fewer than k records exist', () => {
  const result = anonymiseRecords([['2015', 'f']], toy, { k: 2 });
  assert.equal(result.rowsKept, 0);
  assert.equal(result.rowsSuppressed, 1);
});

test('invalid requests are refused', () => {
  assert.throws(() => anonymiseRecords([['2015']], toy), AppError);
  assert.throws(() => anonymiseRecords([], toy, { k: 0 }), AppError);
  assert.throws(() => anonymiseRecords([], toy, { maxSuppressionRate: 2 }), AppError);
});

test('the published CTDC file is already 11-anonymous on its six quasi-identifiers', { skip }, () => {
  const result = anonymiseCtdcRecords(load(), { k: 11 });
  assert.deepEqual(Object.values(result.levels), [0, 0, 0, 0, 0, 0]);
  assert.equal(result.rowsKept, 97_750);
  assert.equal(result.rowsSuppressed, 0);
  assert.equal(result.informationLoss, 0);
  assert.ok(result.smallestClassSize >= 11);
  assert.deepEqual(findKAnonymityViolations(result.rows.map((r) => r.values), 11), []);
});

test('on the real data, k = 50 needs generalisation; every output group has ≥ 50 rows', { skip }, () => {
  const data = load();
  const result = anonymiseCtdcRecords(data, { k: 50, maxSuppressionRate: 0.05 });
  assert.ok(Object.values(result.levels).some((l) => l > 0));
  assert.ok(result.rowsSuppressed <= 0.05 * data.length);
  assert.equal(result.rowsKept + result.rowsSuppressed, data.length);
  assert.ok(result.informationLoss > 0 && result.informationLoss < 1);
  assert.deepEqual(findKAnonymityViolations(result.rows.map((r) => r.values), 50), []);
  assert.equal(result.nodesEvaluated, CTDC_QUASI_IDENTIFIERS.reduce((p, q) => p * q.levels.length, 1));
  // Rows point back to their records, and generalised values come from the ladders.
  const sample = result.rows[1234]!;
  const original = toCtdcQuasiIdentifierRow(data[sample.index]!);
  CTDC_QUASI_IDENTIFIERS.forEach((qi, d) => assert.equal(sample.values[d], qi.levels[result.levels[qi.name]!]!(original[d]!)));
});
