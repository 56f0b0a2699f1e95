import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { columnLetters, escapeXml, writeXlsx } from './xlsx-writer.ts';
import { readXlsxSheets } from './xlsx-reader.test-support.ts';

test('column letters follow A…Z, AA…', () => {
  for (const [index, letters] of [[0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA']] as const) assert.equal(columnLetters(index), letters);
});

test('XML escaping keeps text and drops what XML 1.0 cannot hold', () => {
  assert.equal(escapeXml('a < b & "c" > d'), 'a &lt; b &amp; &quot;c&quot; &gt; d');
  assert.equal(escapeXml('x\u0000y\u0007z\tw'), 'xyz\tw');
});

test('sheet names are made valid and unique', async () => {
  const bytes = await writeXlsx([{ name: 'a/b:c', rows: [] }, { name: 'a b c', rows: [] }, { name: '', rows: [] }]);
  const { sheets } = await readXlsxSheets(bytes);
  assert.deepEqual(sheets.map((s) => s.name), ['a b c', 'a b c 2', 'Sheet 3']);
});

test('the same sheets always give the same bytes', async () => {
  const sheets = [{ name: 'T', rows: [['x', 1], [null, 'الضحايا']] }];
  assert.deepEqual(await writeXlsx(sheets), await writeXlsx(sheets));
});

test('any text and integer cell reads back unchanged (Arabic, markup, formulas included)', async () => {
  const xmlSafe = fc.string({ unit: fc.constantFrom(...'aé ي ح=+-@<>&"\'\u202B,;\n'.split('')), minLength: 1, maxLength: 12 });
  const cell = fc.oneof(xmlSafe, fc.integer({ min: -1e9, max: 1e9 }));
  await fc.assert(fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), async (rows) => {
    const { sheets } = await readXlsxSheets(await writeXlsx([{ name: 'S', rows }]));
    assert.deepEqual(sheets[0]!.rows, rows);
  }), { numRuns: 40 });
});
