import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../main.ts';
import type { TCliIo } from '../cli-io.ts';
import { openDatabase } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrate.ts';
import { NO_REQUEST, withContext } from '../../server/context.ts';
import { createKeyring } from '../../server/crypto/keyring.ts';
import { decodeMasterKey, loadOrCreateMasterKey } from '../../server/crypto/master-key.ts';
import { rewrapOrganisationKeys, verifyOrganisationKeys } from '../../server/crypto/master-key-rotation.ts';
import { rotateMasterKey } from '../../server/modules/key-management/rotate-master-key.ts';
import { createCase } from '../../server/modules/cases/use-cases/create-case.ts';
import { openIdentity } from '../../server/modules/cases/person-identity.ts';
import { createOrganisation } from '../../server/modules/organisations/organisations.service.ts';
import { newTotpSecret, openTotpSecret, sealTotpSecret } from '../../server/modules/two-factor/two-factor-secrets.ts';
import { adultCaseBody, SEEDED_IDENTITY } from '../../test/support/case-fixtures.ts';
import type { TCreateCaseRequest } from '../../server/modules/cases/cases.schemas.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'palermo-keys-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function io(env: Record<string, string>): TCliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, env, out: (line) => lines.push(line), err: (line) => lines.push(line), ask: () => Promise.reject(new Error('no questions')) };
}

test('master-key rotation: data keys re-wrapped, two-factor secrets re-sealed, key file replaced, identities still readable; a second run skips what moved', async () => {
  const oldKey = loadOrCreateMasterKey({ fromEnvironment: undefined, dataDir }).key;
  let database = await openDatabase({ kind: 'embedded', dataDir });
  await migrate(database);
  const deps = { database, clock: () => new Date(), keyring: createKeyring(oldKey) };
  const secret = newTotpSecret();
  const { caseId, userId } = await withContext(deps, { type: 'system' }, NO_REQUEST, async (ctx) => {
    const organisations = [await createOrganisation(ctx, { name: 'Rotation A', kind: 'ngo' }), await createOrganisation(ctx, { name: 'Rotation B', kind: 'government' })];
    const created = await createCase(ctx, organisations[0]!.id, adultCaseBody() as TCreateCaseRequest);
    await createCase(ctx, organisations[1]!.id, adultCaseBody() as TCreateCaseRequest);
    const user = await ctx.db.insertInto('users').values({ email: 'totp@example.test', displayName: 'T', passwordHash: 'x' }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.insertInto('userTwoFactor').values({ userId: user.id, secretCiphertext: sealTotpSecret(ctx.keyring, user.id, secret), confirmedAt: new Date(), lastUsedStep: null, createdAt: new Date(), updatedAt: new Date() }).execute();
    return { caseId: created, userId: user.id };
  });
  await database.close();

  const newKeyFile = join(dataDir, 'new.key');
  const newKey = randomBytes(32);
  writeFileSync(newKeyFile, newKey.toString('hex'));
  const rotation = io({ DATA_DIR: dataDir });
  assert.equal(await runCli(['keys', 'rotate-master', '--new-key-file', newKeyFile], rotation), 0, rotation.lines.join('\n'));
  assert.match(rotation.lines.join('\n'), /organisation keys: 2 moved, 0 already moved, of 2/);
  assert.match(rotation.lines.join('\n'), /two-factor secrets: 1 moved/);
  assert.ok(decodeMasterKey(readFileSync(join(dataDir, 'master.key'), 'utf8')).equals(newKey));
  assert.equal(statSync(join(dataDir, 'master.key')).mode & 0o777, 0o600);
  const verify = io({ DATA_DIR: dataDir });
  assert.equal(await runCli(['keys', 'verify'], verify), 0, verify.lines.join('\n'));

  database = await openDatabase({ kind: 'embedded', dataDir });
  try {
    const person = await database.db.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.personId').select(['persons.orgId', 'persons.id', 'persons.identityCiphertext', 'persons.keyVersion']).where('cases.id', '=', caseId).executeTakeFirstOrThrow();
    const identity = await openIdentity(createKeyring(newKey), database.db, person);
    assert.equal(identity.familyName, SEEDED_IDENTITY.familyName);
    await assert.rejects(() => openIdentity(createKeyring(oldKey), database.db, person), 'the old master key no longer opens anything');
    const stored = await database.db.selectFrom('userTwoFactor').select('secretCiphertext').where('userId', '=', userId).executeTakeFirstOrThrow();
    assert.ok(openTotpSecret(createKeyring(newKey), userId, stored.secretCiphertext).equals(secret));
    // An interrupted run is finished by running again: everything already moved is skipped.
    const again = await rotateMasterKey(database, oldKey, newKey);
    assert.deepEqual([again.organisationKeys.rewrapped, again.organisationKeys.alreadyRewrapped, again.twoFactor.alreadyRewrapped], [0, 2, 1]);
  } finally {
    await database.close();
  }
  const wrong = io({ DATA_DIR: dataDir, PALERMO_MASTER_KEY: oldKey.toString('hex') });
  assert.equal(await runCli(['keys', 'verify'], wrong), 1);
});

test('master-key rotation stopped half-way (one data key re-wrapped): running the command again completes it and every organisation key opens', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'palermo-keys-half-'));
  try {
    const oldKey = loadOrCreateMasterKey({ fromEnvironment: undefined, dataDir: folder }).key;
    let database = await openDatabase({ kind: 'embedded', dataDir: folder });
    await migrate(database);
    const deps = { database, clock: () => new Date(), keyring: createKeyring(oldKey) };
    const secret = newTotpSecret();
    const { caseIds, userId } = await withContext(deps, { type: 'system' }, NO_REQUEST, async (ctx) => {
      const ids: string[] = [];
      for (const name of ['Half A', 'Half B', 'Half C']) {
        const organisation = await createOrganisation(ctx, { name, kind: 'ngo' });
        ids.push(await createCase(ctx, organisation.id, adultCaseBody() as TCreateCaseRequest));
      }
      // A second data-key version for the first organisation: every version is wrapped by the master key.
      const first = await ctx.db.selectFrom('cases').select('orgId').where('id', '=', ids[0]!).executeTakeFirstOrThrow();
      await ctx.keyring.addVersion(ctx.db, first.orgId, new Date());
      const user = await ctx.db.insertInto('users').values({ email: 'half@example.test', displayName: 'H', passwordHash: 'x' }).returning('id').executeTakeFirstOrThrow();
      await ctx.db.insertInto('userTwoFactor').values({ userId: user.id, secretCiphertext: sealTotpSecret(ctx.keyring, user.id, secret), confirmedAt: new Date(), lastUsedStep: null, createdAt: new Date(), updatedAt: new Date() }).execute();
      return { caseIds: ids, userId: user.id };
    });
    const newKey = randomBytes(32);
    // The first run stops (the process is killed) right after the first data key is re-wrapped.
    await assert.rejects(rewrapOrganisationKeys(database, oldKey, newKey, (progress) => {
      if (progress.rewrapped === 1) throw new Error('killed');
    }), /killed/);
    const halfway = [await verifyOrganisationKeys(database, newKey), await verifyOrganisationKeys(database, oldKey)];
    assert.deepEqual(halfway.map((check) => [check.total, check.failing.length]), [[4, 3], [4, 1]], 'one key under the new master key, three under the old one');
    await database.close();

    // The operator runs the same command again with the same new key file.
    const newKeyFile = join(folder, 'new.key');
    writeFileSync(newKeyFile, newKey.toString('base64'));
    const rerun = io({ DATA_DIR: folder });
    assert.equal(await runCli(['keys', 'rotate-master', '--new-key-file', newKeyFile], rerun), 0, rerun.lines.join('\n'));
    assert.match(rerun.lines.join('\n'), /organisation keys: 3 moved, 1 already moved, of 4/);
    assert.match(rerun.lines.join('\n'), /two-factor secrets: 1 moved, 0 already moved, of 1/);
    assert.ok(decodeMasterKey(readFileSync(join(folder, 'master.key'), 'utf8')).equals(newKey));
    const verify = io({ DATA_DIR: folder });
    assert.equal(await runCli(['keys', 'verify'], verify), 0, verify.lines.join('\n'));
    assert.match(verify.lines.join('\n'), /All 4 organisation data keys open/);

    database = await openDatabase({ kind: 'embedded', dataDir: folder });
    try {
      const check = await verifyOrganisationKeys(database, newKey);
      assert.deepEqual([check.total, check.failing], [4, []], 'every organisation key opens with the new master key');
      assert.equal((await verifyOrganisationKeys(database, oldKey)).failing.length, 4, 'and none with the old one');
      for (const caseId of caseIds) {
        const person = await database.db.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.personId').select(['persons.orgId', 'persons.id', 'persons.identityCiphertext', 'persons.keyVersion']).where('cases.id', '=', caseId).executeTakeFirstOrThrow();
        assert.equal((await openIdentity(createKeyring(newKey), database.db, person)).familyName, SEEDED_IDENTITY.familyName);
      }
      const stored = await database.db.selectFrom('userTwoFactor').select('secretCiphertext').where('userId', '=', userId).executeTakeFirstOrThrow();
      assert.ok(openTotpSecret(createKeyring(newKey), userId, stored.secretCiphertext).equals(secret));
    } finally {
      await database.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
