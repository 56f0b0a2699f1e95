/**
 * Writes normalised records in CTDC's K-anonymized 2021 layout, exactly as CTDC's CSV looks:
 * `;`-separated, the terms-of-use header cell over an empty first column, RFC 4180 quoting only
 * where needed, CRLF between lines and none after the last. Parsing the real file and exporting
 * it again reproduces it byte for byte (tested).
 *
 * What the layout cannot hold is dropped: `traffickMonths` and the merged means of control of
 * the 2024 synthetic layout. Summary columns are written verbatim when the record came from a
 * wide layout, otherwise derived from the flags.
 */
import { formatCsvRecord } from './csv-writer.ts';
import { CTDC_TERMS_OF_USE_HEADER, WIDE_COLUMNS } from './layouts.ts';
import type { TCtdcRecord } from './record.ts';

const DELIMITER = ';';

export interface TKAnonExportOptions {
  /** Line separator (default CRLF, as CTDC's file). */
  lineEnding?: '\r\n' | '\n';
  /** Append a line ending after the last row (default false, as CTDC's file). */
  hasTrailingLineEnding?: boolean;
}

/** The header line of the K-anon layout (no line ending). */
export function formatKAnonHeader(): string {
  // The header is ours and constant: no injection guard needed, and the sentence must stay verbatim.
  return formatCsvRecord([CTDC_TERMS_OF_USE_HEADER, ...WIDE_COLUMNS.map((c) => c.name)], {
    delimiter: DELIMITER,
    guardInjection: false,
  });
}

/**
 * One record as a K-anon data line (no line ending). Cells are guarded against formula
 * injection (see csv-writer.ts) and quoted per RFC 4180.
 */
export function formatKAnonRow(record: TCtdcRecord): string {
  const cells = [''];
  for (const column of WIDE_COLUMNS) cells.push(column.encode!(record));
  return formatCsvRecord(cells, { delimiter: DELIMITER });
}

/**
 * A whole K-anon file.
 * @param records normalised records, written in the given order.
 */
export function formatKAnonCsv(records: Iterable<TCtdcRecord>, options: TKAnonExportOptions = {}): string {
  const eol = options.lineEnding ?? '\r\n';
  const lines = [formatKAnonHeader()];
  for (const record of records) lines.push(formatKAnonRow(record));
  return lines.join(eol) + (options.hasTrailingLineEnding ? eol : '');
}
