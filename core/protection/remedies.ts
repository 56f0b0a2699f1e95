/**
 * PERSISTED VALUES. Remedies: compensation claims (in criminal proceedings, civil suits, state
 * compensation funds, employment claims for unpaid wages), the awards made and the payments
 * actually received. Add values; never rename or reuse one.
 *
 *   preparing ──file──▶ filed ──(award recorded)──▶ awarded ──close──▶ closed
 *       │                 ├──reject──▶ rejected ──file (appeal / refile)──▶ filed
 *       └──withdraw──▶ withdrawn ◀──withdraw──┘          rejected ──close──▶ closed
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

export const CLAIM_KINDS = ['criminal_court', 'civil', 'state_fund', 'employment'] as const;
export const CLAIM_STATUSES = ['preparing', 'filed', 'awarded', 'rejected', 'withdrawn', 'closed'] as const;
export const ZClaimStatus = z.enum(CLAIM_STATUSES);
export type TClaimStatus = z.infer<typeof ZClaimStatus>;
/** Who pays an award or a payment. */
export const PAYERS = ['offender', 'employer', 'state_fund', 'other'] as const;

export const CLAIM_TRANSITIONS = {
  preparing: ['filed', 'withdrawn'],
  filed: ['awarded', 'rejected', 'withdrawn'],
  awarded: ['closed'],
  rejected: ['filed', 'closed'],
  withdrawn: [],
  closed: [],
} as const satisfies Record<TClaimStatus, readonly TClaimStatus[]>;

/** @throws AppError INVALID_TRANSITION (`ACTION_NOT_ALLOWED_FROM_STATUS`) */
export function assertClaimTransition(from: TClaimStatus, to: TClaimStatus): void {
  if (!(CLAIM_TRANSITIONS[from] as readonly TClaimStatus[]).includes(to)) {
    throw new AppError('INVALID_TRANSITION', `A claim in status ${from} cannot move to ${to}`, { reason: 'ACTION_NOT_ALLOWED_FROM_STATUS', from, to });
  }
}

/** Statuses in which awards may be recorded (recording one moves a filed claim to awarded). */
export const AWARDABLE_STATUSES: readonly TClaimStatus[] = ['filed', 'awarded'];
/** Payments follow an award; a closed claim may still receive a late instalment. */
export const PAYABLE_STATUSES: readonly TClaimStatus[] = ['awarded', 'closed'];
