import { randomUUID } from 'node:crypto';
import type { TCtx } from '../../context.ts';
import { openDocumentContent, openDocumentName, sealDocument } from './document-sealing.ts';
import { findDocumentRows, findPlanId, insertDocument } from './documents.repo.ts';

/**
 * Plan documents travel with the plan: once the transfer hand-over has copied the plan into the
 * receiver's new case, each document of the sender's plan is copied onto the receiver's plan,
 * re-sealed under the receiver's key (new id, so new sealing contexts). The sender's rows stay
 * as they were, behind its closed case. Uploaders were the sender's staff, so the copies have
 * none (as copied goals lose their owners); the upload time is kept. Each copy is audited in
 * the receiver's chain. Runs in the hand-over's transaction; returns how many were copied.
 */
export async function copyPlanDocumentsForTransfer(ctx: TCtx, from: { orgId: string; caseId: string }, to: { orgId: string; caseId: string }, transferId: string): Promise<number> {
  const [fromPlanId, toPlanId] = [await findPlanId(ctx.db, from.orgId, from.caseId), await findPlanId(ctx.db, to.orgId, to.caseId)];
  if (fromPlanId === null || toPlanId === null) return 0;
  const rows = await findDocumentRows(ctx.db, { ...from, planId: fromPlanId });
  if (rows.length === 0) return 0;
  const key = await ctx.keyring.currentKey(ctx.db, to.orgId, ctx.now());
  for (const listed of rows) {
    // One document at a time: at most 5 MiB of plaintext in memory, whatever the plan holds.
    const row = await ctx.db.selectFrom('documents').select(['contentCiphertext']).where('id', '=', listed.id).executeTakeFirstOrThrow();
    const sourceKey = await ctx.keyring.keyVersion(ctx.db, from.orgId, listed.keyVersion);
    const file = {
      fileName: openDocumentName(sourceKey.dataKey, from.orgId, listed.id, listed.fileNameCiphertext),
      bytes: openDocumentContent(sourceKey.dataKey, from.orgId, listed.id, row.contentCiphertext),
    };
    const id = randomUUID();
    await insertDocument(ctx.db, {
      orgId: to.orgId, id, caseId: to.caseId, planId: toPlanId, ...sealDocument(key.dataKey, to.orgId, id, file),
      contentType: listed.contentType, sizeBytes: listed.sizeBytes, keyVersion: key.version, uploadedBy: null, uploadedAt: listed.uploadedAt,
    });
    await ctx.audit.record('document.receivedByTransfer', {
      orgId: to.orgId, subjectType: 'document', subjectId: id, caseId: to.caseId,
      metadata: { documentId: id, planId: toPlanId, transferId, fromOrgId: from.orgId, fromDocumentId: listed.id },
    });
  }
  return rows.length;
}
