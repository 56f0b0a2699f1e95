import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../../server/config/env.ts';
import { acquireDataDirLock, DataDirLockedError } from '../../server/db/embedded/data-dir-lock.ts';
import { openConfiguredDatabase } from '../../server/db/open-configured.ts';
import { openDatabase } from '../../server/db/database.ts';
import { listAuditChains, verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { MASTER_KEY_FILE } from '../../server/crypto/master-key.ts';
import { compareManifests, computeBackupManifest, type TBackupManifest } from '../../server/modules/backup/backup-manifest.ts';
import type { TCliIo } from '../cli-io.ts';
import type { TDatabase } from '../../server/db/database.ts';

export const BACKUP_HELP = `palermo backup FILE [--url URL]

Takes a consistent backup of the embedded database THROUGH THE RUNNING SERVER (which holds the
data folder) and writes FILE (a gzipped data folder) and FILE.manifest.json (row counts and audit
chain heads, used to verify a restore). Signs in as a platform administrator: PALERMO_ADMIN_EMAIL
and PALERMO_ADMIN_PASSWORD (and PALERMO_ADMIN_2FA_CODE when the account has two-factor sign-in),
or asked for. URL defaults to http://HOST:PORT.
The master key is NOT in the backup: keep DATA_DIR/master.key (or PALERMO_MASTER_KEY) separately.
For PostgreSQL use pg_dump -Fc / pg_restore.`;

export const RESTORE_HELP = `palermo restore FILE

Restores a backup made by \`palermo backup\` into DATA_DIR, which must not hold a database yet,
then verifies it: every table's row count and every audit chain head against FILE.manifest.json,
and every audit hash chain recomputed. Exits 1 on any difference or a damaged file, and then
restores nothing (the backup is checked in DATA_DIR/.restoring first). Copy the old master.key into
DATA_DIR (or set PALERMO_MASTER_KEY) before starting the server on the restored folder.`;

export const BACKUP_MANIFEST_HELP = `palermo backup manifest FILE

Writes FILE: the row count of every table and the head of every audit chain of the configured
database. For PostgreSQL, take it together with the dump, while no server writes:
  palermo backup manifest palermo.manifest.json && pg_dump -Fc "$DATABASE_URL" > palermo.dump
then after pg_restore into an empty database run: palermo restore verify palermo.manifest.json`;

export const RESTORE_VERIFY_HELP = `palermo restore verify FILE

Compares the configured database with a manifest written by \`palermo backup manifest\` (or by
\`palermo backup\`): every table's row count and every audit chain head, and recomputes every audit
hash chain. Exits 1 on any difference. Use it after pg_restore (PostgreSQL).`;

/** Where `palermo restore` loads and checks a backup before moving it into DATA_DIR/pgdata. */
const RESTORE_STAGING = '.restoring';

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * Signs the platform administrator in, with the second step when their account has two-factor
 * sign-in (the code from PALERMO_ADMIN_2FA_CODE, or asked for). Returns the session cookie, or
 * null after saying why on stderr.
 */
async function signIn(io: TCliIo, url: string, email: string, password: string): Promise<string | null> {
  let login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ email, password }) });
  if (login.status === 202) {
    const { challengeToken } = (await login.json()) as { challengeToken: string };
    const code = io.env.PALERMO_ADMIN_2FA_CODE ?? (await io.ask('Authenticator or recovery code: ', { secret: true }));
    login = await fetch(`${url}/api/auth/login/two-factor`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ challengeToken, code: code.trim() }) });
  }
  if (login.status !== 200) {
    io.err(`Sign-in at ${url} failed (${login.status}).`);
    return null;
  }
  return /palermo_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? null;
}

export async function runBackup(io: TCliIo, args: string[]): Promise<number> {
  const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--url');
  if (!file) {
    io.err('Name the backup file: palermo backup FILE');
    return 2;
  }
  const config = loadConfig(io.env);
  const url = argument(args, '--url') ?? `http://${config.host}:${config.port}`;
  const email = io.env.PALERMO_ADMIN_EMAIL ?? (await io.ask('Platform administrator e-mail: '));
  const password = io.env.PALERMO_ADMIN_PASSWORD ?? (await io.ask('Password: ', { secret: true }));
  const cookie = await signIn(io, url, email, password);
  if (!cookie) return 1;
  const response = await fetch(`${url}/api/admin/backup`, { headers: { cookie: `palermo_session=${cookie}` } });
  if (response.status !== 200) {
    io.err(`Backup refused (${response.status}): ${await response.text()}`);
    return 1;
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  const manifest = JSON.parse(Buffer.from(response.headers.get('x-palermo-manifest') ?? '', 'base64url').toString('utf8')) as TBackupManifest;
  // The backup holds encrypted identities and everything else: readable by its owner only.
  writeFileSync(file, bytes, { mode: 0o600 });
  writeFileSync(`${file}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  const rows = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0);
  io.out(`Backup written: ${file} (${bytes.length} bytes, ${rows} rows in ${Object.keys(manifest.rowCounts).length} tables) and ${file}.manifest.json.`);
  io.out('Keep the master key separately: a backup together with its key reveals identities.');
  return 0;
}

export async function runBackupManifest(io: TCliIo, args: string[]): Promise<number> {
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    io.err('Name the manifest file: palermo backup manifest FILE');
    return 2;
  }
  const { database } = await openConfiguredDatabase(loadConfig(io.env));
  try {
    const manifest = await computeBackupManifest(database.db, new Date());
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    io.out(`Manifest written: ${file} (${Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0)} rows in ${Object.keys(manifest.rowCounts).length} tables).`);
    return 0;
  } finally {
    await database.close();
  }
}

/** Row counts and chain heads against the manifest, and every audit chain recomputed. */
async function verifyAgainstManifest(database: TDatabase, manifestFile: string): Promise<string[]> {
  const problems: string[] = [];
  if (existsSync(manifestFile)) {
    const expected = JSON.parse(readFileSync(manifestFile, 'utf8')) as TBackupManifest;
    problems.push(...compareManifests(expected, await computeBackupManifest(database.db, new Date())));
  } else problems.push(`${manifestFile} is missing: row counts could not be compared`);
  for (const chain of await listAuditChains(database.db)) {
    const result = await verifyAuditChain(database.db, chain);
    if (!result.ok) problems.push(`audit chain ${chain} broken at seq ${result.firstBrokenSeq}: ${result.reason}`);
  }
  return problems;
}

export async function runRestoreVerify(io: TCliIo, args: string[]): Promise<number> {
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    io.err('Name the manifest: palermo restore verify FILE');
    return 2;
  }
  const { database } = await openConfiguredDatabase(loadConfig(io.env));
  try {
    const problems = await verifyAgainstManifest(database, file);
    if (problems.length > 0) {
      for (const problem of problems) io.err(`  ${problem}`);
      io.err('The database does NOT match the manifest.');
      return 1;
    }
    io.out('Verified: row counts and audit chain heads match the manifest, every audit chain is intact.');
    return 0;
  } finally {
    await database.close();
  }
}

export async function runRestore(io: TCliIo, args: string[]): Promise<number> {
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file || !existsSync(file)) {
    io.err('Name an existing backup file: palermo restore FILE');
    return 2;
  }
  const config = loadConfig(io.env);
  if (config.databaseUrl) {
    io.err('DATABASE_URL is set: restore PostgreSQL with pg_restore. This command restores the embedded database.');
    return 2;
  }
  const pgdata = join(config.dataDir, 'pgdata');
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0) {
    io.err(`${pgdata} already holds a database. Restore into an empty DATA_DIR; nothing was changed.`);
    return 1;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  let lock;
  try {
    lock = acquireDataDirLock(config.dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  // Loaded and verified in a staging folder, as it came out of the backup (before any migration),
  // and moved into place only when it matches: a damaged or altered backup leaves DATA_DIR as it was.
  const staging = join(config.dataDir, RESTORE_STAGING);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  try {
    try {
      const bytes = readFileSync(file);
      // A damaged gzip stream is caught here: inside PGlite it escapes as an unhandled stream error.
      gunzipSync(bytes);
      const loaded = await PGlite.create(join(staging, 'pgdata'), { loadDataDir: new Blob([bytes]) });
      await loaded.close();
    } catch (error) {
      io.err(`${file} could not be read: it is damaged or not a Palermo backup (${firstLine(error)}). Nothing was restored.`);
      return 1;
    }
    let problems: string[];
    try {
      const database = await openDatabase({ kind: 'embedded', dataDir: staging });
      try {
        problems = await verifyAgainstManifest(database, `${file}.manifest.json`);
      } finally {
        await database.close();
      }
    } catch (error) {
      problems = [`the restored database could not be opened or read: it is damaged (${firstLine(error)})`];
    }
    if (problems.length > 0) {
      for (const problem of problems) io.err(`  ${problem}`);
      io.err('The restored database does NOT match the backup. Nothing was restored.');
      return 1;
    }
    renameSync(join(staging, 'pgdata'), pgdata);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
  io.out(`Restored into ${config.dataDir} and verified: row counts and audit chain heads match the manifest, every audit chain is intact.`);
  if (!config.masterKey && !existsSync(join(config.dataDir, MASTER_KEY_FILE))) {
    io.out(`Now copy the old ${MASTER_KEY_FILE} into ${config.dataDir} (or set PALERMO_MASTER_KEY) before starting the server.`);
  }
  return 0;
}
