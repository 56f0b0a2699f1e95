import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSION_LABELS, DIMENSIONS, type TDimension } from '../../../../core/screening/dimensions.ts';
import { LABEL_LANGUAGES, type TLabelLanguage, type TLabels } from '../../../../core/screening/labels.ts';
import type { TObservationStatus } from '../../../../core/screening/schemas.ts';
import type { TScreeningList } from '../../api/case-types.ts';
import { RadioGroup } from '../../components/choice-field.tsx';

/** The label in the interface language (every indicator carries all four; English otherwise). */
export function labelIn(labels: TLabels, language: string): string {
  const lang = (LABEL_LANGUAGES as readonly string[]).includes(language) ? (language as TLabelLanguage) : 'en';
  return labels[lang];
}

export function useDimensionLabel(): (dimension: TDimension) => string {
  const { i18n } = useTranslation();
  return (dimension) => labelIn(DIMENSION_LABELS[dimension], i18n.resolvedLanguage ?? i18n.language);
}

type TScreeningIndicatorsProps = {
  list: TScreeningList;
  /** Answers so far; an indicator without one is unknown. */
  observations: Readonly<Record<string, TObservationStatus>>;
  onChange: (indicatorId: string, value: TObservationStatus) => void;
  /** Prefix for element ids, so two forms on one page do not collide. */
  idPrefix: string;
};

const VALUES: readonly TObservationStatus[] = ['present', 'absent', 'unknown'];

/**
 * The indicators of one list, grouped by dimension, each answered present / absent / unknown.
 * Unknown is the starting answer and stays distinct from absent: it is a gap to fill, not a "no".
 * Built for a phone: one indicator per block, three large side-by-side choices.
 */
export function ScreeningIndicators({ list, observations, onChange, idPrefix }: TScreeningIndicatorsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const dimensionLabel = useDimensionLabel();
  const options = VALUES.map((value) => ({ value, label: t(`observation.${value}`) }));

  return (
    <div className="screening">
      {list.isProvisional && (
        <div className="status status--warning" role="note">
          {t('screening.provisional')}
        </div>
      )}
      <nav className="screening__jump" aria-label={t('screening.jumpTo')}>
        <ul>
          {DIMENSIONS.filter((d) => list.indicators.some((i) => i.dimension === d)).map((dimension) => (
            <li key={dimension}>
              <a href={`#${idPrefix}-${dimension}`} onClick={(event) => jumpTo(event, `${idPrefix}-${dimension}`)}>
                {dimensionLabel(dimension)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {DIMENSIONS.map((dimension) => {
        const indicators = list.indicators.filter((i) => i.dimension === dimension);
        if (indicators.length === 0) return null;
        const counts = { present: 0, absent: 0, unknown: 0 };
        for (const indicator of indicators) counts[observations[indicator.id] ?? 'unknown'] += 1;
        const headingId = `${idPrefix}-${dimension}`;
        return (
          <section key={dimension} className="screening__dimension" aria-labelledby={headingId}>
            <h3 className="screening__title" id={headingId} tabIndex={-1}>
              {dimensionLabel(dimension)}
            </h3>
            <p className="screening__counts muted">{t('screening.counts', { present: counts.present, absent: counts.absent, unknown: counts.unknown })}</p>
            {indicators.map((indicator) => (
              <RadioGroup
                key={indicator.id}
                id={`${idPrefix}-${indicator.id}`}
                className="indicator"
                layout="segmented"
                legend={labelIn(indicator.labels, language)}
                aside={<span className={`indicator__strength indicator__strength--${indicator.strength}`}>{t(`strengths.${indicator.strength}`)}</span>}
                options={options}
                value={observations[indicator.id] ?? 'unknown'}
                onChange={(value) => onChange(indicator.id, value as TObservationStatus)}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

/** In-page jump that keeps the router's URL clean and moves focus to the heading. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}
