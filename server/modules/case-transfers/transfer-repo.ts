import { AppError } from '../../../core/errors/app-error.ts';
import type { TDb, TTx } from '../../db/database.ts';

export type TTransferSide = 'sender' | 'receiver';

/** Receivers allowed to answer: every role holding `case.transfer` (notified of new requests). */
export const TRANSFER_HANDLER_ROLES = ['admin', 'coordinator', 'case_worker', 'child_protection'] as const;

export const noteContext = (receivingOrgId: string, transferId: string) => `palermo/case-transfer-note/${receivingOrgId}/${transferId}`;

/**
 * The transfer as seen from `orgId`: the sender or the receiver. Anyone else gets NOT_FOUND,
 * exactly as for a transfer that does not exist.
 */
export async function transferForSide(db: TDb | TTx, orgId: string, transferId: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('caseTransfers').selectAll().where('id', '=', transferId)
    .where((eb) => eb.or([eb('orgId', '=', orgId), eb('receivingOrgId', '=', orgId)]));
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Transfer not found.');
  const side: TTransferSide = row.orgId === orgId ? 'sender' : 'receiver';
  return { row, side };
}

export function assertSide(actual: TTransferSide, required: TTransferSide): void {
  if (actual !== required) {
    throw new AppError('FORBIDDEN', required === 'receiver' ? 'Only the receiving organisation answers a transfer.' : 'Only the sending organisation cancels a transfer.', { reason: 'WRONG_TRANSFER_SIDE' });
  }
}

export function assertVersion(current: number, expected: number): void {
  if (current !== expected) throw new AppError('CONFLICT', 'The transfer changed meanwhile. Reload it and try again.', { reason: 'VERSION_CONFLICT' });
}
