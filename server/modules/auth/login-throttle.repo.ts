import type { TTx } from '../../db/database.ts';

/**
 * Repeated failed logins lock an e-mail (slow guessing of one account) and an IP address
 * (spraying many accounts) for a while. Counters live in the database so they hold across
 * restarts and across several server processes on one PostgreSQL.
 */
export const THROTTLE_RULES = {
  email: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  ip: { maxFailures: 50, windowMinutes: 15, lockMinutes: 15 },
} as const;

export type TThrottleKind = keyof typeof THROTTLE_RULES;

export function throttleKey(kind: TThrottleKind, value: string): string {
  return `${kind}:${value.toLowerCase()}`;
}

/** The latest moment until which any of the keys is locked, or null. */
export async function findActiveLock(tx: TTx, keys: string[], now: Date): Promise<Date | null> {
  const rows = await tx.selectFrom('loginThrottles').select('lockedUntil').where('throttleKey', 'in', keys).where('lockedUntil', '>', now).execute();
  const times = rows.map((row) => row.lockedUntil?.getTime() ?? 0);
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

export async function recordFailure(tx: TTx, kind: TThrottleKind, key: string, now: Date): Promise<void> {
  const rule = THROTTLE_RULES[kind];
  const existing = await tx.selectFrom('loginThrottles').selectAll().where('throttleKey', '=', key).forUpdate().executeTakeFirst();
  const windowExpired = !existing || now.getTime() - existing.windowStartedAt.getTime() > rule.windowMinutes * 60_000;
  const failures = windowExpired ? 1 : existing.failures + 1;
  const windowStartedAt = windowExpired ? now : existing.windowStartedAt;
  const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMinutes * 60_000) : null;
  await tx
    .insertInto('loginThrottles')
    .values({ throttleKey: key, failures, windowStartedAt, lockedUntil })
    .onConflict((conflict) => conflict.column('throttleKey').doUpdateSet({ failures, windowStartedAt, lockedUntil }))
    .execute();
}

export function clearThrottle(tx: TTx, key: string): Promise<unknown> {
  return tx.deleteFrom('loginThrottles').where('throttleKey', '=', key).execute();
}
