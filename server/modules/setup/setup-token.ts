import type { TDb } from '../../db/database.ts';
import { countUsers } from '../users/users.repo.ts';
import { digestToken, newSecretToken } from '../auth/session-tokens.ts';

/**
 * While no user exists, a fresh one-time setup token is issued at every start and printed to the
 * operator's console; whoever can read the console can create the first administrator. Earlier
 * tokens are discarded so only the latest printout works.
 */
export async function issueSetupTokenIfNeeded(db: TDb, now: Date): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const token = newSecretToken();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('setupTokens').execute();
    await tx.insertInto('setupTokens').values({ tokenHash: digestToken(token), createdAt: now }).execute();
  });
  return token;
}
