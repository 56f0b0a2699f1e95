import { availableReferralActions, isSharingLive, type TReferralStatus } from '../../../../core/protection/referral-status.ts';
import type { TPermission } from '../../../../core/authz/permissions.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { auditBothSides, requireVisibleReferral } from '../referral-access.ts';
import type { TInbox, TReferralView } from '../service-referrals.schemas.ts';
import { openReferralNote, openSharedFields } from '../shared-fields.ts';
import { findDeliveries } from './deliveries.ts';

/**
 * One referral as the viewer's side sees it. The receiver gets the shared fields while the
 * referral is sent or accepted, and each such read is audited in both organisations' chains;
 * the referrer gets the case reference instead (it holds the case already).
 * `permission` is serviceReferral.override when answering the emergency route.
 * @throws NOT_FOUND (not a party, or revoked for the receiver), FORBIDDEN (the permission)
 */
export async function loadReferral(ctx: TCtx, viewerOrgId: string, referralId: string, permission: TPermission = 'serviceReferral.manage'): Promise<TReferralView> {
  const { row, side } = await requireVisibleReferral(ctx, viewerOrgId, referralId, permission);
  const status = row.status as TReferralStatus;
  const names = await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [row.orgId, row.receivingOrgId]).execute();
  const nameOf = (id: string) => ({ id, name: names.find((n) => n.id === id)?.name ?? '' });
  const service = await ctx.db.selectFrom('directoryServices').select(['id', 'name']).where('id', '=', row.serviceId).executeTakeFirstOrThrow();
  let shared = null;
  if (side === 'receiver' && isSharingLive(status)) {
    shared = await openSharedFields(ctx.keyring, ctx.db, row);
    if (shared) await auditBothSides(ctx, 'serviceReferral.sharedViewed', row, { referralId: row.id, viewerOrgId, fieldGroups: row.fieldGroups });
  }
  const caseRef = side === 'referrer'
    ? await ctx.db.selectFrom('cases').select(['id', 'reference']).where('orgId', '=', row.orgId).where('id', '=', row.caseId).executeTakeFirstOrThrow()
    : null;
  return {
    id: row.id, side, status, purpose: row.purpose, fieldGroups: row.fieldGroups, isEmergencyOverride: row.isOverride,
    service, serviceAtLocationId: row.serviceAtLocationId, referringOrg: nameOf(row.orgId), receivingOrg: nameOf(row.receivingOrgId),
    case: caseRef, shared,
    declineReason: row.declineReason,
    declineNote: await openReferralNote(ctx.keyring, ctx.db, row.orgId, row.id, 'decline-note', row.responseNoteCiphertext, row.responseNoteKeyVersion),
    revokeReason: row.revokeReason as TReferralView['revokeReason'],
    sentAt: row.sentAt.toISOString(), respondedAt: row.respondedAt?.toISOString() ?? null, completedAt: row.completedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null, version: row.version,
    deliveries: await findDeliveries(ctx.db, { referralId: row.id }),
    allowedActions: availableReferralActions(status, side),
  };
}

/**
 * The inboxes (Primero's): `shared_with_me` — referrals received and still live; `action_needed`
 * — received and awaiting an answer; `sent` — everything this organisation referred.
 */
export async function findReferrals(ctx: TCtx, orgId: string, box: TInbox, options: { caseId?: string | undefined; limit: number }) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'serviceReferral.manage');
  let query = ctx.db.selectFrom('serviceReferrals')
    .innerJoin('directoryServices', 'directoryServices.id', 'serviceReferrals.serviceId')
    .innerJoin('organisations as referrer', 'referrer.id', 'serviceReferrals.orgId')
    .innerJoin('organisations as receiver', 'receiver.id', 'serviceReferrals.receivingOrgId')
    .innerJoin('cases', 'cases.id', 'serviceReferrals.caseId')
    .select(['serviceReferrals.id', 'serviceReferrals.orgId', 'serviceReferrals.receivingOrgId', 'serviceReferrals.status', 'serviceReferrals.purpose',
      'serviceReferrals.isOverride', 'serviceReferrals.sentAt', 'directoryServices.name as serviceName', 'referrer.name as referrerName', 'receiver.name as receiverName',
      'cases.reference as caseReference'])
    .orderBy('serviceReferrals.sentAt', 'desc').limit(options.limit);
  if (box === 'sent') {
    query = query.where('serviceReferrals.orgId', '=', orgId);
    if (options.caseId) query = query.where('serviceReferrals.caseId', '=', options.caseId);
  } else {
    query = query.where('serviceReferrals.receivingOrgId', '=', orgId).where('serviceReferrals.status', 'in', box === 'action_needed' ? ['sent'] : ['sent', 'accepted']);
  }
  const rows = await query.execute();
  return rows.map((row) => {
    const side = row.orgId === orgId ? 'referrer' as const : 'receiver' as const;
    return {
      id: row.id, side, status: row.status as TReferralStatus, purpose: row.purpose, serviceName: row.serviceName,
      counterpartOrg: side === 'referrer' ? { id: row.receivingOrgId, name: row.receiverName } : { id: row.orgId, name: row.referrerName },
      caseReference: side === 'referrer' ? row.caseReference : null, isEmergencyOverride: row.isOverride, sentAt: row.sentAt.toISOString(),
      needsAction: side === 'receiver' && row.status === 'sent',
    };
  });
}
