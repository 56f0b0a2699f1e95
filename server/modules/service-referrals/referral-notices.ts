import { ROLES, roleHasPermission } from '../../../core/authz/permissions.ts';
import type { TReferralAction, TReferralStatus } from '../../../core/protection/referral-status.ts';
import type { TCtx } from '../../context.ts';
import type { TServiceReferralRow } from '../../db/schema/protection.ts';
import { notifyRoles, notifyUsers } from '../notifications/notify.ts';

/**
 * In-app notices (and e-mails when SMTP is configured) about referrals. Payloads hold ids and
 * codes only: the shared fields never leave the referral page.
 */

/** The roles that work referrals: whoever holds serviceReferral.manage in the organisation. */
export const REFERRAL_HANDLER_ROLES = ROLES.filter((role) => roleHasPermission(role, 'serviceReferral.manage'));

type TNoticeRow = Pick<TServiceReferralRow, 'id' | 'orgId' | 'receivingOrgId' | 'sentBy' | 'purpose'>;

/** A new referral (consented or emergency) reaches the receiving organisation's referral workers. */
export async function noticeReferralReceived(ctx: TCtx, row: TNoticeRow & { isOverride: boolean }): Promise<void> {
  await notifyRoles(ctx, {
    orgId: row.receivingOrgId, roles: REFERRAL_HANDLER_ROLES, kind: 'serviceReferral.received', subjectType: 'serviceReferral', subjectId: row.id,
    payload: { referralId: row.id, purpose: row.purpose, isOverride: row.isOverride },
  });
}

/**
 * The receiver's answer (accepted, declined, completed) goes to whoever sent the referral; a
 * referral sent by the system goes to the referring organisation's referral workers. A revocation
 * (by the referrer, or because the consent was withdrawn) goes to the receiver's workers.
 */
export async function noticeReferralTransition(ctx: TCtx, row: TNoticeRow, action: TReferralAction, to: TReferralStatus, reason: string | null): Promise<void> {
  const payload = { referralId: row.id, purpose: row.purpose, response: to, reason };
  if (action === 'revoke') {
    await notifyRoles(ctx, { orgId: row.receivingOrgId, roles: REFERRAL_HANDLER_ROLES, kind: 'serviceReferral.revoked', subjectType: 'serviceReferral', subjectId: row.id, payload });
    return;
  }
  const notice = { orgId: row.orgId, kind: 'serviceReferral.responded', subjectType: 'serviceReferral', subjectId: row.id, payload };
  if (row.sentBy) await notifyUsers(ctx, { ...notice, userIds: [row.sentBy] });
  else await notifyRoles(ctx, { ...notice, roles: REFERRAL_HANDLER_ROLES });
}
