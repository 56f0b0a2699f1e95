import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvReader, readCsv, readCsvChunks, sniffCsvDelimiter, type TCsvRecord } from './csv-reader.ts';
import { formatCsvRecord } from './csv-writer.ts';

const fields = (text: string, delimiter = ';'): string[][] => readCsv(text, { delimiter });

test('plain fields, empty fields and a missing final line break', () => {
  assert.deepEqual(fields(';2002;;CO\r\n;2003;Female;'), [
    ['', '2002', '', 'CO'],
    ['', '2003', 'Female', ''],
  ]);
});

test('a trailing line break does not create an empty record', () => {
  assert.deepEqual(fields('a;b\r\n'), [['a', 'b']]);
  assert.deepEqual(fields('a;b\n'), [['a', 'b']]);
  assert.deepEqual(fields(''), []);
});

test('quoted fields hold the delimiter, doubled quotes and line breaks', () => {
  assert.deepEqual(fields('"Threats;Physical abuse";x\r\n"say ""hi""";"line1\r\nline2";"";y'), [
    ['Threats;Physical abuse', 'x'],
    ['say "hi"', 'line1\r\nline2', '', 'y'],
  ]);
});

test('CRLF, LF and lone CR all end records', () => {
  assert.deepEqual(fields('a\r\nb\nc\rd'), [['a'], ['b'], ['c'], ['d']]);
});

test('record and line numbers count the header as 1 and follow quoted line breaks', () => {
  const records = [...readCsvChunks(['h1;h2\r\n"multi\nline";x\r\nlast;y'], { delimiter: ';' })];
  assert.deepEqual(
    records.map((r) => [r.record, r.line]),
    [
      [1, 1],
      [2, 2],
      [3, 4],
    ],
  );
});

test('a byte-order mark before the header is dropped', () => {
  assert.deepEqual(fields('\uFEFFa;b\nc;d'), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
});

test('chunk boundaries inside CRLF, inside a doubled quote and right after a closing quote', () => {
  const reader = new CsvReader({ delimiter: ';' });
  const out = [
    ...reader.push('a;"x"'),
    ...reader.push('"y"'),
    ...reader.push(';b\r'),
    ...reader.push('\nc;"q"'),
    ...reader.push(''),
    ...reader.push('\r'),
    ...reader.push('\nd'),
    ...reader.end(),
  ];
  assert.deepEqual(
    out.map((r) => r.fields),
    [['a', 'x"y', 'b'], ['c', 'q'], ['d']],
  );
});

test('malformed input is reported on the record, never thrown, and reading continues', () => {
  const records = [...readCsvChunks(['ok;"bad"x;y\nab"c;d\n"open;e'], { delimiter: ';' })];
  assert.equal(records.length, 3);
  assert.deepEqual(records[0]!.fields, ['ok', 'badx', 'y']);
  assert.match(records[0]!.issues![0]!.message, /after the closing quote/);
  assert.equal(records[0]!.issues![0]!.field, 1);
  assert.deepEqual(records[1]!.fields, ['ab"c', 'd']);
  assert.match(records[1]!.issues![0]!.message, /quote character inside an unquoted field/);
  assert.deepEqual(records[2]!.fields, ['open;e']);
  assert.match(records[2]!.issues![0]!.message, /unterminated/);
});

test('blank lines are records with one empty field (the codec skips them)', () => {
  assert.deepEqual(fields('a\n\nb'), [['a'], [''], ['b']]);
});

test('delimiter sniffing looks at the first line outside quotes', () => {
  assert.equal(sniffCsvDelimiter('By using this data you agree: https://x;year;gender\r\n;1;2'), ';');
  assert.equal(sniffCsvDelimiter('yearOfRegistration,gender,ageBroad\n'), ',');
  assert.equal(sniffCsvDelimiter('"a,b,c"\tx\ty\n'), '\t');
});

test('an invalid delimiter is refused', () => {
  assert.throws(() => new CsvReader({ delimiter: '"' }), RangeError);
  assert.throws(() => new CsvReader({ delimiter: ';;' }), RangeError);
});

const cellText = fc
  .array(fc.constantFrom('a', 'Z', '9', ';', ',', '"', '\r', '\n', ' ', '=', '-', "'", 'é', '\t', '😀'), { maxLength: 8 })
  .map((cs) => cs.join(''));
const table = fc.array(fc.array(cellText, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 });

test('property: formatted records read back identically, however the text is chunked', () => {
  fc.assert(
    fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
      const text = rows.map((r) => formatCsvRecord(r, { delimiter: ';', guardInjection: false })).join('\r\n');
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const chunks: string[] = [];
      let from = 0;
      for (const p of points) {
        chunks.push(text.slice(from, p));
        from = p;
      }
      chunks.push(text.slice(from));
      const read = [...readCsvChunks(chunks, { delimiter: ';' })];
      assert.deepEqual(
        read.map((r) => r.fields),
        rows,
      );
      assert.ok(read.every((r) => r.issues === undefined));
    }),
    { numRuns: 300 },
  );
});

test('property: repeated lines read exactly as when every character comes alone (which never takes the repeat shortcut)', () => {
  // A small pool, so lines repeat, often one after the other; some are malformed or span lines.
  const line = fc.constantFrom(';2016;Female;;CO', ';2016;Female;;CO', ';2016;Male;"a;b";', '', 'x"y;z', '"open;', '"two\nlines";1', '"cr\rinside";1', ';;;', ';2016;Female;;C');
  // CR-only files too (old Mac exports), which the quote-free fast path must leave to the loop.
  const lineBreak = fc.constantFrom('\r\n', '\n', '\r', '\r', '\r');
  const text = fc.array(fc.tuple(line, lineBreak), { minLength: 1, maxLength: 30 }).map((ls) => ls.map(([l, b]) => l + b).join(''));
  fc.assert(
    fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (body, cuts, isTrimmed) => {
      const input = isTrimmed ? body.replace(/[\r\n]+$/, '') : body;
      const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
      const chunks: string[] = [];
      let from = 0;
      for (const p of points) {
        chunks.push(input.slice(from, p));
        from = p;
      }
      chunks.push(input.slice(from));
      const expected = [...readCsvChunks([...input], { delimiter: ';' })];
      const withoutText = (records: TCsvRecord[]) => records.map(({ text: _text, ...rest }) => rest);
      for (const read of [[...readCsvChunks(chunks, { delimiter: ';' })], [...readCsvChunks([input], { delimiter: ';' })]]) {
        assert.deepEqual(withoutText(read), withoutText(expected));
        // A record's text, when given, is its line: it reads back as the same fields on its own.
        for (const record of read) {
          if (record.text === undefined) continue;
          assert.ok(!/[\r\n]/.test(record.text));
          assert.deepEqual([...readCsvChunks([`${record.text}\n`], { delimiter: ';' })].map((r) => r.fields), [record.fields]);
        }
      }
    }),
    { numRuns: 500 },
  );
});

test('a repeated line gets its own fields array', () => {
  const [first, second] = [...readCsvChunks(['a;b\na;b\n'], { delimiter: ';' })];
  assert.deepEqual(second!.fields, ['a', 'b']);
  first!.fields[0] = 'changed';
  assert.deepEqual(second!.fields, ['a', 'b']);
  const [, , third] = [...readCsvChunks(['a;b\na;b\na;b\n'], { delimiter: ';' })];
  assert.deepEqual(third!.fields, ['a', 'b']);
});
