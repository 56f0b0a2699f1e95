import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors/app-error.ts';
import { ACCESS_PURPOSES, type TAccessPurpose } from '../../../core/security/access-purpose.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { can } from '../../authz/policy.ts';
import type { TCaseRow } from '../../db/schema/nrm.ts';
import { getCaseRow } from '../cases/cases.repo.ts';
import { isAccessPurposeRequired } from '../security-policy/security-policy.repo.ts';
import { openDocumentContent, openDocumentName, sealDocument } from './document-sealing.ts';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, type TDocumentType } from './document-types.ts';
import { DOCUMENT_PERMISSIONS, type TDocumentAction, type THolderKind } from './documents.policy.ts';
import { findDocumentRow, findDocumentRows, findPlanId, insertDocument, type TDocumentHolderRef } from './documents.repo.ts';
import type { TDocumentView, TUpload } from './documents.schemas.ts';

/**
 * Documents of a case or of its plan, one set of rules for both: sealed at rest under the
 * organisation's key, the declared type checked against the bytes, 5 MiB at most; listing
 * (it reveals file names) and every download are audited.
 */

type THolder = TDocumentHolderRef & { kind: THolderKind; caseRow: TCaseRow };

/** Authorizes the action for the holder kind, then finds the case (and its plan, for plan documents). */
async function openHolder(ctx: TCtx, orgId: string, caseId: string, kind: THolderKind, action: TDocumentAction): Promise<THolder> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, DOCUMENT_PERMISSIONS[kind][action]);
  const caseRow = await getCaseRow(ctx.db, orgId, caseId);
  const planId = kind === 'plan' ? await findPlanId(ctx.db, orgId, caseId) : null;
  return { kind, orgId, caseId, planId, caseRow };
}

const uploaderOf = (ctx: TCtx) => (ctx.actor.type === 'user' ? ctx.actor.userId : null);

/** The decoded bytes, refused when too large or when they are not what the declared type says. */
function checkedBytes(input: TUpload): { bytes: Buffer; type: TDocumentType } {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'A document may be at most 5 MiB.');
  const type = input.contentType as TDocumentType;
  if (!DOCUMENT_TYPES[type](bytes)) {
    throw new AppError('VALIDATION_FAILED', 'The file content does not match its declared type.', { reason: 'CONTENT_TYPE_MISMATCH', issues: [{ path: 'body.contentBase64', message: `Not a ${type} file` }] });
  }
  return { bytes, type };
}

/**
 * Attaches a document to the case or to its plan. A plan document needs a saved plan and an
 * open case (as saving the plan does).
 * @throws NOT_FOUND (case; plan not started), FORBIDDEN, INVALID_TRANSITION (CASE_CLOSED, plan only),
 *   PAYLOAD_TOO_LARGE, VALIDATION_FAILED (CONTENT_TYPE_MISMATCH)
 */
export async function attachDocument(ctx: TCtx, orgId: string, caseId: string, kind: THolderKind, input: TUpload): Promise<TDocumentView> {
  const holder = await openHolder(ctx, orgId, caseId, kind, 'attach');
  if (kind === 'plan') {
    if (holder.caseRow.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The case is closed.', { reason: 'CASE_CLOSED' });
    if (holder.planId === null) throw new AppError('NOT_FOUND', 'This case has no plan yet: save the plan before attaching documents to it.');
  }
  const { bytes, type } = checkedBytes(input);
  const id = randomUUID();
  const now = ctx.now();
  const key = await ctx.keyring.currentKey(ctx.db, orgId, now);
  await insertDocument(ctx.db, {
    orgId, id, caseId, planId: holder.planId, ...sealDocument(key.dataKey, orgId, id, { fileName: input.fileName, bytes }),
    contentType: type, sizeBytes: bytes.length, keyVersion: key.version, uploadedBy: uploaderOf(ctx), uploadedAt: now,
  });
  const subject = { orgId, subjectType: 'document', subjectId: id, caseId };
  if (holder.planId === null) await ctx.audit.record('document.uploaded', { ...subject, metadata: { documentId: id, contentType: type, sizeBytes: bytes.length } });
  else await ctx.audit.record('document.uploadedToPlan', { ...subject, metadata: { documentId: id, planId: holder.planId, contentType: type, sizeBytes: bytes.length } });
  return { id, fileName: input.fileName, contentType: type, sizeBytes: bytes.length, uploadedAt: now.toISOString(), uploadedBy: uploaderOf(ctx) };
}

/**
 * The documents of the case or of its plan, names opened. File names identify (a statement
 * titled with the person's name), so a list that shows any is audited like a read of identity;
 * an empty list reveals nothing and leaves no row.
 */
export async function listDocuments(ctx: TCtx, orgId: string, caseId: string, kind: THolderKind): Promise<{ holder: THolder; documents: TDocumentView[] }> {
  const holder = await openHolder(ctx, orgId, caseId, kind, 'list');
  const rows = kind === 'plan' && holder.planId === null ? [] : await findDocumentRows(ctx.db, holder);
  const documents: TDocumentView[] = [];
  for (const row of rows) {
    const key = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
    documents.push({
      id: row.id, fileName: openDocumentName(key.dataKey, orgId, row.id, row.fileNameCiphertext), contentType: row.contentType,
      sizeBytes: row.sizeBytes, uploadedAt: row.uploadedAt.toISOString(), uploadedBy: row.uploadedBy,
    });
  }
  if (documents.length > 0) {
    await ctx.audit.record('document.listed', {
      orgId, caseId, ...(holder.planId === null ? { subjectType: 'case', subjectId: caseId } : { subjectType: 'plan', subjectId: holder.planId }),
      metadata: { holder: kind, documentIds: documents.map((d) => d.id) },
    });
  }
  return { holder, documents };
}

/** The plan's documents with whether this viewer may attach one now. */
export async function listPlanDocuments(ctx: TCtx, orgId: string, caseId: string) {
  const { holder, documents } = await listDocuments(ctx, orgId, caseId, 'plan');
  const canAttach = holder.planId !== null && holder.caseRow.status !== 'closed' && can(ctx.actor, orgId, DOCUMENT_PERMISSIONS.plan.attach);
  return { planId: holder.planId, canAttach, documents };
}

/**
 * One document's bytes for download (audited). The holder must match: a plan document is not
 * served through the case's route, nor the reverse.
 * When the organisation's security policy requires it, the reader states a purpose (a code,
 * kept in the audit row), as for opening the person's identity on the case.
 * @throws NOT_FOUND, FORBIDDEN (permission; CASE_TRANSFERRED),
 *   DOMAIN_RULE_VIOLATED (ACCESS_PURPOSE_REQUIRED) when a required purpose is missing
 */
export async function readDocumentContent(ctx: TCtx, orgId: string, caseId: string, kind: THolderKind, documentId: string, accessPurpose?: TAccessPurpose) {
  const holder = await openHolder(ctx, orgId, caseId, kind, 'download');
  if (!accessPurpose && (await isAccessPurposeRequired(ctx.db, orgId))) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'This organisation asks why you open a document: choose a purpose.', { reason: 'ACCESS_PURPOSE_REQUIRED', purposes: [...ACCESS_PURPOSES] });
  }
  const purposeMetadata = accessPurpose ? { accessPurpose } : {};
  const row = kind === 'plan' && holder.planId === null ? undefined : await findDocumentRow(ctx.db, holder, documentId);
  if (!row) throw new AppError('NOT_FOUND', 'Document not found.');
  const key = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
  const subject = { orgId, subjectType: 'document', subjectId: documentId, caseId };
  if (holder.planId === null) await ctx.audit.record('document.downloaded', { ...subject, metadata: { documentId, ...purposeMetadata } });
  else await ctx.audit.record('document.downloadedFromPlan', { ...subject, metadata: { documentId, planId: holder.planId, ...purposeMetadata } });
  return {
    bytes: openDocumentContent(key.dataKey, orgId, documentId, row.contentCiphertext),
    contentType: row.contentType,
    fileName: openDocumentName(key.dataKey, orgId, documentId, row.fileNameCiphertext),
  };
}
