/**
 * SQL of the linkage module. Every query is scoped by organisation; a person merged away (an
 * active row in person_merges) is left out of jobs, checks and the review queue until unmerged.
 */
import { sql } from 'kysely';
import type { TDb, TTx } from '../../db/database.ts';

/** Persons of the organisation that have not been merged into another. */
export function activePersons(db: TDb | TTx, orgId: string) {
  return db.selectFrom('persons')
    .select(['persons.id', 'persons.orgId', 'persons.identityCiphertext', 'persons.keyVersion', 'persons.sex', 'persons.ageYears', 'persons.citizenship'])
    .where('persons.orgId', '=', orgId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('personMerges').select('personMerges.id')
      .where('personMerges.orgId', '=', orgId).whereRef('personMerges.mergedPersonId', '=', 'persons.id').where('personMerges.status', '=', 'merged'))));
}

export type TActivePersonRow = Awaited<ReturnType<ReturnType<typeof activePersons>['execute']>>[number];

/** Cases of some persons, grouped by person, oldest first. */
export async function casesOfPersons(db: TDb | TTx, orgId: string, personIds: readonly string[]): Promise<Map<string, { id: string; reference: string; status: string }[]>> {
  const byPerson = new Map<string, { id: string; reference: string; status: string }[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return byPerson;
  const rows = await db.selectFrom('cases').select(['id', 'personId', 'reference', 'status'])
    .where('orgId', '=', orgId).where('personId', 'in', [...personIds]).orderBy('createdAt').orderBy('id').execute();
  for (const row of rows) byPerson.get(row.personId)?.push({ id: row.id, reference: row.reference, status: row.status });
  return byPerson;
}

/** The organisation's latest successful job (its model serves the real-time check). */
export function latestSucceededJob(db: TDb | TTx, orgId: string) {
  return db.selectFrom('linkageJobs').selectAll().where('orgId', '=', orgId).where('status', '=', 'succeeded')
    .orderBy('finishedAt', 'desc').orderBy('id').limit(1).executeTakeFirst();
}

/** Merges of the organisation that are in force, by merged person. */
export async function activeMergeOf(db: TDb | TTx, orgId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db.selectFrom('personMerges').selectAll().where('orgId', '=', orgId).where('status', '=', 'merged')
    .where((eb) => eb.or([eb('mergedPersonId', 'in', [...personIds]), eb('survivingPersonId', 'in', [...personIds])])).execute();
}

/** Whether either person of a candidate has been merged away. */
export const involvesMergedPerson = sql<boolean>`exists (select 1 from person_merges pm where pm.org_id = duplicate_candidates.org_id and pm.status = 'merged' and pm.merged_person_id in (duplicate_candidates.first_person_id, duplicate_candidates.second_person_id))`;
