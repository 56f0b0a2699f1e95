import { assertTransferTransition, type TTransferRejectReason, type TTransferStatus } from '../../../../core/protection/case-transfer.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { notifyUsers } from '../../notifications/notify.ts';
import { handOverCase } from '../hand-over.ts';
import { transferPolicyOf } from '../transfer-access.ts';
import { assertSide, assertVersion, transferForSide } from '../transfer-repo.ts';

async function openForAnswer(ctx: TCtx, orgId: string, transferId: string, action: 'accept' | 'reject', expectedVersion: number) {
  // Accepting creates a case here, so the receiver needs both permissions.
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.transfer');
  if (action === 'accept') await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.create');
  const { row, side } = await transferForSide(ctx.db, orgId, transferId, { forUpdate: true });
  assertSide(side, 'receiver');
  const to = assertTransferTransition(row.status as TTransferStatus, action);
  assertVersion(row.version, expectedVersion);
  return { row, to };
}

/**
 * The receiver takes the case over: its own copy is created and the sender's case closed as
 * transferred, in one transaction. Whether the sender keeps read access is fixed now, from its
 * policy. @throws NOT_FOUND, FORBIDDEN, INVALID_TRANSITION (TRANSFER_NOT_OPEN, CASE_CLOSED), CONFLICT
 */
export async function acceptTransfer(ctx: TCtx, orgId: string, transferId: string, expectedVersion: number): Promise<string> {
  const { row, to } = await openForAnswer(ctx, orgId, transferId, 'accept', expectedVersion);
  const handed = await handOverCase(ctx, row);
  const { keepReadAccess } = await transferPolicyOf(ctx.db, row.orgId);
  const now = ctx.now();
  await ctx.db.updateTable('caseTransfers').set({
    status: to, newCaseId: handed.caseId, keepsReadAccess: keepReadAccess, noteCiphertext: null, noteKeyVersion: null,
    version: row.version + 1, respondedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, respondedAt: now, updatedAt: now,
  }).where('id', '=', transferId).execute();
  const metadata = { transferId, sendingOrgId: row.orgId, receivingOrgId: row.receivingOrgId, newCaseId: handed.caseId, keepsReadAccess: keepReadAccess, planCopied: handed.planCopied };
  await ctx.audit.record('caseTransfer.accepted', { orgId: row.orgId, subjectType: 'caseTransfer', subjectId: transferId, caseId: row.caseId, metadata });
  await ctx.audit.record('caseTransfer.accepted', { orgId: row.receivingOrgId, subjectType: 'caseTransfer', subjectId: transferId, caseId: handed.caseId, metadata });
  if (row.requestedBy) await notifyUsers(ctx, { orgId: row.orgId, userIds: [row.requestedBy], kind: 'caseTransfer.accepted', subjectType: 'caseTransfer', subjectId: transferId });
  return handed.caseId;
}

/** @throws NOT_FOUND, FORBIDDEN, INVALID_TRANSITION (TRANSFER_NOT_OPEN), CONFLICT */
export async function rejectTransfer(ctx: TCtx, orgId: string, transferId: string, input: { expectedVersion: number; reason: TTransferRejectReason }): Promise<void> {
  const { row, to } = await openForAnswer(ctx, orgId, transferId, 'reject', input.expectedVersion);
  const now = ctx.now();
  await ctx.db.updateTable('caseTransfers').set({
    status: to, rejectReason: input.reason, noteCiphertext: null, noteKeyVersion: null,
    version: row.version + 1, respondedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, respondedAt: now, updatedAt: now,
  }).where('id', '=', transferId).execute();
  const metadata = { transferId, sendingOrgId: row.orgId, receivingOrgId: row.receivingOrgId, reason: input.reason };
  await ctx.audit.record('caseTransfer.rejected', { orgId: row.orgId, subjectType: 'caseTransfer', subjectId: transferId, caseId: row.caseId, metadata });
  await ctx.audit.record('caseTransfer.rejected', { orgId: row.receivingOrgId, subjectType: 'caseTransfer', subjectId: transferId, metadata });
  if (row.requestedBy) await notifyUsers(ctx, { orgId: row.orgId, userIds: [row.requestedBy], kind: 'caseTransfer.rejected', subjectType: 'caseTransfer', subjectId: transferId });
}
