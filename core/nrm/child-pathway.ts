/**
 * The child pathway (domain.md d.4): presumption of childhood, a child-protection lead on every
 * child case, a guardian before an unaccompanied child's case is closed or the child returned,
 * and a best-interests determination with a risk and security assessment before any return.
 * Where a fact is not known, the guards assume the protective answer.
 */
import { z } from 'zod';
import type { TJurisdictionProfile } from './jurisdictions/schema.ts';
import { assertRequirementsMet, type TUnmetRequirement } from './requirements.ts';
import { ZInstant } from './time-zone.ts';

/**
 * PERSISTED VALUES. `confirmed`: established (documents or a concluded assessment);
 * `claimed`: stated by the person, not verified; `disputed`: contested; `presumed_child`:
 * treated as a child pending assessment (CETS 197 art. 10(3)).
 */
export const AGE_STATUSES = ['confirmed', 'claimed', 'disputed', 'presumed_child'] as const;
export const ZAgeStatus = z.enum(AGE_STATUSES);
export type TAgeStatus = z.infer<typeof ZAgeStatus>;

export const ZAgeFacts = z.strictObject({
  ageStatus: ZAgeStatus,
  /** Age in whole years at the reference date the caller chooses (today, for the pathway). */
  ageYears: z.int().min(0).max(130).nullable(),
  /** The outcome of a completed age assessment, if one was made. */
  ageAssessment: z.strictObject({ outcome: z.enum(['child', 'adult']), assessedAt: ZInstant }).nullable(),
});
export type TAgeFacts = z.infer<typeof ZAgeFacts>;

export type TChildBasis =
  | 'confirmed_age'
  | 'age_assessment'
  | 'stated_age_under_majority'
  | 'presumption_pending_assessment'
  | 'stated_age_adult';

/**
 * Whether the person is treated as a child, and why. A confirmed age decides; otherwise a
 * completed age assessment decides; otherwise a stated age under the age of majority makes a
 * child; otherwise an uncertain age (disputed, presumed, or not known) is presumed a child until
 * assessed. Only a claimed or confirmed adult age with no dispute makes an adult. Never throws.
 */
export function childStatus(
  profile: Pick<TJurisdictionProfile, 'ageOfMajority'>,
  facts: TAgeFacts,
): { isChild: boolean; basis: TChildBasis } {
  const under = (age: number) => age < profile.ageOfMajority;
  if (facts.ageStatus === 'confirmed' && facts.ageYears !== null) {
    return { isChild: under(facts.ageYears), basis: 'confirmed_age' };
  }
  if (facts.ageAssessment) return { isChild: facts.ageAssessment.outcome === 'child', basis: 'age_assessment' };
  if (facts.ageYears !== null && under(facts.ageYears)) return { isChild: true, basis: 'stated_age_under_majority' };
  const isUncertain = facts.ageStatus === 'disputed' || facts.ageStatus === 'presumed_child' || facts.ageYears === null;
  if (isUncertain) return { isChild: true, basis: 'presumption_pending_assessment' };
  return { isChild: false, basis: 'stated_age_adult' };
}

export const ZGuardian = z.strictObject({
  /** UK: Independent Child Trafficking Guardian (MSA s.48); elsewhere a legal guardian or body. */
  kind: z.enum(['legal_guardian', 'independent_child_trafficking_guardian', 'organisation', 'authority']),
  /** Reference to the guardian's record; the guardian's identity is not kept here. */
  guardianRef: z.string().min(1),
  appointedAt: ZInstant,
});

export const ZBestInterestsDetermination = z.strictObject({
  completedAt: ZInstant,
  /** The durable solution the determination found in the child's best interests. */
  outcome: z.enum(['return_in_best_interests', 'return_not_in_best_interests', 'other_durable_solution']),
  riskAndSecurityAssessment: z.strictObject({ completedAt: ZInstant }).nullable(),
});

/** What the guards need to know about a child case. */
export const ZChildCaseFacts = z.strictObject({
  isChild: z.boolean(),
  /** null when not yet known; treated as unaccompanied until recorded otherwise. */
  isUnaccompanied: z.boolean().nullable(),
  childProtectionLead: z.strictObject({ userId: z.string().min(1), assignedAt: ZInstant }).nullable(),
  guardian: ZGuardian.nullable(),
  bestInterestsDetermination: ZBestInterestsDetermination.nullable(),
});
export type TChildCaseFacts = z.infer<typeof ZChildCaseFacts>;

const LEAD: TUnmetRequirement = {
  code: 'CHILD_PROTECTION_LEAD_REQUIRED',
  message: 'a child case needs a child-protection lead',
};
const GUARDIAN: TUnmetRequirement = {
  code: 'GUARDIAN_REQUIRED',
  message: 'an unaccompanied child needs a recorded guardian',
};
const BID: TUnmetRequirement = {
  code: 'BEST_INTERESTS_DETERMINATION_REQUIRED',
  message: 'a return needs a completed best-interests determination',
};
const RISK: TUnmetRequirement = {
  code: 'RISK_AND_SECURITY_ASSESSMENT_REQUIRED',
  message: 'a return needs a risk and security assessment',
};
const NOT_IN_BEST_INTERESTS: TUnmetRequirement = {
  code: 'RETURN_NOT_IN_BEST_INTERESTS',
  message: 'the best-interests determination found return not in the child’s best interests',
};

const needsGuardian = (f: TChildCaseFacts) => f.isChild && f.isUnaccompanied !== false && f.guardian === null;

/** Unmet requirements for a child case to proceed at all. Empty for adults. Never throws. */
export function childCaseRequirements(facts: TChildCaseFacts): TUnmetRequirement[] {
  return facts.isChild && facts.childProtectionLead === null ? [LEAD] : [];
}

/** Unmet requirements for closing a child's case. Empty for adults. Never throws. */
export function childClosureRequirements(facts: TChildCaseFacts): TUnmetRequirement[] {
  return needsGuardian(facts) ? [GUARDIAN] : [];
}

/** Unmet requirements for a return or repatriation decision about a child. Never throws. */
export function childReturnRequirements(facts: TChildCaseFacts): TUnmetRequirement[] {
  if (!facts.isChild) return [];
  const unmet: TUnmetRequirement[] = needsGuardian(facts) ? [GUARDIAN] : [];
  const bid = facts.bestInterestsDetermination;
  if (bid === null) return [...unmet, BID, RISK];
  if (bid.riskAndSecurityAssessment === null) unmet.push(RISK);
  if (bid.outcome !== 'return_in_best_interests') unmet.push(NOT_IN_BEST_INTERESTS);
  return unmet;
}

/** @throws AppError DOMAIN_RULE_VIOLATED (reason `CHILD_PROTECTION_LEAD_REQUIRED`). */
export function assertChildCase(facts: TChildCaseFacts): void {
  assertRequirementsMet(childCaseRequirements(facts), 'The child case cannot proceed');
}

/** @throws AppError DOMAIN_RULE_VIOLATED (reason `GUARDIAN_REQUIRED`). */
export function assertChildClosure(facts: TChildCaseFacts): void {
  assertRequirementsMet(childClosureRequirements(facts), "The child's case cannot be closed");
}

/**
 * @throws AppError DOMAIN_RULE_VIOLATED with reason the first of `GUARDIAN_REQUIRED`,
 *   `BEST_INTERESTS_DETERMINATION_REQUIRED`, `RISK_AND_SECURITY_ASSESSMENT_REQUIRED`,
 *   `RETURN_NOT_IN_BEST_INTERESTS`, and all of them in `details.unmet`.
 */
export function assertChildReturn(facts: TChildCaseFacts): void {
  assertRequirementsMet(childReturnRequirements(facts), 'The child cannot be returned');
}
