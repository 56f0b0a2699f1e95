/**
 * Test-only: a deliberately separate reader of CTDC's K-anonymized CSV, sharing no code with
 * core/ctdc, so that tests can check the importer and the statistics engine against numbers
 * computed another way. It knows only what the dataset README says about the file: `;` between
 * fields, CRLF between lines, a field quoted with `"` when it holds a `;`, empty = missing, and
 * a terms-of-use first column that is empty in every row.
 */
import { readFileSync } from 'node:fs';

export interface TIndependentCtdcFile {
  /** The 63 variable names (the terms-of-use column is dropped). */
  columns: string[];
  /** One array of 63 raw cells per data row. */
  rows: string[][];
}

function splitLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (isQuoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') isQuoted = false;
      else field += ch;
    } else if (ch === '"') isQuoted = true;
    else if (ch === ';') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export function readCtdcFileIndependently(path: string): TIndependentCtdcFile {
  const lines = readFileSync(path, 'utf8').split('\r\n').filter((line) => line.length > 0);
  const header = splitLine(lines[0]!);
  if (!header[0]!.startsWith('By using this data')) throw new Error('not the K-anonymized file');
  const rows = lines.slice(1).map((line) => {
    const fields = splitLine(line);
    if (fields.length !== header.length) throw new Error(`bad line: ${line.slice(0, 80)}`);
    return fields.slice(1);
  });
  return { columns: header.slice(1), rows };
}

/** Counts of each raw value of one column. */
export function countValues(file: TIndependentCtdcFile, column: string, normalise: (raw: string) => string = (raw) => raw): Map<string, number> {
  const index = file.columns.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  const counts = new Map<string, number>();
  for (const row of file.rows) {
    const key = normalise(row[index]!);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The GLOTIP-style single form of exploitation, written out again from the rule (not imported):
 * sexual and labour together (or the combined flag) → sexualAndLabour; then sexual; labour;
 * forced marriage; any other form → other; none recorded → empty.
 */
export function formOfExploitation(file: TIndependentCtdcFile, row: string[]): string {
  const is = (column: string) => row[file.columns.indexOf(column)] === '1';
  if (is('isSexAndLabour') || (is('isSexualExploit') && is('isForcedLabour'))) return 'sexualAndLabour';
  if (is('isSexualExploit')) return 'sexual';
  if (is('isForcedLabour')) return 'labour';
  if (is('isForcedMarriage')) return 'forcedMarriage';
  if (is('isOtherExploit') || is('isSlaveryAndPractices') || is('isForcedMilitary') || is('isOrganRemoval')) return 'other';
  return '';
}
