import { z } from 'zod';
import { ZConsentBasis } from '../../../core/protection/consent.ts';
import { TRANSFER_STATUSES, ZTransferRejectReason } from '../../../core/protection/case-transfer.ts';
import { ZUuid } from '../../http/common-schemas.ts';
import { ZLanguageTag } from '../service-referrals/service-referrals.schemas.ts';

export const ZTransferParams = z.object({ orgId: ZUuid, transferId: ZUuid }).strict();

export const ZRequestTransfer = z.strictObject({
  receivingOrgId: ZUuid,
  /** The person's consent to the hand-over (a child's through the guardian or a best-interests decision). */
  consent: z.strictObject({ basis: ZConsentBasis, language: ZLanguageTag, interpreterUsed: z.boolean() }),
  /** Why the case is handed over, for the receiver; sealed under the receiver's key. */
  note: z.string().trim().min(1).max(4000).nullable().default(null),
});
export type TRequestTransfer = z.infer<typeof ZRequestTransfer>;

export const ZExpectedVersion = z.strictObject({ expectedVersion: z.number().int().min(1) });
export const ZRejectTransfer = z.strictObject({ expectedVersion: z.number().int().min(1), reason: ZTransferRejectReason });

export const ZTransferBox = z.object({ box: z.enum(['incoming', 'outgoing']), status: z.enum(TRANSFER_STATUSES).optional() }).strict();

const ZOrgRef = z.object({ id: z.string(), name: z.string() });

export const ZTransferView = z.object({
  id: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  status: z.enum(TRANSFER_STATUSES),
  version: z.number().int(),
  sendingOrg: ZOrgRef,
  receivingOrg: ZOrgRef,
  /** The sender's case: only the sender sees its id and reference. */
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  /** The receiver's new case once accepted: only the receiver sees it. */
  newCaseId: z.string().nullable(),
  /** What the receiver needs to decide: no name, no contact, no documents. */
  summary: z.object({
    caseStatus: z.string(), isChild: z.boolean(), sex: z.string(), ageYears: z.number().int().nullable(), citizenship: z.string().nullable(),
    exploitationForms: z.array(z.string()),
  }),
  consentBasis: ZConsentBasis,
  rejectReason: ZTransferRejectReason.nullable(),
  keepsReadAccess: z.boolean().nullable(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  respondedAt: z.string().nullable(),
  /** The sender's note: present only when one transfer is opened by the receiver (audited). */
  note: z.string().nullable(),
});
export type TTransferView = z.infer<typeof ZTransferView>;

export const ZTransferPolicy = z.strictObject({ keepReadAccess: z.boolean() });
