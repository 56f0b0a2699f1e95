import { loadConfig, type TConfig } from '../server/config/env.ts';
import { DataDirLockedError } from '../server/db/embedded/data-dir-lock.ts';
import { openConfiguredDatabase } from '../server/db/open-configured.ts';
import type { TDatabase } from '../server/db/database.ts';
import type { TContextDeps } from '../server/context.ts';
import { createKeyring } from '../server/crypto/keyring.ts';
import { loadOrCreateMasterKey } from '../server/crypto/master-key.ts';
import type { TCliIo } from './cli-io.ts';

/**
 * Admin commands open the database in-process. For the embedded database that is only safe when
 * no server holds the folder: the lock refuses, and the user is told what to do instead.
 */
export async function openAdminDatabase(io: TCliIo): Promise<{ database: TDatabase; config: TConfig; deps: TContextDeps } | null> {
  const config = loadConfig(io.env);
  try {
    const masterKey = loadOrCreateMasterKey({ fromEnvironment: config.masterKey, dataDir: config.dataDir });
    const { database } = await openConfiguredDatabase(config);
    return { database, config, deps: { database, clock: () => new Date(), keyring: createKeyring(masterKey.key) } };
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      io.err(`A Palermo server (process ${error.holderPid}) is running on ${config.dataDir}.`);
      io.err('Stop it first (Ctrl+C in its terminal, or `kill ' + error.holderPid + '`), then run this command again;');
      io.err('or do the same task through the running server\'s web interface or API.');
      return null;
    }
    throw error;
  }
}
