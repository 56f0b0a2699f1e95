import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../server/config/env.ts';
import { decodeMasterKey, loadOrCreateMasterKey, MASTER_KEY_FILE } from '../../server/crypto/master-key.ts';
import { verifyOrganisationKeys } from '../../server/crypto/master-key-rotation.ts';
import { rotateMasterKey } from '../../server/modules/key-management/rotate-master-key.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const KEYS_ROTATE_MASTER_HELP = `palermo keys rotate-master --new-key-file FILE

Moves everything the master key protects to a new master key (32 bytes, 64 hex or 44 base64
characters in FILE; make one with: openssl rand -base64 32 > FILE): every organisation's data key
is re-wrapped and every user's two-factor secret re-sealed. Stop the server first.
If the run is interrupted, run it again with the same FILE: what was already moved is skipped.
When the key came from DATA_DIR/master.key, that file is replaced with the new key at the end;
when it came from PALERMO_MASTER_KEY, set that variable to the new key before starting again.`;

export const KEYS_VERIFY_HELP = `palermo keys verify

Checks that every organisation data key opens with the configured master key (after a restore
or a rotation, before starting the server). Exits 1 naming the keys that do not.`;

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

export async function runKeysRotateMaster(io: TCliIo, args: string[]): Promise<number> {
  const file = argument(args, '--new-key-file');
  if (!file) {
    io.err('Name the new key: palermo keys rotate-master --new-key-file FILE');
    return 2;
  }
  const newKey = decodeMasterKey(readFileSync(file, 'utf8'));
  const config = loadConfig(io.env);
  const current = loadOrCreateMasterKey({ fromEnvironment: config.masterKey, dataDir: config.dataDir });
  if (current.source === 'key-file-created') {
    io.err('There was no master key yet: nothing to rotate (a new key file was just created).');
    return 1;
  }
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  try {
    const result = await rotateMasterKey(opened.database, current.key, newKey, (step, progress) => {
      if (progress.rewrapped + progress.alreadyRewrapped === progress.total) io.out(`${step}: ${progress.rewrapped} moved, ${progress.alreadyRewrapped} already moved, of ${progress.total}`);
    });
    const check = await verifyOrganisationKeys(opened.database, newKey);
    if (check.failing.length > 0) {
      io.err(`These data keys do not open with the new key: ${check.failing.join(', ')}`);
      return 1;
    }
    if (current.source === 'key-file') {
      const path = join(config.dataDir, MASTER_KEY_FILE);
      writeFileSync(`${path}.new`, `${newKey.toString('base64')}\n`, { mode: 0o600 });
      renameSync(`${path}.new`, path);
      io.out(`${path} now holds the new master key. Destroy other copies of the old one.`);
    } else {
      io.out('Set PALERMO_MASTER_KEY to the new key before starting the server. Destroy copies of the old one.');
    }
    io.out(`Done: ${result.organisationKeys.total} organisation keys and ${result.twoFactor.total} two-factor secrets are under the new master key.`);
    return 0;
  } finally {
    await opened.database.close();
  }
}

export async function runKeysVerify(io: TCliIo): Promise<number> {
  const config = loadConfig(io.env);
  const key = loadOrCreateMasterKey({ fromEnvironment: config.masterKey, dataDir: config.dataDir });
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  try {
    const check = await verifyOrganisationKeys(opened.database, key.key);
    if (check.failing.length > 0) {
      io.err(`${check.failing.length} of ${check.total} data keys do not open with this master key: ${check.failing.join(', ')}`);
      return 1;
    }
    io.out(`All ${check.total} organisation data keys open with this master key.`);
    return 0;
  } finally {
    await opened.database.close();
  }
}
