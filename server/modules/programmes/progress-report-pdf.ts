/**
 * The progress report as a PDF: title, the actual-against-target chart (ECharts → inline SVG),
 * then one table per outcome with each indicator's baseline, target, actual and light. Only the
 * report's published numbers are printed: a hidden value reads "hidden", never its count.
 */
import { escapeHtml, htmlDocument } from '../../pdf/html-document.ts';
import { renderChartSvg } from '../../pdf/chart-svg.ts';
import { renderPdf } from '../../pdf/render-pdf.ts';
import type { TProgressReport, TReportIndicator } from './programmes.schemas.ts';
import { REPORT_STRINGS, type TReportLanguage } from './progress-report-strings.ts';

const LIGHT_COLOURS: Record<string, string> = { green: '#1a7f37', amber: '#b7791f', red: '#c53030' };

// Western digits in every language: the tables line up and the numbers read the same in all four reports.
const numberFormat = (language: TReportLanguage) => new Intl.NumberFormat(`${language}-u-nu-latn`, { maximumFractionDigits: 1 });

export function progressReportHtml(report: TProgressReport, language: TReportLanguage): string {
  const s = REPORT_STRINGS[language];
  const format = numberFormat(language);
  const number = (value: number | null) => (value === null ? s.none : format.format(value));
  const baselineCell = (i: TReportIndicator) => (i.baselineSuppressed ? s.hidden : number(i.baseline));
  // A ratio without a value: hidden when a term is hidden, a dash when there is nothing to divide by.
  const cell = (actual: TReportIndicator['actual']) => {
    if (actual === null) return s.none;
    if ('suppressed' in actual) return s.hidden;
    if (actual.value === null) return actual.reason === 'denominatorZero' ? s.none : s.hidden;
    return format.format(actual.value);
  };
  const unitOf = (i: TReportIndicator) => (i.ratio ? s.per(format.format(i.ratio.scale)) : s.units[i.unit]);

  const charted = report.indicators.filter((i): i is TReportIndicator & { actual: { value: number } } => i.actual !== null && 'value' in i.actual && i.actual.value !== null && i.target !== null);
  const chart = charted.length === 0 ? '' : `<div class="chart">${renderChartSvg({
    title: { text: s.chartTitle, textStyle: { fontSize: 12 } },
    legend: { bottom: 0, data: [s.actual, s.target] },
    grid: { left: 48, right: 24, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: charted.map((i) => i.code), inverse: language === 'ar' },
    yAxis: { type: 'value', position: language === 'ar' ? 'right' : 'left' },
    series: [
      { name: s.actual, type: 'bar', data: charted.map((i) => i.actual.value), itemStyle: { color: '#2b6cb0' } },
      { name: s.target, type: 'bar', data: charted.map((i) => i.target), itemStyle: { color: '#a0aec0' } },
    ],
  }, 640, 280)}</div>`;

  const rowsOf = (nodeId: string) => report.indicators.filter((i) => i.nodeId === nodeId).map((i) => `<tr>
    <td>${escapeHtml(i.code)}</td><td>${escapeHtml(i.name)}${unitOf(i) ? ` <span class="muted">(${escapeHtml(unitOf(i))})</span>` : ''}</td>
    <td class="number">${baselineCell(i)}</td><td class="number">${number(i.target)}</td><td class="number">${cell(i.actual)}</td>
    <td><span class="light" style="background:${LIGHT_COLOURS[i.status] ?? '#e2e8f0'}"></span> ${escapeHtml(s.statuses[i.status])}</td></tr>`).join('');
  const header = `<tr><th></th><th>${s.indicator}</th><th class="number">${s.baseline}</th><th class="number">${s.target}*</th><th class="number">${s.actual}</th><th>${s.status}</th></tr>`;
  const sections = report.nodes.map((node) => {
    const rows = rowsOf(node.id);
    const heading = `<h2>${escapeHtml(s.levels[node.level])} ${escapeHtml(node.code)}: ${escapeHtml(node.title)}</h2>`;
    return rows ? `${heading}<table>${header}${rows}</table>` : heading;
  }).join('');

  const body = `<h1>${escapeHtml(s.title)}</h1>
<p><strong>${escapeHtml(report.programme.name)}</strong></p>
<p>${escapeHtml(s.period)}: ${escapeHtml(report.period)}</p>
<p class="muted">${escapeHtml(s.generated)}: ${escapeHtml(report.generatedAt.slice(0, 10))}</p>
${chart}
${sections}
<p class="muted">* ${escapeHtml(s.planningNote)}</p>
<p class="muted">${escapeHtml(s.disclosure(report.disclosure.threshold))}</p>`;
  return htmlDocument({
    title: `${s.title} ${report.period}`, language, bodyHtml: body,
    style: '.light { display: inline-block; inline-size: 3mm; block-size: 3mm; border-radius: 50%; vertical-align: middle; }',
  });
}

/** @throws AppError UNAVAILABLE when Chromium is missing */
export function renderProgressReportPdf(report: TProgressReport, language: TReportLanguage): Promise<Buffer> {
  return renderPdf(progressReportHtml(report, language));
}
