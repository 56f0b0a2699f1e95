/**
 * A minimal valid Office Open XML workbook (SpreadsheetML) written with zip.js: content types,
 * relationships, workbook, one worksheet per sheet and a shared-strings table. Text is stored as
 * shared strings (UTF-8 XML, so Arabic is kept exactly as given); numbers as numbers. No formula
 * is ever written, so a cell cannot be evaluated: the CSV-injection problem does not arise.
 * Entries carry a fixed date so the same workbook always gives the same bytes.
 */
import { configure, TextReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

configure({ useWebWorkers: false });

export type TXlsxCell = string | number | null;

export interface TXlsxSheet {
  /** 1–31 characters, none of : \ / ? * [ ]; made unique and valid by the writer. */
  name: string;
  rows: readonly (readonly TXlsxCell[])[];
  isRightToLeft?: boolean;
  /** Column widths in characters, by column index. */
  columnWidths?: readonly number[];
}

const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Escapes text for XML, and drops characters XML 1.0 cannot hold (control characters). */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function sheetNames(sheets: readonly TXlsxSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((sheet, i) => {
    let base = sheet.name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || `Sheet ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    base = name;
    return base;
  });
}

function worksheetXml(sheet: TXlsxSheet, sharedIndex: (text: string) => number): string {
  const rows = sheet.rows.map((row, r) => {
    const cells = row.map((value, c) => {
      if (value === null || value === '') return '';
      const ref = `${columnLetters(c)}${r + 1}`;
      if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
      return `<c r="${ref}" t="s"><v>${sharedIndex(value)}</v></c>`;
    }).join('');
    return `<row r="${r + 1}">${cells}</row>`;
  }).join('');
  const view = `<sheetViews><sheetView workbookViewId="0"${sheet.isRightToLeft ? ' rightToLeft="1"' : ''}/></sheetViews>`;
  const cols = sheet.columnWidths && sheet.columnWidths.length > 0
    ? `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${view}${cols}<sheetData>${rows}</sheetData></worksheet>`;
}

/** Writes the workbook; the result opens in Excel, LibreOffice and Numbers. */
export async function writeXlsx(sheets: readonly TXlsxSheet[]): Promise<Uint8Array> {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet');
  const names = sheetNames(sheets);
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  let references = 0;
  const sharedIndex = (text: string) => {
    references++;
    let i = indexOf.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      indexOf.set(text, i);
    }
    return i;
  };
  const worksheets = sheets.map((sheet) => worksheetXml(sheet, sharedIndex));

  const files: [string, string][] = [
    ['[Content_Types].xml', `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + worksheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      + '</Types>'],
    ['_rels/.rels', `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
      + '</Relationships>'],
    ['xl/workbook.xml', `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>`
      + names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + worksheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
      + `<Relationship Id="rId${worksheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
      + '</Relationships>'],
    ...worksheets.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
    ['xl/sharedStrings.xml', `${XML_HEADER}<sst xmlns="${MAIN_NS}" count="${references}" uniqueCount="${strings.length}">`
      // xml:space="preserve" keeps leading and trailing spaces of labels.
      + strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')
      + '</sst>'],
  ];

  const zip = new ZipWriter(new Uint8ArrayWriter(), { lastModDate: ZIP_DATE, level: 6, extendedTimestamp: false });
  for (const [name, content] of files) await zip.add(name, new TextReader(content));
  return zip.close();
}
