/**
 * Test-only: reads a workbook back with zip.js and a few regular expressions over the XML, sharing
 * no code with the writer, so a test can check what a spreadsheet program would show.
 */
import { configure, TextWriter, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';

configure({ useWebWorkers: false });

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

export interface TReadSheet {
  name: string;
  xml: string;
  rows: (string | number | null)[][];
}

export async function readXlsxSheets(bytes: Uint8Array): Promise<{ entries: string[]; sheets: TReadSheet[] }> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const entries = await reader.getEntries();
  const text = new Map<string, string>();
  for (const entry of entries) if (!entry.directory && entry.getData) text.set(entry.filename, await entry.getData(new TextWriter()));
  await reader.close();
  const shared = [...(text.get('xl/sharedStrings.xml') ?? '').matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) => unescape(m[1]!));
  const names = [...text.get('xl/workbook.xml')!.matchAll(/<sheet name="([^"]*)" sheetId="(\d+)"/g)].map((m) => unescape(m[1]!));
  const sheets = names.map((name, i) => {
    const xml = text.get(`xl/worksheets/sheet${i + 1}.xml`)!;
    const rows: (string | number | null)[][] = [];
    for (const row of xml.matchAll(/<row r="(\d+)">([\s\S]*?)<\/row>/g)) {
      const cells: (string | number | null)[] = [];
      for (const cell of row[2]!.matchAll(/<c r="([A-Z]+\d+)"( t="s")?><v>([^<]*)<\/v><\/c>/g)) {
        const at = columnIndex(cell[1]!);
        while (cells.length < at) cells.push(null);
        cells[at] = cell[2] ? shared[Number(cell[3])]! : Number(cell[3]);
      }
      rows[Number(row[1]) - 1] = cells;
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return { name, xml, rows };
  });
  return { entries: entries.map((e) => e.filename), sheets };
}
