import { AppError } from '../../../core/errors/app-error.ts';
import type { TDb, TTx } from '../../db/database.ts';
import type { TReleaseFormat, TReleaseResult } from './releases.schemas.ts';

export interface TReleaseRecord {
  orgId: string;
  id: string;
  kind: 'tables' | 'record_level';
  status: 'draft' | 'published' | 'rejected';
  title: string;
  language: 'en' | 'fr' | 'es' | 'ar';
  parameters: Record<string, unknown>;
  datasetIds: string[];
  disclosureMethod: 'suppression' | 'rounding' | 'differentialPrivacy' | 'kAnonymity';
  disclosureParameters: Record<string, unknown>;
  result: TReleaseResult;
  epsilonSpent: string | null;
  deltaSpent: string | null;
  preparedBy: string;
  preparedAt: Date;
  approvedBy: string | null;
  publishedAt: Date | null;
  rejectedBy: string | null;
  rejectedAt: Date | null;
}

export interface TReleaseWithNames extends TReleaseRecord {
  preparerName: string | null;
  approverName: string | null;
  rejecterName: string | null;
}

export interface TReleaseFileMeta {
  format: TReleaseFormat;
  fileName: string;
  mediaType: string;
  byteCount: number;
  sha256: string;
}

export type TNewRelease = Omit<TReleaseRecord, 'id' | 'status' | 'approvedBy' | 'publishedAt' | 'rejectedBy' | 'rejectedAt' | 'epsilonSpent' | 'deltaSpent'>;

export async function insertRelease(tx: TTx, release: TNewRelease): Promise<string> {
  const row = await tx.insertInto('releases').values({
    ...release,
    status: 'draft',
    parameters: JSON.stringify(release.parameters),
    datasetIds: JSON.stringify(release.datasetIds),
    disclosureParameters: JSON.stringify(release.disclosureParameters),
    result: JSON.stringify(release.result),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function selectWithNames(db: TDb | TTx, orgId: string) {
  return db.selectFrom('releases as r')
    .leftJoin('users as p', 'p.id', 'r.preparedBy')
    .leftJoin('users as a', 'a.id', 'r.approvedBy')
    .leftJoin('users as j', 'j.id', 'r.rejectedBy')
    .selectAll('r')
    .select(['p.displayName as preparerName', 'a.displayName as approverName', 'j.displayName as rejecterName'])
    .where('r.orgId', '=', orgId);
}

export async function findReleases(db: TDb | TTx, orgId: string, limit: number): Promise<TReleaseWithNames[]> {
  return (await selectWithNames(db, orgId).orderBy('r.preparedAt', 'desc').orderBy('r.id').limit(limit).execute()) as unknown as TReleaseWithNames[];
}

/** @throws NOT_FOUND */
export async function getRelease(db: TDb | TTx, orgId: string, releaseId: string): Promise<TReleaseWithNames> {
  const row = await selectWithNames(db, orgId).where('r.id', '=', releaseId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Release not found.');
  return row as unknown as TReleaseWithNames;
}

/** Locks the release row until the transaction ends (approval and rejection race otherwise). @throws NOT_FOUND */
export async function getReleaseForUpdate(tx: TTx, orgId: string, releaseId: string): Promise<TReleaseRecord> {
  const row = await tx.selectFrom('releases').selectAll().where('orgId', '=', orgId).where('id', '=', releaseId).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Release not found.');
  return row as unknown as TReleaseRecord;
}

export async function markPublished(tx: TTx, orgId: string, releaseId: string, values: { approvedBy: string; publishedAt: Date; result: TReleaseResult; epsilonSpent: string | null; deltaSpent: string | null }): Promise<void> {
  await tx.updateTable('releases').set({ ...values, status: 'published', result: JSON.stringify(values.result) }).where('orgId', '=', orgId).where('id', '=', releaseId).execute();
}

export async function markRejected(tx: TTx, orgId: string, releaseId: string, rejectedBy: string, rejectedAt: Date): Promise<void> {
  await tx.updateTable('releases').set({ status: 'rejected', rejectedBy, rejectedAt }).where('orgId', '=', orgId).where('id', '=', releaseId).execute();
}

export async function insertReleaseFile(tx: TTx, orgId: string, releaseId: string, file: TReleaseFileMeta & { contentBase64: string; createdAt: Date }): Promise<void> {
  await tx.insertInto('releaseFiles').values({ orgId, releaseId, ...file }).execute();
}

export async function findReleaseFiles(db: TDb | TTx, orgId: string, releaseIds: readonly string[]): Promise<(TReleaseFileMeta & { releaseId: string })[]> {
  if (releaseIds.length === 0) return [];
  return (await db.selectFrom('releaseFiles').select(['releaseId', 'format', 'fileName', 'mediaType', 'byteCount', 'sha256'])
    .where('orgId', '=', orgId).where('releaseId', 'in', [...releaseIds]).orderBy('format').execute()) as (TReleaseFileMeta & { releaseId: string })[];
}

export async function findReleaseFileContent(db: TDb | TTx, orgId: string, releaseId: string, format: TReleaseFormat): Promise<(TReleaseFileMeta & { contentBase64: string }) | undefined> {
  return (await db.selectFrom('releaseFiles').select(['format', 'fileName', 'mediaType', 'byteCount', 'sha256', 'contentBase64'])
    .where('orgId', '=', orgId).where('releaseId', '=', releaseId).where('format', '=', format).executeTakeFirst()) as (TReleaseFileMeta & { contentBase64: string }) | undefined;
}

/** Import runs whose records are stored (the datasets a release may count). */
export async function findStoredRuns(db: TDb | TTx, orgId: string): Promise<{ id: string; fileName: string }[]> {
  return db.selectFrom('importRuns').select(['id', 'fileName']).where('orgId', '=', orgId).where('status', 'in', ['completed', 'partial']).orderBy('startedAt').orderBy('id').execute();
}

/**
 * Which of these import runs still have their records stored; with `lock`, they are held (`for
 * share`) until the transaction ends, so a concurrent delete of an import waits for it.
 */
export async function findStillStoredRuns(db: TDb | TTx, orgId: string, runIds: readonly string[], lock: boolean): Promise<string[]> {
  if (runIds.length === 0) return [];
  const query = db.selectFrom('importRuns').select('id').where('orgId', '=', orgId).where('id', 'in', [...runIds]).where('status', 'in', ['completed', 'partial']).orderBy('id');
  return (await (lock ? query.forShare() : query).execute()).map((r) => r.id);
}
