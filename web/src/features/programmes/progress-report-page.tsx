import { lazy, Suspense, useMemo } from 'react';
import { ErrorAlert } from '../../components/alert.tsx';
import { Page } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { formattingLocale } from '../../i18n/index.ts';
import { Link } from '../../router.tsx';
import { seg } from '../../api/client.ts';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useProgrammesTranslation } from './i18n.ts';
import { isHidden, pickLabel } from './labels.ts';
import { programmesPath, useProgressReport } from './queries.ts';
import { buildReportCharts } from './report-chart.ts';
import type { TActual, TIndicatorStatus, TProgressReport, TReportIndicator } from './types.ts';
import './programmes.css';

// ECharts loads in its own chunk (shared with the statistics page), after the table.
const StatsChart = lazy(() => import('../stats/stats-chart.tsx').then((m) => ({ default: m.StatsChart })));

const STATUSES: readonly TIndicatorStatus[] = ['green', 'amber', 'red', 'noTarget', 'noData', 'suppressed'];
/** Each light also carries a sign, so the status reads without colour (and the label says it in words). */
const SIGNS: Record<TIndicatorStatus, string> = { green: '✓', amber: '!', red: '✕', noTarget: '–', noData: '?', suppressed: '⋯' };

function Light({ status }: { status: TIndicatorStatus }) {
  return <span className={`light light--${status}`} aria-hidden="true">{SIGNS[status]}</span>;
}

function useNumberFormat(language: string) {
  return useMemo(() => {
    const format = new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 1 });
    return (value: number) => format.format(value);
  }, [language]);
}

/** `/programmes/:programmeId/reports/:period`: actual against target with traffic lights, and the PDF. */
export function ProgressReportPage({ programmeId, period }: { programmeId: string; period: string }) {
  return <RequireOrg>{(active) => <Report key={active.organisation.id} active={active} programmeId={programmeId} period={period} />}</RequireOrg>;
}

function Report({ active, programmeId, period }: { active: TActiveOrganisation; programmeId: string; period: string }) {
  const { t, i18n } = useProgrammesTranslation();
  const orgId = active.organisation.id;
  const report = useProgressReport(orgId, programmeId, period);
  const language = ['en', 'fr', 'es', 'ar'].includes(i18n.language) ? i18n.language : 'en';
  return (
    <Page title={t('report.title', { period })} intro={report.data ? <bdi>{report.data.programme.name}</bdi> : undefined}>
      <p><Link to={`/programmes/${programmeId}`}>{t('report.back')}</Link></p>
      <ErrorAlert error={report.error} />
      {report.isPending && <p className="muted">{t('common.loading')}</p>}
      {report.data && (
        <>
          <p>
            <a className="button button--secondary" href={programmesPath(orgId, `/${seg(programmeId)}/progress-reports/${seg(period)}.pdf?lang=${language}`)} download>{t('report.download')}</a>
          </p>
          <Summary report={report.data} />
          <Charts report={report.data} />
          <ReportTable report={report.data} />
          <StatusLegend />
          <p className="muted">{t('report.disclosure', { threshold: report.data.disclosure.threshold })} {t('report.targetsNote')}</p>
        </>
      )}
    </Page>
  );
}

function Summary({ report }: { report: TProgressReport }) {
  const { t } = useProgrammesTranslation();
  return (
    <ul className="report-summary" aria-label={t('report.summary')}>
      {STATUSES.filter((s) => report.summary[s] > 0).map((s) => (
        <li key={s} data-summary={s}><Light status={s} /> {t(`statuses.${s}`)}: <bdi dir="ltr">{report.summary[s]}</bdi></li>
      ))}
    </ul>
  );
}

/** How a withheld number reads, as on the statistics page: a marker, never the number. */
function Withheld({ children, reason }: { children: string; reason: string }) {
  return <span className="report-suppressed" data-suppressed={reason}>{children}</span>;
}

function ReportTable({ report }: { report: TProgressReport }) {
  const { t, i18n } = useProgrammesTranslation();
  const format = useNumberFormat(i18n.language);
  const { threshold } = report.disclosure;
  const number = (value: number | null) => (value === null ? '—' : format(value));
  const cell = (value: TActual | null) => {
    if (value === null) return '—';
    if (isHidden(value)) return <Withheld reason={value.reason}>{value.reason === 'primary' ? t('report.hidden', { threshold }) : t('report.hiddenSecondary')}</Withheld>;
    return value.value === null ? <Withheld reason={value.reason}>{t(`report.ratioGap.${value.reason}`)}</Withheld> : format(value.value);
  };
  const row = (indicator: TReportIndicator) => (
    <tr key={indicator.id} data-indicator={indicator.code} data-status={indicator.status}>
      <td><bdi dir="ltr">{indicator.code}</bdi></td>
      <td>
        <bdi>{indicator.name}</bdi>
        {indicator.definitionText && <p className="report-definition muted"><bdi>{indicator.definitionText}</bdi></p>}
        {indicator.ratio && (
          <p className="report-breakdown">
            {t('report.ratioTerms', { numerator: pickLabel(indicator.ratio.numerator.metric.labels, i18n.language), denominator: pickLabel(indicator.ratio.denominator.metric.labels, i18n.language), scale: format(indicator.ratio.scale) })}
            {': '}{cell(indicator.ratio.numerator.value)} / {cell(indicator.ratio.denominator.value)}
          </p>
        )}
        {indicator.breakdown && (
          <ul className="report-breakdown">
            {indicator.breakdown.categories.map((c) => (
              <li key={c.key ?? 'null'}>{pickLabel(c.labels, i18n.language)}: {cell(c.value)}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="cell--number" data-baseline>{indicator.baselineSuppressed ? <Withheld reason="primary">{t('report.hidden', { threshold })}</Withheld> : number(indicator.baseline)}</td>
      <td className="cell--number" data-target>{number(indicator.target)}</td>
      <td className="cell--number" data-actual>{cell(indicator.actual)}</td>
      <td className="report-status"><Light status={indicator.status} /> {t(`statuses.${indicator.status}`)}</td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="table report-table">
        <caption className="sr-only">{t('report.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.columns.code')}</th><th scope="col">{t('report.columns.indicator')}</th><th scope="col" className="cell--number">{t('report.columns.baseline')}</th>
            <th scope="col" className="cell--number">{t('report.columns.target')}</th><th scope="col" className="cell--number">{t('report.columns.actual')}</th><th scope="col">{t('report.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {report.nodes.map((node) => {
            const rows = report.indicators.filter((i) => i.nodeId === node.id);
            if (rows.length === 0) return null;
            return [
              <tr key={node.id} className="report-node"><th colSpan={6} scope="colgroup">{t(`levels.${node.level}`)} <bdi dir="ltr">{node.code}</bdi>: <bdi>{node.title}</bdi></th></tr>,
              ...rows.map(row),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Actual against target, one bar chart per unit; the table under them carries the same numbers. */
function Charts({ report }: { report: TProgressReport }) {
  const { t, i18n } = useProgrammesTranslation();
  const formatNumber = useNumberFormat(i18n.language);
  const charts = useMemo(() => buildReportCharts(report.indicators, { actual: t('report.chart.actual'), target: t('report.chart.target') }), [report, t]);
  return (
    <section className="report-charts" aria-labelledby="report-chart-title">
      <h2 className="section__title" id="report-chart-title">{t('report.chart.title')}</h2>
      {charts.length === 0 && <p className="muted">{t('report.chart.nothing')}</p>}
      {charts.map(({ unit, chart }) => (
        <figure key={unit} className="report-chart" data-chart-unit={unit}>
          <figcaption className="report-chart__title">{t('report.chart.inUnit', { unit: t(`units.${unit}`) })}</figcaption>
          <Suspense fallback={<div className="stats-chart__canvas">{t('common.loading')}</div>}>
            <StatsChart chart={chart} formatNumber={formatNumber} label={t('report.chart.label', { unit: t(`units.${unit}`) })} />
          </Suspense>
          {chart.suppressedCount > 0 && <p className="muted" data-chart-gaps={chart.suppressedCount}>{t('report.chart.gaps')}</p>}
        </figure>
      ))}
    </section>
  );
}

/** What each light means, in words: colour is never the only carrier. */
function StatusLegend() {
  const { t } = useProgrammesTranslation();
  return (
    <section className="report-legend" aria-labelledby="report-legend-title">
      <h2 className="section__title" id="report-legend-title">{t('report.legend')}</h2>
      <ul className="report-legend__list">
        {STATUSES.map((s) => <li key={s}><Light status={s} /> <strong>{t(`statuses.${s}`)}</strong>: {t(`statusHelp.${s}`)}</li>)}
      </ul>
    </section>
  );
}
