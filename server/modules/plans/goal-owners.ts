import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import type { TDb, TTx } from '../../db/database.ts';

/**
 * Who may be named as a goal's owner: the organisation's active members, by name only (no
 * e-mail, no role), for whoever writes plans. Writing plans does not grant member.read, so the
 * member list itself stays with the administrators.
 * @throws FORBIDDEN (plan.manage)
 */
export async function findGoalOwnerCandidates(ctx: TCtx, orgId: string): Promise<{ userId: string; displayName: string }[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'plan.manage');
  return ctx.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id as userId', 'users.displayName']).where('memberships.orgId', '=', orgId).where('users.disabledAt', 'is', null)
    .orderBy('users.displayName').orderBy('users.id').execute();
}

/** Display names of the members named as goal owners (a former member keeps their name on old versions). */
export async function ownerNames(db: TDb | TTx, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.displayName]));
}
