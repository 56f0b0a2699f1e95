import { AppError, type TErrorIssue } from '../errors/app-error.ts';
import { DIMENSIONS, type TDimension, type TStrength } from './dimensions.ts';
import type { TIndicator, TIndicatorList } from './indicators/types.ts';
import { classifyOutcome, groupResults, ILO_2009_RULES, isDimensionPositive, type TScreeningRules, type TStrengthCounts } from './rules.ts';
import type {
  TDimensionResult,
  TObservationStatus,
  TScreeningObservation,
  TScreeningResult,
  TScreeningWarning,
} from './schemas.ts';

export interface TEvaluateOptions {
  /** Child lists only: whether an act is recorded. Defaults to `unknown`, never to `absent`. */
  actRecorded?: TObservationStatus;
  /** The rule version to apply; defaults to the current ILO/EC 2009 rule. */
  rules?: TScreeningRules;
}

const zeroCounts = (): TStrengthCounts => ({ strong: 0, medium: 0, weak: 0 });

/** Indexes observations by indicator id, rejecting ids outside the list and duplicates. */
function indexObservations(
  list: TIndicatorList,
  observations: readonly TScreeningObservation[],
): Map<string, TObservationStatus> {
  const known = new Set(list.indicators.map((i) => i.id));
  const byId = new Map<string, TObservationStatus>();
  const issues: TErrorIssue[] = [];
  observations.forEach((o, index) => {
    if (!known.has(o.indicatorId)) {
      issues.push({ path: `observations.${index}.indicatorId`, message: `${o.indicatorId} is not in list ${list.id} ${list.version}` });
    } else if (byId.has(o.indicatorId)) {
      issues.push({ path: `observations.${index}.indicatorId`, message: `duplicate observation of ${o.indicatorId}` });
    } else {
      byId.set(o.indicatorId, o.status);
    }
  });
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Observations do not match the indicator list', {
      reason: 'OBSERVATIONS_DO_NOT_MATCH_LIST',
      issues,
    });
  }
  return byId;
}

/** Present-indicator counts per dimension, with each indicator weighted by `strengthOf`. */
function presentCounts(
  list: TIndicatorList,
  statusOf: (indicator: TIndicator) => TObservationStatus,
  strengthOf: (indicator: TIndicator) => TStrength,
): Record<TDimension, TStrengthCounts> {
  const counts = Object.fromEntries(DIMENSIONS.map((d) => [d, zeroCounts()])) as Record<TDimension, TStrengthCounts>;
  for (const indicator of list.indicators) {
    if (statusOf(indicator) === 'present') counts[indicator.dimension][strengthOf(indicator)] += 1;
  }
  return counts;
}

function positives(counts: Record<TDimension, TStrengthCounts>, rules: TScreeningRules): Record<TDimension, boolean> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, isDimensionPositive(counts[d], rules.dimensionRule)])) as Record<
    TDimension,
    boolean
  >;
}

/**
 * Applies the versioned decision rule to one screening against one indicator list.
 *
 * Only `present` indicators count towards a dimension. An indicator with no observation is
 * `unknown`, and unknowns are reported (counts, ids, the outcome they could produce) rather
 * than silently treated as absent. The result is a recommendation carrying the list and rule
 * versions so it can be reproduced; it is never an NRM decision.
 *
 * @throws AppError VALIDATION_FAILED (reason `OBSERVATIONS_DO_NOT_MATCH_LIST`, every problem in
 *   `issues`) when an observation names an indicator outside the list or repeats one.
 */
export function evaluateScreening(
  list: TIndicatorList,
  observations: readonly TScreeningObservation[],
  options: TEvaluateOptions = {},
): TScreeningResult {
  const rules = options.rules ?? ILO_2009_RULES;
  const recorded = indexObservations(list, observations);
  const statusOf = (i: TIndicator): TObservationStatus => recorded.get(i.id) ?? 'unknown';
  const actual = (i: TIndicator) => i.strength;

  const present = presentCounts(list, statusOf, actual);
  const upper = presentCounts(list, (i) => (statusOf(i) === 'absent' ? 'absent' : 'present'), actual);
  const isPositive = positives(present, rules);
  const isPositiveUpper = positives(upper, rules);

  const dimensions: TDimensionResult[] = DIMENSIONS.map((dimension) => {
    const unknown = zeroCounts();
    let absent = 0;
    let notRecorded = 0;
    for (const indicator of list.indicators) {
      if (indicator.dimension !== dimension) continue;
      const status = statusOf(indicator);
      if (status === 'absent') absent += 1;
      if (status === 'unknown') unknown[indicator.strength] += 1;
      if (!recorded.has(indicator.id)) notRecorded += 1;
    }
    return {
      dimension,
      present: present[dimension],
      unknown,
      notRecorded,
      absent,
      isPositive: isPositive[dimension],
      isPositiveIfUnknownsPresent: isPositiveUpper[dimension],
    };
  });

  const act = list.ageGroup === 'child' ? (options.actRecorded ?? 'unknown') : null;
  const groups = groupResults(isPositive, rules);
  const outcome = classifyOutcome(groups, list.ageGroup, act === 'present', rules);
  const outcomeIfUnknownsPresent = classifyOutcome(groupResults(isPositiveUpper, rules), list.ageGroup, act !== 'absent' && act !== null, rules);

  const warnings: TScreeningWarning[] = [];
  if (list.isProvisional) warnings.push('LIST_PROVISIONAL');
  const alternative = positives(presentCounts(list, statusOf, (i) => i.alternativeStrength ?? i.strength), rules);
  if (DIMENSIONS.some((d) => alternative[d] !== isPositive[d])) warnings.push('DISPUTED_WEIGHT_AFFECTS_RESULT');

  return {
    kind: 'recommendation',
    listId: list.id,
    listVersion: list.version,
    listSourceVersion: list.sourceVersion,
    isListProvisional: list.isProvisional,
    rulesId: rules.id,
    rulesVersion: rules.version,
    ageGroup: list.ageGroup,
    form: list.form,
    dimensions,
    groups,
    actRecorded: act,
    outcome,
    meetsOperationalDefinition: outcome === 'trafficking',
    gaps: {
      couldOutcomeChange: outcomeIfUnknownsPresent !== outcome,
      outcomeIfUnknownsPresent,
      dimensionsThatCouldTurnPositive: DIMENSIONS.filter((d) => !isPositive[d] && isPositiveUpper[d]),
      unknownIndicatorIds: list.indicators.filter((i) => statusOf(i) === 'unknown').map((i) => i.id),
      isActUnknown: act === 'unknown',
    },
    warnings,
  };
}
