import type { Insertable } from 'kysely';
import type { TDb, TTx } from '../../db/database.ts';
import type { TDocumentsTable } from '../../db/schema/documents.ts';

/**
 * Queries on `documents`. A document belongs to a case (planId null) or to the case's plan
 * (planId set): every query names the holder, so a case list never shows a plan's files.
 */
export type TDocumentHolderRef = { orgId: string; caseId: string; planId: string | null };

const LISTED = ['id', 'fileNameCiphertext', 'contentType', 'sizeBytes', 'keyVersion', 'uploadedAt', 'uploadedBy'] as const;

export async function insertDocument(db: TDb | TTx, row: Insertable<TDocumentsTable>): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

function ofHolder(db: TDb | TTx, holder: TDocumentHolderRef) {
  const query = db.selectFrom('documents').where('orgId', '=', holder.orgId).where('caseId', '=', holder.caseId);
  return holder.planId === null ? query.where('planId', 'is', null) : query.where('planId', '=', holder.planId);
}

export function findDocumentRows(db: TDb | TTx, holder: TDocumentHolderRef) {
  return ofHolder(db, holder).select([...LISTED]).orderBy('uploadedAt').orderBy('id').execute();
}

export function findDocumentRow(db: TDb | TTx, holder: TDocumentHolderRef, documentId: string) {
  return ofHolder(db, holder).selectAll().where('id', '=', documentId).executeTakeFirst();
}

/** The id of the case's plan, or null while no version has been saved. */
export async function findPlanId(db: TDb | TTx, orgId: string, caseId: string): Promise<string | null> {
  const row = await db.selectFrom('plans').select('id').where('orgId', '=', orgId).where('caseId', '=', caseId).executeTakeFirst();
  return row?.id ?? null;
}
