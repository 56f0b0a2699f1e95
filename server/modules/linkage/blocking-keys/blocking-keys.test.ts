import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../../test/support/test-app.ts';
import { auditRows } from '../../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../../test/support/test-database.ts';
import { runKeyRotation, startKeyRotation, whenKeyRotationSettles } from '../../key-management/key-rotations.ts';
import { anonymisePerson } from '../../retention/anonymise-person.ts';
import { personWithCase } from '../linkage-fixtures.test-support.ts';
import { mergeCandidate } from '../use-cases/merge.ts';
import { forgetIndexedOrganisations, fullScanCheck, indexedCheck } from '../use-cases/duplicate-check.ts';
import { linkageInputOf } from '../use-cases/read-register.ts';
import { blockingValuesOf } from './blocking-values.ts';
import { sweepAllOrganisations, sweepOrganisation, waitForBlockingKeySweeps } from './blocking-key-sweep.ts';

const FIRST = { givenName: 'Mohammed', familyName: 'Al-Hassan', dateOfBirth: '1991-03-14', documentNumbers: ['P1234567'], phone: '+40 712 345 678' };
const VARIANT = { givenName: 'Muhammad', familyName: 'Alhasan', dateOfBirth: '1991-03-14' };

describe(`blocking keys of the real-time duplicate check (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let responder: TAgent;
  let first: { caseId: string; personId: string };
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    responder = await t.login(await t.addUser(orgId, 'first_responder'));
    first = await personWithCase(t, orgId, FIRST);
    await personWithCase(t, orgId, { givenName: 'Elena', familyName: 'Popescu', dateOfBirth: '1996-04-02' });
    await personWithCase(t, orgId, { givenName: 'Олександр', familyName: 'Шевченко', dateOfBirth: '1988-11-30' });
  });
  after(async () => { await waitForBlockingKeySweeps(); await t.close(); });
  const api = (path: string) => `/api/organisations/${orgId}${path}`;
  const keysOf = (personId: string) => t.database.db.selectFrom('personBlockingKeys').selectAll().where('personId', '=', personId).execute();
  const check = (identity: Record<string, unknown>) => responder.request('POST', api('/persons/duplicate-check'), { identity, sex: null, citizenship: null });

  test('registering a person stores keyed hashes of its blocking values, never the values', async () => {
    const keys = await keysOf(first.personId);
    const person = await t.database.db.selectFrom('persons').select(['sex', 'citizenship']).where('id', '=', first.personId).executeTakeFirstOrThrow();
    const values = blockingValuesOf(linkageInputOf(first.personId, FIRST, person.sex, person.citizenship));
    assert.equal(keys.length, 8, 'names + year, date + citizenship, document, phone, date + sex, names, given, surname');
    assert.equal(keys.length, values.length);
    assert.deepEqual(new Set(keys.map((k) => k.kind)), new Set(values.map((v) => v.kind)));
    const stored = JSON.stringify(keys).toLowerCase();
    for (const plain of ['mohammed', 'hassan', 'mhmt', '1991', 'p1234567', '712345678', ...values.map((v) => v.value.toLowerCase())]) {
      assert.ok(!stored.includes(plain), `"${plain}" does not appear in the stored keys`);
    }
    for (const key of keys) assert.match(key.keyHash, /^[0-9a-f]{32}$/);
    const set = await t.database.db.selectFrom('personBlockingKeySets').selectAll().where('personId', '=', first.personId).executeTakeFirstOrThrow();
    assert.equal(set.keyVersion, 1);
  });

  test('the check finds a transliteration variant through the index, decrypting only candidates, with the same scores as a full scan', async () => {
    const response = await check(VARIANT);
    assert.equal(response.statusCode, 200, response.body);
    const matches = response.json().matches as { personId: string; probability: number; displayName: string }[];
    assert.equal(matches[0]?.personId, first.personId);
    assert.equal(matches[0]?.displayName, 'Mohammed Al-Hassan');
    const audit = (await auditRows(t.database, 'duplicateCheck.performed')).at(-1)!;
    assert.deepEqual(audit.metadata, { personsCompared: 1, candidates: 1, identitiesShown: true, mode: 'indexed' });
    const probe = linkageInputOf('probe', VARIANT, null, null);
    const [indexed, full] = await t.asSystem(async (ctx) => [await indexedCheck(ctx.db, ctx.keyring, orgId, probe), await fullScanCheck(ctx.db, ctx.keyring, orgId, probe)]);
    assert.equal(full.decrypted, 3);
    assert.equal(indexed.decrypted, 1);
    assert.deepEqual(indexed.found.map((c) => [c.recordId, c.probability.toFixed(12)]), full.found.map((c) => [c.recordId, c.probability.toFixed(12)]));
  });

  test('persons registered without keys are found by a full scan until the sweep has indexed them', async () => {
    const legacy = await personWithCase(t, orgId, { givenName: 'Ana', familyName: 'Ionescu', dateOfBirth: '1979-07-07' });
    // as if registered before migration 0016
    await t.database.db.deleteFrom('personBlockingKeys').where('personId', '=', legacy.personId).execute();
    await t.database.db.deleteFrom('personBlockingKeySets').where('personId', '=', legacy.personId).execute();
    forgetIndexedOrganisations();
    const before = await check({ givenName: 'Ana', familyName: 'Ionescu', dateOfBirth: '1979-07-07' });
    assert.equal(before.json().matches[0]?.personId, legacy.personId);
    assert.equal(((await auditRows(t.database, 'duplicateCheck.performed')).at(-1)!.metadata as { mode: string }).mode, 'full_scan');
    await waitForBlockingKeySweeps(); // the check asked for the organisation to be indexed
    assert.ok((await keysOf(legacy.personId)).length > 0, 'the background sweep indexed the person');
    assert.equal((await sweepOrganisation({ database: t.database, clock: t.clock.now, keyring: await t.asSystem(async (ctx) => ctx.keyring) }, orgId)), 0, 'nothing left to index (resumable: done persons are not selected)');
    const after = await check({ givenName: 'Ana', familyName: 'Ionescu', dateOfBirth: '1979-07-07' });
    assert.equal(after.json().matches[0]?.personId, legacy.personId);
    // the start-up sweep finds every organisation with persons to index
    await t.database.db.deleteFrom('personBlockingKeySets').where('personId', '=', legacy.personId).execute();
    await t.database.db.deleteFrom('personBlockingKeys').where('personId', '=', legacy.personId).execute();
    await sweepAllOrganisations({ database: t.database, clock: t.clock.now, keyring: await t.asSystem(async (ctx) => ctx.keyring) }, (error) => { throw error; });
    await waitForBlockingKeySweeps();
    assert.ok((await keysOf(legacy.personId)).length > 0, 'indexed again by the start-up sweep');
  });

  test('a merged-away person is not a candidate; an anonymised person loses its keys', async () => {
    const twin = await personWithCase(t, orgId, { givenName: 'Elena', familyName: 'Popescu', dateOfBirth: '1996-04-02' });
    const before = (await check({ givenName: 'Elena', familyName: 'Popescu', dateOfBirth: '1996-04-02' })).json().matches as { personId: string }[];
    assert.equal(before.length, 2);
    const now = t.clock.now();
    const candidateId = (await t.database.db.insertInto('duplicateCandidates').values({
      orgId, jobId: (await t.database.db.insertInto('linkageJobs').values({ orgId, kind: 'dedupe', status: 'succeeded', stage: 'done', progress: 1, personsRead: 0, candidatePairs: 0, reviewPairs: 0, clusters: 0, modelSource: 'reference', model: null, startedAt: now, finishedAt: now }).returning('id').executeTakeFirstOrThrow()).id,
      firstPersonId: [before[0]!.personId, before[1]!.personId].sort()[0]!, secondPersonId: [before[0]!.personId, before[1]!.personId].sort()[1]!,
      matchWeight: 10, probability: 0.99, explanation: JSON.stringify({}), clusterKey: null, status: 'pending', createdAt: now, updatedAt: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
    const survivor = before.find((m) => m.personId !== twin.personId)!.personId;
    await t.asSystem((ctx) => mergeCandidate(ctx, orgId, candidateId, survivor));
    const merged = (await check({ givenName: 'Elena', familyName: 'Popescu', dateOfBirth: '1996-04-02' })).json().matches as { personId: string }[];
    assert.deepEqual(merged.map((m) => m.personId), [survivor]);
    await t.asSystem((ctx) => anonymisePerson(ctx, orgId, survivor, 'erasure'));
    assert.deepEqual(await keysOf(survivor), []);
    assert.deepEqual((await check({ givenName: 'Elena', familyName: 'Popescu', dateOfBirth: '1996-04-02' })).json().matches, []);
  });

  test('a key rotation re-keys the blocking keys; the check works during and after it', async () => {
    const hashesBefore = (await keysOf(first.personId)).map((k) => k.keyHash).sort();
    const rotation = await t.asSystem((ctx) => startKeyRotation(ctx, orgId));
    // during the rotation the keys are still under version 1 and the probe is hashed under both
    assert.equal((await check(VARIANT)).json().matches[0]?.personId, first.personId);
    const deps = await t.asSystem(async (ctx) => ({ database: t.database, clock: t.clock.now, keyring: ctx.keyring }));
    await runKeyRotation(deps, rotation.id);
    await whenKeyRotationSettles(rotation.id);
    const keysAfter = await keysOf(first.personId);
    assert.ok(keysAfter.every((k) => k.keyVersion === rotation.toVersion));
    assert.equal(keysAfter.length, hashesBefore.length);
    assert.ok(keysAfter.every((k) => !hashesBefore.includes(k.keyHash)), 'new hashes under the new key');
    const stale = await t.database.db.selectFrom('personBlockingKeySets').select('personId').where('orgId', '=', orgId).where('keyVersion', '<', rotation.toVersion).execute();
    assert.deepEqual(stale, []);
    assert.equal((await check(VARIANT)).json().matches[0]?.personId, first.personId);
  });

  test('the user\'s decision after the check is recorded: registered anyway or opened the existing case', async () => {
    const second = await personWithCase(t, orgId, VARIANT);
    const anyway = await responder.request('POST', api('/persons/duplicate-check/decision'), { decision: 'registered_anyway', caseId: second.caseId, matchedPersonIds: [first.personId] });
    assert.equal(anyway.statusCode, 204, anyway.body);
    const opened = await responder.request('POST', api('/persons/duplicate-check/decision'), { decision: 'opened_existing', caseId: first.caseId, matchedPersonIds: [first.personId] });
    assert.equal(opened.statusCode, 204, opened.body);
    const wrong = await responder.request('POST', api('/persons/duplicate-check/decision'), { decision: 'opened_existing', caseId: second.caseId, matchedPersonIds: [first.personId] });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().error.details.reason, 'CASE_NOT_OF_MATCH');
    const rows = await auditRows(t.database, 'duplicateCheck.decided');
    assert.deepEqual(rows.map((r) => r.metadata), [
      { decision: 'registered_anyway', candidates: 1, caseId: second.caseId, matchedPersonIds: [first.personId] },
      { decision: 'opened_existing', candidates: 1, caseId: first.caseId, matchedPersonIds: [first.personId] },
    ]);
  });
});
