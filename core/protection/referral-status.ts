/**
 * PERSISTED VALUES: statuses and actions are stored on service referrals and in the audit log.
 * Add values; never rename or reuse one.
 *
 * A service referral (Primero's model, anchors.md 1.1: shared access for a service, ownership
 * does not move):
 *
 *   sent ──accept (receiver)──▶ accepted ──complete (receiver)──▶ completed
 *     │                            │
 *     ├──decline (receiver, reason)──▶ declined
 *     └──revoke (referrer)─────────┴──▶ revoked
 *
 * The receiving organisation sees the shared fields only while the referral is `sent` or
 * `accepted`; a revoked referral no longer exists for it at all.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'revoked'] as const;
export const ZReferralStatus = z.enum(REFERRAL_STATUSES);
export type TReferralStatus = z.infer<typeof ZReferralStatus>;

export const REFERRAL_ACTIONS = ['accept', 'decline', 'complete', 'revoke'] as const;
export const ZReferralAction = z.enum(REFERRAL_ACTIONS);
export type TReferralAction = z.infer<typeof ZReferralAction>;

/** Which side of the referral takes each action. */
export type TReferralSide = 'referrer' | 'receiver';
export const REFERRAL_ACTION_SIDE: Record<TReferralAction, TReferralSide> = {
  accept: 'receiver',
  decline: 'receiver',
  complete: 'receiver',
  revoke: 'referrer',
};

/** Why a receiver declines (required); the closed list feeds statistics on unmet need. */
export const DECLINE_REASONS = ['no_capacity', 'not_eligible', 'service_not_suitable', 'person_not_reachable', 'person_declined_service', 'other'] as const;
export const REVOKE_REASONS = ['referrer_revoked', 'consent_withdrawn'] as const;

export const REFERRAL_TRANSITIONS = {
  sent: { accept: 'accepted', decline: 'declined', revoke: 'revoked' },
  accepted: { complete: 'completed', revoke: 'revoked' },
  declined: {},
  completed: {},
  revoked: {},
} as const satisfies Record<TReferralStatus, Partial<Record<TReferralAction, TReferralStatus>>>;

/** Statuses in which the receiving organisation may read the shared fields. */
export function isSharingLive(status: TReferralStatus): boolean {
  switch (status) {
    case 'sent':
    case 'accepted':
      return true;
    case 'declined':
    case 'completed':
    case 'revoked':
      return false;
  }
}

/**
 * The status a referral moves to when `action` is taken from `from`.
 * @throws AppError INVALID_TRANSITION with `{ reason: 'ACTION_NOT_ALLOWED_FROM_STATUS', from, action }`
 */
export function assertReferralTransition(from: TReferralStatus, action: TReferralAction): TReferralStatus {
  const row: Partial<Record<TReferralAction, TReferralStatus>> = REFERRAL_TRANSITIONS[from];
  const next = row[action];
  if (next === undefined) {
    throw new AppError('INVALID_TRANSITION', `A referral in status ${from} cannot take action ${action}`, { reason: 'ACTION_NOT_ALLOWED_FROM_STATUS', from, action });
  }
  return next;
}

/** Actions one side may take from a status, in catalogue order, for the UI. Never throws. */
export function availableReferralActions(from: TReferralStatus, side: TReferralSide): TReferralAction[] {
  const row: Partial<Record<TReferralAction, TReferralStatus>> = REFERRAL_TRANSITIONS[from];
  return REFERRAL_ACTIONS.filter((action) => row[action] !== undefined && REFERRAL_ACTION_SIDE[action] === side);
}
