/**
 * SQL of linkage projects. A project is visible to an organisation only through its own party
 * row; the record map and the results are always read with the organisation's own party id.
 */
import type { TDb, TTx } from '../../db/database.ts';

export function findProject(db: TDb | TTx, projectId: string) {
  return db.selectFrom('linkageProjects').selectAll().where('id', '=', projectId).executeTakeFirst();
}

export function partiesOf(db: TDb | TTx, projectId: string) {
  return db.selectFrom('linkageProjectParties')
    .leftJoin('organisations', 'organisations.id', 'linkageProjectParties.orgId')
    .selectAll('linkageProjectParties').select('organisations.name as orgName')
    .where('projectId', '=', projectId).orderBy('invitedAt').orderBy('linkageProjectParties.id').execute();
}
export type TPartyRow = Awaited<ReturnType<typeof partiesOf>>[number];

/** Projects in which the organisation is a party (any status), newest first. */
export function projectsOfOrganisation(db: TDb | TTx, orgId: string) {
  return db.selectFrom('linkageProjects')
    .innerJoin('linkageProjectParties', 'linkageProjectParties.projectId', 'linkageProjects.id')
    .selectAll('linkageProjects')
    .where('linkageProjectParties.orgId', '=', orgId)
    .orderBy('linkageProjects.createdAt', 'desc').orderBy('linkageProjects.id').limit(200).execute();
}

export function organisationNames(db: TDb | TTx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [...ids]).execute();
}

/** Deletes a project's stored encodings (after the match, or on cancel). @returns rows deleted */
export async function deleteEncodings(db: TDb | TTx, projectId: string): Promise<number> {
  const result = await db.deleteFrom('linkageProjectEncodings').where('projectId', '=', projectId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
