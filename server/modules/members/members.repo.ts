import type { TDb, TTx } from '../../db/database.ts';

export interface TMemberRecord {
  orgId: string;
  userId: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: Date;
}

function selectMembers(db: TDb | TTx, orgId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['memberships.orgId', 'memberships.userId', 'users.email', 'users.displayName', 'memberships.role', 'memberships.createdAt'])
    .where('memberships.orgId', '=', orgId);
}

export function findMembers(db: TDb | TTx, orgId: string): Promise<TMemberRecord[]> {
  return selectMembers(db, orgId).orderBy('users.displayName').orderBy('users.email').execute();
}

export function findMember(db: TDb | TTx, orgId: string, userId: string): Promise<TMemberRecord | undefined> {
  return selectMembers(db, orgId).where('memberships.userId', '=', userId).executeTakeFirst();
}

/** Locks the organisation's admin memberships so two concurrent demotions cannot both pass the last-admin check. */
export async function countAdminsForUpdate(tx: TTx, orgId: string): Promise<number> {
  const rows = await tx.selectFrom('memberships').select('userId').where('orgId', '=', orgId).where('role', '=', 'admin').forUpdate().execute();
  return rows.length;
}

export function insertMembership(tx: TTx, values: { orgId: string; userId: string; role: string; createdAt: Date }): Promise<unknown> {
  return tx.insertInto('memberships').values(values).execute();
}

export function updateMembershipRole(tx: TTx, orgId: string, userId: string, role: string): Promise<unknown> {
  return tx.updateTable('memberships').set({ role }).where('orgId', '=', orgId).where('userId', '=', userId).execute();
}

export function deleteMembership(tx: TTx, orgId: string, userId: string): Promise<unknown> {
  return tx.deleteFrom('memberships').where('orgId', '=', orgId).where('userId', '=', userId).execute();
}

/** Organisation id → role for one user: the basis of every authorisation decision. */
/** The organisations a user belongs to, the oldest membership first. */
export async function findOrganisationsOfUser(db: TDb | TTx, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('orgId').where('userId', '=', userId).orderBy('createdAt').orderBy('orgId').execute();
  return rows.map((row) => row.orgId);
}

export async function findRolesOfUser(db: TDb | TTx, userId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('memberships').select(['orgId', 'role']).where('userId', '=', userId).execute();
  return new Map(rows.map((row) => [row.orgId, row.role]));
}
