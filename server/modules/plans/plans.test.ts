import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { PLAN_BODY } from '../../../test/authz-samples/protection.ts';

describe(`recovery and social-inclusion plans (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let worker: TAgent;
  let coordinator: TAgent;
  let admin: TAgent;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    worker = await t.login(await t.addUser(orgId, 'case_worker'));
    coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
    admin = await t.login(await t.addUser(orgId, 'admin'));
  });
  after(() => t.close());
  const plan = (caseId: string, path = '') => `/api/organisations/${orgId}/cases/${caseId}/plan${path}`;

  test('every save is a new version; earlier versions stay as they were; the survivor\'s words are sealed', async () => {
    const { caseId } = await caseInState(t, orgId, 'referred');
    assert.deepEqual((await worker.request('GET', plan(caseId))).json(), { plan: null, requiresApproval: false });
    const first = await worker.request('PUT', plan(caseId), PLAN_BODY);
    assert.equal(first.statusCode, 200, first.body);
    const v1 = first.json().plan;
    assert.deepEqual([v1.latestVersion, v1.inForceVersion, v1.current.approvalStatus], [1, 1, 'not_required']);
    const goalId = v1.current.goals[0].id;
    assert.match(goalId, /^[0-9a-f-]{36}$/);

    const second = await worker.request('PUT', plan(caseId), {
      ...PLAN_BODY, expectedVersion: 1, chosenDomains: ['housing', 'health', 'employment'], changeNote: 'Review after two weeks',
      goals: [
        { ...PLAN_BODY.goals[0], id: goalId, status: 'achieved' },
        { domain: 'employment', survivorWords: 'Work with animals, maybe at a farm', description: null, owner: { kind: 'survivor', userId: worker.user.userId }, reviewOn: '2026-04-01', status: 'not_started' },
      ],
    });
    assert.equal(second.statusCode, 200, second.body);
    assert.equal(second.json().plan.current.goals[0].id, goalId, 'a goal keeps its id across versions');
    const stale = await worker.request('PUT', plan(caseId), { ...PLAN_BODY, expectedVersion: 1 });
    assert.equal(stale.statusCode, 409);

    const history = (await coordinator.request('GET', plan(caseId, '/versions'))).json().versions;
    assert.deepEqual(history.map((v: { version: number }) => v.version), [2, 1]);
    assert.equal(history[1].goals[0].status, 'in_progress', 'version 1 is unchanged');
    assert.equal(history[1].goals.length, 1);
    assert.equal(history[0].changeNote, 'Review after two weeks');
    assert.equal(history[0].createdBy.userId, worker.user.userId);

    const stored = await t.database.db.selectFrom('planVersions').selectAll().innerJoin('plans', 'plans.id', 'planVersions.planId').where('plans.caseId', '=', caseId).execute();
    assert.equal(stored.length, 2);
    assert.ok(stored.every((row) => row.contentCiphertext.startsWith('v1.') && !row.contentCiphertext.includes('farm') && !row.contentCiphertext.includes('sister')));
    assert.deepEqual(stored.map((row) => row.domains.length).sort(), [2, 3], 'domains stay queryable');
    assert.deepEqual((await auditRows(t.database, 'plan.versionSaved')).filter((r) => r.caseId === caseId).map((r) => (r.metadata as { version: number }).version), [1, 2]);
    const audit = JSON.stringify(await t.database.db.selectFrom('auditEvents').select('metadata').where('caseId', '=', caseId).execute());
    assert.ok(!audit.includes('farm'));
  });

  test('opening a plan or its history is audited as a read of the survivor\'s words, with ids and versions only', async () => {
    const { caseId } = await caseInState(t, orgId, 'draft');
    const reads = async () => (await auditRows(t.database, 'plan.viewed')).filter((r) => r.caseId === caseId);
    assert.equal((await worker.request('GET', plan(caseId))).json().plan, null);
    assert.deepEqual((await worker.request('GET', plan(caseId, '/versions'))).json().versions, []);
    assert.equal((await reads()).length, 0, 'no plan, nothing read');
    const saved = (await worker.request('PUT', plan(caseId), PLAN_BODY)).json().plan;
    await worker.request('PUT', plan(caseId), { ...PLAN_BODY, expectedVersion: 1, changeNote: 'second' });
    assert.equal((await reads()).length, 0, 'the answer to a save is the writer\'s own words, not a read');
    assert.equal((await coordinator.request('GET', plan(caseId))).statusCode, 200);
    assert.equal((await worker.request('GET', plan(caseId, '/versions'))).json().versions.length, 2);
    const rows = await reads();
    assert.deepEqual(rows.map((r) => [r.orgId, r.actorId, r.subjectType, r.subjectId, r.metadata]), [
      [orgId, coordinator.user.userId, 'plan', saved.id, { planId: saved.id, scope: 'latest', versions: [2] }],
      [orgId, worker.user.userId, 'plan', saved.id, { planId: saved.id, scope: 'history', versions: [2, 1] }],
    ]);
    const timeline = (await worker.request('GET', `/api/organisations/${orgId}/cases/${caseId}/timeline`)).json().events.map((e: { action: string }) => e.action);
    assert.ok(timeline.includes('plan.viewed'), 'reads show on the case timeline');
    assert.ok(!JSON.stringify(rows).includes('sister'), 'no words of the plan in the audit log');
  });

  test('goals sit in the domains the survivor chose; owners are members; problems come back with paths', async () => {
    const { caseId } = await caseInState(t, orgId, 'draft');
    const outside = await worker.request('PUT', plan(caseId), {
      ...PLAN_BODY, chosenDomains: ['health'],
      needsAssessment: { ...PLAN_BODY.needsAssessment, needs: [{ domain: 'health', level: 'high', note: null }, { domain: 'health', level: 'low', note: null }] },
      goals: [{ ...PLAN_BODY.goals[0], domain: 'safety', survivorWords: '' }],
    });
    assert.equal(outside.statusCode, 400);
    assert.deepEqual(outside.json().error.details.issues.map((i: { path: string }) => i.path).sort(), ['body.goals.0.survivorWords', 'body.goals.0.domain', 'body.needsAssessment.needs.1.domain'].sort());
    const stranger = await worker.request('PUT', plan(caseId), { ...PLAN_BODY, goals: [{ ...PLAN_BODY.goals[0], owner: { kind: 'case_worker', userId: crypto.randomUUID() } }] });
    assert.equal(stranger.statusCode, 400);
    assert.equal(stranger.json().error.details.issues[0].path, 'body.goals.0.owner.userId');
    assert.equal((await coordinator.request('PUT', plan(caseId), PLAN_BODY)).statusCode, 403, 'supervisors approve; case workers write');
  });

  test('a goal\'s owner is picked from the organisation\'s active members (names only) and shown by name', async () => {
    const owners = await worker.request('GET', `/api/organisations/${orgId}/plan-goal-owners`);
    assert.equal(owners.statusCode, 200, owners.body);
    const listed = owners.json().owners as { userId: string; displayName: string }[];
    for (const agent of [worker, coordinator, admin]) assert.ok(listed.some((o) => o.userId === agent.user.userId), 'every member can own a goal');
    assert.ok(listed.every((o) => Object.keys(o).sort().join() === 'displayName,userId'), 'no e-mail, no role');
    assert.equal((await coordinator.request('GET', `/api/organisations/${orgId}/plan-goal-owners`)).statusCode, 403, 'for those who write plans');
    const other = await t.createOrganisation();
    const outsider = await t.login(await t.addUser(other, 'case_worker'));
    assert.equal((await outsider.request('GET', `/api/organisations/${orgId}/plan-goal-owners`)).statusCode, 404, 'another organisation\'s members are not even confirmed');
    assert.ok(!(await worker.request('GET', `/api/organisations/${other}/plan-goal-owners`)).body.includes(outsider.user.userId));

    const { caseId } = await caseInState(t, orgId, 'draft');
    const saved = await worker.request('PUT', plan(caseId), { ...PLAN_BODY, goals: [{ ...PLAN_BODY.goals[0], owner: { kind: 'case_worker', userId: coordinator.user.userId } }] });
    assert.equal(saved.statusCode, 200, saved.body);
    const owner = saved.json().plan.current.goals[0].owner;
    assert.deepEqual(owner, { kind: 'case_worker', userId: coordinator.user.userId, displayName: listed.find((o) => o.userId === coordinator.user.userId)!.displayName });
  });

  test('where the organisation requires it, a version takes effect only once someone else approves it', async () => {
    assert.equal((await worker.request('PUT', `/api/organisations/${orgId}/plan-settings`, { requiresApproval: true })).statusCode, 403);
    const settings = await admin.request('PUT', `/api/organisations/${orgId}/plan-settings`, { requiresApproval: true });
    assert.equal(settings.statusCode, 200);
    assert.equal((await auditRows(t.database, 'planSettings.changed')).length, 1);
    const { caseId } = await caseInState(t, orgId, 'draft');
    const saved = (await worker.request('PUT', plan(caseId), PLAN_BODY)).json();
    assert.deepEqual([saved.requiresApproval, saved.plan.current.approvalStatus, saved.plan.inForceVersion], [true, 'pending', null]);
    assert.equal((await worker.request('POST', plan(caseId, '/versions/1/review'), { decision: 'approved' })).statusCode, 403);
    const approved = await coordinator.request('POST', plan(caseId, '/versions/1/review'), { decision: 'approved' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.deepEqual([approved.json().plan.current.approvalStatus, approved.json().plan.inForceVersion], ['approved', 1]);
    assert.equal(approved.json().plan.current.reviewedBy.userId, coordinator.user.userId);
    assert.equal((await coordinator.request('POST', plan(caseId, '/versions/1/review'), { decision: 'approved' })).json().error.details.reason, 'PLAN_VERSION_NOT_PENDING');

    await worker.request('PUT', plan(caseId), { ...PLAN_BODY, expectedVersion: 1, changeNote: 'second' });
    assert.equal((await worker.request('GET', plan(caseId))).json().plan.inForceVersion, 1, 'the approved version stays in force meanwhile');
    assert.equal((await coordinator.request('POST', plan(caseId, '/versions/2/review'), { decision: 'returned' })).json().plan.current.approvalStatus, 'returned');
    await admin.request('PUT', plan(caseId), { ...PLAN_BODY, expectedVersion: 2 });
    assert.equal((await coordinator.request('POST', plan(caseId, '/versions/2/review'), { decision: 'approved' })).json().error.details.reason, 'PLAN_VERSION_SUPERSEDED');
    const self = await admin.request('POST', plan(caseId, '/versions/3/review'), { decision: 'approved' });
    assert.equal(self.statusCode, 422);
    assert.equal(self.json().error.details.reason, 'SELF_APPROVAL');
    assert.deepEqual((await auditRows(t.database, 'plan.reviewed')).map((r) => (r.metadata as { decision: string }).decision), ['approved', 'returned']);
    await admin.request('PUT', `/api/organisations/${orgId}/plan-settings`, { requiresApproval: false });
  });
});
