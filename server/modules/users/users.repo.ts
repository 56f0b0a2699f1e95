import { sql } from 'kysely';
import type { TDb, TTx } from '../../db/database.ts';
import type { TUserRow } from '../../db/schema/foundation.ts';

export function findUserByEmail(db: TDb | TTx, email: string): Promise<TUserRow | undefined> {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: TDb | TTx, userId: string): Promise<TUserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

export async function countUsers(db: TDb | TTx): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export function insertUser(
  tx: TTx,
  values: { email: string; displayName: string; passwordHash: string; isPlatformAdmin: boolean; createdAt: Date; temporaryPasswordExpiresAt: Date | null },
): Promise<TUserRow> {
  return tx
    .insertInto('users')
    .values({ ...values, passwordChangedAt: values.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets the user's own password (which ends any temporary one). */
export function updatePasswordHash(tx: TTx, userId: string, passwordHash: string, changedAt: Date): Promise<unknown> {
  return tx.updateTable('users').set({ passwordHash, passwordChangedAt: changedAt, temporaryPasswordExpiresAt: null, replacedPasswordHash: null }).where('id', '=', userId).execute();
}

/**
 * Sets a temporary password from an administrator, good until `expiresAt` and only for choosing a
 * new one. The password it replaces is remembered (the first one, if temporary passwords follow
 * each other) so that it cannot be chosen again.
 */
export function setTemporaryPasswordHash(tx: TTx, userId: string, passwordHash: string, changedAt: Date, expiresAt: Date): Promise<unknown> {
  return tx
    .updateTable('users')
    .set((eb) => ({
      passwordHash, passwordChangedAt: changedAt, temporaryPasswordExpiresAt: expiresAt,
      replacedPasswordHash: eb.fn.coalesce('replacedPasswordHash', eb.case().when('temporaryPasswordExpiresAt', 'is', null).then(eb.ref('passwordHash')).else(null).end()),
    }))
    .where('id', '=', userId)
    .execute();
}
