/**
 * PERSISTED POLICY: `id` and `version` are stored with every screening result. Publish a change
 * to the rule as a new version; never edit a published one in place.
 */
import { z } from 'zod';
import { ZDimension, ZStrength, type TDimension, type TStrength } from './dimensions.ts';
import { ZEvidenceTag } from './evidence.ts';
import type { TAgeGroup } from './indicators/types.ts';
import type { TScreeningOutcome } from './outcomes.ts';

export type TStrengthCounts = Record<TStrength, number>;

/**
 * One way for a dimension to become positive. Every field is a lower bound, which is what makes
 * the rule monotone: more present indicators can never make a positive dimension negative.
 */
export const ZDimensionClause = z.strictObject({
  minStrong: z.int().min(0),
  minMedium: z.int().min(0),
  /** At least `atLeast` present indicators among the strengths in `of`. */
  minSum: z.strictObject({ of: z.array(ZStrength).min(1), atLeast: z.int().min(0) }),
});
export type TDimensionClause = z.infer<typeof ZDimensionClause>;

export const SCREENING_GROUPS = ['recruitmentMeans', 'exploitation', 'destinationMeans'] as const;
export const ZScreeningGroup = z.enum(SCREENING_GROUPS);
export type TScreeningGroup = z.infer<typeof ZScreeningGroup>;

export const ZScreeningRules = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  source: z.string().min(1),
  /** Evidence per part, so the UI can say which part is still a hypothesis. */
  evidence: z.strictObject({
    dimensionRule: ZEvidenceTag,
    adultCombination: ZEvidenceTag,
    childCombination: ZEvidenceTag,
    outcomeTaxonomy: ZEvidenceTag,
  }),
  /** A dimension is positive when any clause holds. */
  dimensionRule: z.strictObject({ anyOf: z.array(ZDimensionClause).min(1) }),
  /** Which dimensions make up each group; a group is positive when any of its dimensions is. */
  groups: z.strictObject({
    recruitmentMeans: z.array(ZDimension).min(1),
    exploitation: z.array(ZDimension).min(1),
    destinationMeans: z.array(ZDimension).min(1),
  }),
  /** Groups that must all be positive for the operational definition to be met. */
  adultRequires: z.array(ZScreeningGroup).min(1),
  childRequires: z.array(ZScreeningGroup).min(1),
  /**
   * Palermo 3(c): for a child, a recorded act (recruitment, transport, transfer, harbouring or
   * receipt) stands in for the recruitment-phase dimensions, since no means need be shown.
   */
  childActSatisfiesRecruitment: z.boolean(),
});
export type TScreeningRules = z.infer<typeof ZScreeningRules>;

/**
 * The ILO/EC 2009 rule as domain.md a.4 states it.
 * Dimension rule [secondary]: positive = (S≥1 ∧ S+M+W≥2) ∨ (M≥2 ∧ M+W≥3).
 * Adults [unverified]: (DR ∨ CR ∨ RV) ∧ EX ∧ (CD ∨ VD).
 * Children [unverified; from Palermo 3(c)]: (DR ∨ CR ∨ RV ∨ act recorded) ∧ EX.
 */
export const ILO_2009_RULES: TScreeningRules = ZScreeningRules.parse({
  id: 'ilo-ec-2009',
  version: '1.0.0',
  source: 'ILO and European Commission, Operational indicators of trafficking in human beings (WCMS_105023), p. 3',
  evidence: {
    dimensionRule: 'secondary',
    adultCombination: 'unverified',
    childCombination: 'unverified',
    outcomeTaxonomy: 'secondary',
  },
  dimensionRule: {
    anyOf: [
      // rules 1 and 2: one strong plus any second indicator
      { minStrong: 1, minMedium: 0, minSum: { of: ['strong', 'medium', 'weak'], atLeast: 2 } },
      // rules 3 and 4: two medium plus a third medium or weak
      { minStrong: 0, minMedium: 2, minSum: { of: ['medium', 'weak'], atLeast: 3 } },
    ],
  },
  groups: { recruitmentMeans: ['DR', 'CR', 'RV'], exploitation: ['EX'], destinationMeans: ['CD', 'VD'] },
  adultRequires: ['recruitmentMeans', 'exploitation', 'destinationMeans'],
  childRequires: ['recruitmentMeans', 'exploitation'],
  childActSatisfiesRecruitment: true,
});

/** Whether present-indicator counts make a dimension positive under the rule. Never throws. */
export function isDimensionPositive(
  counts: TStrengthCounts,
  rule: TScreeningRules['dimensionRule'] = ILO_2009_RULES.dimensionRule,
): boolean {
  return rule.anyOf.some(
    (clause) =>
      counts.strong >= clause.minStrong &&
      counts.medium >= clause.minMedium &&
      clause.minSum.of.reduce((sum, strength) => sum + counts[strength], 0) >= clause.minSum.atLeast,
  );
}

export type TGroupResults = Record<TScreeningGroup, boolean>;

/** Folds positive dimensions into the three groups of the rule. Never throws. */
export function groupResults(
  positive: Readonly<Record<TDimension, boolean>>,
  rules: TScreeningRules = ILO_2009_RULES,
): TGroupResults {
  const anyOf = (dimensions: readonly TDimension[]) => dimensions.some((d) => positive[d]);
  return {
    recruitmentMeans: anyOf(rules.groups.recruitmentMeans),
    exploitation: anyOf(rules.groups.exploitation),
    destinationMeans: anyOf(rules.groups.destinationMeans),
  };
}

/**
 * Whether the operational definition is met for the age group. `actRecorded` only counts for
 * children, and only when the rules say a recorded act may stand in for recruitment means.
 */
export function meetsOperationalDefinition(
  groups: TGroupResults,
  ageGroup: TAgeGroup,
  actRecorded: boolean,
  rules: TScreeningRules = ILO_2009_RULES,
): boolean {
  const required = ageGroup === 'adult' ? rules.adultRequires : rules.childRequires;
  return required.every((group) =>
    group === 'recruitmentMeans' && ageGroup === 'child' && rules.childActSatisfiesRecruitment
      ? groups.recruitmentMeans || actRecorded
      : groups[group],
  );
}

/** Maps group results to the outcome taxonomy of outcomes.ts. Never throws. */
export function classifyOutcome(
  groups: TGroupResults,
  ageGroup: TAgeGroup,
  actRecorded: boolean,
  rules: TScreeningRules = ILO_2009_RULES,
): TScreeningOutcome {
  if (meetsOperationalDefinition(groups, ageGroup, actRecorded, rules)) return 'trafficking';
  const anyMeans = groups.recruitmentMeans || groups.destinationMeans;
  if (groups.exploitation) return anyMeans ? 'exploited_not_trafficked' : 'exploitation_only';
  return anyMeans ? 'means_without_exploitation' : 'not_indicated';
}

