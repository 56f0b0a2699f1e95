import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatCsvRecord, guardCsvInjection, needsCsvInjectionGuard, quoteCsvField, unguardCsvInjection } from './csv-writer.ts';

test('formula triggers get a leading apostrophe', () => {
  assert.equal(guardCsvInjection('=HYPERLINK("http://x")'), `'=HYPERLINK("http://x")`);
  assert.equal(guardCsvInjection('+cmd'), "'+cmd");
  assert.equal(guardCsvInjection('-2+3'), "'-2+3");
  assert.equal(guardCsvInjection('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(guardCsvInjection('\t=1'), "'\t=1");
  assert.equal(guardCsvInjection('\r=1'), "'\r=1");
});

test('plain numbers, age bands and ordinary text are left alone', () => {
  for (const v of ['-99', '+3', '-1.5', '2016', '0', '0--8', '9--17', '48+', 'Hotline', '', 'Family/Relative; Other', "it's"]) {
    assert.equal(guardCsvInjection(v), v, v);
    assert.equal(needsCsvInjectionGuard(v), false, v);
  }
});

test('values already starting with apostrophes before a trigger gain one more, so the guard is reversible', () => {
  assert.equal(guardCsvInjection("'=x"), "''=x");
  assert.equal(unguardCsvInjection("''=x"), "'=x");
  assert.equal(unguardCsvInjection("'hello"), "'hello");
});

test('property: unguard(guard(v)) === v, and guarded text never starts with a trigger', () => {
  const text = fc.oneof(
    fc.string(),
    fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', 'e', 'a'), { maxLength: 6 }).map((a) => a.join('')),
  );
  fc.assert(
    fc.property(text, (v) => {
      assert.equal(unguardCsvInjection(guardCsvInjection(v)), v);
      // What reaches a spreadsheet never starts with a trigger, unless it is a plain number.
      const guarded = guardCsvInjection(v);
      assert.ok(!/^[=+\-@\t\r]/.test(guarded) || /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(guarded), guarded);
    }),
    { numRuns: 500 },
  );
});

test('RFC 4180 quoting only where required', () => {
  assert.equal(quoteCsvField('a;b', ';'), '"a;b"');
  assert.equal(quoteCsvField('a,b', ';'), 'a,b');
  assert.equal(quoteCsvField('say "x"', ';'), '"say ""x"""');
  assert.equal(quoteCsvField('l1\nl2', ','), '"l1\nl2"');
  assert.equal(formatCsvRecord(['', 'Threats;Other', '=1', '-99'], { delimiter: ';' }), `;"Threats;Other";'=1;-99`);
});
