import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../stats/format.ts';
import type { TPopulationIssue } from './types.ts';

/** Problems or warnings of a population file: row (header = 1), column, cell text and why. */
export function PopulationIssueTable({ id, title, issues, total }: { id: string; title: string; issues: TPopulationIssue[]; total: number }) {
  const { t, i18n } = useTranslation();
  const formatNumber = useNumberFormat(i18n.language);
  return (
    <>
      <h3 className="subsection__title" id={id}>
        {title}
      </h3>
      {total > issues.length && <p className="muted">{t('populations.issues.firstOnly', { shown: formatNumber(issues.length), total: formatNumber(total) })}</p>}
      <div className="table-wrap">
        <table className="table table--compact table--stack" aria-labelledby={id} data-testid={id}>
          <thead>
            <tr>
              <th scope="col" className="cell--number">{t('populations.issues.row')}</th>
              <th scope="col">{t('populations.issues.column')}</th>
              <th scope="col">{t('populations.issues.value')}</th>
              <th scope="col">{t('populations.issues.message')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, index) => (
              <tr key={`${issue.row}-${issue.column}-${index}`}>
                <td className="cell--number" data-label={t('populations.issues.row')}>
                  <bdi dir="ltr">{formatNumber(issue.row)}</bdi>
                </td>
                <td data-label={t('populations.issues.column')}>
                  <code dir="ltr">{issue.column}</code>
                </td>
                <td data-label={t('populations.issues.value')}>
                  <bdi dir="ltr">{issue.value}</bdi>
                </td>
                {/* The server's explanation is in English, like the CSV's header names it refers to. */}
                <td data-label={t('populations.issues.message')} lang="en" dir="ltr">
                  {issue.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
