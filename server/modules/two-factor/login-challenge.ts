import type { TCtx } from '../../context.ts';
import { digestToken, newSecretToken } from '../auth/session-tokens.ts';
import { deleteStaleChallenges, insertChallenge } from './two-factor.repo.ts';

/** Long enough to open the app on the phone, short enough that a stolen token soon dies. */
export const CHALLENGE_MINUTES = 5;
/** A challenge dies after this many wrong codes, whatever the per-user throttle says. */
export const CHALLENGE_MAX_FAILURES = 5;

export interface TLoginChallenge {
  challengeToken: string;
  expiresAt: Date;
}

/**
 * After a correct password for a user with two-factor sign-in on: instead of a session, a
 * short-lived challenge token (only its digest is stored) that the second step exchanges.
 */
export async function issueLoginChallenge(ctx: TCtx, userId: string): Promise<TLoginChallenge> {
  const token = newSecretToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  await deleteStaleChallenges(ctx.db, userId, now);
  const { id } = await insertChallenge(ctx.db, { tokenHash: digestToken(token), userId, createdAt: now, expiresAt });
  await ctx.audit.record('twoFactor.challenged', { orgId: null, subjectType: 'user', subjectId: userId, metadata: { challengeId: id } });
  return { challengeToken: token, expiresAt };
}

