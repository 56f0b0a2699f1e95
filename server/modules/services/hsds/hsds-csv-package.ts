/**
 * The HSDS tabular data package as one ZIP: datapackage.json plus one RFC 4180 CSV per table
 * (UTF-8, CRLF, header row). Cells go through the CSV-injection guard of core/ctdc (a leading
 * apostrophe before `=`, `+`, `-`, `@`, …, exactly reversible), so a spreadsheet never evaluates
 * text from the directory; the import reverses it. Reading refuses oversized or malformed
 * archives before any CSV is parsed.
 */
import { configure, TextReader, Uint8ArrayReader, Uint8ArrayWriter, Writer, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { readCsvChunks } from '../../../../core/ctdc/csv-reader.ts';
import { formatCsvRecord } from '../../../../core/ctdc/csv-writer.ts';
import { HSDS_PROFILE } from './hsds-export.ts';
import { dataPackageDescriptor, directoryToTables, HSDS_CSV_TABLES, rowCells, type TCsvIssue, type TParsedFile } from './hsds-tabular.ts';
import type { THsdsDirectory } from './hsds.schemas.ts';

configure({ useWebWorkers: false });

/** Limits of an uploaded package (the ZIP itself, then what it may expand to). */
export const HSDS_CSV_LIMITS = { zipBytes: 4 * 1024 * 1024, entries: 64, fileBytes: 16 * 1024 * 1024, totalBytes: 32 * 1024 * 1024, rowsPerFile: 50_000 } as const;

/** A fixed entry date, so the same directory always gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));

/** The directory document as a ZIP of the HSDS tabular data package. */
export async function writeHsdsCsvPackage(document: THsdsDirectory): Promise<Uint8Array> {
  const tables = directoryToTables(document);
  const zip = new ZipWriter(new Uint8ArrayWriter(), { lastModDate: ZIP_DATE, level: 6, extendedTimestamp: false });
  await zip.add('datapackage.json', new TextReader(`${JSON.stringify(dataPackageDescriptor(document.generated_at ?? ZIP_DATE.toISOString(), document.profile ?? HSDS_PROFILE), null, 2)}\n`));
  for (const table of HSDS_CSV_TABLES) {
    // The header is ours and constant: written unguarded so other tools find the column names.
    const lines = [formatCsvRecord(table.columns, { guardInjection: false }), ...tables.get(table.path)!.map((row) => formatCsvRecord(rowCells(table, row)))];
    await zip.add(table.path, new TextReader(`${lines.join('\r\n')}\r\n`));
  }
  return zip.close();
}

class TooLarge extends Error {}

/** Collects an entry's bytes and stops at a cap, whatever the archive claims the size is. */
class CappedWriter extends Writer<Uint8Array> {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  constructor(private readonly cap: number) {
    super();
  }
  override async writeUint8Array(array: Uint8Array): Promise<void> {
    this.total += array.length;
    if (this.total > this.cap) throw new TooLarge();
    this.chunks.push(array.slice());
  }
  override async getData(): Promise<Uint8Array> {
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

function parseCsv(file: string, text: string, issues: TCsvIssue[]): TParsedFile | null {
  let header: string[] | null = null;
  const records: TParsedFile['records'] = [];
  for (const record of readCsvChunks([text])) {
    for (const issue of record.issues ?? []) issues.push({ file, row: record.record, column: header?.[issue.field] ?? null, message: issue.message });
    if (header === null) {
      header = record.fields;
      continue;
    }
    if (record.fields.every((field) => field === '')) continue; // blank line
    if (records.length >= HSDS_CSV_LIMITS.rowsPerFile) {
      issues.push({ file, row: record.record, column: null, message: `More than ${HSDS_CSV_LIMITS.rowsPerFile} rows` });
      return null;
    }
    records.push({ row: record.record, cells: record.fields });
  }
  if (header === null) {
    issues.push({ file, row: null, column: null, message: 'The file is empty (no header row)' });
    return null;
  }
  return { header, records };
}

/**
 * Opens a package: the CSV files of the tables Palermo reads, parsed, by file name. Files may sit
 * in a folder inside the ZIP; other files (datapackage.json, phones.csv, schedules.csv, …) are
 * not read, as the JSON import drops what Palermo does not keep.
 */
export async function readHsdsCsvPackage(bytes: Uint8Array): Promise<{ files: Map<string, TParsedFile>; issues: TCsvIssue[] }> {
  const issues: TCsvIssue[] = [];
  const files = new Map<string, TParsedFile>();
  const wanted = new Set(HSDS_CSV_TABLES.map((table) => table.path));
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  try {
    let entries;
    try {
      entries = await reader.getEntries();
    } catch {
      return { files, issues: [{ file: '(zip)', row: null, column: null, message: 'Not a readable ZIP archive' }] };
    }
    if (entries.length > HSDS_CSV_LIMITS.entries) return { files, issues: [{ file: '(zip)', row: null, column: null, message: `More than ${HSDS_CSV_LIMITS.entries} files in the archive` }] };
    let total = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const entry of entries) {
      const name = entry.filename.split('/').pop() ?? '';
      if (entry.directory || !wanted.has(name) || !entry.getData) continue;
      if (files.has(name)) {
        issues.push({ file: name, row: null, column: null, message: 'The archive holds two files of this name' });
        continue;
      }
      let data: Uint8Array;
      try {
        data = await entry.getData(new CappedWriter(Math.min(HSDS_CSV_LIMITS.fileBytes, HSDS_CSV_LIMITS.totalBytes - total)));
      } catch (error) {
        issues.push({ file: name, row: null, column: null, message: error instanceof TooLarge ? 'The file is too large once unpacked' : 'The file cannot be unpacked' });
        return { files, issues };
      }
      total += data.length;
      let text: string;
      try {
        text = decoder.decode(data);
      } catch {
        issues.push({ file: name, row: null, column: null, message: 'Not UTF-8 text' });
        continue;
      }
      const parsed = parseCsv(name, text, issues);
      if (parsed) files.set(name, parsed);
    }
  } finally {
    await reader.close();
  }
  return { files, issues };
}
