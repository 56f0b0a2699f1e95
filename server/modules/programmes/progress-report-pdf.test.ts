import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressReportHtml } from './progress-report-pdf.ts';
import { REPORT_STRINGS } from './progress-report-strings.ts';
import type { TProgressReport, TReportIndicator } from './programmes.schemas.ts';

const LABELS = { en: 'Metric', fr: 'Métrique', es: 'Métrica', ar: 'مقياس' };

function indicator(overrides: Partial<TReportIndicator>): TReportIndicator {
  return {
    id: 'i', nodeId: 'o1', code: 'X', name: 'Indicator', kind: 'manual', unit: 'persons', definitionText: null, direction: 'increase', baseline: null, baselineSuppressed: false,
    target: null, targetIsPlanningFigure: true, actual: null, status: 'noData', metric: null, ratio: null, breakdown: null, ...overrides,
  };
}

const REPORT: TProgressReport = {
  programme: { id: 'p', kind: 'project', name: 'Shelter network', description: null, startsOn: '2026-01-01', endsOn: '2026-12-31', template: null, createdAt: '2026-01-01T00:00:00Z', version: 1, archivedAt: null },
  period: '2026', range: { from: '2026-01-01', to: '2027-01-01' }, generatedAt: '2026-05-04T09:00:00Z',
  nodes: [{ id: 'o1', parentId: null, level: 'goal', code: 'G', title: 'Survivors housed', description: null, version: 1 }],
  indicators: [
    indicator({ code: 'B1', baselineSuppressed: true, target: 6, actual: { value: 23 }, status: 'green' }),
    indicator({
      code: 'R1', kind: 'ratio', unit: 'number', target: 10, actual: { value: null, reason: 'numeratorSuppressed' }, status: 'suppressed',
      ratio: { scale: 100, numerator: { metric: { id: 'justice.funnel', labels: LABELS }, value: { suppressed: true, reason: 'primary' } }, denominator: { metric: { id: 'cases.identified', labels: LABELS }, value: { value: 240 } } },
    }),
    indicator({ code: 'R2', kind: 'ratio', unit: 'number', target: 10, actual: { value: 37.5 }, status: 'green', ratio: { scale: 1000, numerator: { metric: { id: 'a', labels: LABELS }, value: { value: 12 } }, denominator: { metric: { id: 'b', labels: LABELS }, value: { value: 320 } } } }),
  ],
  summary: { green: 2, amber: 0, red: 0, noTarget: 0, noData: 0, suppressed: 1 },
  disclosure: { method: 'suppression', threshold: 11, baselines: 'countsBelowThresholdHidden', targets: 'planningFigures' },
};

const rowOf = (html: string, code: string) => html.split('<tr>').find((r) => r.includes(`<td>${code}</td>`)) ?? '';

for (const language of ['en', 'fr', 'es', 'ar'] as const) {
  test(`progress report HTML (${language}): hidden baselines and ratios read "hidden", targets carry the planning-figure note, ratios their scale`, () => {
    const html = progressReportHtml(REPORT, language);
    const s = REPORT_STRINGS[language];
    assert.ok(html.includes(s.planningNote));
    const b1 = rowOf(html, 'B1');
    assert.ok(b1.includes(`<td class="number">${s.hidden}</td>`), b1);
    const r1 = rowOf(html, 'R1');
    assert.ok(r1.includes(s.hidden) && r1.includes(s.per('100')), r1);
    assert.ok(!r1.includes('240'), 'a term is never printed in the row');
    const r2 = rowOf(html, 'R2');
    const format = new Intl.NumberFormat(`${language}-u-nu-latn`, { maximumFractionDigits: 1 });
    assert.ok(r2.includes(format.format(37.5)) && r2.includes(s.per(format.format(1000))), r2);
  });
}
