import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import { CTDC_TERMS_OF_USE_HEADER, SYNTHETIC_2024_COLUMNS, WIDE_COLUMNS } from './layouts.ts';
import { assertNoCtdcIssues, createCtdcParser, parseCtdcCsv } from './parse.ts';

const WIDE = WIDE_COLUMNS.map((c) => c.name);

/** A K-anon line: every variable empty except the overrides; cells are written as given (already quoted). */
function kAnonLine(cells: Record<string, string> = {}): string {
  return ['', ...WIDE.map((name) => cells[name] ?? '')].join(';');
}
const kAnonHeader = [CTDC_TERMS_OF_USE_HEADER, ...WIDE].join(';');
const kAnonFile = (...lines: string[]): string => [kAnonHeader, ...lines].join('\r\n');

test('the K-anon header quirks: terms-of-use cell, empty first column, case-insensitive names', () => {
  const header = [CTDC_TERMS_OF_USE_HEADER, ...WIDE.map((n) => (n === 'majorityEntry' ? 'MajorityEntry' : n))].join(';');
  const result = parseCtdcCsv(`\uFEFF${header}\r\n${kAnonLine({ yearOfRegistration: '2016', majorityEntry: 'Minor' })}`);
  assert.equal(result.layout, 'kAnon2021');
  assert.equal(result.records[0]!.record.majorityEntry, 'minor');
  assert.equal(result.records[0]!.record.yearOfRegistration, 2016);
});

test('a value in the terms-of-use column is reported', () => {
  const line = kAnonLine().replace(/^/, 'sneaky');
  const result = parseCtdcCsv(kAnonFile(line));
  assert.deepEqual(result.issues, [{ row: 2, column: CTDC_TERMS_OF_USE_HEADER, value: 'sneaky', message: 'the terms-of-use column must be empty' }]);
});

test('quoted fields containing ";" in summaries and RecruiterRelationship', () => {
  const result = parseCtdcCsv(
    kAnonFile(
      kAnonLine({
        meansOfControlThreats: '1',
        meansOfControlPhysicalAbuse: '1',
        meansOfControlConcatenated: '"Threats;Physical abuse"',
        RecruiterRelationship: '"Family/Relative; Other"',
        recruiterRelationFamily: '1',
        recruiterRelationOther: '1',
      }),
    ),
  );
  const r = result.records[0]!.record;
  assert.equal(r.sourceSummaries?.meansOfControl, 'Threats;Physical abuse');
  assert.deepEqual(r.recruiterRelationship, ['Family/Relative', 'Other']);
  assert.equal(r.meansOfControl.threats, true);
  assert.equal(r.meansOfControl.debtBondage, null, 'empty is not recorded, never false');
});

test('empty means not recorded: never zero or false', () => {
  const r = parseCtdcCsv(kAnonFile(kAnonLine({ isForcedLabour: '0' }))).records[0]!.record;
  assert.equal(r.exploitation.forcedLabour, false);
  assert.equal(r.exploitation.sexual, null);
  assert.equal(r.yearOfRegistration, null);
  assert.equal(r.gender, null);
});

test('age bands are normalised to the double hyphen; NA is Namibia; 00 and ZZ are unknown countries', () => {
  const result = parseCtdcCsv(
    kAnonFile(
      kAnonLine({ ageBroad: '9-17', citizenship: 'NA', CountryOfExploitation: '00' }),
      kAnonLine({ ageBroad: '30\u201338' }),
      kAnonLine({ ageBroad: '48 +', citizenship: 'ZZ' }),
    ),
  );
  assert.deepEqual(result.issues, []);
  assert.deepEqual(
    result.records.map((r) => r.record.ageBand),
    ['9--17', '30--38', '48+'],
  );
  assert.equal(result.records[0]!.record.citizenship, 'NA');
  assert.equal(result.records[0]!.record.countryOfExploitation, null);
  assert.equal(result.records[2]!.record.citizenship, null);
});

test('bad rows report every bad cell with row and column, and parsing goes on', () => {
  const result = parseCtdcCsv(
    kAnonFile(
      kAnonLine({ yearOfRegistration: '20x6', gender: 'F', isForcedLabour: '2' }),
      kAnonLine({ yearOfRegistration: '2017' }),
      kAnonLine({ citizenship: 'XX', ageBroad: '10--20', RecruiterRelationship: '"Friend; Neighbour"' }),
      ';2018;too;few',
    ),
  );
  assert.equal(result.rowCount, 4);
  assert.equal(result.invalidRowCount, 3);
  assert.deepEqual(
    result.records.map((r) => r.row),
    [3],
  );
  assert.deepEqual(
    result.issues.map((i) => [i.row, i.column, i.value]),
    [
      [2, 'yearOfRegistration', '20x6'],
      [2, 'gender', 'F'],
      [2, 'isForcedLabour', '2'],
      [4, 'ageBroad', '10--20'],
      [4, 'citizenship', 'XX'],
      [4, 'RecruiterRelationship', 'Friend; Neighbour'],
      [5, '(row)', ''],
    ],
  );
  assert.match(result.issues[5]!.message, /"Neighbour"/);
  assert.match(result.issues[6]!.message, /expected 64 fields, found 4/);
  assert.throws(
    () => assertNoCtdcIssues(result),
    (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.details.issues?.[0]?.path === 'row 2.yearOfRegistration',
  );
});

test('row numbers follow the file: a quoted line break and a blank line still count as rows', () => {
  const result = parseCtdcCsv(
    kAnonFile(
      kAnonLine({ meansOfControlConcatenated: '"Other\r\nline"' }),
      '',
      kAnonLine({ gender: 'Robot' }),
    ),
  );
  assert.equal(result.rowCount, 2);
  assert.equal(result.issues[0]!.row, 4);
  assert.equal(result.records[0]!.record.sourceSummaries?.meansOfControl, 'Other\r\nline');
});

test('CSV structure errors are row issues, not exceptions', () => {
  const result = parseCtdcCsv(kAnonFile(kAnonLine({ gender: '"Female"x' })));
  assert.equal(result.invalidRowCount, 1);
  assert.match(result.issues[0]!.message, /closing quote/);
  assert.equal(result.issues[0]!.column, 'gender');
});

test('the Global Dataset 2018 layout: comma-separated, -99 and Unknown are missing, no isSlaveryAndPractices', () => {
  const legacy = WIDE.filter((n) => n !== 'isSlaveryAndPractices');
  const line = (cells: Record<string, string>): string => legacy.map((n) => cells[n] ?? '-99').join(',');
  const text = [
    legacy.join(','),
    line({ yearOfRegistration: '2016', Datasource: 'Case management', gender: 'Unknown', ageBroad: 'Unknown', citizenship: 'UA', isSexualExploit: '1' }),
  ].join('\n');
  const result = parseCtdcCsv(text);
  assert.equal(result.layout, 'globalDataset2018');
  assert.deepEqual(result.issues, []);
  const r = result.records[0]!.record;
  assert.equal(r.dataSource, 'caseManagement');
  assert.equal(r.gender, null);
  assert.equal(r.ageBand, null);
  assert.equal(r.exploitation.sexual, true);
  assert.equal(r.exploitation.forcedLabour, null, '-99 is missing, not a value');
  assert.equal(r.exploitation.slaveryAndPractices, null);
  assert.equal(r.sourceSummaries?.meansOfControl, null, '-99 is missing in summaries too');
});

test('the 2024 synthetic layout: 27 columns, alpha-3 countries, aliases, merged means of control', () => {
  const names = SYNTHETIC_2024_COLUMNS.map((c) => c.name).map((n) =>
    n.replace(/^typeOfLabour/, 'sectorOfLabour').replace(/^typeOfSex/, 'sectorOfSex').replace('meansWithholdDocuments', 'meansWithholdDocs'),
  );
  assert.equal(names.length, 27);
  const row: Record<string, string> = {
    yearOfRegistration: '2021',
    gender: 'Woman',
    ageBroad: '18--20',
    citizenship: 'PHL',
    CountryOfExploitation: 'SRB',
    traffickMonths: '13--24 (1-2 yrs)',
    meansAbusePsyPhySex: '1',
    meansDrugsAlcohol: '1',
    meansWithholdDocs: '1',
    isSexualExploit: '1',
    sectorOfSexProstitution: '1',
    recruiterRelationFriend: 'NULL',
  };
  const result = parseCtdcCsv(`${names.join(',')}\n${names.map((n) => row[n] ?? '').join(',')}\n`);
  assert.equal(result.layout, 'synthetic2024');
  assert.deepEqual(result.issues, []);
  const r = result.records[0]!.record;
  assert.equal(r.gender, 'female');
  assert.equal(r.citizenship, 'PH');
  assert.equal(r.countryOfExploitation, 'RS');
  assert.equal(r.traffickMonths, '13--24');
  assert.equal(r.meansOfControlGroups.abuseAny, true);
  assert.equal(r.meansOfControl.psychologicalAbuse, null, 'a merged flag is not split into its parts');
  assert.equal(r.meansOfControl.psychoactiveSubstances, true);
  assert.equal(r.meansOfControl.withholdsDocuments, true);
  assert.equal(r.sexualExploitationType.prostitution, true);
  assert.equal(r.recruiterRelation.friend, null);
  assert.equal(r.sourceSummaries, null);
});

test('header problems throw VALIDATION_FAILED with every issue', () => {
  assert.throws(
    () => parseCtdcCsv('name,address\nx,y'),
    (e: unknown) => e instanceof AppError && e.details.reason === 'CTDC_UNKNOWN_LAYOUT',
  );
  const broken = [CTDC_TERMS_OF_USE_HEADER, ...WIDE.filter((n) => n !== 'gender' && n !== 'citizenship'), 'ageBroad'].join(';');
  assert.throws(
    () => parseCtdcCsv(broken),
    (e: unknown) =>
      e instanceof AppError &&
      e.details.reason === 'CTDC_HEADER_INVALID' &&
      JSON.stringify(e.details.issues?.map((i) => i.path)) === JSON.stringify(['row 1.ageBroad', 'row 1.gender', 'row 1.citizenship']),
  );
  assert.throws(() => parseCtdcCsv(''), (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED');
});

test('unknown extra columns are ignored with a warning', () => {
  const result = parseCtdcCsv(`${kAnonHeader};note\r\n${kAnonLine({ gender: 'Male' })};hello`);
  assert.deepEqual(result.warnings, [{ row: 1, column: 'note', value: '', message: 'unknown column, ignored' }]);
  assert.equal(result.records[0]!.record.gender, 'male');
});

test('the streaming parser waits for the whole header line before sniffing the delimiter', () => {
  const text = kAnonFile(kAnonLine({ gender: 'Female' }), kAnonLine({ gender: 'Male' }));
  const parser = createCtdcParser();
  const rows = [];
  for (let i = 0; i < text.length; i += 7) rows.push(...parser.push(text.slice(i, i + 7)));
  rows.push(...parser.end());
  assert.equal(parser.layout, 'kAnon2021');
  assert.deepEqual(
    rows.map((r) => r.record?.gender),
    ['female', 'male'],
  );
});

test('a repeated line shares the record of its first reading, near or far; a repeated invalid line is reported again under its own number', () => {
  const female = kAnonLine({ gender: 'Female', yearOfRegistration: '2016' });
  const male = kAnonLine({ gender: 'Male', yearOfRegistration: '2016' });
  const bad = kAnonLine({ gender: 'Robot' });
  const parser = createCtdcParser();
  const rows = [...parser.push(`${kAnonFile(female, female, bad, female, bad, male, male, female)}\r\n`)];
  rows.push(...parser.end());
  const table: { row: number; gender: string | null; issueRows: number[] }[] = [
    { row: 2, gender: 'female', issueRows: [] },
    { row: 3, gender: 'female', issueRows: [] },
    { row: 4, gender: null, issueRows: [4] },
    { row: 5, gender: 'female', issueRows: [] },
    { row: 6, gender: null, issueRows: [6] },
    { row: 7, gender: 'male', issueRows: [] },
    { row: 8, gender: 'male', issueRows: [] },
    { row: 9, gender: 'female', issueRows: [] },
  ];
  assert.deepEqual(rows.map((r) => ({ row: r.row, gender: r.record?.gender ?? null, issueRows: r.issues.map((i) => i.row) })), table);
  const recordOf = (row: number) => rows.find((r) => r.row === row)!.record;
  for (const row of [3, 5, 9]) assert.equal(recordOf(row), recordOf(2), `row ${row} is not decoded again`);
  assert.equal(recordOf(8), recordOf(7));
  assert.notEqual(recordOf(7), recordOf(2));
});
