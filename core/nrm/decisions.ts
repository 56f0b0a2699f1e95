/**
 * PERSISTED SHAPE: decision records are stored as the legal record of who decided what, on
 * which standard and why. Add optional fields only.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { assertCaseTransition, type TCaseAction, type TCaseStatus } from './case-status.ts';
import { computeRecoveryPeriod } from './deadlines.ts';
import { ZEvidenceStandard, type TJurisdictionProfile } from './jurisdictions/schema.ts';
import { toEpochMs, ZInstant, type TInstantInput } from './time-zone.ts';

export const ZDecisionKind = z.enum(['RG', 'CG']);
export type TDecisionKind = z.infer<typeof ZDecisionKind>;

export const ZDecisionOutcome = z.enum(['positive', 'negative']);
export type TDecisionOutcome = z.infer<typeof ZDecisionOutcome>;

export const MAX_DECISION_REASON_LENGTH = 20_000;

export const ZDecisionMaker = z.strictObject({
  userId: z.string().min(1),
  orgId: z.string().min(1),
  /** UK: Single Competent Authority / IECA, or a devolved multi-agency panel for children. */
  authority: z.enum(['competent_authority', 'multi_agency_panel', 'other']),
});

export const ZDecisionRecord = z.strictObject({
  kind: ZDecisionKind,
  outcome: ZDecisionOutcome,
  /** Recorded reasons; a decision without reasons cannot be reviewed or reconsidered. */
  reasons: z.array(z.string().trim().min(1).max(MAX_DECISION_REASON_LENGTH)).min(1),
  evidenceStandard: ZEvidenceStandard,
  decisionMaker: ZDecisionMaker,
  decidedAt: ZInstant,
  jurisdictionProfileId: z.string().min(1),
  jurisdictionProfileVersion: z.string().min(1),
});
export type TDecisionRecord = z.infer<typeof ZDecisionRecord>;

/** The case action that records a decision of this kind and outcome. Never throws. */
export function decisionAction(kind: TDecisionKind, outcome: TDecisionOutcome): TCaseAction {
  if (kind === 'RG') return outcome === 'positive' ? 'record_rg_positive' : 'record_rg_negative';
  return outcome === 'positive' ? 'record_cg_positive' : 'record_cg_negative';
}

export interface TDecisionContext {
  /** When the positive RG decision was made; required for a CG decision. */
  rgPositiveAt?: TInstantInput | null;
}

/**
 * Checks that a decision may be recorded on a case and returns the case's next status.
 * Checks, in order: the case is awaiting this kind of decision; the record belongs to this
 * profile and uses its evidence standard; a CG decision is not made before the minimum
 * recovery period ends (unless the profile allows it).
 * @throws AppError INVALID_TRANSITION (`ACTION_NOT_ALLOWED_FROM_STATUS` / `CASE_CLOSED`);
 *   DOMAIN_RULE_VIOLATED with reason `PROFILE_MISMATCH`, `EVIDENCE_STANDARD_MISMATCH` or
 *   `CG_BEFORE_END_OF_RECOVERY_PERIOD`; VALIDATION_FAILED (`RG_DATE_REQUIRED`) for a CG
 *   decision without the RG date.
 */
export function assertDecisionAllowed(
  profile: TJurisdictionProfile,
  from: TCaseStatus,
  decision: TDecisionRecord,
  context: TDecisionContext = {},
): TCaseStatus {
  const next = assertCaseTransition(from, decisionAction(decision.kind, decision.outcome));
  if (decision.jurisdictionProfileId !== profile.id || decision.jurisdictionProfileVersion !== profile.version) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'The decision was prepared under another jurisdiction profile', {
      reason: 'PROFILE_MISMATCH',
      expected: `${profile.id}@${profile.version}`,
      actual: `${decision.jurisdictionProfileId}@${decision.jurisdictionProfileVersion}`,
    });
  }
  const expected = decision.kind === 'RG' ? profile.reasonableGrounds.standard : profile.conclusiveGrounds.standard;
  if (decision.evidenceStandard !== expected) {
    throw new AppError('DOMAIN_RULE_VIOLATED', `A ${decision.kind} decision here uses the standard ${expected}`, {
      reason: 'EVIDENCE_STANDARD_MISMATCH',
      expected,
      actual: decision.evidenceStandard,
    });
  }
  if (decision.kind === 'CG') {
    if (context.rgPositiveAt == null) {
      throw new AppError('VALIDATION_FAILED', 'A CG decision needs the date of the positive RG decision', { reason: 'RG_DATE_REQUIRED' });
    }
    const { earliestCgAt } = computeRecoveryPeriod(profile, context.rgPositiveAt);
    if (toEpochMs(decision.decidedAt) < toEpochMs(earliestCgAt)) {
      throw new AppError('DOMAIN_RULE_VIOLATED', `A CG decision may not be made before ${earliestCgAt}`, {
        reason: 'CG_BEFORE_END_OF_RECOVERY_PERIOD',
        earliestCgAt,
      });
    }
  }
  return next;
}
