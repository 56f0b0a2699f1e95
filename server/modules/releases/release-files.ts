/**
 * The files of a release: a CSV (tidy: one line per cell and total; formula-injection guard,
 * UTF-8 BOM), an XLSX workbook (one sheet per table plus the methodology) and a PDF report with
 * charts and methodology notes printed by Chromium, all in the release's language. A published
 * release's files are generated once and stored; a draft's are generated for preview only and
 * say so on every page.
 */
import { formatCsvRecord } from '../../../core/ctdc/index.ts';
import { escapeHtml, htmlDocument } from '../../pdf/html-document.ts';
import { renderChartSvg } from '../../pdf/chart-svg.ts';
import { renderPdf } from '../../pdf/render-pdf.ts';
import { METHOD_NAMES, methodology, word, type TMethodologyKey } from './report-dictionary.ts';
import type { TRecordLevelSummary, TReleaseCell, TReleaseFormat, TReleaseLanguage, TReleaseResult, TReleaseTable } from './releases.schemas.ts';
import { writeXlsx, type TXlsxCell, type TXlsxSheet } from '../../../core/files/xlsx-writer.ts';

export interface TReleaseForFiles {
  id: string;
  title: string;
  language: TReleaseLanguage;
  disclosureMethod: 'suppression' | 'rounding' | 'differentialPrivacy' | 'kAnonymity';
  disclosureParameters: Readonly<Record<string, unknown>>;
  result: TReleaseResult;
  datasetIds: readonly string[];
  preparedAt: Date;
  publishedAt: Date | null;
  epsilonSpent: string | null;
  deltaSpent: string | null;
}

export interface TReleaseFileContent {
  format: TReleaseFormat;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export const MEDIA_TYPES: Record<TReleaseFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const UTF8_BOM = '\uFEFF';

/** A file name from the title: ASCII letters, digits and dashes, plus the release id's first block. */
export function releaseFileName(release: Pick<TReleaseForFiles, 'id' | 'title'>, format: TReleaseFormat, isDraft: boolean): string {
  const slug = release.title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'release';
  return `${slug}-${release.id.slice(0, 8)}${isDraft ? '-draft' : ''}.${format}`;
}

const cellText = (language: TReleaseLanguage, cell: TReleaseCell): { value: string; status: string } =>
  'value' in cell ? { value: String(cell.value), status: '' } : { value: '', status: word(language, cell.reason === 'primary' ? 'suppressedPrimary' : 'suppressedSecondary') };

/** Every cell and total of a table, with the categories it belongs to (null = the total over a dimension). */
function* tableEntries(table: TReleaseTable): Generator<{ cell: TReleaseCell; labels: (TReleaseTable['dimensions'][number]['categories'][number] | null)[] }> {
  const values = table.values;
  if (!values) return;
  const [first, second] = table.dimensions;
  const rows = first?.categories ?? [null];
  const columns = second?.categories ?? [null];
  for (let i = 0; i < rows.length && values.cells.length > 0; i++) {
    for (let j = 0; j < columns.length; j++) yield { cell: values.cells[i]![j]!, labels: [rows[i] ?? null, columns[j] ?? null] };
    if (second) yield { cell: values.rowTotals[i]!, labels: [rows[i]!, null] };
  }
  if (first && second) for (let j = 0; j < columns.length; j++) yield { cell: values.columnTotals[j]!, labels: [null, columns[j]!] };
  if (first) yield { cell: values.total, labels: [null, null] };
  else if (values.cells.length === 0) yield { cell: values.total, labels: [null, null] };
}

function methodologyText(release: TReleaseForFiles): string {
  const p = release.disclosureParameters;
  const tables = release.result.kind === 'tables' ? release.result.tables.length : 0;
  const key: TMethodologyKey = release.disclosureMethod === 'differentialPrivacy' ? (p.mechanism as 'discreteLaplace' | 'discreteGaussian') : release.disclosureMethod;
  return methodology(release.language, key, {
    threshold: String(p.threshold ?? ''), base: String(p.base ?? ''),
    epsilon: release.epsilonSpent ?? String(p.epsilon ?? ''), delta: release.deltaSpent ?? String(p.delta ?? ''), tables,
    k: String(p.k ?? ''), maxSuppressionPercent: typeof p.maxSuppressionRate === 'number' ? String(Math.round(p.maxSuppressionRate * 1000) / 10) : '',
  });
}

function tableTitle(language: TReleaseLanguage, table: TReleaseTable): string {
  const by = table.dimensions.map((d) => d.labels[language]).join(' × ');
  return by ? `${table.metric.labels[language]} ${word(language, 'by')} ${by}` : table.metric.labels[language];
}

function filtersText(language: TReleaseLanguage, table: TReleaseTable): string {
  const entries = Object.entries(table.filters);
  if (entries.length === 0) return word(language, 'none');
  return entries.map(([dimension, keys]) => `${dimension}: ${keys.map((k) => k ?? '∅').join(', ')}`).join('; ');
}

/** The tidy CSV of a tables release. */
export function buildTablesCsv(release: TReleaseForFiles, tables: readonly TReleaseTable[]): string {
  const { language } = release;
  const header = [word(language, 'table'), word(language, 'metric'), `${word(language, 'dimension')} 1`, `${word(language, 'category')} 1`, `${word(language, 'dimension')} 2`, `${word(language, 'category')} 2`, word(language, 'value'), word(language, 'status')];
  const lines = [formatCsvRecord(header)];
  tables.forEach((table, t) => {
    for (const entry of tableEntries(table)) {
      const dims = [0, 1].flatMap((axis) => {
        const dimension = table.dimensions[axis];
        if (!dimension) return ['', ''];
        const category = entry.labels[axis];
        return [dimension.labels[language], category ? category.labels[language] : word(language, 'total')];
      });
      const { value, status } = cellText(language, entry.cell);
      lines.push(formatCsvRecord([String(t + 1), table.metric.labels[language], ...dims, value, status]));
    }
  });
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** One sheet per table as a cross-tabulation, suppressed cells marked `x`. */
function tableSheet(language: TReleaseLanguage, table: TReleaseTable, index: number): TXlsxSheet {
  const mark = (cell: TReleaseCell): TXlsxCell => ('value' in cell ? cell.value : word(language, 'suppressedMark'));
  const rows: TXlsxCell[][] = [[tableTitle(language, table)], [`${word(language, 'filters')}: ${filtersText(language, table)}`], []];
  const values = table.values;
  const [first, second] = table.dimensions;
  if (values && values.cells.length > 0) {
    rows.push([first ? first.labels[language] : '', ...(second ? second.categories.map((c) => c.labels[language]) : [word(language, 'value')]), ...(second ? [word(language, 'total')] : [])]);
    values.cells.forEach((cellsOfRow, i) => {
      rows.push([first ? first.categories[i]!.labels[language] : word(language, 'all'), ...cellsOfRow.map(mark), ...(second ? [mark(values.rowTotals[i]!)] : [])]);
    });
    if (first) rows.push([word(language, 'total'), ...(second ? values.columnTotals.map(mark) : []), mark(values.total)]);
  } else if (values) {
    rows.push([word(language, 'total'), mark(values.total)]);
  }
  rows.push([], [word(language, 'legend')]);
  return { name: `${word(language, 'table')} ${index + 1}`, rows, isRightToLeft: language === 'ar', columnWidths: [32, ...Array.from({ length: (second?.categories.length ?? 1) + 1 }, () => 14)] };
}

function aboutSheet(release: TReleaseForFiles): TXlsxSheet {
  const { language } = release;
  const rows: TXlsxCell[][] = [
    [release.title],
    [word(language, 'release'), release.id],
    [word(language, 'preparedAt'), release.preparedAt.toISOString()],
    [word(language, 'publishedAt'), release.publishedAt?.toISOString() ?? word(language, 'draft')],
    [word(language, 'datasets'), release.datasetIds.join(', ')],
    [word(language, 'method'), METHOD_NAMES[release.disclosureMethod][language]],
    ...(release.epsilonSpent ? [[word(language, 'privacySpent'), `ε = ${release.epsilonSpent}; δ = ${release.deltaSpent ?? '0'}`]] : []),
    [],
    [word(language, 'methodology')],
    [methodologyText(release)],
  ];
  return { name: word(language, 'methodology'), rows, isRightToLeft: language === 'ar', columnWidths: [36, 90] };
}

export async function buildTablesXlsx(release: TReleaseForFiles, tables: readonly TReleaseTable[]): Promise<Uint8Array> {
  return writeXlsx([...tables.map((table, i) => tableSheet(release.language, table, i)), aboutSheet(release)]);
}

function chartFor(language: TReleaseLanguage, table: TReleaseTable): string {
  const values = table.values;
  const [first, second] = table.dimensions;
  if (!values || !first || values.cells.length === 0) return '';
  const numberOf = (cell: TReleaseCell) => ('value' in cell ? cell.value : '-');
  const categories = first.categories.map((c) => c.labels[language]);
  const series = second
    ? second.categories.map((c, j) => ({ type: 'bar', stack: 'all', name: c.labels[language], data: values.cells.map((row) => numberOf(row[j]!)) }))
    : [{ type: 'bar', name: table.metric.labels[language], data: values.cells.map((row) => numberOf(row[0]!)) }];
  return renderChartSvg({
    textStyle: { fontFamily: 'Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif' },
    legend: second ? { top: 0, type: 'plain' } : undefined,
    grid: { top: second ? 60 : 20, left: 60, right: 20, bottom: 80 },
    xAxis: { type: 'category', data: categories, inverse: language === 'ar', axisLabel: { rotate: categories.length > 6 ? 45 : 0, interval: 0 } },
    yAxis: { type: 'value', position: language === 'ar' ? 'right' : 'left' },
    series,
  }, 640, 340);
}

function tableHtml(language: TReleaseLanguage, table: TReleaseTable): string {
  const values = table.values;
  if (!values) return '';
  const format = new Intl.NumberFormat(language === 'ar' ? 'ar-u-nu-latn' : language);
  const td = (cell: TReleaseCell) => `<td class="number">${'value' in cell ? format.format(cell.value) : word(language, 'suppressedMark')}</td>`;
  const [first, second] = table.dimensions;
  if (!first || values.cells.length === 0) return `<table><tr><th>${escapeHtml(word(language, 'total'))}</th>${td(values.total)}</tr></table>`;
  const head = `<tr><th>${escapeHtml(first.labels[language])}</th>${second ? second.categories.map((c) => `<th class="number">${escapeHtml(c.labels[language])}</th>`).join('') : `<th class="number">${escapeHtml(word(language, 'value'))}</th>`}${second ? `<th class="number">${escapeHtml(word(language, 'total'))}</th>` : ''}</tr>`;
  const body = values.cells.map((row, i) => `<tr><th>${escapeHtml(first.categories[i]!.labels[language])}</th>${row.map(td).join('')}${second ? td(values.rowTotals[i]!) : ''}</tr>`).join('');
  const foot = `<tr><th>${escapeHtml(word(language, 'total'))}</th>${second ? values.columnTotals.map(td).join('') : ''}${td(values.total)}</tr>`;
  return `<table>${head}${body}${foot}</table>`;
}

function recordLevelHtml(language: TReleaseLanguage, summary: TRecordLevelSummary): string {
  const row = (label: string, value: string) => `<tr><th>${escapeHtml(label)}</th><td class="number">${escapeHtml(value)}</td></tr>`;
  return `<table>${row(word(language, 'rowsKept'), String(summary.rowsKept))}${row(word(language, 'rowsSuppressed'), String(summary.rowsSuppressed))}`
    + `${row(word(language, 'informationLoss'), summary.informationLoss.toFixed(3))}${row(word(language, 'smallestGroup'), String(summary.smallestClassSize))}</table>`
    + `<h2>${escapeHtml(word(language, 'generalisation'))}</h2><table>${Object.entries(summary.levels).map(([name, level]) => row(name, String(level))).join('')}</table>`;
}

/** The report's HTML (exposed for tests that check the text without printing). */
export function buildReportHtml(release: TReleaseForFiles, isDraft: boolean): string {
  const { language } = release;
  const meta = [
    [word(language, 'release'), release.id],
    [word(language, 'preparedAt'), release.preparedAt.toISOString().slice(0, 10)],
    ...(release.publishedAt ? [[word(language, 'publishedAt'), release.publishedAt.toISOString().slice(0, 10)]] : []),
    [word(language, 'method'), METHOD_NAMES[release.disclosureMethod][language]],
    ...(release.epsilonSpent ? [[word(language, 'privacySpent'), `ε = ${release.epsilonSpent}, δ = ${release.deltaSpent ?? '0'}`]] : []),
    [word(language, 'datasets'), release.datasetIds.join(', ')],
  ];
  const parts = [
    isDraft ? `<p class="draft">${escapeHtml(word(language, 'draft'))}</p>` : '',
    `<h1>${escapeHtml(release.title)}</h1>`,
    `<table class="meta">${meta.map(([k, v]) => `<tr><th>${escapeHtml(k!)}</th><td>${escapeHtml(v!)}</td></tr>`).join('')}</table>`,
  ];
  if (release.result.kind === 'tables') {
    release.result.tables.forEach((table, i) => {
      parts.push(`<section class="table"><h2>${escapeHtml(`${word(language, 'table')} ${i + 1}. ${tableTitle(language, table)}`)}</h2>`,
        `<p class="muted">${escapeHtml(`${word(language, 'filters')}: ${filtersText(language, table)}`)}</p>`,
        `<div class="chart">${chartFor(language, table)}</div>`, tableHtml(language, table), '</section>');
    });
    if (release.disclosureMethod === 'suppression') parts.push(`<p class="muted">${escapeHtml(word(language, 'legend'))}</p>`);
  } else {
    parts.push(recordLevelHtml(language, release.result.summary));
  }
  parts.push(`<h2>${escapeHtml(word(language, 'methodology'))}</h2><p>${escapeHtml(methodologyText(release))}</p>`);
  return htmlDocument({
    title: release.title,
    language,
    bodyHtml: parts.join('\n'),
    style: '.draft { border: 1pt solid #b00; color: #b00; padding: 2mm; font-weight: bold; } section.table { break-inside: avoid; } table.meta th { width: 35%; }',
  });
}

export async function buildReportPdf(release: TReleaseForFiles, isDraft: boolean): Promise<Uint8Array> {
  return new Uint8Array(await renderPdf(buildReportHtml(release, isDraft)));
}

const encoder = new TextEncoder();

/**
 * One file of a release. `recordCsv` is the k-anonymous records file of a record-level release.
 * @returns null when the release has no file in this format (a record-level release has no workbook).
 */
export async function buildReleaseFile(release: TReleaseForFiles, format: TReleaseFormat, isDraft: boolean, recordCsv?: () => Promise<string>): Promise<TReleaseFileContent | null> {
  const named = (bytes: Uint8Array): TReleaseFileContent => ({ format, fileName: releaseFileName(release, format, isDraft), mediaType: MEDIA_TYPES[format], bytes });
  if (format === 'pdf') return named(await buildReportPdf(release, isDraft));
  if (release.result.kind === 'record_level') {
    if (format !== 'csv' || !recordCsv) return null;
    return named(encoder.encode(`${UTF8_BOM}${await recordCsv()}`));
  }
  if (format === 'csv') return named(encoder.encode(buildTablesCsv(release, release.result.tables)));
  return named(await buildTablesXlsx(release, release.result.tables));
}
