import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CTDC_COUNTRIES } from '../ctdc/countries.ts';
import { decodePopulation, formatPopulationCsv, parsePopulationCsv, type TPopulationFigure } from './population-csv.ts';
import { POPULATION_AGE_GROUPS, POPULATION_SEXES } from './population-vocabulary.ts';

const HEADER = 'country,year,sex,age_group,population';
const issuesOf = (csv: string) => parsePopulationCsv(csv).issues.map((i) => `${i.row}:${i.column}`);

describe('parsePopulationCsv: layout', () => {
  test('reads the canonical layout', () => {
    const result = parsePopulationCsv(`${HEADER}\nIT,2020,total,total,59641488\nIT,2020,female,18+,25000000\n`);
    assert.deepEqual(result.issues, []);
    assert.equal(result.dataRowCount, 2);
    assert.deepEqual(result.rows, [
      { row: 2, countryCode: 'IT', year: 2020, sex: 'total', ageGroup: 'total', population: 59641488 },
      { row: 3, countryCode: 'IT', year: 2020, sex: 'female', ageGroup: '18+', population: 25000000 },
    ]);
  });

  const sameRows: Array<[string, string]> = [
    ['BOM, semicolons, CRLF', `\uFEFF${HEADER.replaceAll(',', ';')}\r\nIT;2020;total;total;100\r\n`],
    ['columns in another order, header in upper case with spaces', 'POPULATION, Age Group ,Sex,YEAR,Country\n100,total,total,2020,IT\n'],
    ['age-group spelled with a hyphen; quoted cells', 'country,year,sex,age-group,population\n"IT","2020","total","total","100"\n'],
    ['alpha-3 and lower case country, spelled categories', `${HEADER}\nita,2020,Both sexes,All ages,100\n`],
    ['blank lines skipped, no final newline', `${HEADER}\n\nIT,2020,T,total,100`],
    ['unknown extra column ignored', 'country,year,sex,age_group,population,note\nIT,2020,total,total,100,"UN WPP; medium variant"\n'],
  ];
  for (const [name, csv] of sameRows) {
    test(name, () => {
      const result = parsePopulationCsv(csv);
      assert.deepEqual(result.issues, []);
      assert.deepEqual(result.rows.map(({ row: _row, ...figure }) => figure), [{ countryCode: 'IT', year: 2020, sex: 'total', ageGroup: 'total', population: 100 }]);
    });
  }

  test('an unknown column is a warning on row 1', () => {
    assert.deepEqual(parsePopulationCsv('country,year,sex,age_group,population,note\n').warnings, [{ row: 1, column: 'note', value: 'note', message: 'unknown column: ignored' }]);
  });

  test('header problems: each missing column and each duplicate is reported on row 1, rows are not read', () => {
    assert.deepEqual(issuesOf('country,year,population\nIT,2020,1\n'), ['1:sex', '1:age_group']);
    assert.deepEqual(issuesOf('country,year,sex,age_group,population,Country\nIT,2020,total,total,1\n'), ['1:country']);
    assert.deepEqual(issuesOf(''), ['1:']);
    assert.deepEqual(issuesOf('\uFEFF\n'), ['1:']);
  });

  test('row numbers count the header as row 1 and records, not physical lines', () => {
    const result = parsePopulationCsv(`${HEADER}\nIT,2020,total,total,1\n"I\nT",2020,total,total,1\nIT,1900,total,total,1\n`);
    assert.deepEqual(result.issues.map((i) => `${i.row}:${i.column}`), ['3:country', '4:year']);
  });

  test('a cell beyond the header and an unterminated quote are row issues', () => {
    assert.deepEqual(issuesOf(`${HEADER}\nIT,2020,total,total,1,extra\n`), ['2:column 6']);
    // The quote is reported; the cell still reads as "1\n", which trims to a valid figure.
    assert.deepEqual(issuesOf(`${HEADER}\nIT,2020,total,total,"1\n`), ['2:population']);
  });
});

describe('parsePopulationCsv: values', () => {
  const cases: Array<[string, string, string]> = [
    // [row after the header, column with the problem, why]
    ['XX,2020,total,total,1', 'country', 'unknown alpha-2'],
    ['ITAL,2020,total,total,1', 'country', 'four letters'],
    [',2020,total,total,1', 'country', 'missing'],
    ['IT,20,total,total,1', 'year', 'two digits'],
    ['IT,2101,total,total,1', 'year', 'after 2100'],
    ['IT,1949,total,total,1', 'year', 'before 1950'],
    ['IT,2020.0,total,total,1', 'year', 'decimal year'],
    ['IT,2020,other,total,1', 'sex', 'unknown sex'],
    ['IT,2020,,total,1', 'sex', 'missing sex'],
    ['IT,2020,total,18-64,1', 'age_group', 'unknown band'],
    ['IT,2020,total,total,0', 'population', 'zero'],
    ['IT,2020,total,total,-5', 'population', 'negative'],
    ['IT,2020,total,total,1234.5', 'population', 'decimal'],
    ['IT,2020,total,total,1234.0', 'population', 'whole decimal'],
    ['IT,2020,total,total,"1,234"', 'population', 'comma thousands'],
    ['IT,2020,total,total,1.234.567', 'population', 'dot thousands'],
    ['IT,2020,total,total,1 234', 'population', 'space thousands'],
    ["IT,2020,total,total,1'234", 'population', 'apostrophe thousands'],
    ['IT,2020,total,total,1.2E+07', 'population', 'scientific'],
    ['IT,2020,total,total,+5', 'population', 'plus sign'],
    ['IT,2020,total,total,', 'population', 'missing'],
    ['IT,2020,total,total,10000000001', 'population', 'over ten billion'],
    ['IT,2020,total,total,abc', 'population', 'text'],
  ];
  for (const [line, column, why] of cases) {
    test(`${why}: ${line} → row 2, ${column}`, () => {
      const result = parsePopulationCsv(`${HEADER}\n${line}\n`);
      assert.deepEqual(result.issues.map((i) => `${i.row}:${i.column}`), [`2:${column}`]);
      assert.equal(result.rows.length, 0);
      assert.ok(result.issues[0]!.message.length > 5);
    });
  }

  test('every problem of a row and of every row is reported, not only the first', () => {
    assert.deepEqual(issuesOf(`${HEADER}\nXX,1900,x,y,-1\nIT,2020,total,total,1\nFR,2020,total,total,1.5\n`),
      ['2:country', '2:year', '2:sex', '2:age_group', '2:population', '4:population']);
  });

  test('tolerated spellings', () => {
    const csv = `${HEADER}\nIT,2020,F,under 18,1\nIT,2020,Women,adult,2\nIT,2020,m,0–17,3\nIT,2020,MALE,18 and over,4\nIT,2020,both,children,5\nIT,2020,All sexes,Adults,6\n`;
    const result = parsePopulationCsv(csv);
    assert.deepEqual(result.issues, []);
    assert.deepEqual(result.rows.map((r) => `${r.sex}/${r.ageGroup}`), ['female/0-17', 'female/18+', 'male/0-17', 'male/18+', 'total/0-17', 'total/18+']);
  });

  test('a duplicate key is an error on the second occurrence only, whatever the spelling', () => {
    const result = parsePopulationCsv(`${HEADER}\nIT,2020,total,total,1\nFR,2020,total,total,1\nITA,2020,Both sexes,all ages,2\n`);
    assert.deepEqual(result.issues.map((i) => `${i.row}:${i.column}`), ['4:country']);
    assert.match(result.issues[0]!.message, /duplicate of row 2/);
    assert.equal(result.rows.length, 2);
  });

  test('Kosovo as CTDC writes it is accepted with a warning', () => {
    const result = parsePopulationCsv(`${HEADER}\nY1,2020,total,total,1800000\n`);
    assert.deepEqual(result.issues, []);
    assert.equal(result.rows[0]!.countryCode, 'Y1');
    assert.deepEqual(result.warnings.map((w) => `${w.row}:${w.column}`), ['2:country']);
  });

  test('decodePopulation accepts exactly the digit strings', () => {
    assert.deepEqual(decodePopulation(' 007 '), { value: 7 });
    assert.deepEqual(decodePopulation('10000000000'), { value: 10_000_000_000 });
  });
});

describe('consistency warnings', () => {
  test('female + male ≠ total warns at the total row; a complete, adding-up table does not', () => {
    const ok = parsePopulationCsv(`${HEADER}\nIT,2020,total,total,10\nIT,2020,female,total,6\nIT,2020,male,total,4\n`);
    assert.deepEqual(ok.warnings, []);
    const off = parsePopulationCsv(`${HEADER}\nIT,2020,female,total,6\nIT,2020,male,total,4\nIT,2020,total,total,11\n`);
    assert.deepEqual(off.issues, []);
    assert.deepEqual(off.warnings.map((w) => `${w.row}:${w.column}`), ['4:population']);
    assert.match(off.warnings[0]!.message, /female \(row 2\) \+ male \(row 3\) = 10, not the total 11/);
  });

  test('0-17 + 18+ ≠ total warns too; a missing component means no check', () => {
    const off = parsePopulationCsv(`${HEADER}\nIT,2020,female,total,10\nIT,2020,female,0-17,3\nIT,2020,female,18+,6\nFR,2020,total,total,5\nFR,2020,male,total,1\n`);
    assert.deepEqual(off.warnings.map((w) => `${w.row}:${w.column}`), ['2:population']);
  });
});

describe('property', () => {
  const countries = CTDC_COUNTRIES.filter((c) => c.isCurrentIso).map((c) => c.iso2);
  const figure = fc.record({
    countryCode: fc.constantFrom(...countries),
    year: fc.integer({ min: 1950, max: 2100 }),
    sex: fc.constantFrom(...POPULATION_SEXES),
    ageGroup: fc.constantFrom(...POPULATION_AGE_GROUPS),
    population: fc.integer({ min: 1, max: 10_000_000_000 }),
  }).map((f): TPopulationFigure => ({ ...f }));
  const figures = fc.uniqueArray(figure, { selector: (f) => `${f.countryCode}|${f.year}|${f.sex}|${f.ageGroup}`, maxLength: 60 });

  test('format → parse gives back the same figures in order, with either separator and with or without BOM', () => {
    fc.assert(fc.property(figures, fc.constantFrom(',' as const, ';' as const), fc.boolean(), (input: TPopulationFigure[], delimiter, withBom) => {
      const result = parsePopulationCsv(formatPopulationCsv(input, { delimiter, withBom }));
      assert.deepEqual(result.issues, []);
      assert.equal(result.dataRowCount, input.length);
      assert.deepEqual(result.rows.map(({ row: _row, ...rest }) => rest), input);
      assert.deepEqual(result.rows.map((r) => r.row), input.map((_, i) => i + 2));
    }), { numRuns: 300 });
  });

  test('a file with a duplicated row never parses clean, and the error is on the later row', () => {
    fc.assert(fc.property(figures.filter((f) => f.length > 0), fc.nat(), fc.nat(), (input, pick, at) => {
      const copy = input[pick % input.length]!;
      const position = (pick % input.length) + 1 + (at % (input.length - (pick % input.length)));
      const withDuplicate = [...input.slice(0, position), copy, ...input.slice(position)];
      const result = parsePopulationCsv(formatPopulationCsv(withDuplicate));
      assert.deepEqual(result.issues.map((i) => i.row), [position + 2]);
    }), { numRuns: 200 });
  });
});
