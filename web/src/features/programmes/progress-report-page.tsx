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
import type { TCell, TProgressReport, TReportIndicator } from './types.ts';
import './programmes.css';

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
          <ReportTable report={report.data} />
          <p className="muted">{t('report.disclosure', { threshold: report.data.disclosure.threshold })}</p>
        </>
      )}
    </Page>
  );
}

function Summary({ report }: { report: TProgressReport }) {
  const { t } = useProgrammesTranslation();
  return (
    <ul className="report-summary" aria-label={t('report.summary')}>
      {(['green', 'amber', 'red', 'noTarget', 'noData', 'suppressed'] as const).filter((s) => report.summary[s] > 0).map((s) => (
        <li key={s}><span className={`light light--${s}`} aria-hidden="true" /> {t(`statuses.${s}`)}: {report.summary[s]}</li>
      ))}
    </ul>
  );
}

function ReportTable({ report }: { report: TProgressReport }) {
  const { t, i18n } = useProgrammesTranslation();
  const format = new Intl.NumberFormat(formattingLocale(i18n.language), { maximumFractionDigits: 1 });
  const number = (value: number | null) => (value === null ? '—' : format.format(value));
  const cell = (value: TCell | null) => (value === null ? '—' : isHidden(value) ? t('report.hidden', { threshold: report.disclosure.threshold }) : format.format(value.value));
  const row = (indicator: TReportIndicator) => (
    <tr key={indicator.id} data-indicator={indicator.code} data-status={indicator.status}>
      <td><bdi dir="ltr">{indicator.code}</bdi></td>
      <td>
        <bdi>{indicator.name}</bdi>
        {indicator.breakdown && (
          <ul className="report-breakdown">
            {indicator.breakdown.categories.map((c) => (
              <li key={c.key ?? 'null'}>{pickLabel(c.labels, i18n.language)}: {cell(c.value)}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="number">{number(indicator.baseline)}</td>
      <td className="number">{number(indicator.target)}</td>
      <td className="number" data-actual>{cell(indicator.actual)}</td>
      <td><span className={`light light--${indicator.status}`} aria-hidden="true" /> {t(`statuses.${indicator.status}`)}</td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="table report-table">
        <caption className="sr-only">{t('report.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.columns.code')}</th><th scope="col">{t('report.columns.indicator')}</th><th scope="col" className="number">{t('report.columns.baseline')}</th>
            <th scope="col" className="number">{t('report.columns.target')}</th><th scope="col" className="number">{t('report.columns.actual')}</th><th scope="col">{t('report.columns.status')}</th>
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
