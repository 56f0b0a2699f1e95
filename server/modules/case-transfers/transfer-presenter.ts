import type { TTransferRejectReason, TTransferStatus } from '../../../core/protection/case-transfer.ts';
import type { TConsentBasis } from '../../../core/protection/consent.ts';
import type { TDb, TTx } from '../../db/database.ts';
import type { TTransferView } from './case-transfers.schemas.ts';
import type { TTransferSide } from './transfer-repo.ts';

/** Transfers with what each side may see: the sender its case, the receiver its new case. */
export async function presentTransfers(db: TDb | TTx, side: TTransferSide, transferIds: readonly string[]): Promise<TTransferView[]> {
  if (transferIds.length === 0) return [];
  const rows = await db.selectFrom('caseTransfers')
    .innerJoin('cases', 'cases.id', 'caseTransfers.caseId')
    .innerJoin('persons', 'persons.id', 'cases.personId')
    .innerJoin('organisations as sender', 'sender.id', 'caseTransfers.orgId')
    .innerJoin('organisations as receiver', 'receiver.id', 'caseTransfers.receivingOrgId')
    .leftJoin('users as requester', 'requester.id', 'caseTransfers.requestedBy')
    .selectAll('caseTransfers')
    .select(['cases.reference', 'cases.status as caseStatus', 'cases.isChild', 'cases.exploitationForms', 'persons.sex', 'persons.ageYears', 'persons.citizenship',
      'sender.name as senderName', 'receiver.name as receiverName', 'requester.displayName as requesterName'])
    .where('caseTransfers.id', 'in', [...transferIds]).orderBy('caseTransfers.requestedAt', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    direction: side === 'sender' ? 'outgoing' : 'incoming',
    status: row.status as TTransferStatus,
    version: row.version,
    sendingOrg: { id: row.orgId, name: row.senderName },
    receivingOrg: { id: row.receivingOrgId, name: row.receiverName },
    caseId: side === 'sender' ? row.caseId : null,
    caseReference: side === 'sender' ? row.reference : null,
    newCaseId: side === 'receiver' ? row.newCaseId : null,
    summary: { caseStatus: row.caseStatus, isChild: row.isChild, sex: row.sex, ageYears: row.ageYears, citizenship: row.citizenship, exploitationForms: row.exploitationForms },
    consentBasis: row.consentBasis as TConsentBasis,
    rejectReason: row.rejectReason as TTransferRejectReason | null,
    keepsReadAccess: row.keepsReadAccess,
    requestedBy: row.requesterName,
    requestedAt: row.requestedAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    note: null,
  }));
}
