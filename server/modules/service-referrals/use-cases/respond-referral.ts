import { assertReferralTransition, isSharingLive, type TReferralAction, type TReferralStatus } from '../../../../core/protection/referral-status.ts';
import type { TCtx } from '../../../context.ts';
import type { TServiceReferralRow } from '../../../db/schema/protection.ts';
import { assertSide, assertVersion, auditBothSides, requireVisibleReferral } from '../referral-access.ts';
import { noticeReferralTransition } from '../referral-notices.ts';
import { sealReferralNote } from '../shared-fields.ts';

const userIdOf = (ctx: TCtx) => (ctx.actor.type === 'user' ? ctx.actor.userId : null);

/**
 * Applies a transition to a loaded referral: status, who and when, and the shared copy erased as
 * soon as the new status no longer shares (declined, completed, revoked). Audited on both sides;
 * the other side is notified.
 */
export async function endReferral(ctx: TCtx, row: TServiceReferralRow, action: TReferralAction, extra: { revokeReason?: string; declineReason?: string; declineNote?: string | null } = {}): Promise<TReferralStatus> {
  const from = row.status as TReferralStatus;
  const to = assertReferralTransition(from, action);
  const now = ctx.now();
  const changes: Record<string, unknown> = { status: to, version: row.version + 1, updatedAt: now };
  if (!isSharingLive(to)) Object.assign(changes, { sharedCiphertext: null, sharedKeyVersion: null });
  switch (action) {
    case 'accept':
      Object.assign(changes, { respondedAt: now, respondedBy: userIdOf(ctx) });
      break;
    case 'decline': {
      Object.assign(changes, { respondedAt: now, respondedBy: userIdOf(ctx), declineReason: extra.declineReason });
      if (extra.declineNote) {
        const sealed = await sealReferralNote(ctx.keyring, ctx.db, row.orgId, row.id, 'decline-note', extra.declineNote, now);
        Object.assign(changes, { responseNoteCiphertext: sealed.ciphertext, responseNoteKeyVersion: sealed.keyVersion });
      }
      break;
    }
    case 'complete':
      Object.assign(changes, { completedAt: now });
      break;
    case 'revoke':
      Object.assign(changes, { revokedAt: now, revokedBy: userIdOf(ctx), revokeReason: extra.revokeReason });
      break;
  }
  await ctx.db.updateTable('serviceReferrals').set(changes as never).where('id', '=', row.id).execute();
  switch (action) {
    case 'accept':
      await auditBothSides(ctx, 'serviceReferral.accepted', row, { referralId: row.id, from, to });
      break;
    case 'decline':
      await auditBothSides(ctx, 'serviceReferral.declined', row, { referralId: row.id, from, to, reason: extra.declineReason ?? 'other' });
      break;
    case 'complete':
      await auditBothSides(ctx, 'serviceReferral.completed', row, { referralId: row.id, from, to });
      break;
    case 'revoke':
      await auditBothSides(ctx, 'serviceReferral.revoked', row, { referralId: row.id, from, to, reason: extra.revokeReason ?? 'referrer_revoked' });
      break;
  }
  const reason = action === 'decline' ? extra.declineReason ?? 'other' : action === 'revoke' ? extra.revokeReason ?? 'referrer_revoked' : null;
  await noticeReferralTransition(ctx, row, action, to, reason);
  return to;
}

async function transition(ctx: TCtx, viewerOrgId: string, referralId: string, action: TReferralAction, expectedVersion: number, extra: Parameters<typeof endReferral>[3] = {}): Promise<void> {
  const { row, side } = await requireVisibleReferral(ctx, viewerOrgId, referralId, 'serviceReferral.manage', { forUpdate: true });
  assertSide(side, action);
  assertReferralTransition(row.status as TReferralStatus, action);
  assertVersion(row, expectedVersion);
  await endReferral(ctx, row, action, extra);
}

/** The receiving organisation takes the person on. @throws NOT_FOUND, FORBIDDEN (NOT_RECEIVER), INVALID_TRANSITION, CONFLICT */
export function acceptReferral(ctx: TCtx, viewerOrgId: string, referralId: string, expectedVersion: number): Promise<void> {
  return transition(ctx, viewerOrgId, referralId, 'accept', expectedVersion);
}

/** The receiving organisation declines, with a reason; the shared copy is erased. */
export function declineReferral(ctx: TCtx, viewerOrgId: string, referralId: string, input: { reason: string; note: string | null; expectedVersion: number }): Promise<void> {
  return transition(ctx, viewerOrgId, referralId, 'decline', input.expectedVersion, { declineReason: input.reason, declineNote: input.note });
}

/** The service was provided; the shared copy is erased. */
export function completeReferral(ctx: TCtx, viewerOrgId: string, referralId: string, expectedVersion: number): Promise<void> {
  return transition(ctx, viewerOrgId, referralId, 'complete', expectedVersion);
}

/** The referrer withdraws the referral: the receiver's access ends in this transaction. @throws FORBIDDEN (NOT_REFERRER) */
export function revokeReferral(ctx: TCtx, viewerOrgId: string, referralId: string, expectedVersion: number): Promise<void> {
  return transition(ctx, viewerOrgId, referralId, 'revoke', expectedVersion, { revokeReason: 'referrer_revoked' });
}
