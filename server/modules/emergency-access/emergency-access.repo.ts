import type { TDb, TTx } from '../../db/database.ts';

export interface TGrantRow {
  orgId: string;
  id: string;
  caseId: string;
  userId: string;
  justificationCiphertext: string;
  keyVersion: number;
  grantedAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
}

const GRANT_COLUMNS = ['orgId', 'id', 'caseId', 'userId', 'justificationCiphertext', 'keyVersion', 'grantedAt', 'expiresAt', 'endedAt', 'endedBy'] as const;

/** The user's grant for the case that is neither ended nor expired at `now`, if any. */
export function findLiveGrant(db: TDb | TTx, orgId: string, caseId: string, userId: string, now: Date): Promise<TGrantRow | undefined> {
  return db.selectFrom('emergencyAccessGrants').select(GRANT_COLUMNS)
    .where('orgId', '=', orgId).where('caseId', '=', caseId).where('userId', '=', userId)
    .where('endedAt', 'is', null).where('expiresAt', '>', now)
    .orderBy('expiresAt', 'desc').limit(1).executeTakeFirst();
}

export function findGrantForUpdate(tx: TTx, orgId: string, grantId: string): Promise<TGrantRow | undefined> {
  return tx.selectFrom('emergencyAccessGrants').select(GRANT_COLUMNS).where('orgId', '=', orgId).where('id', '=', grantId).forUpdate().executeTakeFirst();
}

export function insertGrant(tx: TTx, values: Omit<TGrantRow, 'endedAt' | 'endedBy'>): Promise<unknown> {
  return tx.insertInto('emergencyAccessGrants').values({ ...values, endedAt: null, endedBy: null }).execute();
}

export function endGrant(tx: TTx, grantId: string, endedBy: string, now: Date): Promise<unknown> {
  return tx.updateTable('emergencyAccessGrants').set({ endedAt: now, endedBy }).where('id', '=', grantId).execute();
}

/** Grants of a case (optionally only one user's), newest first, with who holds them. */
export function findGrantsOfCase(db: TDb | TTx, orgId: string, caseId: string, onlyUserId: string | null) {
  let query = db.selectFrom('emergencyAccessGrants').innerJoin('users', 'users.id', 'emergencyAccessGrants.userId')
    .select([...GRANT_COLUMNS.map((column) => `emergencyAccessGrants.${column}` as const), 'users.displayName', 'users.email'])
    .where('emergencyAccessGrants.orgId', '=', orgId).where('emergencyAccessGrants.caseId', '=', caseId)
    .orderBy('emergencyAccessGrants.grantedAt', 'desc');
  if (onlyUserId) query = query.where('emergencyAccessGrants.userId', '=', onlyUserId);
  return query.execute();
}

/** Who is told about a grant: the case's creator, its child-protection lead and the organisation's administrators. */
export async function findCaseOwnersAndAdmins(tx: TTx, orgId: string, caseId: string): Promise<string[]> {
  const owners = await tx.selectFrom('cases').select(['createdBy', 'childProtectionLeadId']).where('orgId', '=', orgId).where('id', '=', caseId).executeTakeFirst();
  const admins = await tx.selectFrom('memberships').select('userId').where('orgId', '=', orgId).where('role', '=', 'admin').execute();
  return [owners?.createdBy, owners?.childProtectionLeadId, ...admins.map((admin) => admin.userId)].filter((id): id is string => Boolean(id));
}
