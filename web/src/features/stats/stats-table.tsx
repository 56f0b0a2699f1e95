import type { ReactNode } from 'react';
import { useStatsTranslation } from './i18n.ts';
import { isSuppressed, type TTableModel } from './table-model.ts';
import type { TStatsResultCell } from './types.ts';

type TStatsTableProps = {
  model: TTableModel;
  threshold: number;
  formatNumber: (value: number) => string;
  caption: string;
};

/**
 * The protected table: a hidden cell reads "suppressed (< 11)" (or "suppressed (secondary)" for a
 * cell hidden to protect another one) and never carries its number, not even in an attribute.
 */
export function StatsTable({ model, threshold, formatNumber, caption }: TStatsTableProps) {
  const { t } = useStatsTranslation();
  const [first, second] = model.dimensionLabels;
  const total = t('table.total');

  // Plain render functions (not components), so cells are not remounted on every render.
  function cellOf(cell: TStatsResultCell | undefined, header: string, key?: string): ReactNode {
    if (!cell) return <td key={key} className="cell--number" data-label={header} />;
    if (isSuppressed(cell)) {
      return (
        <td key={key} className="cell--number stats-cell--suppressed" data-label={header} data-suppressed={cell.reason}>
          <span className="stats-suppressed">{cell.reason === 'primary' ? t('table.suppressedPrimary', { threshold }) : t('table.suppressedSecondary')}</span>
        </td>
      );
    }
    if (cell.value === null) {
      // A rate whose count was published but that no population stands behind.
      return (
        <td key={key} className="cell--number stats-cell--unavailable" data-label={header} data-unavailable={cell.reason}>
          <span className="muted">{t(`table.rateGap.${cell.reason}`)}</span>
        </td>
      );
    }
    return (
      <td key={key} className="cell--number" data-label={header}>
        <bdi dir="ltr">{formatNumber(cell.value)}</bdi>
      </td>
    );
  }

  function rowHeaderOf(label: string, members?: string[]): ReactNode {
    return (
      <th scope="row">
        {label}
        {members && members.length > 0 && <span className="cell__sub">{t('table.members', { members: members.join(', ') })}</span>}
      </th>
    );
  }

  if (first === undefined) {
    return (
      <div className="table-wrap">
        <table className="table table--compact stats-table">
          <caption className="stats-table__caption">{caption}</caption>
          <tbody>
            <tr>
              <th scope="row">{model.metricLabel}</th>
              {cellOf(model.total, model.metricLabel)}
            </tr>
          </tbody>
        </table>
      </div>
    );
  }

  const valueHeaders = second === undefined ? [model.metricLabel] : model.columns.map((c) => c.label);
  return (
    <div className="table-wrap">
      <table className="table table--compact stats-table">
        <caption className="stats-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{second === undefined ? first : `${first} / ${second}`}</th>
            {valueHeaders.map((header, j) => (
              <th key={`${j}-${header}`} scope="col" className="cell--number">
                {header}
              </th>
            ))}
            {second !== undefined && (
              <th scope="col" className="cell--number">
                {total}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row, i) => (
            <tr key={row.key ?? '∅'} data-key={row.key ?? ''}>
              {rowHeaderOf(row.label, row.members)}
              {valueHeaders.map((header, j) => cellOf(model.cells[i]?.[j], header, `${j}-${header}`))}
              {second !== undefined && cellOf(model.rowTotals[i], total)}
            </tr>
          ))}
          <tr className="stats-table__total" data-key="*total">
            <th scope="row">{total}</th>
            {second === undefined ? (
              cellOf(model.total, model.metricLabel)
            ) : (
              <>
                {model.columns.map((c, j) => cellOf(model.columnTotals[j], c.label, `${j}-${c.label}`))}
                {cellOf(model.total, total)}
              </>
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
