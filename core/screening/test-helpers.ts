import type { TIndicatorList } from './indicators/types.ts';
import type { TObservationStatus, TScreeningObservation } from './schemas.ts';

/**
 * Test helper: observations for a list by concept code (`{ DR01: 'present' }`). Indicators not
 * named get `otherwise`, or no observation at all when `otherwise` is undefined.
 */
export function observe(
  list: TIndicatorList,
  byCode: Readonly<Record<string, TObservationStatus>>,
  otherwise?: TObservationStatus,
): TScreeningObservation[] {
  for (const code of Object.keys(byCode)) {
    if (!list.indicators.some((i) => i.code === code)) throw new Error(`${code} is not in list ${list.id}`);
  }
  return list.indicators.flatMap((i) => {
    const status = byCode[i.code] ?? otherwise;
    return status ? [{ indicatorId: i.id, status }] : [];
  });
}
