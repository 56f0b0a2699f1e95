/**
 * Disclosure control for the numbers of a progress report that do not come out of the statistics
 * engine: manual values and baselines. The rule is the engine's (threshold k = 11, zeros
 * sensitive), applied by unit:
 * - counts of persons, cases, decisions: hidden below k (zero included);
 * - a percentage or number of days with a stated basis (persons or records behind it): hidden
 *   when fewer than k stand behind it, and a percentage also when fewer than k are on either
 *   side (100 % of 12 describes each of the 12), as the engine does for shares and medians;
 *   without a stated basis it is published as approved (the approver vouches for it);
 * - plain numbers (staff trained, sessions held) are not about victims: published.
 *
 * Targets are planning figures (what a programme aims for), not observations about people: they
 * are published as such and labelled so. A baseline is an observation: it is protected like a
 * manual value of its unit.
 */
import { isCountUnit, type TIndicatorUnit } from './indicators.ts';
import type { TProtectedCell } from './ratio.ts';

/** Never throws. */
export function protectReportedValue(unit: TIndicatorUnit, value: number, basis: number | null, threshold: number): TProtectedCell {
  const hidden: TProtectedCell = { suppressed: true, reason: 'primary' };
  if (isCountUnit(unit)) return value < threshold ? hidden : { value };
  if ((unit === 'percent' || unit === 'days') && basis !== null) {
    if (basis < threshold) return hidden;
    if (unit === 'percent') {
      const within = Math.round((Math.min(Math.max(value, 0), 100) * basis) / 100);
      if (within < threshold || basis - within < threshold) return hidden;
    }
  }
  return { value };
}

/** Whether a manual value of this unit takes a basis (percentages and days). Never throws. */
export const takesBasis = (unit: TIndicatorUnit): boolean => unit === 'percent' || unit === 'days';
