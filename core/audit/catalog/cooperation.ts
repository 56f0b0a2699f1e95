/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of case transfers between agencies and in-app notifications. Metadata holds ids, codes and counts only: never identifying data.
 */
import { z } from 'zod';
import { TRANSFER_REJECT_REASONS } from '../../protection/case-transfer.ts';
import { CONSENT_BASES } from '../../protection/consent.ts';

const ZId = z.string();

export const COOPERATION_AUDIT_EVENTS = {
  /** Written to both chains: the sender's with the case id, the receiver's without it. */
  'caseTransfer.requested': z.object({ transferId: ZId, sendingOrgId: ZId, receivingOrgId: ZId, consentBasis: z.enum(CONSENT_BASES), hasNote: z.boolean() }).strict(),
  'caseTransfer.accepted': z.object({ transferId: ZId, sendingOrgId: ZId, receivingOrgId: ZId, newCaseId: ZId, keepsReadAccess: z.boolean(), planCopied: z.boolean() }).strict(),
  'caseTransfer.rejected': z.object({ transferId: ZId, sendingOrgId: ZId, receivingOrgId: ZId, reason: z.enum(TRANSFER_REJECT_REASONS) }).strict(),
  'caseTransfer.cancelled': z.object({ transferId: ZId, sendingOrgId: ZId, receivingOrgId: ZId }).strict(),
  /** The receiver opened the request, with the sender's sealed note. */
  'caseTransfer.viewed': z.object({ transferId: ZId }).strict(),
  /** The receiver's new case, created from an accepted transfer (receiver's chain, with its case id). */
  'case.receivedByTransfer': z.object({ transferId: ZId, reference: z.string(), fromOrgId: ZId }).strict(),
  'transferPolicy.changed': z.object({ keepReadAccess: z.boolean() }).strict(),
} satisfies Record<string, z.ZodType>;
