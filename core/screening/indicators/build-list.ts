import { DIMENSIONS, type TDimension, type TStrength } from '../dimensions.ts';
import type { TEvidenceTag } from '../evidence.ts';
import { INDICATOR_CATALOGUE, type TIndicatorCode } from './catalogue.ts';
import type { TIndicator, TIndicatorList } from './types.ts';

type TWeight = 'S' | 'M' | 'W';

/** One row of a list table: code, weight, and anything that differs from the list default. */
export type TListRow = readonly [
  code: TIndicatorCode,
  weight: TWeight,
  extras?: { evidence?: TEvidenceTag; alternative?: TWeight; note?: string },
];

const STRENGTH_OF: Record<TWeight, TStrength> = { S: 'strong', M: 'medium', W: 'weak' };

function dimensionOf(code: TIndicatorCode): TDimension {
  const prefix = code.slice(0, 2);
  const dimension = DIMENSIONS.find((d) => d === prefix);
  if (!dimension) throw new Error(`indicator code ${code} has no known dimension`);
  return dimension;
}

/**
 * Expands a compact weight table into a full list, taking labels from the shared catalogue so
 * that the four lists can never drift apart in wording. Throws a plain Error on a malformed
 * table because that is a programming error caught by the tests, not a user input.
 */
export function buildIndicatorList(
  meta: Omit<TIndicatorList, 'indicators'>,
  defaultEvidence: TEvidenceTag,
  rows: readonly TListRow[],
): TIndicatorList {
  const indicators = rows.map(([code, weight, extras]): TIndicator => {
    const indicator: TIndicator = {
      id: `${meta.id}-${code}`,
      code,
      dimension: dimensionOf(code),
      strength: STRENGTH_OF[weight],
      labels: { ...INDICATOR_CATALOGUE[code] },
      evidence: extras?.evidence ?? defaultEvidence,
    };
    if (extras?.alternative) indicator.alternativeStrength = STRENGTH_OF[extras.alternative];
    if (extras?.note) indicator.note = extras.note;
    return indicator;
  });
  return { ...meta, indicators };
}
