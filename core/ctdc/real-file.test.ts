/**
 * The real CTDC Global K-anonymized Dataset (97,750 rows). Figures asserted here are the ones
 * documented in /work/shared/data/ctdc/README.md and in core/ctdc/README.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { CTDC_COUNTRIES, findCountryByIso2 } from './countries.ts';
import { findSummaryMismatches } from './derived.ts';
import { formatKAnonCsv } from './export.ts';
import { parseCtdcCsv, parseCtdcCsvStream, type TCtdcParseResult } from './parse.ts';
import { ZCtdcRecord, type TCtdcRecord } from './record.ts';
import { REAL_CTDC_FILE, realDataSkipReason } from './real-data-path.ts';

const PATH = REAL_CTDC_FILE;
const skip = realDataSkipReason();

let cached: { text: string; result: TCtdcParseResult; ms: number } | null = null;
function load(): { text: string; result: TCtdcParseResult; ms: number } {
  if (!cached) {
    const text = readFileSync(PATH, 'utf8');
    const started = performance.now();
    const result = parseCtdcCsv(text);
    cached = { text, result, ms: performance.now() - started };
  }
  return cached;
}

function countBy<T>(records: readonly TCtdcRecord[], pick: (r: TCtdcRecord) => T): Map<T, number> {
  const out = new Map<T, number>();
  for (const r of records) out.set(pick(r), (out.get(pick(r)) ?? 0) + 1);
  return out;
}

test('the whole file parses: 97,750 rows, no invalid row, K-anon 2021 layout', { skip }, () => {
  const { result } = load();
  assert.equal(result.layout, 'kAnon2021');
  assert.equal(result.header.length, 64);
  assert.equal(result.rowCount, 97_750);
  assert.equal(result.invalidRowCount, 0);
  assert.deepEqual(result.issues, []);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.records.length, 97_750);
  assert.equal(result.records[0]!.row, 2);
  assert.equal(result.records.at(-1)!.row, 97_751);
});

test('column figures match the dataset README', { skip }, () => {
  const records = load().result.records.map((r) => r.record);
  const gender = countBy(records, (r) => r.gender);
  assert.equal(gender.get('female'), 68_083);
  assert.equal(gender.get('male'), 21_465);
  assert.equal(gender.get('transgenderNonConforming'), 64);
  assert.equal(gender.get(null), 8_138);
  const years = countBy(records, (r) => r.yearOfRegistration);
  assert.equal(years.get(null), 2_011);
  assert.equal(years.get(2019), 21_312);
  const known = [...years.keys()].filter((y): y is number => y !== null);
  assert.equal(Math.min(...known), 2002);
  assert.equal(Math.max(...known), 2021);
  const source = countBy(records, (r) => r.dataSource);
  assert.equal(source.get('caseManagement'), 45_143);
  assert.equal(source.get('hotline'), 52_607);
  assert.equal(countBy(records, (r) => r.ageBand).size, 10); // nine bands + not recorded
  assert.equal(countBy(records, (r) => r.citizenship).size, 62); // 61 countries + not recorded
  assert.equal(countBy(records, (r) => r.countryOfExploitation).size, 78); // 77 countries + not recorded
  assert.equal(countBy(records, (r) => r.countryOfExploitation).get('US'), 51_611);
  // Means of control other than "not specified" are mostly not recorded (82k to 94k empty).
  const threats = countBy(records, (r) => r.meansOfControl.threats);
  assert.equal(threats.get(null), 82_223);
  assert.equal(threats.get(true), 12_657);
  assert.equal(threats.get(false), 2_870);
});

test('every country code in the file is in the CTDC region table with a UN region', { skip }, () => {
  const records = load().result.records.map((r) => r.record);
  const codes = new Set(records.flatMap((r) => [r.citizenship, r.countryOfExploitation]).filter((c): c is string => c !== null));
  for (const code of codes) {
    const country = findCountryByIso2(code);
    assert.ok(country, code);
    assert.ok(country.unRegion && country.unSubRegion, `${code} has no UN region`);
  }
  assert.ok(CTDC_COUNTRIES.length > 240);
});

test('records satisfy the zod schema (every 97th row)', { skip }, () => {
  const { records } = load().result;
  for (let i = 0; i < records.length; i += 97) ZCtdcRecord.parse(records[i]!.record);
});

test('exporting the parsed records reproduces the file byte for byte', { skip }, () => {
  const { text, result } = load();
  assert.equal(formatKAnonCsv(result.records.map((r) => r.record)), text);
});

test('summary columns disagree with the flags in many rows (flags are authoritative)', { skip }, () => {
  const mismatches = new Map<string, number>();
  for (const { record } of load().result.records) {
    for (const column of findSummaryMismatches(record)) mismatches.set(column, (mismatches.get(column) ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(mismatches), {
    meansOfControlConcatenated: 26_821,
    typeOfExploitConcatenated: 5_532,
    typeOfLabourConcatenated: 20,
  });
});

test('streaming the file in 64 KiB chunks gives the same rows', { skip }, async () => {
  const stream = createReadStream(PATH, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  const streamed = await parseCtdcCsvStream(stream);
  const whole = load().result;
  assert.equal(streamed.rowCount, whole.rowCount);
  assert.equal(streamed.invalidRowCount, 0);
  assert.deepEqual(streamed.records[12_345], whole.records[12_345]);
  assert.deepEqual(streamed.records.at(-1), whole.records.at(-1));
});
