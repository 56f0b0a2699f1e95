import { useMemo } from 'react';
import { evaluateScreening } from '../../../../core/screening/evaluate.ts';
import { INDICATOR_LISTS } from '../../../../core/screening/indicators/index.ts';
import type { TObservationStatus } from '../../../../core/screening/schemas.ts';
import type { TScreeningList } from '../../api/case-types.ts';
import { ScreeningResult } from './screening-result.tsx';

type TScreeningPreviewProps = {
  /** The list as the server sent it. */
  list: TScreeningList;
  observations: Readonly<Record<string, TObservationStatus>>;
};

/**
 * The recommendation for the answers so far, computed in the browser by the same engine the
 * server runs (core/screening), so the screener sees it before anything is recorded. Shown only
 * when the browser's copy of the list is the very version the server uses; otherwise the server's
 * result after recording is the only one.
 */
export function ScreeningPreview({ list, observations }: TScreeningPreviewProps) {
  const result = useMemo(() => {
    const local = (INDICATOR_LISTS as Record<string, (typeof INDICATOR_LISTS)[keyof typeof INDICATOR_LISTS] | undefined>)[list.id];
    if (!local || local.version !== list.version) return null;
    try {
      return evaluateScreening(
        local,
        local.indicators.map((indicator) => ({ indicatorId: indicator.id, status: observations[indicator.id] ?? 'unknown' })),
      );
    } catch {
      return null;
    }
  }, [list, observations]);
  if (!result) return null;
  return (
    <div aria-live="polite">
      <ScreeningResult result={result} isPreview />
    </div>
  );
}
