/**
 * PERSISTED VALUES (statuses appear in stored reports). Target vs actual → traffic light.
 *
 * Achievement is the share of the planned change that happened: from the baseline when there is
 * one ((actual − baseline) / (target − baseline)), otherwise against zero. For indicators where
 * lower is better (days to a decision) the direction flips. The thresholds are data, so a
 * programme's rules are read, not guessed: met (≥ 100 %) is green, ≥ 75 % amber, below red.
 *
 * A value hidden by disclosure control has no colour: a light next to a hidden count would tell
 * on which side of the target the small count lies.
 */
export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export type TIndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const TRAFFIC_LIGHTS = ['green', 'amber', 'red'] as const;
export type TTrafficLight = (typeof TRAFFIC_LIGHTS)[number];

export const INDICATOR_STATUSES = [...TRAFFIC_LIGHTS, 'noTarget', 'noData', 'suppressed'] as const;
export type TIndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** Lowest achievement (1 = target met) for each light, checked in order. */
export const STATUS_THRESHOLDS: readonly { status: TTrafficLight; minAchievement: number }[] = [
  { status: 'green', minAchievement: 1 },
  { status: 'amber', minAchievement: 0.75 },
  { status: 'red', minAchievement: Number.NEGATIVE_INFINITY },
];

export interface TStatusInput {
  direction: TIndicatorDirection;
  baseline: number | null;
  target: number | null;
  /** The published actual; `suppressed` when disclosure control hid it; null when there is none. */
  actual: number | 'suppressed' | null;
}

/**
 * How much of the planned change happened (1 = exactly the target). Null when there is no
 * target or no actual. Never throws; never NaN.
 */
export function achievementOf(direction: TIndicatorDirection, baseline: number | null, target: number, actual: number): number {
  const start = baseline ?? 0;
  const planned = direction === 'increase' ? target - start : start - target;
  const done = direction === 'increase' ? actual - start : start - actual;
  if (planned > 0) return done / planned;
  // Nothing to change (target at or behind the start): meeting the target is all that counts.
  const isMet = direction === 'increase' ? actual >= target : actual <= target;
  return isMet ? 1 : 0;
}

/** The traffic light (or why there is none) of one indicator in one period. Never throws. */
export function indicatorStatus(input: TStatusInput): TIndicatorStatus {
  if (input.actual === 'suppressed') return 'suppressed';
  if (input.actual === null) return 'noData';
  if (input.target === null) return 'noTarget';
  const achievement = achievementOf(input.direction, input.baseline, input.target, input.actual);
  return STATUS_THRESHOLDS.find((t) => achievement >= t.minAchievement)!.status;
}

/** Order of lights from worst to best (for "worst first" lists and monotonicity checks). */
export const LIGHT_RANK: Readonly<Record<TTrafficLight, number>> = { red: 0, amber: 1, green: 2 };
