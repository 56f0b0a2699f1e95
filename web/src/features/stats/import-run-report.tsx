import { formatDateTime } from '../../components/format.ts';
import { RowIssuesTable } from '../../components/row-issues-table.tsx';
import { formatBytes, useNumberFormat } from './format.ts';
import { useStatsTranslation } from './i18n.ts';
import type { TImportIssue, TImportRun } from './types.ts';

/** Problems listed on the page; the full list stays on the run (and the CLI prints them all). */
const SHOWN_ISSUES = 20;

/** The report of one import run: counts, then the first problems with their row and column. */
export function ImportRunReport({ run }: { run: TImportRun }) {
  const { t, i18n } = useStatsTranslation();
  const language = i18n.language;
  const formatNumber = useNumberFormat(language);
  return (
    <div className="stats-run-report">
      <dl className="details details--grid">
        <div>
          <dt>{t('runs.file')}</dt>
          <dd>
            <bdi>{run.fileName}</bdi> <span className="muted">({formatBytes(run.fileBytes, language)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('runs.status')}</dt>
          <dd>
            <span className={`tag stats-run-status--${run.status}`}>{t(`runStatuses.${run.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('runs.layout')}</dt>
          <dd>{t(`layouts.${run.layout}`)}</dd>
        </div>
        <div>
          <dt>{t('runs.rows')}</dt>
          <dd>{t('runs.rowCounts', { rows: formatNumber(run.rowCount), valid: formatNumber(run.validRowCount), invalid: formatNumber(run.invalidRowCount) })}</dd>
        </div>
        <div>
          <dt>{t('runs.imported')}</dt>
          <dd>{formatNumber(run.importedRowCount)}</dd>
        </div>
        <div>
          <dt>{t('runs.finished')}</dt>
          <dd>{formatDateTime(run.finishedAt, language)}</dd>
        </div>
      </dl>
      {run.issues.length > 0 && <IssueTable title={t('runs.problemsTitle')} issues={run.issues} total={run.issueCount} idPrefix="problems" />}
      {run.warnings.length > 0 && <IssueTable title={t('runs.warningsTitle')} issues={run.warnings} total={run.warnings.length} idPrefix="warnings" />}
    </div>
  );
}

function IssueTable({ title, issues, total, idPrefix }: { title: string; issues: TImportIssue[]; total: number; idPrefix: string }) {
  const { t, i18n } = useStatsTranslation();
  const formatNumber = useNumberFormat(i18n.language);
  const texts = {
    row: t('runs.row'), column: t('runs.column'), value: t('runs.value'), message: t('runs.problem'), emptyValue: t('runs.emptyValue'),
    firstOnly: (shown: string, all: string) => t('runs.firstProblems', { shown, total: all }),
  };
  return <RowIssuesTable id={`stats-${idPrefix}`} title={title} titleClassName="stats-run-report__title" issues={issues.slice(0, SHOWN_ISSUES)} total={total} texts={texts} formatNumber={formatNumber} />;
}
