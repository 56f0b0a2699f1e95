import { formatCount, formatShare } from './format.ts';
import { useJusticeTranslation } from './i18n.ts';
import { FUNNEL_STAGES, type TFunnel, type TFunnelGroup, type TFunnelRow } from './types.ts';

/**
 * The attrition funnel drawn as plain HTML: one labelled bar per stage, its length the share of
 * the year's suspects, with the count and percentage written out (the bar alone never carries the
 * number). Bars are hidden from screen readers, which read the text. Charts keep left-to-right
 * inside Arabic pages (`dir="ltr"` on the bars) so that longer always means further right.
 */

/** "2026" or "2026 · Sexual exploitation": the title of one funnel. */
export function useRowTitle(groupBy: TFunnelGroup) {
  const { t } = useJusticeTranslation();
  return (row: TFunnelRow) => {
    const year = String(row.year);
    if (groupBy === 'none' || row.group === null) return year;
    const group = groupBy === 'sex' ? t(`sexes.${row.group as 'female'}`, { defaultValue: row.group }) : t(`exploitationForms.${row.group as 'labour'}`, { defaultValue: row.group });
    return `${year} · ${group}`;
  };
}

/** One funnel per year (and group), as a list of bars. */
export function FunnelCharts({ funnel }: { funnel: TFunnel }) {
  const { t, i18n } = useJusticeTranslation();
  const lang = i18n.language;
  const title = useRowTitle(funnel.groupBy);
  return (
    <div className="funnel-grid">
      {funnel.rows.map((row) => {
        const id = `funnel-${row.year}-${row.group ?? 'all'}`;
        return (
          <figure key={id} className="funnel" aria-labelledby={id}>
            <figcaption className="funnel__title" id={id}>
              <span dir="ltr">{title(row)}</span>
            </figcaption>
            <ol className="funnel__stages">
              {FUNNEL_STAGES.map((stage) => {
                const share = row.suspects > 0 ? row[stage] / row.suspects : 0;
                return (
                  <li key={stage} className={`funnel__stage funnel__stage--${stage}`}>
                    <span className="funnel__label">{t(`funnelStages.${stage}`)}</span>
                    <span className="funnel__value">
                      <bdi dir="ltr">{formatCount(row[stage], lang)}</bdi> <span className="muted">(<bdi dir="ltr">{formatShare(row[stage], row.suspects, lang)}</bdi>)</span>
                    </span>
                    <span className="funnel__track" dir="ltr" aria-hidden="true">
                      {/* Width through the style property (CSSOM), which the strict CSP allows. */}
                      <span className="funnel__bar" style={{ inlineSize: `${Math.max(0, Math.min(1, share)) * 100}%` }} />
                    </span>
                  </li>
                );
              })}
            </ol>
          </figure>
        );
      })}
    </div>
  );
}

/** The same numbers as a table: one row per year (and group), one column per stage. */
export function FunnelTable({ funnel }: { funnel: TFunnel }) {
  const { t, i18n } = useJusticeTranslation();
  const lang = i18n.language;
  const title = useRowTitle(funnel.groupBy);
  return (
    <div className="table-wrap">
      <table className="table table--stack funnel-table">
        <caption className="sr-only">{t('funnel.tableCaption', { mode: t(`funnelModes.${funnel.mode}`) })}</caption>
        <thead>
          <tr>
            <th scope="col">{funnel.mode === 'cohort' ? t('funnel.cohortYear') : t('funnel.calendarYear')}</th>
            {FUNNEL_STAGES.map((stage) => (
              <th key={stage} scope="col" className="cell--number">
                {t(`funnelStages.${stage}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {funnel.rows.map((row) => (
            <tr key={`${row.year}-${row.group ?? 'all'}`} data-year={row.year} data-group={row.group ?? ''}>
              <th scope="row">
                <span dir="ltr">{title(row)}</span>
              </th>
              {FUNNEL_STAGES.map((stage) => (
                <td key={stage} className="cell--number" data-label={t(`funnelStages.${stage}`)} data-stage={stage}>
                  <bdi dir="ltr" className="funnel-table__count">
                    {formatCount(row[stage], lang)}
                  </bdi>
                  {stage !== 'suspects' && (
                    <span className="cell__sub">
                      <bdi dir="ltr">{formatShare(row[stage], row.suspects, lang)}</bdi>
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const MEDIANS = ['identifiedToCharge', 'chargeToProsecution', 'prosecutionToConviction', 'convictionToCustody'] as const;

/** Median days between stages, over the persons who reached both. */
export function MedianDays({ medianDays }: { medianDays: TFunnel['medianDays'] }) {
  const { t, i18n } = useJusticeTranslation();
  return (
    <dl className="details details--grid">
      {MEDIANS.map((key) => {
        const value = medianDays[key];
        return (
          <div key={key}>
            <dt>{t(`medians.${key}`)}</dt>
            <dd>{value === null ? <span className="muted">{t('funnel.noMedian')}</span> : t('funnel.days', { count: Math.round(value), days: formatCount(Math.round(value), i18n.language) })}</dd>
          </div>
        );
      })}
    </dl>
  );
}
