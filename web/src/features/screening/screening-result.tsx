import { useTranslation } from 'react-i18next';
import type { TScreeningResult } from '../../../../core/screening/schemas.ts';
import { useDimensionLabel } from './screening-indicators.tsx';

type TScreeningResultProps = {
  result: TScreeningResult;
  /** Heading level inside the page (the panel sits under an h2 or h3). */
  headingLevel?: 3 | 4;
  /** Says the result is a preview computed in the browser, before anything is recorded. */
  isPreview?: boolean;
};

/**
 * The screening engine's answer, always titled as a recommendation: the ILO/EC indicators are a
 * research classification, and a person takes every decision about the case. Unknown answers
 * are listed as gaps with what they could change, never counted as "no".
 */
export function ScreeningResult({ result, headingLevel = 3, isPreview = false }: TScreeningResultProps) {
  const { t } = useTranslation();
  const dimensionLabel = useDimensionLabel();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const unknownCount = result.gaps.unknownIndicatorIds.length;
  return (
    <section className="result" aria-label={t('screening.resultTitle')}>
      <Heading className="result__title">{t('screening.resultTitle')}</Heading>
      <p className="result__note">{isPreview ? t('screening.previewNote') : t('screening.recommendationNote')}</p>
      <p className="result__outcome">
        {t('screening.outcomeLabel')} <strong>{t(`screeningOutcomes.${result.outcome}`)}</strong>
      </p>
      <p>{result.meetsOperationalDefinition ? t('screening.meetsDefinition') : t('screening.doesNotMeetDefinition')}</p>
      {unknownCount > 0 && (
        <div className="status status--warning" role="note">
          <p className="result__gap">{t('screening.gaps', { number: unknownCount })}</p>
          {result.gaps.couldOutcomeChange && (
            <p className="result__gap">{t('screening.couldChange', { outcome: t(`screeningOutcomes.${result.gaps.outcomeIfUnknownsPresent}`) })}</p>
          )}
        </div>
      )}
      {result.warnings.map((warning) => (
        <p key={warning} className="status status--warning">
          {t(`screeningWarnings.${warning}`)}
        </p>
      ))}
      <div className="table-wrap">
        <table className="table table--compact table--stack">
          <caption className="sr-only">{t('screening.byDimension')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('screening.dimension')}</th>
              <th scope="col">{t('screening.present')}</th>
              <th scope="col">{t('screening.unknown')}</th>
              <th scope="col">{t('screening.dimensionResult')}</th>
            </tr>
          </thead>
          <tbody>
            {result.dimensions.map((d) => {
              const unknown = d.unknown.strong + d.unknown.medium + d.unknown.weak;
              return (
                <tr key={d.dimension}>
                  <th scope="row">{dimensionLabel(d.dimension)}</th>
                  <td data-label={t('screening.present')}>{t('screening.strengthCounts', { strong: d.present.strong, medium: d.present.medium, weak: d.present.weak })}</td>
                  <td data-label={t('screening.unknown')}>{unknown}</td>
                  <td data-label={t('screening.dimensionResult')}>
                    {d.isPositive ? (
                      <span className="tag tag--positive">{t('screening.positive')}</span>
                    ) : d.isPositiveIfUnknownsPresent ? (
                      <span className="tag tag--neutral">{t('screening.couldBePositive')}</span>
                    ) : (
                      <span className="tag tag--closed">{t('screening.notPositive')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted result__source">{t('screening.source', { list: result.listId, version: result.listVersion, rules: `${result.rulesId} ${result.rulesVersion}` })}</p>
    </section>
  );
}
