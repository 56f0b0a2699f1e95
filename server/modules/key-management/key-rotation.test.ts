import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TTestApp } from '../../../test/support/test-app.ts';
import { adultCaseBody, SEEDED_IDENTITY } from '../../../test/support/case-fixtures.ts';
import { PLAN_BODY } from '../../../test/authz-samples/protection.ts';
import { referralIn } from '../service-referrals/referral-fixtures.test-support.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { requestTransfer } from '../case-transfers/use-cases/request-transfer.ts';
import { SEALED_COLUMN_SETS } from './sealed-columns.ts';
import { resumeKeyRotations, runKeyRotation, startKeyRotation, whenKeyRotationSettles } from './key-rotations.ts';
import { reencryptOrganisation } from './reencrypt.ts';
import { openBytes, openJson } from '../../crypto/field-encryption.ts';

let t: TTestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

/** Sealed columns that are not under an organisation's data key, and why. */
const NOT_ORGANISATION_KEYS = new Map([
  ['user_two_factor.secret_ciphertext', 'sealed under a key derived from the master key; moved by palermo keys rotate-master'],
]);

test('every *_ciphertext column of the schema is in the re-encryption list (or named as not under an organisation key)', async () => {
  const result = await sql<{ tableName: string; columnName: string }>`select table_name, column_name from information_schema.columns where table_schema = 'public' and column_name like '%\_ciphertext' escape '\\'`.execute(t.database.db);
  const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const covered = new Set(SEALED_COLUMN_SETS.flatMap((set) => set.columns.map((column) => `${snake(set.table)}.${snake(column.column)}`)));
  const missing = result.rows.map((row) => `${row.tableName}.${row.columnName}`).filter((name) => !covered.has(name) && !NOT_ORGANISATION_KEYS.has(name));
  assert.deepEqual(missing, [], 'add these to server/modules/key-management/sealed-columns.ts');
});

test('rotating a data key re-encrypts everything under the new version; contents, search and shared copies still open', async () => {
  const orgId = await t.createOrganisation();
  const receiver = await t.createOrganisation();
  const admin = await t.login(await t.addUser(orgId, 'admin'));
  const created = await admin.request('POST', `/api/organisations/${orgId}/cases`, adultCaseBody());
  const caseId = (created.json() as { case: { id: string } }).case.id;
  assert.equal((await admin.request('PUT', `/api/organisations/${orgId}/cases/${caseId}/plan`, PLAN_BODY)).statusCode, 200);
  assert.equal((await admin.request('POST', `/api/organisations/${orgId}/cases/${caseId}/documents`, { fileName: 'note.txt', contentType: 'text/plain', contentBase64: Buffer.from('hello').toString('base64') })).statusCode, 201);
  const referral = await referralIn(t, receiver, orgId, 'sent'); // a case of `receiver` shared with orgId: its copy is under orgId's key
  const { caseId: transferCase } = await caseInState(t, receiver, 'referred');
  await t.asSystem((ctx) => requestTransfer(ctx, receiver, transferCase, { receivingOrgId: orgId, consent: { basis: 'person', language: 'en', interpreterUsed: false }, note: 'Handle with care' }));
  const before = {
    detail: (await admin.request('GET', `/api/organisations/${orgId}/cases/${caseId}`)).body,
    plan: (await admin.request('GET', `/api/organisations/${orgId}/cases/${caseId}/plan`)).body,
    shared: (await admin.request('GET', `/api/organisations/${orgId}/service-referrals/${referral.referralId}`)).body,
  };

  // Started without its background run: new data goes under the new key while old data is still old.
  const rotation = await t.asSystem((ctx) => startKeyRotation(ctx, orgId));
  assert.equal(rotation.toVersion, 2);
  const newer = await admin.request('POST', `/api/organisations/${orgId}/cases`, adultCaseBody());
  const newerId = (newer.json() as { case: { id: string } }).case.id;
  const versions = await t.database.db.selectFrom('persons').innerJoin('cases', 'cases.personId', 'persons.id').select(['cases.id', 'persons.keyVersion']).where('cases.orgId', '=', orgId).execute();
  assert.deepEqual(new Set(versions.map((v) => `${v.id === newerId}:${v.keyVersion}`)), new Set(['false:1', 'true:2']));
  const midSearch = (await admin.request('GET', `/api/organisations/${orgId}/cases?q=${SEEDED_IDENTITY.familyName}`)).json() as { cases: { id: string }[] };
  assert.deepEqual(new Set(midSearch.cases.map((c) => c.id)), new Set([caseId, newerId]), 'search finds rows under both key versions');

  const deps = await t.asSystem(async (ctx) => ({ database: t.database, clock: t.clock.now, keyring: ctx.keyring }));
  await runKeyRotation(deps, rotation.id);
  await whenKeyRotationSettles(rotation.id);
  for (const set of SEALED_COLUMN_SETS) {
    const stale = await (t.database.db as unknown as { selectFrom(table: string): any }).selectFrom(set.table).select(set.versionColumn)
      .where(set.keyOrgColumn, '=', orgId).where(set.versionColumn, '<', 2).execute();
    assert.equal(stale.length, 0, `${set.name} still has rows under version 1`);
  }
  assert.equal((await admin.request('GET', `/api/organisations/${orgId}/cases/${caseId}`)).body.replace(/"updatedAt":"[^"]+"/g, ''), before.detail.replace(/"updatedAt":"[^"]+"/g, ''));
  assert.equal((await admin.request('GET', `/api/organisations/${orgId}/cases/${caseId}/plan`)).body, before.plan);
  assert.equal((await admin.request('GET', `/api/organisations/${orgId}/service-referrals/${referral.referralId}`)).body, before.shared);
  const documents = (await admin.request('GET', `/api/organisations/${orgId}/cases/${caseId}/documents`)).json() as { documents: { id: string }[] };
  const content = await admin.request('GET', `/api/organisations/${orgId}/cases/${caseId}/documents/${documents.documents[0]!.id}/content`);
  assert.equal(content.body, 'hello');
  const afterSearch = (await admin.request('GET', `/api/organisations/${orgId}/cases?q=${SEEDED_IDENTITY.familyName}`)).json() as { cases: unknown[] };
  assert.equal(afterSearch.cases.length, 2, 'the blind index was rebuilt under the new key');

  const listed = (await admin.request('GET', `/api/organisations/${orgId}/key-rotations`)).json() as { rotations: { status: string; rowsReencrypted: number }[] };
  assert.equal(listed.rotations[0]!.status, 'finished');
  assert.ok(listed.rotations[0]!.rowsReencrypted >= 6, `moved ${listed.rotations[0]!.rowsReencrypted} rows`);
  const audit = await t.database.db.selectFrom('auditEvents').select('action').where('orgId', '=', orgId).where('action', 'like', 'organisationKey.%').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['organisationKey.rotated', 'organisationKey.reencrypted']);

  // Through the API: 202, and a second start while one runs is refused.
  const started = await admin.request('POST', `/api/organisations/${orgId}/key-rotations`);
  assert.equal(started.statusCode, 202, started.body);
  const twice = await admin.request('POST', `/api/organisations/${orgId}/key-rotations`);
  assert.ok(twice.statusCode === 409 || twice.statusCode === 202, 'refused while running, or the first one already finished');
  await whenKeyRotationSettles((started.json() as { id: string }).id);
  const coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
  assert.equal((await coordinator.request('POST', `/api/organisations/${orgId}/key-rotations`)).statusCode, 403);
});

type TAnyDb = { selectFrom(table: string): any };

/** Every sealed value of the organisation, opened under `version` (throws on the first that does not open). */
async function openEverySealedValue(orgId: string, version: number, deps: { keyring: { keyVersion(db: never, orgId: string, version: number): Promise<{ dataKey: Buffer }> } }): Promise<Map<string, number>> {
  const key = await deps.keyring.keyVersion(t.database.db as never, orgId, version);
  const opened = new Map<string, number>();
  for (const set of SEALED_COLUMN_SETS) {
    const rows: Record<string, unknown>[] = await (t.database.db as unknown as TAnyDb).selectFrom(set.table).selectAll().where(set.keyOrgColumn, '=', orgId).where(set.versionColumn, 'is not', null).execute();
    for (const row of rows) {
      for (const column of set.columns) {
        const sealed = row[column.column];
        if (typeof sealed !== 'string') continue;
        if (column.kind === 'json') openJson(key.dataKey, sealed, column.context(row));
        else openBytes(key.dataKey, sealed, column.context(row));
        opened.set(set.name, (opened.get(set.name) ?? 0) + 1);
      }
    }
  }
  return opened;
}

async function rowsByVersion(orgId: string): Promise<Record<string, Record<number, number>>> {
  const counts: Record<string, Record<number, number>> = {};
  for (const set of SEALED_COLUMN_SETS) {
    const rows: Record<string, unknown>[] = await (t.database.db as unknown as TAnyDb).selectFrom(set.table).select(set.versionColumn).where(set.keyOrgColumn, '=', orgId).where(set.versionColumn, 'is not', null).execute();
    for (const row of rows) {
      const version = Number(row[set.versionColumn]);
      counts[set.name] = { ...counts[set.name], [version]: (counts[set.name]?.[version] ?? 0) + 1 };
    }
  }
  return counts;
}

test('a data-key rotation stopped after one batch resumes where it stopped: every sealed value opens under the new version, none is left under the old one', async () => {
  const orgId = await t.createOrganisation();
  const receiver = await t.createOrganisation();
  const admin = await t.login(await t.addUser(orgId, 'admin'));
  const caseIds: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const created = await admin.request('POST', `/api/organisations/${orgId}/cases`, adultCaseBody({ ...SEEDED_IDENTITY, givenName: `Resume${i}` }));
    caseIds.push((created.json() as { case: { id: string } }).case.id);
  }
  assert.equal((await admin.request('PUT', `/api/organisations/${orgId}/cases/${caseIds[0]}/plan`, PLAN_BODY)).statusCode, 200);
  assert.equal((await admin.request('POST', `/api/organisations/${orgId}/cases/${caseIds[0]}/documents`, { fileName: 'note.txt', contentType: 'text/plain', contentBase64: Buffer.from('resume me').toString('base64') })).statusCode, 201);
  await referralIn(t, receiver, orgId, 'sent'); // a copy shared with orgId, under orgId's key
  const detailsBefore = await Promise.all(caseIds.map(async (id) => (await admin.request('GET', `/api/organisations/${orgId}/cases/${id}`)).body.replace(/"updatedAt":"[^"]+"/g, '')));
  const deps = await t.asSystem(async (ctx) => ({ database: t.database, clock: t.clock.now, keyring: ctx.keyring }));
  const sealedBefore = await openEverySealedValue(orgId, 1, deps);

  const rotation = await t.asSystem((ctx) => startKeyRotation(ctx, orgId));
  // The server stops after the first batch of two rows (the job row stays 'running', as after a crash).
  let batches = 0;
  await assert.rejects(reencryptOrganisation(deps, orgId, rotation.toVersion, async () => {
    batches += 1;
    throw new Error('server stopped');
  }, 2), /server stopped/);
  assert.equal(batches, 1);
  const halfway = await rowsByVersion(orgId);
  assert.deepEqual(halfway['persons.identity'], { 1: 3, 2: 2 }, 'two identities moved, three still under version 1');
  assert.equal(halfway['documents.file']?.[1], 1, 'later sets not reached yet');
  // Mid-rotation everything still reads, from either version.
  for (const [index, id] of caseIds.entries()) {
    assert.equal((await admin.request('GET', `/api/organisations/${orgId}/cases/${id}`)).body.replace(/"updatedAt":"[^"]+"/g, ''), detailsBefore[index]);
  }
  const job = await t.database.db.selectFrom('keyRotations').select('status').where('id', '=', rotation.id).executeTakeFirstOrThrow();
  assert.equal(job.status, 'running');

  // The next start resumes every running job.
  const errors: unknown[] = [];
  await resumeKeyRotations(deps, (error) => errors.push(error));
  await whenKeyRotationSettles(rotation.id);
  assert.deepEqual(errors, []);
  const finished = await t.database.db.selectFrom('keyRotations').select(['status', 'rowsReencrypted']).where('id', '=', rotation.id).executeTakeFirstOrThrow();
  assert.equal(finished.status, 'finished');
  const done = await rowsByVersion(orgId);
  for (const [name, versions] of Object.entries(done)) assert.deepEqual(Object.keys(versions), ['2'], `${name}: everything under version 2`);
  assert.deepEqual(await openEverySealedValue(orgId, 2, deps), sealedBefore, 'every sealed value opens under the new version');
  await assert.rejects(() => openEverySealedValue(orgId, 1, deps), 'nothing opens under the old version any more');
  for (const [index, id] of caseIds.entries()) {
    assert.equal((await admin.request('GET', `/api/organisations/${orgId}/cases/${id}`)).body.replace(/"updatedAt":"[^"]+"/g, ''), detailsBefore[index]);
  }
  const search = (await admin.request('GET', `/api/organisations/${orgId}/cases?q=${SEEDED_IDENTITY.familyName}`)).json() as { cases: unknown[] };
  assert.equal(search.cases.length, 5, 'the blind index was rebuilt for every identity, moved before or after the stop');
  assert.ok(sealedBefore.size >= 4, `sealed sets covered: ${[...sealedBefore.keys()].join(', ')}`);
});
