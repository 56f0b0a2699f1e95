/**
 * RFC 4180 output plus a guard against CSV (formula) injection.
 *
 * Why the guard is shaped this way: spreadsheet programs evaluate a cell that starts with
 * `=`, `+`, `-` or `@` (and some also after a leading tab or CR) as a formula, so text copied
 * from a source file could run `=HYPERLINK(...)` on an analyst's machine. The usual fix is a
 * leading apostrophe, which spreadsheets hide. Two exceptions keep real data intact:
 * - plain numbers such as `-99` or `+3` are not formulas, and CTDC's legacy missing code is `-99`;
 * - CTDC's age bands (`0--8`, `48+`) start with a digit, so they never need the guard, and the
 *   double hyphen is CTDC's own protection against being read as a date, which we must keep.
 * To make the guard exactly reversible, a value that already starts with apostrophes followed by
 * a trigger character gets one more apostrophe; {@link unguardCsvInjection} removes exactly one.
 */

const TRIGGER = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when a spreadsheet could evaluate the cell text as a formula (or hide such a prefix). */
export function needsCsvInjectionGuard(value: string): boolean {
  const c = value.charCodeAt(0);
  // Fast exit for the common case (digits, letters, empty): only ' = + - @ TAB CR can start a trigger.
  if (c !== 39 && c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return false;
  return TRIGGER.test(value) && !PLAIN_NUMBER.test(value);
}

/** Prefixes an apostrophe when the value could be evaluated as a formula; see the file comment. */
export function guardCsvInjection(value: string): string {
  return needsCsvInjectionGuard(value) ? `'${value}` : value;
}

/** Exact inverse of {@link guardCsvInjection}: strips one apostrophe added by the guard. */
export function unguardCsvInjection(value: string): string {
  return value.charCodeAt(0) === 39 && needsCsvInjectionGuard(value.slice(1)) ? value.slice(1) : value;
}

/** Quotes a field when RFC 4180 requires it: it holds the delimiter, a quote, CR or LF. */
export function quoteCsvField(value: string, delimiter: string): string {
  let mustQuote = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === delimiter || ch === '"' || ch === '\r' || ch === '\n') {
      mustQuote = true;
      break;
    }
  }
  return mustQuote ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface TCsvWriteOptions {
  delimiter?: string;
  /** Apply {@link guardCsvInjection} to every field (default true). */
  guardInjection?: boolean;
}

/**
 * Formats one record (without a line ending).
 * @param fields cell texts in column order; empty string is an empty (missing) cell.
 */
export function formatCsvRecord(fields: readonly string[], options: TCsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const shouldGuard = options.guardInjection ?? true;
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += delimiter;
    const raw = fields[i]!;
    if (raw.length === 0) continue;
    out += quoteCsvField(shouldGuard ? guardCsvInjection(raw) : raw, delimiter);
  }
  return out;
}
