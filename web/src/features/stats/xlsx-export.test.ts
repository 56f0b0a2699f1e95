import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readXlsxSheets } from '../../../../core/files/xlsx-reader.test-support.ts';
import { statsWorkbook, workbookCell } from './xlsx-export.ts';

const notes = (isRightToLeft: boolean) => ({
  lines: [['المؤشر', 'الضحايا المحددون'], ['Threshold', '11']] as const,
  tableSheetName: isRightToLeft ? 'الجدول' : 'Table',
  notesSheetName: isRightToLeft ? 'ملاحظات' : 'Notes',
  isRightToLeft,
});

test('cells: plain digits become numbers; text, suppression notes and formula-looking text stay text', () => {
  const cases: [string, unknown][] = [
    ['42', 42], ['0', 0], ['-3', -3], ['12.5', 12.5], ['', null],
    ['suppressed (< 11)', 'suppressed (< 11)'], ['=1+1', '=1+1'], ['1,234', '1,234'], ['١٢', '١٢'], ['+5', '+5'],
  ];
  for (const [text, expected] of cases) assert.equal(workbookCell(text), expected, text);
});

test('a two-way table round-trips: labels as text (years too), numbers as numbers, Arabic exact, right-to-left sheet', async () => {
  const grid = [
    ['السنة / الجنس', 'أنثى', 'ذكر', 'المجموع'],
    ['2019', '120', 'محجوب (< 11)', '131'],
    ['=HYPERLINK("x")', '15', '40', '55'],
    ['المجموع', '135', '51', '186'],
  ];
  const bytes = await statsWorkbook(grid, notes(true));
  const { sheets } = await readXlsxSheets(bytes);
  assert.deepEqual(sheets.map((s) => s.name), ['الجدول', 'ملاحظات']);
  assert.deepEqual(sheets[0]!.rows, [
    ['السنة / الجنس', 'أنثى', 'ذكر', 'المجموع'],
    ['2019', 120, 'محجوب (< 11)', 131],
    ['=HYPERLINK("x")', 15, 40, 55],
    ['المجموع', 135, 51, 186],
  ]);
  assert.match(sheets[0]!.xml, /rightToLeft="1"/);
  assert.doesNotMatch(sheets[0]!.xml, /<f>/, 'no formula is ever written');
  assert.deepEqual(sheets[1]!.rows, [['المؤشر', 'الضحايا المحددون'], ['Threshold', '11']]);
});

test('a left-to-right workbook is not marked right-to-left', async () => {
  const { sheets } = await readXlsxSheets(await statsWorkbook([['Victims'], ['97750']], notes(false)));
  assert.deepEqual(sheets[0]!.rows, [['Victims'], [97750]]);
  assert.doesNotMatch(sheets[0]!.xml, /rightToLeft="1"/);
});
