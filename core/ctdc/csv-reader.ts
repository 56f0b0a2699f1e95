/**
 * A small RFC 4180 tokenizer that accepts text in chunks of any size and yields records as soon
 * as they are complete, so an import can stream a file without holding it whole. It understands
 * quoted fields, doubled quotes, delimiters and line breaks inside quotes, and CRLF / LF / CR
 * line ends (a CRLF split across two chunks included). It never throws on malformed input:
 * structural problems are attached to the record so that the caller can report every row.
 */

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

export interface TCsvReaderOptions {
  /** One character; `;` for CTDC files, `,` for most others, `\t` for TSV. */
  delimiter?: string;
}

export interface TCsvStructuralIssue {
  /** 0-based index of the field where the problem was seen. */
  field: number;
  message: string;
}

export interface TCsvRecord {
  fields: string[];
  /** 1-based record number: the header is record 1 in a file with a header. */
  record: number;
  /** 1-based physical line where the record starts (differs from `record` after quoted line breaks). */
  line: number;
  /** Present only when the record is malformed; the fields are still the best reading. */
  issues?: TCsvStructuralIssue[];
  /**
   * The record's text without the line break that ends it, when it was well-formed, within one
   * chunk, and held no line break (CR or LF) of its own: two records with the same text have the
   * same fields, so a reader of repetitive data can recognise a line it has seen before.
   */
  text?: string;
}

/** Tokenizer states (plain numbers: enums are not erasable syntax). */
const State = {
  FieldStart: 0,
  Unquoted: 1,
  Quoted: 2,
  /** Saw a quote inside a quoted field: either the closing quote or the first of a doubled pair. */
  QuoteInQuoted: 3,
} as const;
type TState = (typeof State)[keyof typeof State];

/**
 * Incremental reader. `push` returns the records completed by the chunk; `end` flushes the last
 * record (a file need not end with a line break). One instance reads one file.
 */
export class CsvReader {
  private readonly delimiter: number;
  private readonly delimiterText: string;
  private state: TState = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private issues: TCsvStructuralIssue[] = [];
  private recordNo = 0;
  private line = 1;
  private recordLine = 1;
  /** A CR ended the last record; an LF at the start of the next chunk belongs to it. */
  private skipLf = false;
  private isFirstChunk = true;
  private isEnded = false;
  /** Where the current record began in the chunk being read; -1 when it began in an earlier one. */
  private recordStart = -1;
  /**
   * The text (without its line break) and fields of the last record, when it lay within one
   * chunk on one line without issues. Data files repeat lines, often one after the other (more
   * than half the lines of the real CTDC file repeat the line before), and the same text always
   * reads as the same fields, so a repeated line is compared, not split again.
   */
  private lastLine: string | null = null;
  private lastFields: string[] = [];
  /** Where the next LF, quote and CR of the current chunk are (see {@link nextIndex}). */
  private nextLf = UNKNOWN;
  private nextQuote = UNKNOWN;
  private nextCr = UNKNOWN;

  constructor(options: TCsvReaderOptions = {}) {
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
      throw new RangeError(`invalid CSV delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
  }

  /** Consumes one chunk and returns the records it completed. */
  push(chunk: string): TCsvRecord[] {
    if (this.isEnded) throw new Error('CsvReader.push after end');
    const out: TCsvRecord[] = [];
    let s = chunk;
    if (this.isFirstChunk && s.length > 0) {
      this.isFirstChunk = false;
      // A UTF-8 byte-order mark decoded as text; spreadsheet exports add it.
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const n = s.length;
    const d = this.delimiter;
    let i = 0;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    this.recordStart = this.isAtRecordStart() ? i : -1;
    this.nextLf = UNKNOWN;
    this.nextQuote = UNKNOWN;
    this.nextCr = UNKNOWN;
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          if (this.isAtRecordStart()) {
            const repeatEnd = this.repeatedLineEnd(s, i);
            if (repeatEnd >= 0) {
              this.recordNo += 1;
              out.push({ fields: this.lastFields.slice(), record: this.recordNo, line: this.recordLine, text: this.lastLine! });
              i = this.afterLineBreak(s, repeatEnd);
              this.recordStart = i;
              break;
            }
            const plainEnd = this.readPlainLine(s, i, out);
            if (plainEnd >= 0) {
              i = plainEnd;
              this.recordStart = i;
              break;
            }
            this.recordStart = i;
          }
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.state = State.Quoted;
            i++;
          } else if (c === d) {
            this.fields.push('');
            i++;
          } else if (c === CR || c === LF) {
            i = this.endRecord(s, i, out);
          } else {
            this.state = State.Unquoted;
          }
          break;
        }
        case State.Unquoted: {
          let j = i;
          // Tight scan: most fields are short and unquoted.
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === d || c === CR || c === LF || c === QUOTE) break;
            j++;
          }
          if (j > i) this.field += s.slice(i, j);
          i = j;
          if (j === n) break;
          const c = s.charCodeAt(j);
          if (c === d) {
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            i++;
          } else if (c === QUOTE) {
            // RFC 4180 forbids a quote inside an unquoted field; keep it literally and say so.
            this.issue('quote character inside an unquoted field');
            this.field += '"';
            i++;
          } else {
            i = this.endRecord(s, i, out);
          }
          break;
        }
        case State.Quoted: {
          const j = s.indexOf('"', i);
          const end = j < 0 ? n : j;
          if (end > i) {
            const part = s.slice(i, end);
            this.field += part;
            this.line += countLineFeeds(part);
          }
          if (j < 0) {
            i = n;
          } else {
            this.state = State.QuoteInQuoted;
            i = j + 1;
          }
          break;
        }
        case State.QuoteInQuoted: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else if (c === d) {
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            i++;
          } else if (c === CR || c === LF) {
            i = this.endRecord(s, i, out);
          } else {
            this.issue('text after the closing quote of a quoted field');
            this.state = State.Unquoted;
          }
          break;
        }
      }
    }
    return out;
  }

  /** Flushes the final record, reporting an unterminated quote. Returns at most one record. */
  end(): TCsvRecord[] {
    if (this.isEnded) return [];
    this.isEnded = true;
    const isPending = this.state !== State.FieldStart || this.fields.length > 0 || this.field !== '';
    if (!isPending) return [];
    if (this.state === State.Quoted) this.issue('unterminated quoted field at end of input');
    const out: TCsvRecord[] = [];
    this.emit(out);
    return out;
  }

  private issue(message: string): void {
    this.issues.push({ field: this.fields.length, message });
  }

  private emit(out: TCsvRecord[]): void {
    this.fields.push(this.field);
    this.recordNo += 1;
    const record: TCsvRecord = { fields: this.fields, record: this.recordNo, line: this.recordLine };
    if (this.issues.length > 0) record.issues = this.issues;
    out.push(record);
    this.fields = [];
    this.field = '';
    this.issues = [];
    this.state = State.FieldStart;
  }

  private isAtRecordStart(): boolean {
    return this.state === State.FieldStart && this.fields.length === 0 && this.field === '';
  }

  /**
   * Reads a whole line at `i` without a quote in it (most lines of a data file) with one native
   * split instead of the character loop, and returns the index after its line break; -1 (nothing
   * read) when the line has a quote, a lone CR, or does not end within this chunk.
   */
  private readPlainLine(s: string, i: number, out: TCsvRecord[]): number {
    // Each search resumes past the last one found, so a chunk is scanned once whatever its line
    // ends (a file of CR-only lines would otherwise be searched to its end for an LF at every line).
    const lf = (this.nextLf = nextIndex(s, '\n', i, this.nextLf));
    if (lf < 0) return -1;
    const quote = (this.nextQuote = nextIndex(s, '"', i, this.nextQuote));
    if (quote >= 0 && quote < lf) return -1;
    const cr = (this.nextCr = nextIndex(s, '\r', i, this.nextCr));
    let breakAt = lf;
    if (cr >= 0 && cr < lf) {
      // Only a CRLF ending is read here; a CR inside the line ends a record of its own.
      if (cr !== lf - 1) return -1;
      breakAt = cr;
    }
    const text = s.slice(i, breakAt);
    const fields = text.split(this.delimiterText);
    this.recordNo += 1;
    out.push({ fields, record: this.recordNo, line: this.recordLine, text });
    this.lastLine = text;
    this.lastFields = fields.slice();
    return this.afterLineBreak(s, breakAt);
  }

  /** The index of the line break ending a repeat of the last line at `i`, or -1. */
  private repeatedLineEnd(s: string, i: number): number {
    const last = this.lastLine;
    if (last === null || !s.startsWith(last, i)) return -1;
    const end = i + last.length;
    if (end >= s.length) return -1;
    const c = s.charCodeAt(end);
    return c === CR || c === LF ? end : -1;
  }

  /** Ends the record at the line break at `i`; returns the index after the break. */
  private endRecord(s: string, i: number, out: TCsvRecord[]): number {
    const text = this.recordStart >= 0 && this.issues.length === 0 ? s.slice(this.recordStart, i) : null;
    // A quoted line break (LF or a lone CR) makes a record that is not one line.
    const isPlainLine = text !== null && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
    this.lastLine = isPlainLine ? text : null;
    this.emit(out);
    if (isPlainLine) {
      const record = out[out.length - 1]!;
      record.text = this.lastLine!;
      // A copy: the caller owns the fields it is given.
      this.lastFields = record.fields.slice();
    }
    return this.afterLineBreak(s, i);
  }

  /** Consumes the line break at `i` (CR, LF or CRLF, even split across chunks); returns the index after it. */
  private afterLineBreak(s: string, i: number): number {
    let next = i + 1;
    if (s.charCodeAt(i) === CR) {
      if (next < s.length) {
        if (s.charCodeAt(next) === LF) next++;
      } else {
        this.skipLf = true;
      }
    }
    this.line += 1;
    this.recordLine = this.line;
    return next;
  }
}

/** A position not searched for yet in this chunk; -1 means "none left in this chunk". */
const UNKNOWN = -2;

/**
 * The first `ch` at or after `from`, given where the last search found one (`known`): that
 * answer stands while it is still ahead, and "none left" stays true for the rest of the chunk.
 */
function nextIndex(s: string, ch: string, from: number, known: number): number {
  if (known === -1 || known >= from) return known;
  return s.indexOf(ch, from);
}

function countLineFeeds(text: string): number {
  let count = 0;
  let at = text.indexOf('\n');
  while (at >= 0) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}

/**
 * Reads CSV text given as a sequence of chunks (for example the pieces of a stream).
 * @param chunks text in order; chunk boundaries may fall anywhere, even inside `\r\n` or `""`.
 * @param options delimiter (default `,`).
 * @throws RangeError for an invalid delimiter; malformed CSV is reported on the records instead.
 */
export function* readCsvChunks(chunks: Iterable<string>, options: TCsvReaderOptions = {}): Generator<TCsvRecord> {
  const reader = new CsvReader(options);
  for (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}

/** Async variant of {@link readCsvChunks} for `AsyncIterable<string>` sources such as file streams. */
export async function* readCsvStream(
  chunks: AsyncIterable<string>,
  options: TCsvReaderOptions = {},
): AsyncGenerator<TCsvRecord> {
  const reader = new CsvReader(options);
  for await (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}

/** Convenience for whole strings: every record's fields. */
export function readCsv(text: string, options: TCsvReaderOptions = {}): string[][] {
  return [...readCsvChunks([text], options)].map((r) => r.fields);
}

/**
 * Guesses the delimiter from the first line: whichever of `;`, `,` and tab occurs most often
 * outside quotes. CTDC's own files use `;`, third-party copies `,`, the 2021 synthetic file tab.
 */
export function sniffCsvDelimiter(firstChunk: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let isQuoted = false;
  for (let i = 0; i < firstChunk.length; i++) {
    const ch = firstChunk[i]!;
    if (ch === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (ch === '\n' || ch === '\r')) break;
    else if (!isQuoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t']) return ';';
  return counts[','] >= counts['\t'] ? ',' : '\t';
}
