import { lazy, Suspense, useMemo, useState } from 'react';
import { Button } from '../../components/button.tsx';
import { NOT_DISPLAYED } from '../../i18n/index.ts';
import { downloadBytes, downloadText, fileSlug, toCsv } from './csv.ts';
import { useValueFormat, valueKindOf } from './format.ts';
import { useStatsTranslation } from './i18n.ts';
import { StatsTable } from './stats-table.tsx';
import { buildChartModel, buildTableModel, tableGrid } from './table-model.ts';
import type { TStatsResult } from './types.ts';
import { statsWorkbook } from './xlsx-export.ts';

// ECharts is most of the page's weight (~0.5 MB minified even with only bars, lines and the SVG
// renderer): it loads in its own chunk, so the picker, the table and the import form do not wait for it.
const StatsChart = lazy(() => import('./stats-chart.tsx').then((m) => ({ default: m.StatsChart })));

type TStatsResultProps = {
  result: TStatsResult;
  /** True while a newer table is being computed (the shown one is then out of date). */
  isUpdating: boolean;
};

/**
 * One protected table as a chart, a table and a CSV file, with the disclosure control that was
 * applied and the SQL that produced the counts. All three views come from the same table model.
 */
export function StatsResultView({ result, isUpdating }: TStatsResultProps) {
  const { t, i18n } = useStatsTranslation();
  const language = i18n.language;
  const valueKind = valueKindOf(result.metric);
  const formatNumber = useValueFormat(language, valueKind);
  const formatCount = useValueFormat(language, 'count');
  const model = useMemo(() => buildTableModel(result, language), [result, language]);
  const chart = useMemo(() => buildChartModel(model), [model]);
  const { threshold } = result.disclosure;
  const title = model.dimensionLabels.length === 0 ? model.metricLabel : t('result.titleBy', { metric: model.metricLabel, dimensions: model.dimensionLabels.join(' × ') });
  const hasValues = chart.series.some((s) => s.values.some((v) => v !== null));

  const [isPreparingWorkbook, setPreparingWorkbook] = useState(false);
  const fileName = fileSlug([result.metric.id, ...result.dimensions.map((d) => d.id)].join('-'));

  /** The table as files hold it: plain digits and no bidi isolates (programs read them as much as people). */
  function fileGrid(): string[][] {
    return tableGrid(model, {
      suppressed: (reason) => (reason === 'primary' ? t('table.suppressedPrimary', { threshold, ...NOT_DISPLAYED }) : t('table.suppressedSecondary')),
      total: t('table.total'),
      formatNumber: String,
      unavailable: (reason) => t(`table.rateGap.${reason}`),
    });
  }

  function handleDownloadCsv() {
    downloadText(toCsv(fileGrid()), `${fileName}.csv`);
  }

  async function handleDownloadXlsx() {
    setPreparingWorkbook(true);
    try {
      const bytes = await statsWorkbook(fileGrid(), {
        tableSheetName: t('workbook.tableSheet'),
        notesSheetName: t('workbook.notesSheet'),
        isRightToLeft: i18n.dir(language) === 'rtl',
        lines: [
          [t('workbook.statistic'), title],
          [t('workbook.unit'), t(valueKind === 'percent' ? 'units.percent' : `units.${result.metric.unit}`)],
          [t('picker.scope'), t(result.scope === 'national' ? 'picker.scopeNational' : 'picker.scopeOrganisation')],
          [t('workbook.disclosure'), t('disclosure.method', { threshold, ...NOT_DISPLAYED })],
          [t('workbook.hiddenCells'), `${result.disclosure.primaryCount} + ${result.disclosure.secondaryCount}`],
          [t('workbook.producedAt'), new Date().toISOString().slice(0, 10)],
        ],
      });
      downloadBytes(bytes, `${fileName}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } finally {
      setPreparingWorkbook(false);
    }
  }

  return (
    <section className="section stats-result" aria-labelledby="stats-result-title" aria-busy={isUpdating || undefined}>
      <h2 className="section__title" id="stats-result-title">
        {title}
      </h2>
      <p className="muted">{t(valueKind === 'percent' ? 'units.percent' : `units.${result.metric.unit}`)}</p>
      {result.scope === 'national' && <p className="stats-note">{t('result.national')}</p>}

      <figure className="stats-figure">
        {hasValues ? (
          <Suspense fallback={<div className="stats-chart__canvas stats-chart__loading">{t('common.loading')}</div>}>
            <StatsChart chart={chart} formatNumber={formatNumber} label={t('chart.label', { title, ...NOT_DISPLAYED })} />
          </Suspense>
        ) : (
          <p className="stats-chart__empty">{t('chart.nothingToDraw')}</p>
        )}
        {hasValues && (
          <figcaption className="muted">
            {chart.kind === 'funnel' ? t('chart.funnel') : chart.kind === 'line' ? t('chart.timeSeries') : chart.isStacked ? t('chart.stackedBars') : t('chart.bars')}
            {chart.suppressedCount > 0 && ` ${t('chart.gaps')}`}
            {chart.droppedUnrecordedYear && ` ${t('chart.noYearInTable')}`}
          </figcaption>
        )}
      </figure>

      <StatsTable model={model} threshold={threshold} formatNumber={formatNumber} caption={title} />

      <div className="stats-downloads">
        <Button variant="secondary" onClick={handleDownloadCsv}>
          {t('download.csv')}
        </Button>
        <Button variant="secondary" busy={isPreparingWorkbook} busyLabel={t('download.preparing')} onClick={() => void handleDownloadXlsx()}>
          {t('download.xlsx')}
        </Button>
        <span className="muted">{t('download.hint')}</span>
      </div>

      <div className="stats-disclosure" role="note" aria-labelledby="stats-disclosure-title">
        <h3 className="stats-disclosure__title" id="stats-disclosure-title">
          {t('disclosure.title')}
        </h3>
        <p>{t('disclosure.method', { threshold })}</p>
        {result.disclosure.zeros === 'sensitive' && <p>{t('disclosure.zerosSensitive')}</p>}
        <dl className="details details--grid">
          <div>
            <dt>{t('disclosure.primary', { threshold })}</dt>
            <dd>
              <bdi dir="ltr">{formatCount(result.disclosure.primaryCount)}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('disclosure.secondary')}</dt>
            <dd>
              <bdi dir="ltr">{formatCount(result.disclosure.secondaryCount)}</bdi>
            </dd>
          </div>
          {result.disclosure.groupedCategoryCount > 0 && (
            <div>
              <dt>{t('disclosure.grouped')}</dt>
              <dd>
                <bdi dir="ltr">{formatCount(result.disclosure.groupedCategoryCount)}</bdi>
              </dd>
            </div>
          )}
        </dl>
      </div>

      <details className="stats-sql">
        <summary>{t('sql.show')}</summary>
        <p className="muted">{t('sql.explained')}</p>
        <pre className="stats-sql__text" dir="ltr">
          <code>{result.sql.text}</code>
        </pre>
        {result.sql.parameters.length > 0 && (
          <>
            <h3 className="stats-sql__title">{t('sql.parameters')}</h3>
            <ol className="stats-sql__parameters" dir="ltr">
              {result.sql.parameters.map((parameter, index) => (
                <li key={index}>
                  <code>{`$${index + 1} = ${JSON.stringify(parameter)}`}</code>
                </li>
              ))}
            </ol>
          </>
        )}
      </details>
    </section>
  );
}
