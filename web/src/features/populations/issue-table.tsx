import { useTranslation } from 'react-i18next';
import { RowIssuesTable } from '../../components/row-issues-table.tsx';
import { useNumberFormat } from '../stats/format.ts';
import type { TPopulationIssue } from './types.ts';

/** Problems or warnings of a population file: row (header = 1), column, cell text and why. */
export function PopulationIssueTable({ id, title, issues, total }: { id: string; title: string; issues: TPopulationIssue[]; total: number }) {
  const { t, i18n } = useTranslation();
  const formatNumber = useNumberFormat(i18n.language);
  const texts = {
    row: t('populations.issues.row'), column: t('populations.issues.column'), value: t('populations.issues.value'), message: t('populations.issues.message'),
    firstOnly: (shown: string, all: string) => t('populations.issues.firstOnly', { shown, total: all }),
  };
  return <RowIssuesTable id={id} title={title} titleClassName="subsection__title" issues={issues} total={total} texts={texts} formatNumber={formatNumber} />;
}
