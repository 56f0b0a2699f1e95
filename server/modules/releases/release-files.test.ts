import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportHtml, buildTablesCsv, releaseFileName, type TReleaseForFiles } from './release-files.ts';
import type { TReleaseTable } from './releases.schemas.ts';

const same = (text: string) => ({ en: text, fr: text, es: text, ar: text });

const TABLE: TReleaseTable = {
  metric: { id: 'm', unit: 'persons', labels: same('=cmd|calc') },
  dimensions: [{ id: 'sex', labels: same('Sex'), categories: [{ key: 'female', labels: same('Female') }, { key: null, labels: same('@not recorded') }] }],
  filters: {},
  values: { cells: [[{ value: 30 }], [{ suppressed: true, reason: 'primary' }]], rowTotals: [{ value: 30 }, { suppressed: true, reason: 'primary' }], columnTotals: [{ suppressed: true, reason: 'secondary' }], total: { suppressed: true, reason: 'secondary' } },
  notes: {},
};

const RELEASE: TReleaseForFiles = {
  id: '12345678-aaaa-bbbb-cccc-1234567890ab', title: 'Víctimas <2020>', language: 'es', disclosureMethod: 'suppression', disclosureParameters: { method: 'suppression', threshold: 11 },
  result: { kind: 'tables', tables: [TABLE] }, datasetIds: ['run-1'], preparedAt: new Date('2026-01-02T03:04:05Z'), publishedAt: null, epsilonSpent: null, deltaSpent: null,
};

test('the tidy CSV: BOM, CRLF, formula guard on every text cell, suppressed cells empty with a reason', () => {
  const csv = buildTablesCsv(RELEASE, [TABLE]);
  assert.ok(csv.startsWith('\uFEFFCuadro,Indicador,Dimensión 1,Categoría 1,Dimensión 2,Categoría 2,Valor,Estado\r\n'));
  assert.ok(csv.endsWith('\r\n'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[1], "1,'=cmd|calc,Sex,Female,,,30,");
  assert.equal(lines[2], "1,'=cmd|calc,Sex,'@not recorded,,,,suppressed: small count".replace('suppressed: small count', 'suprimido: recuento pequeño'));
  assert.equal(lines[3], "1,'=cmd|calc,Sex,Total,,,,suprimido: protege otra celda");
  assert.equal(lines.length, 5, 'two cells, the total, and the final line break');
});

test('file names are ASCII slugs with the release id, drafts marked', () => {
  assert.equal(releaseFileName(RELEASE, 'pdf', false), 'victimas-2020-12345678.pdf');
  assert.equal(releaseFileName({ ...RELEASE, title: 'الضحايا' }, 'csv', true), 'release-12345678-draft.csv');
});

test('the report escapes the title and states the method in the release language', () => {
  const html = buildReportHtml(RELEASE, true);
  assert.match(html, /<html lang="es" dir="ltr">/);
  assert.match(html, /Víctimas &lt;2020&gt;/);
  assert.match(html, /BORRADOR/);
  assert.match(html, /Los recuentos inferiores a 11 se suprimen/);
  assert.ok(!html.includes('<2020>'));
});
