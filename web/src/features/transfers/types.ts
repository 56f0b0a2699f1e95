/** The case-transfer API as the web reads it (mirrors server/modules/case-transfers/case-transfers.schemas.ts). */
export { TRANSFER_REJECT_REASONS, TRANSFER_STATUSES, type TTransferRejectReason, type TTransferStatus } from '../../../../core/protection/case-transfer.ts';

export type TTransferBox = 'incoming' | 'outgoing';
export const TRANSFER_BOXES: readonly TTransferBox[] = ['incoming', 'outgoing'];

export type TTransferView = {
  id: string;
  direction: TTransferBox;
  status: 'requested' | 'accepted' | 'rejected' | 'cancelled';
  version: number;
  sendingOrg: { id: string; name: string };
  receivingOrg: { id: string; name: string };
  /** The sender's case (only the sender sees it). */
  caseId: string | null;
  caseReference: string | null;
  /** The receiver's new case once accepted (only the receiver sees it). */
  newCaseId: string | null;
  summary: { caseStatus: string; isChild: boolean; sex: string; ageYears: number | null; citizenship: string | null; exploitationForms: string[] };
  consentBasis: string;
  rejectReason: string | null;
  keepsReadAccess: boolean | null;
  requestedBy: string | null;
  requestedAt: string;
  respondedAt: string | null;
  /** The sender's note: only when the receiver opens one open transfer (the read is audited). */
  note: string | null;
};

export type TTransferPolicy = { keepReadAccess: boolean };
