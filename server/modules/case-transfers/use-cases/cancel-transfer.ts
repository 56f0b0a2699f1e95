import { assertTransferTransition, type TTransferStatus } from '../../../../core/protection/case-transfer.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { notifyRoles } from '../../notifications/notify.ts';
import { assertSide, assertVersion, TRANSFER_HANDLER_ROLES, transferForSide } from '../transfer-repo.ts';

/**
 * The sender withdraws a request that was not answered yet; the sealed note is erased.
 * @throws NOT_FOUND, FORBIDDEN (case.transfer, WRONG_TRANSFER_SIDE), INVALID_TRANSITION, CONFLICT
 */
export async function cancelTransfer(ctx: TCtx, orgId: string, transferId: string, expectedVersion: number): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.transfer');
  const { row, side } = await transferForSide(ctx.db, orgId, transferId, { forUpdate: true });
  assertSide(side, 'sender');
  const to = assertTransferTransition(row.status as TTransferStatus, 'cancel');
  assertVersion(row.version, expectedVersion);
  const now = ctx.now();
  await ctx.db.updateTable('caseTransfers').set({ status: to, noteCiphertext: null, noteKeyVersion: null, version: row.version + 1, respondedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, respondedAt: now, updatedAt: now })
    .where('id', '=', transferId).execute();
  const metadata = { transferId, sendingOrgId: row.orgId, receivingOrgId: row.receivingOrgId };
  await ctx.audit.record('caseTransfer.cancelled', { orgId: row.orgId, subjectType: 'caseTransfer', subjectId: transferId, caseId: row.caseId, metadata });
  await ctx.audit.record('caseTransfer.cancelled', { orgId: row.receivingOrgId, subjectType: 'caseTransfer', subjectId: transferId, metadata });
  await notifyRoles(ctx, { orgId: row.receivingOrgId, roles: TRANSFER_HANDLER_ROLES, kind: 'caseTransfer.cancelled', subjectType: 'caseTransfer', subjectId: transferId });
}
