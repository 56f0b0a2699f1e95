/**
 * Reads a CSV of population denominators (country, year, sex, age group, population) into
 * validated rows, reporting every problem by row (header = row 1) and column. Pure: no I/O.
 *
 * The rules, as shown to administrators:
 * - UTF-8 with or without BOM; `,` or `;` separator (taken from the header line; tab also works);
 *   RFC 4180 quotes. Blank lines are skipped.
 * - Header names `country, year, sex, age_group, population`, in any order and any case;
 *   `age group` and `age-group` are read as `age_group`. Other columns are ignored with a warning.
 * - country: ISO 3166-1 alpha-2 (`IT`) or alpha-3 (`ITA`), any case, from CTDC's country table
 *   (so CTDC's `Y1` for Kosovo too); stored as alpha-2.
 * - year: four digits, 1950–2100.
 * - sex / age_group: see population-vocabulary.ts for the accepted spellings.
 * - population: digits only, greater than 0, at most 10,000,000,000. Refused: decimals
 *   (`1234.0`), signs (`-5`, `+5`), any thousands separator (`1,234`, `1.234`, `1 234`,
 *   `1'234`, `1_234`), scientific notation (`1.2E+07`) and empty cells.
 * - Each (country, year, sex, age_group) once: a repeat is an error on the second occurrence.
 * - Warnings (not errors): female + male ≠ total for a country, year and age group when all
 *   three are present; 0-17 + 18+ ≠ total likewise for a country, year and sex; country codes
 *   that are not current ISO codes.
 */
import { findCountryByIso2, findCountryByIso3 } from '../ctdc/countries.ts';
import { readCsvChunks, sniffCsvDelimiter } from '../ctdc/csv-reader.ts';
import { formatCsvRecord } from '../ctdc/csv-writer.ts';
import {
  ACCEPTED_AGE_GROUP_SPELLINGS,
  ACCEPTED_SEX_SPELLINGS,
  decodePopulationAgeGroup,
  decodePopulationSex,
  MAX_POPULATION,
  MAX_POPULATION_YEAR,
  MIN_POPULATION_YEAR,
  POPULATION_CSV_COLUMNS,
  type TPopulationAgeGroup,
  type TPopulationCsvColumn,
  type TPopulationSex,
} from './population-vocabulary.ts';
import { findConsistencyWarnings } from './population-consistency.ts';

export interface TPopulationFigure {
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string;
  year: number;
  sex: TPopulationSex;
  ageGroup: TPopulationAgeGroup;
  population: number;
}

export interface TPopulationCsvRow extends TPopulationFigure {
  /** Row of the file, header = 1 (as a spreadsheet numbers it). */
  row: number;
}

export interface TPopulationCsvIssue {
  row: number;
  /** A header name, or `column N` for a cell beyond the header. */
  column: string;
  /** The offending cell text (cut to 60 characters); empty for a missing cell. */
  value: string;
  message: string;
}

export interface TPopulationCsvResult {
  delimiter: string;
  /** Non-blank rows after the header. */
  dataRowCount: number;
  /** Valid rows (all of them only when `issues` is empty). */
  rows: TPopulationCsvRow[];
  issues: TPopulationCsvIssue[];
  warnings: TPopulationCsvIssue[];
}

/** More rows than any real table (200+ countries × 150 years × 9 categories ≈ 280,000 is the ceiling). */
export const MAX_POPULATION_CSV_ROWS = 300_000;
const VALUE_PREVIEW_CHARS = 60;

/** Header name as written → our column, after trimming, lower-casing and `age group`/`age-group` → `age_group`. */
function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function preview(value: string): string {
  return value.length > VALUE_PREVIEW_CHARS ? `${value.slice(0, VALUE_PREVIEW_CHARS - 1)}…` : value;
}

type TDecoded<T> = { value: T } | { message: string };

export function decodeCountry(text: string): TDecoded<string> & { warning?: string } {
  const code = text.trim().toUpperCase();
  if (code === '') return { message: 'missing: give an ISO 3166-1 alpha-2 code such as IT' };
  const country = code.length === 2 ? findCountryByIso2(code) : code.length === 3 ? findCountryByIso3(code) : undefined;
  if (!country) return { message: 'not an ISO 3166-1 alpha-2 or alpha-3 country code' };
  if (!country.isCurrentIso) return { value: country.iso2, warning: `${country.iso2} (${country.name}) is not a current ISO 3166-1 code` };
  return { value: country.iso2 };
}

export function decodeYear(text: string): TDecoded<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { message: 'missing' };
  if (!/^\d{4}$/.test(trimmed)) return { message: 'must be a four-digit year' };
  const year = Number(trimmed);
  if (year < MIN_POPULATION_YEAR || year > MAX_POPULATION_YEAR) return { message: `must be between ${MIN_POPULATION_YEAR} and ${MAX_POPULATION_YEAR}` };
  return { value: year };
}

export function decodePopulation(text: string): TDecoded<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { message: 'missing' };
  if (/^\d+$/.test(trimmed)) {
    const population = Number(trimmed);
    if (population === 0) return { message: 'must be greater than 0' };
    if (population > MAX_POPULATION) return { message: `must be at most ${MAX_POPULATION} (is it a typo?)` };
    return { value: population };
  }
  if (/^-\s*\d/.test(trimmed)) return { message: 'must be greater than 0 (negative number)' };
  if (/^\+/.test(trimmed)) return { message: 'write digits only, without a + sign' };
  if (/^\d*[.,]?\d*e[+-]?\d+$/i.test(trimmed)) return { message: 'scientific notation is not accepted: write every digit (format the column as a whole number)' };
  if (/^\d{1,3}([,.'\u2019_ \u00a0\u202f]\d{3})+$/.test(trimmed)) return { message: 'write digits only, without thousands separators (no commas, dots, spaces, apostrophes or underscores)' };
  if (/^\d*[.,]\d+$/.test(trimmed)) return { message: 'must be a whole number of persons, without decimals' };
  return { message: 'must be a whole number written with digits only' };
}

type TField = Exclude<TPopulationCsvColumn, never>;

/**
 * Parses the whole text of a population CSV.
 * @returns rows, every issue (the file is importable only when `issues` is empty) and warnings.
 */
export function parsePopulationCsv(text: string): TPopulationCsvResult {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = sniffCsvDelimiter(withoutBom.slice(0, 4096));
  const issues: TPopulationCsvIssue[] = [];
  const warnings: TPopulationCsvIssue[] = [];
  const rows: TPopulationCsvRow[] = [];
  const records = readCsvChunks([withoutBom], { delimiter });

  const first = records.next();
  if (first.done || first.value.fields.every((field) => field.trim() === '')) {
    return { delimiter, dataRowCount: 0, rows, issues: [{ row: 1, column: '', value: '', message: `the file is empty: the first row must be the header ${POPULATION_CSV_COLUMNS.join(',')}` }], warnings };
  }
  const header = first.value.fields;
  const indexOf = new Map<TField, number>();
  header.forEach((name, index) => {
    const key = headerKey(name);
    if ((POPULATION_CSV_COLUMNS as readonly string[]).includes(key)) {
      if (indexOf.has(key as TField)) issues.push({ row: 1, column: key, value: preview(name), message: 'this column appears twice in the header' });
      else indexOf.set(key as TField, index);
    } else {
      warnings.push({ row: 1, column: name.trim() || `column ${index + 1}`, value: preview(name), message: 'unknown column: ignored' });
    }
  });
  for (const column of POPULATION_CSV_COLUMNS) {
    if (!indexOf.has(column)) issues.push({ row: 1, column, value: '', message: `required column missing from the header (expected ${POPULATION_CSV_COLUMNS.join(', ')})` });
  }
  if (issues.length > 0) return { delimiter, dataRowCount: 0, rows, issues, warnings };

  const seen = new Map<string, number>();
  let dataRowCount = 0;
  for (const record of records) {
    const { fields } = record;
    if (fields.every((field) => field.trim() === '')) continue;
    dataRowCount += 1;
    if (dataRowCount > MAX_POPULATION_CSV_ROWS) {
      issues.push({ row: record.record, column: '', value: '', message: `the file has more than ${MAX_POPULATION_CSV_ROWS} rows; split it` });
      break;
    }
    const row = record.record;
    const rowIssueCountBefore = issues.length;
    for (const structural of record.issues ?? []) {
      issues.push({ row, column: header[structural.field]?.trim() || `column ${structural.field + 1}`, value: preview(fields[structural.field] ?? ''), message: structural.message });
    }
    for (let extra = header.length; extra < fields.length; extra++) {
      if (fields[extra]!.trim() !== '') issues.push({ row, column: `column ${extra + 1}`, value: preview(fields[extra]!), message: `the row has ${fields.length} cells but the header only ${header.length}` });
    }
    const cell = (column: TField) => fields[indexOf.get(column)!] ?? '';
    const fail = (column: TField, message: string) => issues.push({ row, column, value: preview(cell(column)), message });

    const country = decodeCountry(cell('country'));
    if ('message' in country) fail('country', country.message);
    else if (country.warning) warnings.push({ row, column: 'country', value: preview(cell('country')), message: country.warning });
    const year = decodeYear(cell('year'));
    if ('message' in year) fail('year', year.message);
    const sex = decodePopulationSex(cell('sex'));
    if (!sex) fail('sex', `must be total, female or male (also accepted: ${ACCEPTED_SEX_SPELLINGS.join(', ')})`);
    const ageGroup = decodePopulationAgeGroup(cell('age_group'));
    if (!ageGroup) fail('age_group', `must be total, 0-17 or 18+ (also accepted: ${ACCEPTED_AGE_GROUP_SPELLINGS.join(', ')})`);
    const population = decodePopulation(cell('population'));
    if ('message' in population) fail('population', population.message);

    if (issues.length > rowIssueCountBefore || 'message' in country || 'message' in year || !sex || !ageGroup || 'message' in population) continue;
    const key = `${country.value}|${year.value}|${sex}|${ageGroup}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      issues.push({ row, column: 'country', value: preview(cell('country')), message: `duplicate of row ${firstRow}: the same country, year, sex and age group` });
      continue;
    }
    seen.set(key, row);
    rows.push({ row, countryCode: country.value, year: year.value, sex, ageGroup, population: population.value });
  }
  warnings.push(...findConsistencyWarnings(rows));
  return { delimiter, dataRowCount, rows, issues, warnings };
}

/** Writes figures as a population CSV (header first; our canonical spellings). */
export function formatPopulationCsv(figures: readonly TPopulationFigure[], options: { delimiter?: ',' | ';'; withBom?: boolean } = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lines = [formatCsvRecord(POPULATION_CSV_COLUMNS, { delimiter })];
  for (const figure of figures) {
    lines.push(formatCsvRecord([figure.countryCode, String(figure.year), figure.sex, figure.ageGroup, String(figure.population)], { delimiter }));
  }
  return `${options.withBom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
