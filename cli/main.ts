import { terminalIo, type TCliIo } from './cli-io.ts';
import { AUDIT_VERIFY_HELP, runAuditVerify } from './commands/audit-verify.ts';
import { CREATE_ADMIN_HELP, runCreateAdmin } from './commands/create-admin.ts';
import { DEMO_HELP, runDemo } from './commands/demo.ts';
import { CASES_LIST_HELP, DEADLINES_SWEEP_HELP, runCasesList, runDeadlinesSweep } from './commands/cases-list.ts';
import { IMPORT_CTDC_HELP, runImportCtdc } from './commands/import-ctdc.ts';
import { IMPORT_POPULATION_HELP, runImportPopulation } from './commands/import-population.ts';
import { MIGRATE_HELP, runMigrate } from './commands/migrate.ts';
import { BACKUP_HELP, BACKUP_MANIFEST_HELP, RESTORE_HELP, RESTORE_VERIFY_HELP, runBackup, runBackupManifest, runRestore, runRestoreVerify } from './commands/backup.ts';
import { runStart, START_HELP } from './commands/start.ts';
import { KEYS_ROTATE_MASTER_HELP, KEYS_VERIFY_HELP, runKeysRotateMaster, runKeysVerify } from './commands/keys.ts';
import { runUsersResetPassword, USERS_RESET_PASSWORD_HELP } from './commands/users-reset-password.ts';
import { runUsersResetTwoFactor, USERS_RESET_TWO_FACTOR_HELP } from './commands/users-reset-two-factor.ts';
import { LINK_DEDUPE_HELP, LINK_ENCODE_HELP, LINK_MATCH_HELP, runLinkDedupe, runLinkEncode, runLinkMatch } from './commands/link.ts';

const MAIN_HELP = `palermo <command> [options]

Commands:
  start          run the platform (web app and API)
  migrate        apply database migrations and exit
  create-admin   create the first organisation and administrator
  users reset-two-factor  reset someone's two-factor sign-in (lost app and recovery codes)
  users reset-password    give someone a temporary password (forgotten or compromised)
  audit verify   verify the tamper-evident audit log
  backup         back up the embedded database through the running server
  restore        restore and verify a backup into an empty data folder
  backup manifest  row counts and audit chain heads of the database (with pg_dump)
  restore verify   compare the database with a manifest (after pg_restore)
  keys rotate-master  move everything the master key protects to a new master key
  keys verify    check that every organisation data key opens with the master key
  demo           create a demonstration organisation with synthetic users
  cases list     list an organisation's NRM cases (--overdue for late decisions)
  deadlines sweep  mark due deadlines now (the server does it every minute)
  import ctdc    import a CTDC victim file into an organisation's datasets (--dry-run)
  import population  import population denominators (country, year, sex, age group) from CSV
  link encode    encode persons for privacy-preserving linkage (no plaintext leaves)
  link match     link two encodings files; each party gets its own ids with cluster ids
  link dedupe    find likely duplicates in an organisation (review them in the web app)

Each command takes --help. Configuration comes from environment variables (see README.md):
PORT, HOST, DATA_DIR, DATABASE_URL, PALERMO_MASTER_KEY, …`;

interface TCommand {
  help: string;
  run(io: TCliIo, args: string[]): Promise<number>;
}

const COMMANDS: Record<string, TCommand> = {
  start: { help: START_HELP, run: (io) => runStart(io) },
  migrate: { help: MIGRATE_HELP, run: (io) => runMigrate(io) },
  'create-admin': { help: CREATE_ADMIN_HELP, run: (io, args) => runCreateAdmin(io, args) },
  'users reset-two-factor': { help: USERS_RESET_TWO_FACTOR_HELP, run: (io, args) => runUsersResetTwoFactor(io, args) },
  'users reset-password': { help: USERS_RESET_PASSWORD_HELP, run: (io, args) => runUsersResetPassword(io, args) },
  'audit verify': { help: AUDIT_VERIFY_HELP, run: (io) => runAuditVerify(io) },
  demo: { help: DEMO_HELP, run: (io) => runDemo(io) },
  backup: { help: BACKUP_HELP, run: (io, args) => runBackup(io, args) },
  restore: { help: RESTORE_HELP, run: (io, args) => runRestore(io, args) },
  'backup manifest': { help: BACKUP_MANIFEST_HELP, run: (io, args) => runBackupManifest(io, args) },
  'restore verify': { help: RESTORE_VERIFY_HELP, run: (io, args) => runRestoreVerify(io, args) },
  'keys rotate-master': { help: KEYS_ROTATE_MASTER_HELP, run: (io, args) => runKeysRotateMaster(io, args) },
  'keys verify': { help: KEYS_VERIFY_HELP, run: (io) => runKeysVerify(io) },
  'cases list': { help: CASES_LIST_HELP, run: (io, args) => runCasesList(io, args) },
  'deadlines sweep': { help: DEADLINES_SWEEP_HELP, run: (io) => runDeadlinesSweep(io) },
  'import ctdc': { help: IMPORT_CTDC_HELP, run: (io, args) => runImportCtdc(io, args) },
  'import population': { help: IMPORT_POPULATION_HELP, run: (io, args) => runImportPopulation(io, args) },
  'link encode': { help: LINK_ENCODE_HELP, run: (io, args) => runLinkEncode(io, args) },
  'link match': { help: LINK_MATCH_HELP, run: (io, args) => runLinkMatch(io, args) },
  'link dedupe': { help: LINK_DEDUPE_HELP, run: (io, args) => runLinkDedupe(io, args) },
};

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: TCliIo = terminalIo()): Promise<number> {
  const [first, second, ...rest] = argv;
  const twoWord = first && second ? COMMANDS[`${first} ${second}`] : undefined;
  const command = twoWord ?? (first ? COMMANDS[first] : undefined);
  const args = twoWord ? rest : argv.slice(1);
  if (!command) {
    if (first && first !== '--help' && first !== '-h' && first !== 'help') {
      io.err(`Unknown command "${argv.join(' ')}".\n`);
      io.err(MAIN_HELP);
      return 2;
    }
    io.out(MAIN_HELP);
    return 0;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(io, args);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
