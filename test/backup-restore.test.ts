import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base32Decode, totp } from '../core/security/totp.ts';
import { runPalermo, spawnServer } from './support/server-process.ts';

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
    const server = await spawnServer({ DATA_DIR: original });
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
    const again = await spawnServer({ DATA_DIR: restored });
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
});
