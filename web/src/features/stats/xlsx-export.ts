import type { TXlsxCell, TXlsxSheet } from '../../../../core/files/xlsx-writer.ts';

/**
 * The dashboard's table as a workbook: the same grid the CSV holds (so the two files cannot
 * disagree), with published numbers stored as numbers so a spreadsheet can sum them, and a
 * second sheet saying what the numbers are and how they were protected. The writer stores
 * text as text and never writes a formula, so no cell can run in a spreadsheet.
 */

export interface TWorkbookNotes {
  /** Label/value lines of the notes sheet, e.g. ["Metric", "Victims identified"]. */
  lines: readonly (readonly [string, string])[];
  /** Sheet names in the chosen language (Excel allows 31 characters; the writer shortens). */
  tableSheetName: string;
  notesSheetName: string;
  isRightToLeft: boolean;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A grid cell as the workbook stores it: plain digits become numbers, the rest stays text. */
export function workbookCell(text: string): TXlsxCell {
  if (text === '') return null;
  return PLAIN_NUMBER.test(text) ? Number(text) : text;
}

/** The two sheets of a dashboard download: the table, then the notes. */
export function statsWorkbookSheets(grid: readonly (readonly string[])[], notes: TWorkbookNotes): TXlsxSheet[] {
  const widths = (grid[0] ?? []).map((_header, column) => Math.min(60, Math.max(10, ...grid.map((row) => (row[column] ?? '').length + 2))));
  return [
    {
      name: notes.tableSheetName,
      // The header row and the first column of a broken-down table are labels even when they
      // look like numbers (years); a table without dimensions is one header and one number.
      rows: grid.map((row, r) => row.map((text, c) => (r === 0 || (c === 0 && row.length > 1) ? text : workbookCell(text)))),
      isRightToLeft: notes.isRightToLeft,
      columnWidths: widths,
    },
    { name: notes.notesSheetName, rows: notes.lines.map(([label, value]) => [label, value]), isRightToLeft: notes.isRightToLeft, columnWidths: [28, 80] },
  ];
}

/** Builds the workbook bytes; the writer (and zip.js) load only when someone downloads. */
export async function statsWorkbook(grid: readonly (readonly string[])[], notes: TWorkbookNotes): Promise<Uint8Array> {
  const { writeXlsx } = await import('../../../../core/files/xlsx-writer.ts');
  return writeXlsx(statsWorkbookSheets(grid, notes));
}
