/**
 * Test-only: small CTDC files in the K-anonymized 2021 layout (`;`, the terms-of-use cell over
 * an empty first column, CRLF), built from rows that name only the cells they fill.
 */
import { CTDC_TERMS_OF_USE_HEADER, WIDE_COLUMNS } from '../../../core/ctdc/index.ts';

export type TCtdcFixtureRow = Readonly<Record<string, string | number>>;

const quote = (cell: string): string => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** A K-anon 2021 file; every cell a row does not name is empty (= not recorded). */
export function buildKAnonCsv(rows: readonly TCtdcFixtureRow[]): string {
  const names = WIDE_COLUMNS.map((c) => c.name);
  const header = [CTDC_TERMS_OF_USE_HEADER, ...names].join(';');
  const lines = rows.map((row) => ['', ...names.map((name) => quote(String(row[name] ?? '')))].join(';'));
  return [header, ...lines].join('\r\n');
}

let serial = 0;

/**
 * A small valid file that differs from every other one this process builds (the importer
 * refuses a file it already holds), with `count` rows.
 */
export function uniqueSmallCtdcCsv(count = 3): string {
  serial += 1;
  const rows: TCtdcFixtureRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({ yearOfRegistration: 2000 + ((serial + i) % 20), Datasource: 'Hotline', gender: i % 2 ? 'Male' : 'Female', ageBroad: '18--20', majorityStatus: 'Adult', citizenship: 'PH', CountryOfExploitation: 'US', isForcedLabour: 1, isSexualExploit: 0 });
  }
  // The serial number in a free-text cell keeps files distinct even when the rows repeat.
  rows[0] = { ...rows[0], typeOfExploitConcatenated: `Forced labour ${process.pid}-${serial}` };
  return buildKAnonCsv(rows);
}
