import { sql } from 'kysely';
import type { TDb, TTx } from '../../db/database.ts';
import type { TOrganisationRow } from '../../db/schema/foundation.ts';

export function findOrganisationById(db: TDb | TTx, orgId: string): Promise<TOrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

export function findOrganisationByName(db: TDb | TTx, name: string): Promise<TOrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
}

/** All organisations, or only those with the given ids. */
export function findOrganisations(db: TDb | TTx, onlyIds?: readonly string[]): Promise<TOrganisationRow[]> {
  let query = db.selectFrom('organisations').selectAll().orderBy('name');
  if (onlyIds) {
    if (onlyIds.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', onlyIds);
  }
  return query.execute();
}

export function insertOrganisation(tx: TTx, values: { name: string; kind: string; createdAt: Date }): Promise<TOrganisationRow> {
  return tx.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();
}
