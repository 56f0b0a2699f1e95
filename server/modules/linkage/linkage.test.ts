import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDedupeDataset, normaliseDate, type TPersonRecord } from '../../../core/linkage/index.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { identityOf, personWithCase, SEX_OF_CODE } from './linkage-fixtures.test-support.ts';
import { stopAllJobs, waitForJob } from './use-cases/dedupe-job.ts';

describe(`de-duplication inside an organisation (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let coordinator: TAgent;
  let analyst: TAgent;
  let responder: TAgent;
  const records = generateDedupeDataset({ seed: 'server-dedupe', records: 60 });
  const personOf = new Map<string, string>();
  const entityOfPerson = new Map<string, number>();
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    responder = await t.login(await t.addUser(orgId, 'first_responder'));
    for (const record of records) {
      const { personId } = await personWithCase(t, orgId, identityOf(record));
      await t.database.db.updateTable('persons').set({ sex: SEX_OF_CODE[record.sex ?? ''] ?? 'not_known', citizenship: record.citizenship?.slice(0, 2) ?? null }).where('id', '=', personId).execute();
      personOf.set(record.recordId, personId);
      entityOfPerson.set(personId, record.entityId);
    }
  });
  after(() => t.close());
  const api = (path: string) => `/api/organisations/${orgId}${path}`;
  const truePairs = () => {
    const pairs = new Set<string>();
    const persons = [...entityOfPerson.keys()];
    for (let i = 0; i < persons.length; i++) for (let j = i + 1; j < persons.length; j++) {
      if (entityOfPerson.get(persons[i]!) === entityOfPerson.get(persons[j]!)) pairs.add([persons[i]!, persons[j]!].sort().join('/'));
    }
    return pairs;
  };

  test('a job de-duplicates the register off the event loop and fills the review queue with explained pairs, no identity', async () => {
    assert.equal((await coordinator.request('POST', api('/linkage/dedupe-jobs'), {})).statusCode, 403, 'linkage.run');
    const started = await analyst.request('POST', api('/linkage/dedupe-jobs'), {});
    assert.equal(started.statusCode, 202, started.body);
    const { job } = started.json();
    assert.equal(job.status, 'running');
    assert.equal((await analyst.request('POST', api('/linkage/dedupe-jobs'), {})).json().error.details.reason, 'JOB_RUNNING');
    await waitForJob(job.id);
    const finished = (await analyst.request('GET', api(`/linkage/dedupe-jobs/${job.id}`))).json().job;
    assert.equal(finished.status, 'succeeded', JSON.stringify(finished));
    assert.deepEqual([finished.progress, finished.personsRead, finished.modelSource], [1, records.length, 'reference']);
    assert.equal((await analyst.request('GET', api('/linkage/duplicate-candidates'))).statusCode, 403, 'duplicate.review');

    const listed = await coordinator.request('GET', api('/linkage/duplicate-candidates?limit=200'));
    assert.equal(listed.statusCode, 200);
    const candidates = listed.json().candidates as { personA: { personId: string }; personB: { personId: string }; probability: number; explanation: { comparisons: unknown[]; totalWeight: number } }[];
    assert.equal(candidates.length, finished.reviewPairs);
    const found = new Set(candidates.map((c) => [c.personA.personId, c.personB.personId].sort().join('/')));
    const truth = truePairs();
    const hits = [...truth].filter((pair) => found.has(pair)).length;
    assert.ok(truth.size > 5 && hits / truth.size >= 0.8, `recall ${hits}/${truth.size}`);
    assert.ok([...found].filter((pair) => truth.has(pair)).length / found.size >= 0.8, 'most queued pairs are true duplicates');
    for (const c of candidates) {
      assert.equal(c.explanation.comparisons.length, 8);
      assert.ok(c.probability >= 0.5);
    }
    for (const record of records.slice(0, 20)) {
      for (const value of [record.surname, record.documentNumber]) if (value && value.length > 3) assert.ok(!listed.body.includes(value), 'no identifying value in the queue');
    }
    assert.equal((await auditRows(t.database, 'dedupeJob.completed')).filter((r) => (r.metadata as { jobId: string }).jobId === job.id).length, 1);
    const notices = await t.database.db.selectFrom('notifications').select(['userId', 'kind', 'payload']).where('subjectId', '=', job.id).execute();
    assert.deepEqual(notices.map((n) => [n.userId, n.kind]), [[coordinator.user.userId, 'dedupeJob.completed']], 'reviewers are told; the analyst who ran it is not a reviewer');
    const stored = await t.database.db.selectFrom('linkageJobs').select('model').where('id', '=', job.id).executeTakeFirstOrThrow();
    assert.deepEqual(Object.keys(stored.model as object).sort(), ['lambda', 'm', 'u'], 'no term frequencies (names) stored with the model');
  });

  test('side by side only for reviewers, identity only with identity access, every view and decision audited', async () => {
    const [first, second] = (await coordinator.request('GET', api('/linkage/duplicate-candidates'))).json().candidates;
    const view = await coordinator.request('GET', api(`/linkage/duplicate-candidates/${first.id}`));
    assert.equal(view.statusCode, 200, view.body);
    const detail = view.json().candidate;
    assert.equal(detail.identityShown, true);
    assert.ok(detail.personA.identity && detail.personB.identity);
    assert.equal((await responder.request('GET', api(`/linkage/duplicate-candidates/${first.id}`))).statusCode, 403);
    const views = await auditRows(t.database, 'duplicateCandidate.viewed', first.id);
    assert.deepEqual(views.map((r) => r.metadata), [{ candidateId: first.id, firstPersonId: first.personA.personId, secondPersonId: first.personB.personId, identityShown: true }]);

    const decided = await coordinator.request('POST', api(`/linkage/duplicate-candidates/${second.id}/decision`), { decision: 'not_match' });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json().candidate.status, 'not_match');
    assert.equal((await coordinator.request('POST', api(`/linkage/duplicate-candidates/${second.id}/merge`), { survivingPersonId: second.personA.personId })).json().error.details.reason, 'CANDIDATE_REJECTED');
    assert.deepEqual((await auditRows(t.database, 'duplicateCandidate.decided', second.id)).map((r) => r.metadata), [{ candidateId: second.id, from: 'pending', to: 'not_match' }]);
  });

  test('merge moves the cases to the surviving person; unmerge restores every row exactly; both audited', async () => {
    const snapshot = async () => ({
      persons: await t.database.db.selectFrom('persons').selectAll().where('orgId', '=', orgId).orderBy('id').execute(),
      cases: await t.database.db.selectFrom('cases').selectAll().where('orgId', '=', orgId).orderBy('id').execute(),
      candidates: await t.database.db.selectFrom('duplicateCandidates').selectAll().where('orgId', '=', orgId).orderBy('id').execute(),
    });
    const [pair] = (await coordinator.request('GET', api('/linkage/duplicate-candidates'))).json().candidates;
    await coordinator.request('POST', api(`/linkage/duplicate-candidates/${pair.id}/decision`), { decision: 'match' });
    const before = await snapshot();
    const survivor = pair.personA.personId;
    const duplicate = pair.personB.personId;
    const duplicateCases = before.cases.filter((c) => c.personId === duplicate).map((c) => c.id);
    assert.ok(duplicateCases.length >= 1);
    const merged = await coordinator.request('POST', api(`/linkage/duplicate-candidates/${pair.id}/merge`), { survivingPersonId: survivor });
    assert.equal(merged.statusCode, 201, merged.body);
    const merge = merged.json().merge;
    assert.deepEqual(merge.movedCaseIds, [...duplicateCases].sort());
    const during = await snapshot();
    assert.ok(during.cases.filter((c) => duplicateCases.includes(c.id)).every((c) => c.personId === survivor));
    const queue = (await coordinator.request('GET', api('/linkage/duplicate-candidates?limit=200'))).json().candidates as { personA: { personId: string }; personB: { personId: string } }[];
    assert.ok(queue.every((c) => c.personA.personId !== duplicate && c.personB.personId !== duplicate), 'a merged-away person leaves the queue');
    assert.equal((await coordinator.request('POST', api(`/linkage/duplicate-candidates/${pair.id}/merge`), { survivingPersonId: survivor })).json().error.details.reason, 'CANDIDATE_MERGED');

    const unmerged = await coordinator.request('POST', api(`/linkage/merges/${merge.id}/unmerge`), {});
    assert.equal(unmerged.statusCode, 200, unmerged.body);
    assert.equal(unmerged.json().merge.status, 'unmerged');
    assert.deepEqual(await snapshot(), before, 'state after unmerge equals state before merge');
    assert.equal((await coordinator.request('POST', api(`/linkage/merges/${merge.id}/unmerge`), {})).json().error.details.reason, 'ALREADY_UNMERGED');
    assert.deepEqual((await auditRows(t.database, 'person.merged', survivor)).map((r) => (r.metadata as { mergeId: string }).mergeId), [merge.id]);
    assert.deepEqual((await auditRows(t.database, 'person.unmerged', survivor)).map((r) => (r.metadata as { restoredCases: number }).restoredCases), [duplicateCases.length]);
  });

  test('merges undo in reverse order only', async () => {
    const a = await personWithCase(t, orgId, { givenName: 'Chain', familyName: 'One' });
    const b = await personWithCase(t, orgId, { givenName: 'Chain', familyName: 'Two' });
    const c = await personWithCase(t, orgId, { givenName: 'Chain', familyName: 'Three' });
    const pairOf = async (x: string, y: string) => {
      const [firstPersonId, secondPersonId] = [x, y].sort() as [string, string];
      const row = await t.database.db.insertInto('duplicateCandidates').values({
        orgId, jobId: (await t.database.db.selectFrom('linkageJobs').select('id').where('orgId', '=', orgId).executeTakeFirstOrThrow()).id,
        firstPersonId, secondPersonId, matchWeight: 5, probability: 0.97, explanation: JSON.stringify({ priorWeight: 0, comparisons: [], namesSwapped: false, totalWeight: 5, probability: 0.97 }),
        clusterKey: null, status: 'pending', createdAt: t.clock.now(), updatedAt: t.clock.now(),
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    };
    const first = (await coordinator.request('POST', api(`/linkage/duplicate-candidates/${await pairOf(a.personId, b.personId)}/merge`), { survivingPersonId: b.personId })).json().merge;
    const second = (await coordinator.request('POST', api(`/linkage/duplicate-candidates/${await pairOf(b.personId, c.personId)}/merge`), { survivingPersonId: c.personId })).json().merge;
    assert.deepEqual(second.movedCaseIds.sort(), [a.caseId, b.caseId].sort(), 'the earlier merge\'s case moves on with its survivor');
    assert.equal((await coordinator.request('POST', api(`/linkage/merges/${first.id}/unmerge`), {})).json().error.details.reason, 'MERGE_NOT_LATEST');
    assert.equal((await coordinator.request('POST', api(`/linkage/merges/${second.id}/unmerge`), {})).statusCode, 200);
    assert.equal((await coordinator.request('POST', api(`/linkage/merges/${first.id}/unmerge`), {})).statusCode, 200);
    const owners = await t.database.db.selectFrom('cases').select(['id', 'personId']).where('id', 'in', [a.caseId, b.caseId, c.caseId]).execute();
    assert.deepEqual(Object.fromEntries(owners.map((o) => [o.id, o.personId])), { [a.caseId]: a.personId, [b.caseId]: b.personId, [c.caseId]: c.personId });
  });

  test('the registration-time check finds a registered person from a variant spelling; names only with identity access', async () => {
    const target = records.find((r) => r.givenName && r.surname && normaliseDate(r.dateOfBirth) !== '')!;
    const identity = identityOf(target);
    const probe = { identity: { ...identity, givenName: String(identity.givenName).toUpperCase() }, sex: SEX_OF_CODE[target.sex ?? ''] ?? null, citizenship: target.citizenship?.slice(0, 2) ?? null };
    assert.equal((await analyst.request('POST', api('/persons/duplicate-check'), probe)).statusCode, 403, 'case.create');
    const checked = await responder.request('POST', api('/persons/duplicate-check'), probe);
    assert.equal(checked.statusCode, 200, checked.body);
    const matches = checked.json().matches as { personId: string; probability: number; displayName: string | null; explanation: { comparisons: unknown[] }; cases: unknown[] }[];
    const hit = matches.find((m) => m.personId === personOf.get(target.recordId));
    assert.ok(hit, `the registered person is among ${matches.length} matches`);
    assert.ok(hit.probability >= 0.5 && hit.cases.length >= 1 && hit.explanation.comparisons.length === 8);
    assert.ok(hit.displayName?.includes(String(identity.familyName)));
    const nobody = await responder.request('POST', api('/persons/duplicate-check'), { identity: { givenName: 'Qwxyzt', familyName: 'Vbnmlk', dateOfBirth: '1901-01-01' } });
    assert.deepEqual(nobody.json().matches, []);
    const audits = await auditRows(t.database, 'duplicateCheck.performed');
    assert.deepEqual(audits.slice(-2).map((r) => (r.metadata as { identitiesShown: boolean }).identitiesShown), [true, false]);
  });

  test('a job stopped by a shutdown is recorded as failed (STOPPED), and the next start is not blocked', async () => {
    const other = await t.createOrganisation();
    const runner = await t.login(await t.addUser(other, 'analyst'));
    await personWithCase(t, other);
    const started = (await runner.request('POST', `/api/organisations/${other}/linkage/dedupe-jobs`, {})).json().job;
    await stopAllJobs();
    const stopped = (await runner.request('GET', `/api/organisations/${other}/linkage/dedupe-jobs/${started.id}`)).json().job;
    assert.deepEqual([stopped.status, stopped.failureReason], ['failed', 'STOPPED']);
    assert.deepEqual((await auditRows(t.database, 'dedupeJob.failed', started.id)).map((r) => r.metadata), [{ jobId: started.id, reason: 'STOPPED' }]);
    const again = await runner.request('POST', `/api/organisations/${other}/linkage/dedupe-jobs`, {});
    assert.equal(again.statusCode, 202);
    await waitForJob(again.json().job.id);
  });

  test('unique persons: confirmed matches count once, and small counts never leave the server', async () => {
    const count = async () => {
      const response = await analyst.request('GET', api('/linkage/unique-persons'));
      assert.equal(response.statusCode, 200, response.body);
      return response.json().uniquePersons as { uniquePersons: { value?: number; suppressed?: true }; byBucket: { bucket: string; persons: { value?: number } }[] };
    };
    const published = await count();
    for (const cell of [published.uniquePersons, ...published.byBucket.map((b) => b.persons)]) {
      if (cell.value !== undefined) assert.ok(cell.value === 0 || cell.value >= 11, `published ${cell.value}`);
    }
    const persons = await t.database.db.selectFrom('persons').select('id').where('orgId', '=', orgId).execute();
    const matched = await t.database.db.selectFrom('duplicateCandidates').select(['firstPersonId', 'secondPersonId']).where('orgId', '=', orgId).where('status', '=', 'match').execute();
    if (published.uniquePersons.value !== undefined) assert.ok(published.uniquePersons.value <= persons.length - (matched.length > 0 ? 1 : 0));
    assert.equal((await responder.request('GET', api('/linkage/unique-persons'))).statusCode, 403);
  });
});
