/** All SQL of programmes; every query is scoped to the organisation. */
import { AppError } from '../../../core/errors/app-error.ts';
import type { TDb, TTx } from '../../db/database.ts';

export async function getProgrammeRow(db: TDb | TTx, orgId: string, programmeId: string) {
  const row = await db.selectFrom('programmes').selectAll().where('orgId', '=', orgId).where('id', '=', programmeId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Programme not found.');
  return row;
}

export function findProgrammeRows(db: TDb | TTx, orgId: string) {
  return db.selectFrom('programmes').selectAll().where('orgId', '=', orgId).orderBy('createdAt', 'desc').orderBy('id').execute();
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
