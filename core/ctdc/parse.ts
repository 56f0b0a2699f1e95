/**
 * CTDC CSV import: streaming parser (chunks in, validated rows out) and whole-text helpers.
 * Every row is validated and every problem reported as `{ row, column, value, message }`;
 * the parser never stops at the first bad cell or row. Rows with problems yield no record.
 */
import { AppError } from '../errors/app-error.ts';
import { CsvReader, sniffCsvDelimiter, type TCsvRecord } from './csv-reader.ts';
import { unguardCsvInjection } from './csv-writer.ts';
import { bindCtdcHeader, type TCtdcHeaderBinding } from './layouts.ts';
import { type TCtdcIssue, type TCtdcLayout, type TCtdcRecord } from './record.ts';

export interface TCtdcParseOptions {
  /** Field delimiter; sniffed from the header line when omitted. */
  delimiter?: ';' | ',' | '\t';
}

export interface TCtdcParsedRow {
  /** 1-based, header = row 1. */
  row: number;
  /**
   * Null when the row has issues. Read-only: rows with the same text (a repeated line) share one
   * record object.
   */
  record: TCtdcRecord | null;
  issues: TCtdcIssue[];
}

/**
 * Distinct lines whose decoded records a parser keeps to recognise repeats. CTDC files repeat
 * lines (the real file's 97,750 rows hold 20,667 distinct lines); a bound keeps the memory of a
 * file of all-different lines in check (those are then decoded every time, as they must be).
 */
export const MAX_REMEMBERED_LINES = 25_000;

const ROW = '(row)';

/** Streaming CTDC parser; see {@link createCtdcParser}. */
export class CtdcParser {
  private reader: CsvReader | null = null;
  private pending = '';
  private binding: TCtdcHeaderBinding | null = null;
  private header: string[] = [];
  private readonly delimiter: TCtdcParseOptions['delimiter'];
  /**
   * Records of valid lines already decoded, by the line's text: the same text always decodes to
   * the same record, so a repeated line is looked up rather than decoded again.
   */
  private readonly decodedLines = new Map<string, TCtdcRecord>();
  constructor(options: TCtdcParseOptions = {}) {
    this.delimiter = options.delimiter;
  }

  /** The detected layout, once the header has been read. */
  get layout(): TCtdcLayout | null {
    return this.binding?.layout ?? null;
  }

  /** The header fields as read, once read. */
  get headerFields(): readonly string[] {
    return this.header;
  }

  /** Header warnings (unknown columns), once the header has been read. */
  get warnings(): TCtdcIssue[] {
    return (this.binding?.warnings ?? []).map((w) => ({ row: 1, column: w.column, value: '', message: w.message }));
  }

  /**
   * Consumes a chunk of text; returns the data rows it completed.
   * @throws AppError VALIDATION_FAILED when the header is not a known CTDC layout.
   */
  push(chunk: string): TCtdcParsedRow[] {
    if (!this.reader) {
      // The delimiter is sniffed from the whole first line, so wait until it is complete.
      this.pending += chunk;
      if (!this.delimiter && !/[\r\n]/.test(this.pending)) return [];
      return this.start();
    }
    return this.handle(this.reader.push(chunk));
  }

  /** Flushes the last row. @throws as {@link push}, e.g. for a header-only file with a bad header. */
  end(): TCtdcParsedRow[] {
    const out = this.reader ? [] : this.start();
    return out.concat(this.handle(this.reader!.end()));
  }

  private start(): TCtdcParsedRow[] {
    this.reader = new CsvReader({ delimiter: this.delimiter ?? sniffCsvDelimiter(this.pending.replace(/^\uFEFF/, '')) });
    const text = this.pending;
    this.pending = '';
    return this.handle(this.reader.push(text));
  }

  private handle(records: TCsvRecord[]): TCtdcParsedRow[] {
    const out: TCtdcParsedRow[] = [];
    for (const rec of records) {
      if (!this.binding) {
        this.header = rec.fields;
        this.binding = bindCtdcHeader(rec.fields);
        continue;
      }
      // A blank line carries no data; it still counts in the row numbering.
      if (rec.fields.length === 1 && rec.fields[0] === '') continue;
      out.push(this.decodeRow(rec, this.binding));
    }
    return out;
  }

  private decodeRow(rec: TCsvRecord, binding: TCtdcHeaderBinding): TCtdcParsedRow {
    const row = rec.record;
    const known = rec.text === undefined || rec.issues ? undefined : this.decodedLines.get(rec.text);
    if (known) return { row, record: known, issues: [] };
    const issues: TCtdcIssue[] = [];
    for (const s of rec.issues ?? []) {
      issues.push({ row, column: this.header[s.field] ?? ROW, value: rec.fields[s.field] ?? '', message: s.message });
    }
    if (rec.fields.length !== binding.columns.length) {
      issues.push({
        row,
        column: ROW,
        value: '',
        message: `expected ${binding.columns.length} fields, found ${rec.fields.length}`,
      });
      return { row, record: null, issues };
    }
    const record = binding.createRecord();
    const { columns } = binding;
    for (let i = 0; i < columns.length; i++) {
      const raw = rec.fields[i]!;
      // Empty = not recorded = the record's default; most cells of a CTDC file are empty.
      if (raw.length === 0) continue;
      if (i === binding.termsColumnIndex) {
        if (raw !== '') issues.push({ row, column: this.header[i]!, value: raw, message: 'the terms-of-use column must be empty' });
        continue;
      }
      const column = columns[i];
      if (!column) continue;
      const cell = raw.length > 0 && raw.charCodeAt(0) === 39 ? unguardCsvInjection(raw) : raw;
      const error = column.decode(cell, record);
      if (error) issues.push({ row, column: this.header[i]!, value: raw, message: error });
    }
    if (issues.length > 0) return { row, record: null, issues };
    if (rec.text !== undefined && this.decodedLines.size < MAX_REMEMBERED_LINES) this.decodedLines.set(rec.text, record);
    return { row, record, issues };
  }
}

/** Creates a streaming parser: `push(chunk)` as text arrives, then `end()`. */
export function createCtdcParser(options: TCtdcParseOptions = {}): CtdcParser {
  return new CtdcParser(options);
}

export interface TCtdcRecordAt {
  row: number;
  /** Read-only: the rows of a repeated line share one record object. */
  record: TCtdcRecord;
}

export interface TCtdcParseResult {
  layout: TCtdcLayout;
  header: readonly string[];
  /** Valid rows only, in file order. */
  records: TCtdcRecordAt[];
  /** Every problem of every row, up to `maxIssues`. */
  issues: TCtdcIssue[];
  isIssueListTruncated: boolean;
  warnings: TCtdcIssue[];
  /** Data rows seen (blank lines excluded). */
  rowCount: number;
  invalidRowCount: number;
}

export interface TCtdcCollectOptions extends TCtdcParseOptions {
  /** Cap on collected issues so that a garbage file cannot exhaust memory (default 10,000). */
  maxIssues?: number;
}

/**
 * Parses a whole CTDC file given as chunks (a single string works: pass `[text]`).
 * @throws AppError VALIDATION_FAILED when the header is missing or not a known layout.
 */
export function parseCtdcCsvChunks(chunks: Iterable<string>, options: TCtdcCollectOptions = {}): TCtdcParseResult {
  const parser = createCtdcParser(options);
  const collector = new Collector(options.maxIssues ?? 10_000);
  for (const chunk of chunks) collector.add(parser.push(chunk));
  collector.add(parser.end());
  return collector.result(parser);
}

/** Async variant of {@link parseCtdcCsvChunks} for streams of text. */
export async function parseCtdcCsvStream(
  chunks: AsyncIterable<string>,
  options: TCtdcCollectOptions = {},
): Promise<TCtdcParseResult> {
  const parser = createCtdcParser(options);
  const collector = new Collector(options.maxIssues ?? 10_000);
  for await (const chunk of chunks) collector.add(parser.push(chunk));
  collector.add(parser.end());
  return collector.result(parser);
}

/**
 * Parses a whole CTDC file held in memory.
 * @throws AppError VALIDATION_FAILED when the header is missing or not a known layout.
 */
export function parseCtdcCsv(text: string, options: TCtdcCollectOptions = {}): TCtdcParseResult {
  return parseCtdcCsvChunks([text], options);
}

class Collector {
  private readonly records: TCtdcRecordAt[] = [];
  private readonly issues: TCtdcIssue[] = [];
  private isTruncated = false;
  private rowCount = 0;
  private invalidRowCount = 0;

  constructor(private readonly maxIssues: number) {}

  add(rows: TCtdcParsedRow[]): void {
    for (const r of rows) {
      this.rowCount++;
      if (r.record) {
        this.records.push({ row: r.row, record: r.record });
        continue;
      }
      this.invalidRowCount++;
      for (const issue of r.issues) {
        if (this.issues.length < this.maxIssues) this.issues.push(issue);
        else this.isTruncated = true;
      }
    }
  }

  result(parser: CtdcParser): TCtdcParseResult {
    if (!parser.layout) {
      throw new AppError('VALIDATION_FAILED', 'The file is empty: no CTDC header row', {
        reason: 'CTDC_UNKNOWN_LAYOUT',
        issues: [{ path: 'row 1', message: 'missing header row' }],
      });
    }
    return {
      layout: parser.layout,
      header: parser.headerFields,
      records: this.records,
      issues: this.issues,
      isIssueListTruncated: this.isTruncated,
      warnings: parser.warnings,
      rowCount: this.rowCount,
      invalidRowCount: this.invalidRowCount,
    };
  }
}

/**
 * Converts row issues into the platform's error, for callers that must refuse a file with any
 * invalid row (an import commit after a dry run, for instance).
 * @throws AppError VALIDATION_FAILED (reason `CTDC_ROWS_INVALID`) listing every issue as `row N.column`.
 */
export function assertNoCtdcIssues(result: Pick<TCtdcParseResult, 'issues' | 'invalidRowCount'>): void {
  if (result.invalidRowCount === 0) return;
  throw new AppError('VALIDATION_FAILED', `${result.invalidRowCount} CTDC row(s) are invalid`, {
    reason: 'CTDC_ROWS_INVALID',
    issues: result.issues.map((i) => ({ path: `row ${i.row}.${i.column}`, message: `${i.message} (${JSON.stringify(i.value)})` })),
  });
}
