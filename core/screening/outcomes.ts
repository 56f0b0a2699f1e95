import { z } from 'zod';

/**
 * PERSISTED VALUES: outcome codes are stored with screening results and counted in statistics.
 *
 * The outcome taxonomy keeps "exploited but not trafficked" cases visible instead of discarding
 * them (domain.md a.4, [secondary]: classification used in ILO migrant surveys). The published
 * table has four rows; the other combinations of groups are mapped to the nearest row as noted.
 *
 * | code                       | when                                                         |
 * |----------------------------|--------------------------------------------------------------|
 * | trafficking                | the age group's combination rule is met                       |
 * | exploited_not_trafficked   | EX positive and a means group positive, rule not met          |
 * | exploitation_only          | EX positive, no means group positive ("labour exploitation only") |
 * | means_without_exploitation | a means group positive, EX not positive (not in the table)    |
 * | not_indicated              | no group positive ("not exploited", given what is recorded)   |
 */
export const SCREENING_OUTCOMES = [
  'not_indicated',
  'means_without_exploitation',
  'exploitation_only',
  'exploited_not_trafficked',
  'trafficking',
] as const;
export const ZScreeningOutcome = z.enum(SCREENING_OUTCOMES);
export type TScreeningOutcome = z.infer<typeof ZScreeningOutcome>;

/**
 * A partial order used to say one outcome is "higher" than another: adding evidence must never
 * lower it. The two middle outcomes share a rank because neither implies the other.
 */
export const OUTCOME_RANK = {
  not_indicated: 0,
  means_without_exploitation: 1,
  exploitation_only: 1,
  exploited_not_trafficked: 2,
  trafficking: 3,
} as const satisfies Record<TScreeningOutcome, number>;
