import { z } from 'zod';
import { ACCESS_PURPOSES } from '../../../core/security/access-purpose.ts';
import { ZUuid } from '../../http/common-schemas.ts';
import { DOCUMENT_TYPE_NAMES, MAX_DOCUMENT_BYTES } from './document-types.ts';

export const ZCaseParams = z.object({ orgId: ZUuid, caseId: ZUuid }).strict();
export const ZDocumentParams = z.object({ orgId: ZUuid, caseId: ZUuid, documentId: ZUuid }).strict();
/** `purpose`: why the reader opens the document; required when the organisation's security policy says so. */
export const ZDocumentDownloadQuery = z.strictObject({ purpose: z.enum(ACCESS_PURPOSES).optional() });

/** Base64 of at most MAX_DOCUMENT_BYTES bytes (the decoded size is checked again after decoding). */
export const MAX_BASE64_CHARS = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 4;

export const ZUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(200).regex(/^[^/\\\u0000]+$/, 'no path separators'),
  contentType: z.enum(DOCUMENT_TYPE_NAMES as [string, ...string[]]),
  contentBase64: z.string().min(1).max(MAX_BASE64_CHARS).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type TUpload = z.infer<typeof ZUpload>;

export const ZDocument = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string(), uploadedBy: z.string().nullable() });
export type TDocumentView = z.infer<typeof ZDocument>;

export const ZCaseDocuments = z.object({ documents: z.array(ZDocument) });
export const ZPlanDocuments = z.object({
  /** Null until the plan's first version is saved: there is nothing to attach to yet. */
  planId: z.string().nullable(),
  /** Whether this viewer may attach now (plan.manage, a plan exists, the case is open). */
  canAttach: z.boolean(),
  documents: z.array(ZDocument),
});
