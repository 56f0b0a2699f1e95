import { randomUUID } from 'node:crypto';
import { assertRequirementsMet } from '../../../../core/nrm/requirements.ts';
import type { TCaseStatus } from '../../../../core/nrm/case-status.ts';
import { transferRequirements } from '../../../../core/protection/case-transfer.ts';
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { sealJson } from '../../../crypto/field-encryption.ts';
import { getCaseRow } from '../../cases/cases.repo.ts';
import { notifyRoles } from '../../notifications/notify.ts';
import type { TRequestTransfer } from '../case-transfers.schemas.ts';
import { noteContext, TRANSFER_HANDLER_ROLES } from '../transfer-repo.ts';

/**
 * Asks another organisation to take over a case. Nothing is shared yet but the summary the
 * receiver needs to decide (no identity); the note is sealed under the receiver's key.
 * @throws NOT_FOUND (case or receiving organisation), FORBIDDEN (case.transfer),
 *   DOMAIN_RULE_VIOLATED (CASE_NOT_TRANSFERABLE, TRANSFER_TO_SELF, consent basis),
 *   CONFLICT (TRANSFER_ALREADY_OPEN)
 */
export async function requestTransfer(ctx: TCtx, orgId: string, caseId: string, input: TRequestTransfer): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.transfer');
  const caseRow = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  const receiver = await ctx.db.selectFrom('organisations').select('id').where('id', '=', input.receivingOrgId).executeTakeFirst();
  if (!receiver) throw new AppError('NOT_FOUND', 'The receiving organisation does not exist.', { reason: 'RECEIVING_ORG_NOT_FOUND' });
  assertRequirementsMet(transferRequirements({
    caseStatus: caseRow.status as TCaseStatus, sendingOrgId: orgId, receivingOrgId: input.receivingOrgId, consentBasis: input.consent.basis,
    isChild: caseRow.isChild, isUnaccompanied: caseRow.isUnaccompanied, hasGuardian: caseRow.guardian !== null,
  }), 'The case cannot be transferred');
  const open = await ctx.db.selectFrom('caseTransfers').select('id').where('caseId', '=', caseId).where('status', '=', 'requested').executeTakeFirst();
  if (open) throw new AppError('CONFLICT', 'A transfer of this case is already waiting for an answer.', { reason: 'TRANSFER_ALREADY_OPEN', transferId: open.id });

  const now = ctx.now();
  const id = randomUUID();
  const key = input.note ? await ctx.keyring.currentKey(ctx.db, input.receivingOrgId, now) : null;
  await ctx.db.insertInto('caseTransfers').values({
    orgId, id, caseId, receivingOrgId: input.receivingOrgId, status: 'requested',
    consentBasis: input.consent.basis, consentLanguage: input.consent.language, interpreterUsed: input.consent.interpreterUsed,
    noteCiphertext: key && input.note ? sealJson(key.dataKey, input.note, noteContext(input.receivingOrgId, id)) : null, noteKeyVersion: key?.version ?? null,
    rejectReason: null, newCaseId: null, keepsReadAccess: null, version: 1,
    requestedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, requestedAt: now, respondedBy: null, respondedAt: null, updatedAt: now,
  }).execute();
  const metadata = { transferId: id, sendingOrgId: orgId, receivingOrgId: input.receivingOrgId, consentBasis: input.consent.basis, hasNote: input.note !== null };
  await ctx.audit.record('caseTransfer.requested', { orgId, subjectType: 'caseTransfer', subjectId: id, caseId, metadata });
  await ctx.audit.record('caseTransfer.requested', { orgId: input.receivingOrgId, subjectType: 'caseTransfer', subjectId: id, metadata });
  await notifyRoles(ctx, { orgId: input.receivingOrgId, roles: TRANSFER_HANDLER_ROLES, kind: 'caseTransfer.requested', subjectType: 'caseTransfer', subjectId: id });
  return id;
}
