import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../main.ts';
import type { TCliIo } from '../cli-io.ts';
import { openDatabase } from '../../server/db/database.ts';
import { verifyPassword } from '../../server/modules/auth/passwords.ts';

function fakeIo(env: Record<string, string>): TCliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, env: { ...env }, out: (line) => lines.push(line), err: (line) => lines.push(line), ask: (q) => Promise.reject(new Error(`unexpected question ${q}`)) };
}

describe('palermo users reset-two-factor and reset-password (embedded data folder)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'palermo-reset-2fa-'));
  const env = {
    DATA_DIR: dataDir, PALERMO_ADMIN_PASSWORD: 'a long enough passphrase', PALERMO_ADMIN_EMAIL: 'only.admin@example.test',
    PALERMO_ADMIN_NAME: 'Only Admin', PALERMO_ORGANISATION: 'Ministry', PALERMO_ORGANISATION_KIND: 'government',
  };
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('the only administrator, locked out, is reset from the server: enrolment, codes and sessions gone, audited as the CLI', async () => {
    assert.equal(await runCli(['create-admin'], fakeIo(env)), 0);
    const database = await openDatabase({ kind: 'embedded', dataDir });
    let userId: string;
    try {
      userId = (await database.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
      const now = new Date();
      await database.db.insertInto('userTwoFactor').values({ userId, secretCiphertext: 'v1.sealed-secret', confirmedAt: now, lastUsedStep: null, createdAt: now, updatedAt: now }).execute();
      await database.db.insertInto('twoFactorRecoveryCodes').values({ userId, codeHash: 'a'.repeat(64), usedAt: null }).execute();
      await database.db.insertInto('sessions').values({ tokenHash: 'b'.repeat(64), userId, csrfToken: 'c', createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) } as never).execute();
    } finally {
      await database.close();
    }

    const usage = fakeIo(env);
    assert.equal(await runCli(['users', 'reset-two-factor', '--email', 'only.admin@example.test', '--reason', 'because'], usage), 2);
    const unknown = fakeIo(env);
    assert.equal(await runCli(['users', 'reset-two-factor', '--email', 'nobody@example.test', '--reason', 'lostDeviceAndCodes', '--identity-check', 'inPerson'], unknown), 1);
    assert.deepEqual(unknown.lines, ['No one signs in with nobody@example.test.']);

    const reset = fakeIo(env);
    assert.equal(await runCli(['users', 'reset-two-factor', '--email', 'Only.Admin@example.test', '--reason', 'lostDeviceAndCodes', '--identity-check', 'inPerson'], reset), 0, reset.lines.join('\n'));
    assert.deepEqual(reset.lines, ['Two-factor sign-in of only.admin@example.test was reset; sessions ended: 1. They sign in with their password and enrol again.']);
    const again = fakeIo(env);
    assert.equal(await runCli(['users', 'reset-two-factor', '--email', 'only.admin@example.test', '--reason', 'lostDeviceAndCodes', '--identity-check', 'inPerson'], again), 1);
    assert.deepEqual(again.lines, ['This person has no two-factor sign-in to reset.']);

    const after = await openDatabase({ kind: 'embedded', dataDir });
    try {
      assert.equal((await after.db.selectFrom('userTwoFactor').select('userId').execute()).length, 0);
      assert.equal((await after.db.selectFrom('twoFactorRecoveryCodes').select('userId').execute()).length, 0);
      assert.equal((await after.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute()).length, 0);
      const audits = await after.db.selectFrom('auditEvents').select(['actorType', 'subjectId', 'metadata']).where('action', '=', 'twoFactor.resetByAdministrator').execute();
      assert.deepEqual(audits.map((a) => [a.actorType, a.subjectId, a.metadata]), [['cli', userId, { reason: 'lostDeviceAndCodes', identityCheck: 'inPerson', endedSessions: 1 }]]);
    } finally {
      await after.close();
    }
  });

  test('palermo users reset-password prints a temporary password once; the old one stops, the new one opens only the password change', async () => {
    const usage = fakeIo(env);
    assert.equal(await runCli(['users', 'reset-password', '--email', 'only.admin@example.test', '--reason', 'lostDeviceAndCodes', '--identity-check', 'inPerson'], usage), 2, 'a two-factor reason is not a password reason');
    const reset = fakeIo(env);
    assert.equal(await runCli(['users', 'reset-password', '--email', 'only.admin@example.test', '--reason', 'forgotten', '--identity-check', 'inPerson'], reset), 0, reset.lines.join('\n'));
    assert.equal(reset.lines[0], 'The password of only.admin@example.test was replaced; sessions ended: 0.');
    const temporaryPassword = reset.lines.at(-1)!;
    assert.match(temporaryPassword, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const user = await database.db.selectFrom('users').select(['id', 'passwordHash', 'temporaryPasswordExpiresAt']).executeTakeFirstOrThrow();
      assert.ok(user.temporaryPasswordExpiresAt, 'the password must be changed at the next sign-in');
      assert.ok(await verifyPassword(user.passwordHash, temporaryPassword));
      assert.ok(!(await verifyPassword(user.passwordHash, env.PALERMO_ADMIN_PASSWORD)));
      const audits = await database.db.selectFrom('auditEvents').select(['actorType', 'subjectId', 'metadata']).where('action', '=', 'user.passwordResetByAdministrator').execute();
      assert.deepEqual(audits.map((a) => [a.actorType, a.subjectId, (a.metadata as { reason: string }).reason]), [['cli', user.id, 'forgotten']]);
    } finally {
      await database.close();
    }
  });
});
