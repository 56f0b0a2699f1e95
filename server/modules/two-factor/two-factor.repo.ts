import type { TDb, TTx } from '../../db/database.ts';

export interface TTwoFactorRow {
  userId: string;
  secretCiphertext: string;
  confirmedAt: Date | null;
  lastUsedStep: number | null;
}

export function findTwoFactor(db: TDb | TTx, userId: string): Promise<TTwoFactorRow | undefined> {
  return db.selectFrom('userTwoFactor').select(['userId', 'secretCiphertext', 'confirmedAt', 'lastUsedStep']).where('userId', '=', userId).executeTakeFirst();
}

/** Locks the row, so two codes checked at once cannot both pass the replay check. */
export function findTwoFactorForUpdate(tx: TTx, userId: string): Promise<TTwoFactorRow | undefined> {
  return tx.selectFrom('userTwoFactor').select(['userId', 'secretCiphertext', 'confirmedAt', 'lastUsedStep']).where('userId', '=', userId).forUpdate().executeTakeFirst();
}

export async function hasConfirmedTwoFactor(db: TDb | TTx, userId: string): Promise<boolean> {
  const row = await db.selectFrom('userTwoFactor').select('userId').where('userId', '=', userId).where('confirmedAt', 'is not', null).executeTakeFirst();
  return Boolean(row);
}

/** A new pending secret replaces any earlier pending or confirmed one (the caller checks which is allowed). */
export function savePendingSecret(tx: TTx, userId: string, secretCiphertext: string, now: Date): Promise<unknown> {
  return tx.insertInto('userTwoFactor')
    .values({ userId, secretCiphertext, confirmedAt: null, lastUsedStep: null, createdAt: now, updatedAt: now })
    .onConflict((conflict) => conflict.column('userId').doUpdateSet({ secretCiphertext, confirmedAt: null, lastUsedStep: null, createdAt: now, updatedAt: now }))
    .execute();
}

export function markStepUsed(tx: TTx, userId: string, step: number, now: Date, confirm: boolean): Promise<unknown> {
  return tx.updateTable('userTwoFactor').set({ lastUsedStep: step, updatedAt: now, ...(confirm ? { confirmedAt: now } : {}) }).where('userId', '=', userId).execute();
}

export async function deleteTwoFactor(tx: TTx, userId: string): Promise<void> {
  await tx.deleteFrom('twoFactorRecoveryCodes').where('userId', '=', userId).execute();
  await tx.deleteFrom('twoFactorChallenges').where('userId', '=', userId).execute();
  await tx.deleteFrom('userTwoFactor').where('userId', '=', userId).execute();
}

export async function replaceRecoveryCodes(tx: TTx, userId: string, codeHashes: string[]): Promise<void> {
  await tx.deleteFrom('twoFactorRecoveryCodes').where('userId', '=', userId).execute();
  await tx.insertInto('twoFactorRecoveryCodes').values(codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null }))).execute();
}

/** Claims an unused code (conditional update): true when this call used it. */
export async function useRecoveryCode(tx: TTx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const result = await tx.updateTable('twoFactorRecoveryCodes').set({ usedAt: now })
    .where('userId', '=', userId).where('codeHash', '=', codeHash).where('usedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: TDb | TTx, userId: string): Promise<number> {
  const row = await db.selectFrom('twoFactorRecoveryCodes').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('userId', '=', userId).where('usedAt', 'is', null).executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface TChallengeRow {
  id: string;
  userId: string;
  expiresAt: Date;
  failures: number;
  usedAt: Date | null;
}

export function insertChallenge(tx: TTx, values: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<{ id: string }> {
  return tx.insertInto('twoFactorChallenges').values({ ...values, usedAt: null }).returning('id').executeTakeFirstOrThrow();
}

export function findChallengeForUpdate(tx: TTx, tokenHash: string): Promise<TChallengeRow | undefined> {
  return tx.selectFrom('twoFactorChallenges').select(['id', 'userId', 'expiresAt', 'failures', 'usedAt']).where('tokenHash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export function recordChallengeFailure(tx: TTx, challengeId: string): Promise<unknown> {
  return tx.updateTable('twoFactorChallenges').set((eb) => ({ failures: eb('failures', '+', 1) })).where('id', '=', challengeId).execute();
}

export function markChallengeUsed(tx: TTx, challengeId: string, now: Date): Promise<unknown> {
  return tx.updateTable('twoFactorChallenges').set({ usedAt: now }).where('id', '=', challengeId).execute();
}

/** Housekeeping of a user's spent or expired challenges when a new one is issued. */
export function deleteStaleChallenges(tx: TTx, userId: string, now: Date): Promise<unknown> {
  return tx.deleteFrom('twoFactorChallenges').where('userId', '=', userId)
    .where((eb) => eb.or([eb('expiresAt', '<', now), eb('usedAt', 'is not', null)])).execute();
}
