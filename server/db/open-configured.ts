import type { TConfig } from '../config/env.ts';
import { openDatabase, type TDatabase } from './database.ts';
import { migrate, type TMigrationResult } from './migrate.ts';

/** Opens the database the configuration names (PGlite in DATA_DIR, or DATABASE_URL) and migrates it. */
export async function openConfiguredDatabase(config: TConfig): Promise<{ database: TDatabase; migration: TMigrationResult }> {
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
      : { kind: 'embedded', dataDir: config.dataDir },
  );
  try {
    return { database, migration: await migrate(database) };
  } catch (error) {
    await database.close();
    throw error;
  }
}
