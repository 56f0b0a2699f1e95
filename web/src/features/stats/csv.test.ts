import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, fileSlug, guardCell, toCsv, UTF8_BOM } from './csv.ts';

// Run: node --import tsx --test web/src/features/stats/csv.test.ts

test('cells that a spreadsheet would run as a formula get a leading apostrophe', () => {
  for (const text of ['=SUM(A1:A9)', '+1+1', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("http://x")']) {
    assert.equal(guardCell(text), `'${text}`, text);
  }
});

test('plain numbers and ordinary text are left alone', () => {
  for (const text of ['12', '-3', '+4', '0.5', '-0.25', 'Female', 'Not recorded', 'غير مسجل', 'suppressed (< 11)', '18–20', '']) {
    assert.equal(guardCell(text), text, text);
  }
});

test('quoting follows RFC 4180 after the guard', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=1,2'), `"'=1,2"`);
  assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
});

test('a file starts with the UTF-8 byte-order mark and ends lines with CRLF', () => {
  const csv = toCsv([['Year / Sex', 'أنثى', 'Total'], ['2016', '43', '=1']]);
  assert.ok(csv.startsWith(UTF8_BOM));
  assert.equal(csv, `${UTF8_BOM}Year / Sex,أنثى,Total\r\n2016,43,'=1\r\n`);
  // The BOM is the three bytes EF BB BF once encoded.
  assert.deepEqual([...new TextEncoder().encode(csv).slice(0, 3)], [0xef, 0xbb, 0xbf]);
});

test('file names keep ASCII letters, digits and dashes', () => {
  assert.equal(fileSlug('ctdc.victims year×sex'), 'ctdc-victims-year-sex');
  assert.equal(fileSlug('Éducation'), 'education');
  assert.equal(fileSlug('الضحايا'), 'statistics');
});
