/** All SQL of programmes; every query is scoped to the organisation. */
import { sql } from 'kysely';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TDb, TTx } from '../../db/database.ts';

export async function getProgrammeRow(db: TDb | TTx, orgId: string, programmeId: string) {
  const row = await db.selectFrom('programmes').selectAll().where('orgId', '=', orgId).where('id', '=', programmeId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Programme not found.');
  return row;
}

/**
 * The programme, for a change: archived programmes are read-only.
 * @throws NOT_FOUND, INVALID_TRANSITION (PROGRAMME_ARCHIVED)
 */
export async function getActiveProgrammeRow(db: TDb | TTx, orgId: string, programmeId: string) {
  const row = await getProgrammeRow(db, orgId, programmeId);
  if (row.archivedAt !== null) throw new AppError('INVALID_TRANSITION', 'This programme is archived: it can be read, not changed.', { reason: 'PROGRAMME_ARCHIVED' });
  return row;
}

export function findProgrammeRows(db: TDb | TTx, orgId: string, status: 'active' | 'archived' | 'all' = 'all') {
  let query = db.selectFrom('programmes').selectAll().where('orgId', '=', orgId);
  if (status === 'active') query = query.where('archivedAt', 'is', null);
  if (status === 'archived') query = query.where('archivedAt', 'is not', null);
  return query.orderBy('createdAt', 'desc').orderBy('id').execute();
}

/** Tables whose rows carry a version for optimistic locking. */
type TVersionedTable = 'programmes' | 'programmeNodes' | 'programmeIndicators' | 'needsAssessments';

/**
 * Applies `changes` only if the row is still at `expectedVersion`, and moves it one version on.
 * @returns the new version
 * @throws CONFLICT (VERSION_CONFLICT) when someone else changed the row meanwhile
 */
export async function updateVersioned(db: TTx, table: TVersionedTable, orgId: string, id: string, expectedVersion: number, changes: Record<string, unknown>): Promise<number> {
  const row = await db.updateTable(table as 'programmes').set({ ...changes, version: sql<number>`version + 1` } as never)
    .where('orgId', '=', orgId).where('id', '=', id).where('version', '=', expectedVersion).returning('version').executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', 'Someone else changed this meanwhile. Reload it and try again.', { reason: 'VERSION_CONFLICT' });
  return row.version;
}

export function findNodeRows(db: TDb | TTx, orgId: string, programmeId: string) {
  return db.selectFrom('programmeNodes').selectAll().where('orgId', '=', orgId).where('programmeId', '=', programmeId).orderBy('position').execute();
}

export function findIndicatorRows(db: TDb | TTx, orgId: string, programmeId: string) {
  return db.selectFrom('programmeIndicators').selectAll().where('orgId', '=', orgId).where('programmeId', '=', programmeId).orderBy('position').execute();
}

export async function getIndicatorRow(db: TDb | TTx, orgId: string, programmeId: string, indicatorId: string) {
  const row = await db.selectFrom('programmeIndicators').selectAll().where('orgId', '=', orgId).where('programmeId', '=', programmeId).where('id', '=', indicatorId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Indicator not found.');
  return row;
}

export function findTargetRows(db: TDb | TTx, orgId: string, indicatorIds: readonly string[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('indicatorTargets').selectAll().where('orgId', '=', orgId).where('indicatorId', 'in', [...indicatorIds]).orderBy('period').execute();
}

export function findValueRows(db: TDb | TTx, orgId: string, indicatorIds: readonly string[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('indicatorValues').selectAll().where('orgId', '=', orgId).where('indicatorId', 'in', [...indicatorIds]).orderBy('period').orderBy('enteredAt').execute();
}

export function findEvidenceRows(db: TDb | TTx, orgId: string, valueIds: readonly string[]) {
  if (valueIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('indicatorEvidence').select(['id', 'valueId', 'fileNameCiphertext', 'contentType', 'sizeBytes', 'keyVersion'])
    .where('orgId', '=', orgId).where('valueId', 'in', [...valueIds]).orderBy('uploadedAt').orderBy('id').execute();
}

export function findAssessmentRows(db: TDb | TTx, orgId: string, programmeId: string) {
  return db.selectFrom('needsAssessments').selectAll().where('orgId', '=', orgId).where('programmeId', '=', programmeId).orderBy('assessedOn', 'desc').orderBy('createdAt', 'desc').execute();
}

export async function nextPosition(db: TTx, table: 'programmeNodes' | 'programmeIndicators', programmeId: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max('position').as('max')).where('programmeId', '=', programmeId).executeTakeFirst();
  return (row?.max ?? -1) + 1;
}
