import type { TTransferStatus } from '../../../../core/protection/case-transfer.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { openJson } from '../../../crypto/field-encryption.ts';
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TTransferView } from '../case-transfers.schemas.ts';
import { presentTransfers } from '../transfer-presenter.ts';
import { noteContext, transferForSide } from '../transfer-repo.ts';

/** Incoming (to answer) or outgoing (sent) transfers of the organisation, newest first. */
export async function findTransfers(ctx: TCtx, orgId: string, query: { box: 'incoming' | 'outgoing'; status?: TTransferStatus | undefined }): Promise<TTransferView[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.transfer');
  let ids = ctx.db.selectFrom('caseTransfers').select('id').where(query.box === 'incoming' ? 'receivingOrgId' : 'orgId', '=', orgId).orderBy('requestedAt', 'desc').limit(200);
  if (query.status) ids = ids.where('status', '=', query.status);
  return presentTransfers(ctx.db, query.box === 'incoming' ? 'receiver' : 'sender', (await ids.execute()).map((row) => row.id));
}

/** The transfers of one of the organisation's cases (its history of hand-overs). */
export async function findCaseTransfers(ctx: TCtx, orgId: string, caseId: string): Promise<TTransferView[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.read');
  // Not getCaseRow: the history of a hand-over stays visible after the case was transferred away.
  const exists = await ctx.db.selectFrom('cases').select('id').where('orgId', '=', orgId).where('id', '=', caseId).executeTakeFirst();
  if (!exists) throw new AppError('NOT_FOUND', 'Case not found.');
  const ids = await ctx.db.selectFrom('caseTransfers').select('id').where('orgId', '=', orgId).where('caseId', '=', caseId).execute();
  return presentTransfers(ctx.db, 'sender', ids.map((row) => row.id));
}

/**
 * One transfer. The receiver also reads the sender's note while the request is open; that read
 * is audited (it is narrative about a person).
 */
export async function loadTransfer(ctx: TCtx, orgId: string, transferId: string): Promise<TTransferView> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.transfer');
  const { row, side } = await transferForSide(ctx.db, orgId, transferId);
  const [view] = await presentTransfers(ctx.db, side, [transferId]);
  if (side === 'receiver' && row.noteCiphertext && row.noteKeyVersion !== null) {
    const key = await ctx.keyring.keyVersion(ctx.db, row.receivingOrgId, row.noteKeyVersion);
    view!.note = openJson<string>(key.dataKey, row.noteCiphertext, noteContext(row.receivingOrgId, transferId));
    await ctx.audit.record('caseTransfer.viewed', { orgId: row.receivingOrgId, subjectType: 'caseTransfer', subjectId: transferId, metadata: { transferId } });
  }
  return view!;
}
