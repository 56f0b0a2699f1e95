/**
 * API shapes of the screening engine. PERSISTED SHAPES: results are stored as JSON with the
 * screening; add optional fields only, and bump the rules or list version for meaning changes.
 */
import { z } from 'zod';
import { DIMENSIONS, ZDimension } from './dimensions.ts';
import { ZAgeGroup, ZExploitationForm, ZIndicatorId, ZIndicatorListId } from './indicators/types.ts';
import { ZScreeningOutcome } from './outcomes.ts';

/** `unknown` is a data-quality gap, never the same as `absent` (domain.md §0). */
export const OBSERVATION_STATUSES = ['present', 'absent', 'unknown'] as const;
export const ZObservationStatus = z.enum(OBSERVATION_STATUSES);
export type TObservationStatus = z.infer<typeof ZObservationStatus>;

/** Where the observation comes from; statistics and reviewers weigh these differently. */
export const ZEvidenceSource = z.enum(['own_account', 'observed', 'document', 'third_party', 'other']);
export type TEvidenceSource = z.infer<typeof ZEvidenceSource>;

export const MAX_OBSERVATIONS = 200;

export const ZScreeningObservation = z.strictObject({
  indicatorId: ZIndicatorId,
  status: ZObservationStatus,
  evidenceSource: ZEvidenceSource.optional(),
});
export type TScreeningObservation = z.infer<typeof ZScreeningObservation>;

/** Request body for a screening: one list, at most one observation per indicator. */
export const ZScreeningInput = z
  .strictObject({
    listId: ZIndicatorListId,
    observations: z.array(ZScreeningObservation).max(MAX_OBSERVATIONS),
    /** Child lists only: whether an act (recruitment, transport, harbouring…) is recorded. */
    actRecorded: ZObservationStatus.optional(),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.observations.forEach((o, index) => {
      if (!o.indicatorId.startsWith(`${input.listId}-`)) {
        ctx.addIssue({ code: 'custom', message: `not an indicator of list ${input.listId}`, path: ['observations', index, 'indicatorId'] });
      }
      if (seen.has(o.indicatorId)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate observation', path: ['observations', index, 'indicatorId'] });
      }
      seen.add(o.indicatorId);
    });
  });
export type TScreeningInput = z.infer<typeof ZScreeningInput>;

const ZCount = z.int().min(0);
export const ZStrengthCounts = z.strictObject({ strong: ZCount, medium: ZCount, weak: ZCount });

export const ZDimensionResult = z.strictObject({
  dimension: ZDimension,
  /** Present indicators by strength: the only ones the rule counts. */
  present: ZStrengthCounts,
  /** Unknown indicators by strength, including those with no observation at all. */
  unknown: ZStrengthCounts,
  /** How many of the unknowns had no observation recorded. */
  notRecorded: ZCount,
  absent: ZCount,
  isPositive: z.boolean(),
  /** Whether the dimension would be positive if every unknown turned out present. */
  isPositiveIfUnknownsPresent: z.boolean(),
});
export type TDimensionResult = z.infer<typeof ZDimensionResult>;

export const ZScreeningGroups = z.strictObject({
  recruitmentMeans: z.boolean(),
  exploitation: z.boolean(),
  destinationMeans: z.boolean(),
});

export const SCREENING_WARNINGS = ['LIST_PROVISIONAL', 'DISPUTED_WEIGHT_AFFECTS_RESULT'] as const;
export const ZScreeningWarning = z.enum(SCREENING_WARNINGS);
export type TScreeningWarning = z.infer<typeof ZScreeningWarning>;

export const ZScreeningResult = z.strictObject({
  /** The engine recommends; a person decides. This is not an NRM decision. */
  kind: z.literal('recommendation'),
  listId: ZIndicatorListId,
  listVersion: z.string(),
  listSourceVersion: z.string(),
  isListProvisional: z.boolean(),
  rulesId: z.string(),
  rulesVersion: z.string(),
  ageGroup: ZAgeGroup,
  form: ZExploitationForm,
  /** Per dimension, in the canonical order DR, CR, RV, EX, CD, VD. */
  dimensions: z.array(ZDimensionResult).length(DIMENSIONS.length),
  groups: ZScreeningGroups,
  /** Child lists only; null for adult lists, where the act is not part of the rule. */
  actRecorded: ZObservationStatus.nullable(),
  outcome: ZScreeningOutcome,
  /** Research flag "meets the ILO-2009 operational definition"; not a legal determination. */
  meetsOperationalDefinition: z.boolean(),
  gaps: z.strictObject({
    /** True when the outcome would change if every unknown turned out present. */
    couldOutcomeChange: z.boolean(),
    outcomeIfUnknownsPresent: ZScreeningOutcome,
    dimensionsThatCouldTurnPositive: z.array(ZDimension),
    unknownIndicatorIds: z.array(ZIndicatorId),
    isActUnknown: z.boolean(),
  }),
  warnings: z.array(ZScreeningWarning),
});
export type TScreeningResult = z.infer<typeof ZScreeningResult>;
