import { ErrorAlert } from '../../components/alert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useNumberFormat } from './format.ts';
import { useStatsTranslation } from './i18n.ts';
import { useImportRuns } from './queries.ts';

/** The organisation's CTDC imports, newest first: what the statistics are computed from. */
export function ImportRunsTable({ orgId }: { orgId: string }) {
  const { t, i18n } = useStatsTranslation();
  const language = i18n.language;
  const formatNumber = useNumberFormat(language);
  const runs = useImportRuns(orgId);
  if (runs.error) return <ErrorAlert error={runs.error} />;
  if (!runs.data) return <p className="muted">{t('common.loading')}</p>;
  if (runs.data.length === 0) return <p>{t('runs.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--compact table--stack stats-runs">
        <caption className="sr-only">{t('runs.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('runs.file')}</th>
            <th scope="col">{t('runs.status')}</th>
            <th scope="col" className="cell--number">
              {t('runs.rows')}
            </th>
            <th scope="col" className="cell--number">
              {t('runs.imported')}
            </th>
            <th scope="col" className="cell--number">
              {t('runs.problems')}
            </th>
            <th scope="col">{t('runs.finished')}</th>
            <th scope="col">{t('runs.by')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.data.map((run) => (
            <tr key={run.id} data-run-id={run.id} data-status={run.status}>
              <td data-label={t('runs.file')}>
                <bdi>{run.fileName}</bdi>
              </td>
              <td data-label={t('runs.status')}>
                <span className={`tag stats-run-status--${run.status}`}>{t(`runStatuses.${run.status}`)}</span>
              </td>
              <td className="cell--number" data-label={t('runs.rows')}>
                {formatNumber(run.rowCount)}
              </td>
              <td className="cell--number" data-label={t('runs.imported')}>
                {formatNumber(run.importedRowCount)}
              </td>
              <td className="cell--number" data-label={t('runs.problems')}>
                {formatNumber(run.issueCount)}
              </td>
              <td className="cell--nowrap" data-label={t('runs.finished')}>
                {formatDateTime(run.finishedAt, language)}
              </td>
              <td data-label={t('runs.by')}>
                <bdi>{run.startedBy.label ?? t('runs.system')}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
