import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { base32Decode, totp } from '../core/security/totp.ts';
import { adultCaseBody } from './support/case-fixtures.ts';
import { runPalermo, spawnServer } from './support/server-process.ts';
import type { TBackupManifest } from '../server/modules/backup/backup-manifest.ts';

/**
 * Online backup of the embedded database through the running server, restore into an empty
 * folder, verification against the manifest, and a server that starts on the restored folder
 * with the same data and the same master key.
 */
const PASSWORD = 'a long enough passphrase';

describe('backup and restore of the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'palermo-backup-'));
  const original = join(root, 'original');
  const restored = join(root, 'restored');
  const file = join(root, 'backup.tar.gz');
  after(() => rmSync(root, { recursive: true, force: true }));

  test('backup while running, restore, verify, start again with every row', async () => {
    const server = await spawnServer({ DATA_DIR: original }, { timeoutMs: 240_000 });
    let memberEmails: string[] = [];
    let recoveryCodes: string[] = [];
    try {
      const setup = await fetch(`${server.url}/api/setup`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ setupToken: server.setupToken(), organisation: { name: 'Backup Unit', kind: 'ngo' }, admin: { email: 'root@example.test', displayName: 'Root', password: PASSWORD } }),
      });
      assert.equal(setup.status, 201);
      const info = (await setup.json()) as { csrfToken: string; memberships: { organisation: { id: string } }[] };
      const cookie = /palermo_session=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '')![1]!;
      const orgId = info.memberships[0]!.organisation.id;
      for (let i = 0; i < 3; i += 1) {
        const added = await fetch(`${server.url}/api/organisations/${orgId}/members`, {
          method: 'POST', headers: { 'content-type': 'application/json', cookie: `palermo_session=${cookie}`, 'x-csrf-token': info.csrfToken },
          body: JSON.stringify({ email: `member${i}@example.test`, displayName: `Member ${i}`, password: PASSWORD, role: 'case_worker' }),
        });
        assert.equal(added.status, 201);
      }
      memberEmails = ['member0@example.test', 'member1@example.test', 'member2@example.test', 'root@example.test'];
      // The administrator protects the account with two-factor sign-in: the backup asks for the code.
      const headers = { 'content-type': 'application/json', cookie: `palermo_session=${cookie}`, 'x-csrf-token': info.csrfToken };
      const enrolment = await fetch(`${server.url}/api/account/two-factor/enrolment`, { method: 'POST', headers, body: '{}' });
      assert.equal(enrolment.status, 200, await enrolment.clone().text());
      const secret = base32Decode(((await enrolment.json()) as { secret: string }).secret);
      const confirmed = await fetch(`${server.url}/api/account/two-factor/enrolment/confirm`, { method: 'POST', headers, body: JSON.stringify({ code: totp(secret, new Date()) }) });
      assert.equal(confirmed.status, 200, await confirmed.clone().text());
      recoveryCodes = ((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes;
      const port = new URL(server.url).port;
      const target = { PORT: port, HOST: '127.0.0.1', PALERMO_ADMIN_EMAIL: 'root@example.test', PALERMO_ADMIN_PASSWORD: PASSWORD };
      const wrongCode = await runPalermo(['backup', file], { ...target, PALERMO_ADMIN_2FA_CODE: '000000' });
      assert.equal(wrongCode.code, 1, wrongCode.output);
      assert.match(wrongCode.output, /Sign-in .* failed/);
      assert.equal(existsSync(file), false, 'nothing written without the second step');
      // The next 30-second step's code: the one just used for enrolment cannot be replayed.
      const backup = await runPalermo(['backup', file], { ...target, PALERMO_ADMIN_2FA_CODE: totp(secret, new Date(Date.now() + 30_000)) });
      assert.equal(backup.code, 0, backup.output);
      assert.match(backup.output, /Backup written/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }

    const refused = await runPalermo(['restore', file], { DATA_DIR: original });
    assert.equal(refused.code, 1, 'never restores over an existing database');
    const restore = await runPalermo(['restore', file], { DATA_DIR: restored });
    assert.equal(restore.code, 0, restore.output);
    assert.match(restore.output, /verified/);

    copyFileSync(join(original, 'master.key'), join(restored, 'master.key'));
    const again = await spawnServer({ DATA_DIR: restored }, { timeoutMs: 240_000 });
    try {
      assert.equal(again.setupToken(), null, 'the restored platform is already set up');
      // Two-factor sign-in came back with the restore; a recovery code passes the second step.
      const first = await fetch(`${again.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'root@example.test', password: PASSWORD }) });
      assert.equal(first.status, 202);
      const { challengeToken } = (await first.json()) as { challengeToken: string };
      const login = await fetch(`${again.url}/api/auth/login/two-factor`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challengeToken, code: recoveryCodes[0] }) });
      assert.equal(login.status, 200);
      const info = (await login.json()) as { memberships: { organisation: { id: string } }[] };
      const cookie = /palermo_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
      const members = await fetch(`${again.url}/api/organisations/${info.memberships[0]!.organisation.id}/members`, { headers: { cookie: `palermo_session=${cookie}` } });
      const emails = ((await members.json()) as { members: { email: string }[] }).members.map((m) => m.email).sort();
      assert.deepEqual(emails, memberEmails);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  test('a backup taken while cases are being created restores and verifies; a tampered backup or manifest is refused and nothing is restored', async () => {
    const busy = join(root, 'busy');
    const busyFile = join(root, 'busy.tar.gz');
    const server = await spawnServer({ DATA_DIR: busy }, { timeoutMs: 240_000 });
    let acknowledged = 0;
    let acknowledgedWhenBackupStarted = 0;
    let acknowledgedWhenBackupEnded = 0;
    try {
      const setup = await fetch(`${server.url}/api/setup`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ setupToken: server.setupToken(), organisation: { name: 'Busy Unit', kind: 'ngo' }, admin: { email: 'busy@example.test', displayName: 'Busy', password: PASSWORD } }),
      });
      assert.equal(setup.status, 201);
      const info = (await setup.json()) as { csrfToken: string; memberships: { organisation: { id: string } }[] };
      const cookie = /palermo_session=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '')![1]!;
      const headers = { 'content-type': 'application/json', cookie: `palermo_session=${cookie}`, 'x-csrf-token': info.csrfToken };
      const casesUrl = `${server.url}/api/organisations/${info.memberships[0]!.organisation.id}/cases`;
      let stop = false;
      const failures: string[] = [];
      // Two writers create cases (each an insert into several tables plus an audit event) until told to stop.
      const writer = async () => {
        while (!stop) {
          const created = await fetch(casesUrl, { method: 'POST', headers, body: JSON.stringify(adultCaseBody()) });
          if (created.status === 201) acknowledged += 1;
          else failures.push(`${created.status} ${await created.text()}`);
        }
      };
      const writers = [writer(), writer()];
      while (acknowledged < 5 && failures.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      acknowledgedWhenBackupStarted = acknowledged;
      const port = new URL(server.url).port;
      const backup = await runPalermo(['backup', busyFile], { PORT: port, HOST: '127.0.0.1', PALERMO_ADMIN_EMAIL: 'busy@example.test', PALERMO_ADMIN_PASSWORD: PASSWORD });
      acknowledgedWhenBackupEnded = acknowledged;
      // Keep writing a little after the backup, so the database moves on past the snapshot.
      while (acknowledged < acknowledgedWhenBackupEnded + 3 && failures.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      stop = true;
      await Promise.all(writers);
      assert.deepEqual(failures, []);
      assert.equal(backup.code, 0, backup.output);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const manifest = JSON.parse(readFileSync(`${busyFile}.manifest.json`, 'utf8')) as TBackupManifest;
    console.log(`cases acknowledged: ${acknowledgedWhenBackupStarted} when the backup started, ${acknowledgedWhenBackupEnded} when it ended, ${acknowledged} in all; ${manifest.rowCounts.cases} in the backup`);
    assert.ok(acknowledgedWhenBackupEnded > acknowledgedWhenBackupStarted, 'cases were created while the backup was taken');
    assert.ok(manifest.rowCounts.cases! >= acknowledgedWhenBackupStarted && manifest.rowCounts.cases! <= acknowledged, 'the backup holds every case acknowledged before it started');

    const restoredBusy = join(root, 'restored-busy');
    const restore = await runPalermo(['restore', busyFile], { DATA_DIR: restoredBusy });
    assert.equal(restore.code, 0, restore.output);
    assert.match(restore.output, /verified: row counts and audit chain heads match the manifest, every audit chain is intact/);

    /** Restores `bytes` with `manifest` into a fresh folder: must fail, say why, and leave no database behind. */
    const refusedRestore = async (name: string, bytes: Buffer, manifestText: string, why: RegExp) => {
      const tampered = join(root, `${name}.tar.gz`);
      writeFileSync(tampered, bytes);
      writeFileSync(`${tampered}.manifest.json`, manifestText);
      const target = join(root, `restored-${name}`);
      const result = await runPalermo(['restore', tampered], { DATA_DIR: target });
      assert.equal(result.code, 1, `${name}: ${result.output}`);
      assert.match(result.output, why, name);
      assert.doesNotMatch(result.output, /\n\s+at /, `${name}: a clear message, not a stack trace`);
      const pgdata = join(target, 'pgdata');
      assert.ok(!existsSync(pgdata) || readdirSync(pgdata).length === 0, `${name}: nothing restored (${existsSync(pgdata) ? readdirSync(pgdata).join(',') : ''})`);
      assert.deepEqual(existsSync(target) ? readdirSync(target).filter((entry) => !entry.startsWith('.')) : [], [], `${name}: the data folder is left empty`);
    };
    const original = readFileSync(busyFile);
    const manifestText = readFileSync(`${busyFile}.manifest.json`, 'utf8');

    // The manifest says one case more than the backup holds.
    const inflated = { ...manifest, rowCounts: { ...manifest.rowCounts, cases: manifest.rowCounts.cases! + 1 } };
    await refusedRestore('manifest', original, JSON.stringify(inflated), /cases: \d+ rows expected, \d+ found[\s\S]*does NOT match/);

    // One byte of an audit row inside the database changed (everywhere the row is stored: table file and write-ahead log).
    const tar = gunzipSync(original);
    const needle = Buffer.from('backup.created');
    let changed = 0;
    for (let at = tar.indexOf(needle); at >= 0; at = tar.indexOf(needle, at + 1)) {
      tar[at + needle.length - 1] = 'X'.charCodeAt(0);
      changed += 1;
    }
    assert.ok(changed > 0, 'the audit row is in the backup');
    await refusedRestore('audit-row', gzipSync(tar), manifestText, /does NOT match|audit chain|damaged|could not be (read|opened)/i);

    // A damaged archive (one byte flipped in the compressed stream).
    const damaged = Buffer.from(original);
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = damaged[middle]! ^ 0xff;
    await refusedRestore('archive', damaged, manifestText, /damaged|could not be (read|opened)/i);
  });
});

