import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ROLES } from '../core/authz/permissions.ts';
import { runCli } from '../cli/main.ts';
import type { TCliIo } from '../cli/cli-io.ts';
import { openDatabase } from '../server/db/database.ts';
import { NO_REQUEST, withContext } from '../server/context.ts';
import { createKeyring } from '../server/crypto/keyring.ts';
import { loadOrCreateMasterKey } from '../server/crypto/master-key.ts';
import { createCase } from '../server/modules/cases/use-cases/create-case.ts';
import { DEMO_ORGANISATION_NAME } from '../cli/commands/demo.ts';
import { adultCaseBody } from './support/case-fixtures.ts';

function fakeIo(env: Record<string, string>): TCliIo & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    env: { ...env },
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    ask: (question) => Promise.reject(new Error(`unexpected question ${question}`)),
  };
}

describe('palermo CLI on an embedded data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'palermo-cli-'));
  const env = { DATA_DIR: dataDir, PALERMO_ADMIN_PASSWORD: 'a long enough passphrase' };
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('--help on every command', async () => {
    for (const command of [[], ['start'], ['migrate'], ['create-admin'], ['audit', 'verify'], ['demo'], ['cases', 'list'], ['deadlines', 'sweep'], ['backup'], ['restore']]) {
      const io = fakeIo(env);
      assert.equal(await runCli([...command, '--help'], io), 0);
      assert.match(io.lines.join('\n'), /palermo/);
    }
    const unknown = fakeIo(env);
    assert.equal(await runCli(['frobnicate'], unknown), 2);
  });

  test('create-admin, demo, then audit verify passes; a tampered row fails verification and is named', async () => {
    const io = fakeIo(env);
    assert.equal(await runCli(['create-admin', '--email', 'root@example.test', '--name', 'Root', '--organisation', 'Referral Unit'], io), 0, io.lines.join('\n'));
    const again = fakeIo(env);
    assert.equal(await runCli(['create-admin', '--email', 'two@example.test', '--name', 'Two', '--organisation', 'Other'], again), 1);
    assert.match(again.lines.join('\n'), /already complete/);

    const demo = fakeIo(env);
    assert.equal(await runCli(['demo'], demo), 0, demo.lines.join('\n'));
    assert.equal(demo.lines.filter((line) => /@demo\.invalid\s+pw-/.test(line)).length, ROLES.length, 'one synthetic user per role with a random password');

    const ok = fakeIo(env);
    assert.equal(await runCli(['audit', 'verify'], ok), 0, ok.lines.join('\n'));
    assert.match(ok.lines.join('\n'), /All audit chains verified/);

    const database = await openDatabase({ kind: 'embedded', dataDir });
    const victim = await database.db.selectFrom('auditEvents').select(['id', 'seq', 'chainKey']).where('action', '=', 'membership.granted').orderBy('seq').executeTakeFirstOrThrow();
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(database.db);
    await sql`update audit_events set actor_label = 'someone else' where id = ${victim.id}`.execute(database.db);
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(database.db);
    await database.close();

    const broken = fakeIo(env);
    assert.equal(await runCli(['audit', 'verify'], broken), 1);
    const report = broken.lines.join('\n');
    assert.match(report, new RegExp(`BROKEN .*first broken link at seq ${victim.seq} \\(event ${victim.id}\\): HASH_MISMATCH`));
  });

  test('cases list shows references and statuses but no names', async () => {
    const database = await openDatabase({ kind: 'embedded', dataDir });
    const deps = { database, clock: () => new Date(), keyring: createKeyring(loadOrCreateMasterKey({ fromEnvironment: undefined, dataDir }).key) };
    const org = await database.db.selectFrom('organisations').select('id').where('name', '=', DEMO_ORGANISATION_NAME).executeTakeFirstOrThrow();
    await withContext(deps, { type: 'system' }, NO_REQUEST, (ctx) => createCase(ctx, org.id, adultCaseBody() as never));
    await database.close();
    const io = fakeIo(env);
    assert.equal(await runCli(['cases', 'list', '--organisation', DEMO_ORGANISATION_NAME], io), 0, io.lines.join('\n'));
    const output = io.lines.join('\n');
    assert.match(output, /NRM-\d{4}-000001 {2}draft/);
    assert.match(output, /1 case\(s\)/);
    assert.doesNotMatch(output, /Quillfeather|Zenobia/);
    const sweep = fakeIo(env);
    assert.equal(await runCli(['deadlines', 'sweep'], sweep), 0);
    assert.match(sweep.lines.join('\n'), /Breached: 0/);
  });

  test('admin commands refuse a data folder held by a live process and name it', async () => {
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dataDir, 'palermo.lock'), `${holder.pid}\n`);
      const io = fakeIo(env);
      assert.equal(await runCli(['audit', 'verify'], io), 1);
      assert.match(io.lines.join('\n'), new RegExp(`process ${holder.pid}\\) is running`));
    } finally {
      holder.kill();
      rmSync(join(dataDir, 'palermo.lock'), { force: true });
    }
  });
});
