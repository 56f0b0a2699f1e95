import type { TDb, TTx } from '../../db/database.ts';

export interface TSessionWithUser {
  sessionId: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  disabledAt: Date | null;
  temporaryPasswordExpiresAt: Date | null;
}

export function findSessionByTokenHash(db: TDb, tokenHash: string): Promise<TSessionWithUser | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId', 'sessions.userId', 'sessions.csrfToken', 'sessions.createdAt', 'sessions.lastSeenAt',
      'sessions.expiresAt', 'users.email', 'users.displayName', 'users.isPlatformAdmin', 'users.disabledAt', 'users.temporaryPasswordExpiresAt',
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export function insertSession(
  tx: TTx,
  values: { tokenHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<{ id: string }> {
  return tx.insertInto('sessions').values({ ...values, lastSeenAt: values.createdAt }).returning('id').executeTakeFirstOrThrow();
}

export function touchSession(db: TDb, sessionId: string, seenAt: Date): Promise<unknown> {
  return db.updateTable('sessions').set({ lastSeenAt: seenAt }).where('id', '=', sessionId).execute();
}

export function deleteSession(db: TDb | TTx, sessionId: string): Promise<unknown> {
  return db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every other session of a user (after a password change). */
export function deleteOtherSessions(tx: TTx, userId: string, keepSessionId: string): Promise<unknown> {
  return tx.deleteFrom('sessions').where('userId', '=', userId).where('id', '!=', keepSessionId).execute();
}

/** Ends every session of a user (their sign-in factors changed under them); returns how many. */
export async function deleteAllSessionsOfUser(tx: TTx, userId: string): Promise<number> {
  const result = await tx.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Housekeeping: sessions past their absolute expiry hold nothing worth keeping. */
export function deleteExpiredSessions(db: TDb, now: Date): Promise<unknown> {
  return db.deleteFrom('sessions').where('expiresAt', '<', now).execute();
}
