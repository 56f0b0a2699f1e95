/**
 * PERSISTED VALUES: closure reason codes are stored on closed cases and counted in statistics
 * (HTCDS `cas_Status` Closed / ClosedReferred maps to `transferred` vs the rest).
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import type { TCaseStatus } from './case-status.ts';

export const CLOSURE_REASONS = [
  'draft_discarded',
  'conclusive_decision_made',
  'negative_rg_not_challenged',
  'withdrawn',
  'duplicate',
  'transferred',
  'deceased',
  'lost_contact',
  'other',
] as const;
export const ZClosureReason = z.enum(CLOSURE_REASONS);
export type TClosureReason = z.infer<typeof ZClosureReason>;

/**
 * The statuses a case may be closed from with each reason; `any` means every open status.
 * Reasons that describe how the procedure ended are tied to the status that shows it did.
 */
export const CLOSURE_REASON_ALLOWED_FROM = {
  draft_discarded: ['draft'],
  conclusive_decision_made: ['cg_positive', 'cg_negative'],
  negative_rg_not_challenged: ['rg_negative'],
  withdrawn: ['withdrawn'],
  duplicate: 'any',
  transferred: 'any',
  deceased: 'any',
  lost_contact: 'any',
  other: 'any',
} as const satisfies Record<TClosureReason, readonly TCaseStatus[] | 'any'>;

/**
 * Checks that `reason` fits the status the case is closed from (the transition itself is
 * checked by `assertCaseTransition(from, 'close')`).
 * @throws AppError DOMAIN_RULE_VIOLATED with `{ reason: 'CLOSURE_REASON_NOT_ALLOWED', from, closureReason }`.
 */
export function assertClosureReason(from: TCaseStatus, closureReason: TClosureReason): void {
  const allowed: readonly TCaseStatus[] | 'any' = CLOSURE_REASON_ALLOWED_FROM[closureReason];
  const ok = allowed === 'any' ? from !== 'closed' : allowed.includes(from);
  if (!ok) {
    throw new AppError('DOMAIN_RULE_VIOLATED', `A case in status ${from} cannot be closed as ${closureReason}`, {
      reason: 'CLOSURE_REASON_NOT_ALLOWED',
      from,
      closureReason,
    });
  }
}
