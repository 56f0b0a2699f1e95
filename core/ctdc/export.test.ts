import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CTDC_COUNTRIES } from './countries.ts';
import { formatKAnonCsv, formatKAnonHeader, formatKAnonRow } from './export.ts';
import { CTDC_TERMS_OF_USE_HEADER } from './layouts.ts';
import { parseCtdcCsv } from './parse.ts';
import { createEmptyCtdcRecord, ZCtdcRecord, type TCtdcRecord } from './record.ts';
import {
  CTDC_AGE_BANDS,
  CTDC_DATA_SOURCES,
  CTDC_GENDERS,
  CTDC_MAJORITY,
  CTDC_RECRUITER_RELATIONSHIP_LABELS,
  CTDC_TRAFFICK_MONTHS,
  EXPLOITATION_KEYS,
  LABOUR_SECTOR_KEYS,
  MEANS_OF_CONTROL_GROUP_KEYS,
  MEANS_OF_CONTROL_KEYS,
  RECRUITER_RELATION_KEYS,
  SEXUAL_EXPLOITATION_KEYS,
} from './vocabulary.ts';

const orNull = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });
const flags = <const K extends readonly string[]>(keys: K) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, orNull(fc.boolean())])), { noNullPrototype: true }) as unknown as fc.Arbitrary<{
    [P in K[number]]: boolean | null;
  }>;
const allNull = <const K extends readonly string[]>(keys: K) =>
  fc.constant(Object.fromEntries(keys.map((k) => [k, null])) as { [P in K[number]]: null });

/** Text meant to break CSV writers: delimiters, quotes, line breaks, formula triggers, apostrophes. */
const nastyText = fc
  .array(fc.constantFrom('a', 'Other', ';', ',', '"', '\r', '\n', ' ', '=', '+', '-', '@', '\t', "'", 'é', '9', '😀'), { minLength: 1, maxLength: 10 })
  .map((a) => a.join(''))
  .filter((t) => t !== '-99');

const countryCode = fc.constantFrom(...CTDC_COUNTRIES.map((c) => c.iso2));

const common = {
  yearOfRegistration: orNull(fc.integer({ min: 1900, max: 2100 })),
  dataSource: orNull(fc.constantFrom(...CTDC_DATA_SOURCES)),
  gender: orNull(fc.constantFrom(...CTDC_GENDERS)),
  ageBand: orNull(fc.constantFrom(...CTDC_AGE_BANDS)),
  majorityStatus: orNull(fc.constantFrom(...CTDC_MAJORITY)),
  majorityStatusAtExploit: orNull(fc.constantFrom(...CTDC_MAJORITY)),
  majorityEntry: orNull(fc.constantFrom(...CTDC_MAJORITY)),
  citizenship: orNull(countryCode),
  countryOfExploitation: orNull(countryCode),
  meansOfControl: flags(MEANS_OF_CONTROL_KEYS),
  exploitation: flags(EXPLOITATION_KEYS),
  labourSector: flags(LABOUR_SECTOR_KEYS),
  sexualExploitationType: flags(SEXUAL_EXPLOITATION_KEYS),
  isAbduction: orNull(fc.boolean()),
  recruiterRelation: flags(RECRUITER_RELATION_KEYS),
  recruiterRelationship: orNull(fc.array(fc.constantFrom(...CTDC_RECRUITER_RELATIONSHIP_LABELS), { minLength: 1, maxLength: 4 })),
};

/** Records as the K-anon layout can hold them (what a K-anon or Global Dataset import yields). */
const kAnonRecord: fc.Arbitrary<TCtdcRecord> = fc.record({
  ...common,
  traffickMonths: fc.constant(null),
  meansOfControlGroups: allNull(MEANS_OF_CONTROL_GROUP_KEYS),
  sourceSummaries: fc.record({
    meansOfControl: orNull(nastyText),
    exploitation: orNull(nastyText),
    labourSector: orNull(nastyText),
    sexualExploitationType: orNull(nastyText),
  }, { noNullPrototype: true }),
}, { noNullPrototype: true });

test('property: record → K-anon CSV → record is the identity', () => {
  fc.assert(
    fc.property(fc.array(kAnonRecord, { minLength: 1, maxLength: 5 }), (records) => {
      for (const r of records) ZCtdcRecord.parse(r);
      const result = parseCtdcCsv(formatKAnonCsv(records));
      assert.deepEqual(result.issues, []);
      assert.equal(result.layout, 'kAnon2021');
      assert.deepEqual(
        result.records.map((r) => r.record),
        records,
      );
    }),
    { numRuns: 300 },
  );
});

test('property: synthetic records export with derived summaries and lose only what the layout cannot hold', () => {
  const synthetic: fc.Arbitrary<TCtdcRecord> = fc.record({
    ...common,
    traffickMonths: orNull(fc.constantFrom(...CTDC_TRAFFICK_MONTHS)),
    meansOfControlGroups: flags(MEANS_OF_CONTROL_GROUP_KEYS),
    sourceSummaries: fc.constant(null),
  }, { noNullPrototype: true });
  fc.assert(
    fc.property(synthetic, (record) => {
      const back = parseCtdcCsv(formatKAnonCsv([record])).records[0]!.record;
      const { traffickMonths: _t, meansOfControlGroups: _g, sourceSummaries, ...rest } = back;
      const { traffickMonths: _t2, meansOfControlGroups: _g2, sourceSummaries: _s2, ...expected } = record;
      assert.deepEqual(rest, expected);
      assert.equal(back.traffickMonths, null);
      const derived = MEANS_OF_CONTROL_KEYS.filter((k) => record.meansOfControl[k] === true).length;
      assert.equal(sourceSummaries?.meansOfControl === null, derived === 0);
    }),
    { numRuns: 100 },
  );
});

test('derived summaries use CTDC labels in column order joined by ";"', () => {
  const record = createEmptyCtdcRecord();
  record.exploitation.forcedLabour = true;
  record.exploitation.sexual = true;
  record.exploitation.sexAndLabour = true;
  record.meansOfControl.notSpecified = true;
  const line = formatKAnonRow(record);
  assert.ok(line.includes(';"Forced labour;Sexual exploitation;Combined sexual and labour exploitation";'));
  assert.ok(line.includes(';Not specified;'));
});

test('formula injection in a summary is neutralised on export and restored on import', () => {
  const record = createEmptyCtdcRecord();
  record.sourceSummaries = { meansOfControl: '=HYPERLINK("http://evil")', exploitation: '@x', labourSector: null, sexualExploitationType: null };
  const csv = formatKAnonCsv([record]);
  assert.ok(csv.includes(`;"'=HYPERLINK(""http://evil"")";`));
  assert.ok(csv.includes(";'@x;"));
  assert.deepEqual(parseCtdcCsv(csv).records[0]!.record, record);
});

test('header and line endings follow CTDC: terms-of-use cell, CRLF, no final line break', () => {
  assert.ok(formatKAnonHeader().startsWith(`${CTDC_TERMS_OF_USE_HEADER};yearOfRegistration;Datasource;`));
  const csv = formatKAnonCsv([createEmptyCtdcRecord(), createEmptyCtdcRecord()]);
  assert.equal(csv.split('\r\n').length, 3);
  assert.ok(!csv.endsWith('\r\n'));
  assert.ok(formatKAnonCsv([], { lineEnding: '\n', hasTrailingLineEnding: true }).endsWith('recruiterRelationUnknown\n'));
});
