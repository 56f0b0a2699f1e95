import { AppError } from '../../../core/errors/app-error.ts';
import type { TDb, TTx } from '../../db/database.ts';

/**
 * After a transfer the sending organisation keeps read access to its old case only when its
 * policy said so at the moment of acceptance (recorded on the transfer, so a later policy change
 * does not reopen old cases). Without it, the case is still counted and its audit history stays
 * readable, but its contents are refused.
 */
export async function keepsAccessAfterTransfer(db: TDb | TTx, caseRow: { id: string; transferredToOrgId: string | null }): Promise<boolean> {
  if (!caseRow.transferredToOrgId) return true;
  const transfer = await db.selectFrom('caseTransfers').select('keepsReadAccess')
    .where('caseId', '=', caseRow.id).where('status', '=', 'accepted').executeTakeFirst();
  return transfer?.keepsReadAccess === true;
}

/** @throws FORBIDDEN (`CASE_TRANSFERRED`) when the case was handed over and access was not kept */
export async function assertCaseNotTransferredAway(db: TDb | TTx, caseRow: { id: string; transferredToOrgId: string | null }): Promise<void> {
  if (!(await keepsAccessAfterTransfer(db, caseRow))) {
    throw new AppError('FORBIDDEN', 'This case was transferred to another organisation.', { reason: 'CASE_TRANSFERRED' });
  }
}

export async function transferPolicyOf(db: TDb | TTx, orgId: string): Promise<{ keepReadAccess: boolean }> {
  const row = await db.selectFrom('caseTransferPolicies').select('keepReadAccess').where('orgId', '=', orgId).executeTakeFirst();
  return { keepReadAccess: row?.keepReadAccess ?? false };
}
