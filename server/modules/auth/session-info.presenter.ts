import { ROLE_PERMISSIONS, type TRole } from '../../../core/authz/permissions.ts';
import { presentOrganisation } from '../../http/common-schemas.ts';
import type { TDb, TTx } from '../../db/database.ts';
import type { TSessionInfo } from './auth.schemas.ts';

/** What the web app needs to know about the signed-in user, built from fresh rows. */
export async function presentSessionInfo(
  db: TDb | TTx,
  session: { userId: string; csrfToken: string; expiresAt: Date },
): Promise<TSessionInfo> {
  const { temporaryPasswordExpiresAt, ...user } = await db
    .selectFrom('users')
    .select(['id', 'email', 'displayName', 'isPlatformAdmin', 'temporaryPasswordExpiresAt'])
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.orgId')
    .select(['organisations.id', 'organisations.name', 'organisations.kind', 'organisations.createdAt', 'memberships.role'])
    .where('memberships.userId', '=', session.userId)
    .orderBy('organisations.name')
    .execute();
  return {
    user,
    memberships: rows.map((row) => ({
      organisation: presentOrganisation(row),
      role: row.role as TRole,
      permissions: [...ROLE_PERMISSIONS[row.role as TRole]],
    })),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
    passwordChangeRequired: temporaryPasswordExpiresAt !== null,
  };
}
