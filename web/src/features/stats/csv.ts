/**
 * CSV files built in the browser. Spreadsheets run a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula, so such text cells get a leading apostrophe (OWASP's guard);
 * plain numbers such as "-3" are left as they are. A UTF-8 byte-order mark makes Excel read the
 * file as UTF-8, so Arabic (and accented) labels show correctly.
 */

/** The UTF-8 byte-order mark, written first. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** One cell made safe to open in a spreadsheet (formula guard), not yet quoted. */
export function guardCell(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell guarded, then quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(text: string): string {
  const safe = guardCell(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV text: BOM first, CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Offers a text as a file download (a Blob URL, no server round trip).
 * @param fileName the suggested name, e.g. "victims-by-year.csv".
 */
export function downloadText(text: string, fileName: string, mimeType = 'text/csv;charset=utf-8'): void {
  downloadBlob(new Blob([text], { type: mimeType }), fileName);
}

/** Offers bytes (e.g. a workbook) as a file download. */
export function downloadBytes(bytes: Uint8Array, fileName: string, mimeType: string): void {
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; the download keeps its own reference.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from free text: lower-case letters, digits and dashes only. */
export function fileSlug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'statistics';
}
