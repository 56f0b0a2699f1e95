import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { PLAN_BODY } from '../../../test/authz-samples/protection.ts';
import { resolveStatsQuery } from '../../../core/metrics/index.ts';
import { buildStatsQuery } from '../stats/stats.query-builder.ts';

let t: TTestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

const NOTE = 'Needs a shelter close to her sister; speaks Romanian only.';
const CONSENT = { basis: 'person', language: 'ro', interpreterUsed: true };
const base = (orgId: string) => `/api/organisations/${orgId}`;

interface TParties { sender: string; receiver: string; senderWorker: TAgent; receiverWorker: TAgent; caseId: string }

async function parties(state: 'draft' | 'referred' | 'rg_positive' = 'rg_positive'): Promise<TParties> {
  const sender = await t.createOrganisation();
  const receiver = await t.createOrganisation();
  const senderWorker = await t.login(await t.addUser(sender, 'case_worker'));
  const receiverWorker = await t.login(await t.addUser(receiver, 'case_worker'));
  const { caseId } = await caseInState(t, sender, state);
  return { sender, receiver, senderWorker, receiverWorker, caseId };
}

async function requestOf(p: TParties, body: object = { receivingOrgId: p.receiver, consent: CONSENT, note: NOTE }) {
  return p.senderWorker.request('POST', `${base(p.sender)}/cases/${p.caseId}/transfers`, body);
}

async function auditActions(orgId: string, subjectId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('auditEvents').select('action').where('orgId', '=', orgId).where('subjectId', '=', subjectId).orderBy('seq').execute();
  return rows.map((row) => row.action);
}

test('a transfer hands the case over: the receiver gets identity and plan under its own key, the sender\'s case closes and its contents are refused', async () => {
  const p = await parties();
  const savedPlan = await p.senderWorker.request('PUT', `${base(p.sender)}/cases/${p.caseId}/plan`, PLAN_BODY);
  assert.equal(savedPlan.statusCode, 200, savedPlan.body);
  const senderView = ((await p.senderWorker.request('GET', `${base(p.sender)}/cases/${p.caseId}`)).json() as { case: { person: { identity: unknown } } }).case;

  const requested = await requestOf(p);
  assert.equal(requested.statusCode, 201, requested.body);
  const transferId = (requested.json() as { id: string }).id;
  const stored = await t.database.db.selectFrom('caseTransfers').selectAll().where('id', '=', transferId).executeTakeFirstOrThrow();
  assert.equal(stored.status, 'requested');
  assert.ok(stored.noteCiphertext && !stored.noteCiphertext.includes('Romanian'), 'the note is sealed');
  assert.deepEqual(await auditActions(p.sender, transferId), ['caseTransfer.requested']);
  assert.deepEqual(await auditActions(p.receiver, transferId), ['caseTransfer.requested']);
  const notices = await t.database.db.selectFrom('notifications').select(['userId', 'kind']).where('subjectId', '=', transferId).execute();
  assert.deepEqual(notices.map((n) => [n.userId, n.kind]), [[p.receiverWorker.user.userId, 'caseTransfer.requested']]);

  // The receiver's inbox shows a summary, no identity; opening it reveals the note (audited).
  const inbox = (await p.receiverWorker.request('GET', `${base(p.receiver)}/case-transfers?box=incoming`)).json() as { transfers: Record<string, unknown>[] };
  assert.equal(inbox.transfers.length, 1);
  assert.deepEqual([inbox.transfers[0]!.caseId, inbox.transfers[0]!.caseReference, inbox.transfers[0]!.note], [null, null, null]);
  assert.ok(!JSON.stringify(inbox).includes('Fixture'), 'no name in the inbox');
  const opened = (await p.receiverWorker.request('GET', `${base(p.receiver)}/case-transfers/${transferId}`)).json() as { note: string; version: number };
  assert.equal(opened.note, NOTE);
  assert.deepEqual(await auditActions(p.receiver, transferId), ['caseTransfer.requested', 'caseTransfer.viewed']);

  const accepted = await p.receiverWorker.request('POST', `${base(p.receiver)}/case-transfers/${transferId}/accept`, { expectedVersion: opened.version });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const newCaseId = (accepted.json() as { caseId: string }).caseId;

  const received = await p.receiverWorker.request('GET', `${base(p.receiver)}/cases/${newCaseId}`);
  assert.equal(received.statusCode, 200, received.body);
  const receivedCase = (received.json() as { case: { status: string; person: { identity: unknown } } }).case;
  assert.equal(receivedCase.status, 'rg_positive', received.body.slice(0, 300));
  assert.deepEqual(receivedCase.person.identity, senderView.person.identity, 'the same identity, now readable by the receiver');
  const persons = await t.database.db.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.personId')
    .select(['cases.orgId', 'persons.identityCiphertext', 'persons.orgId as personOrgId', 'cases.transferredFromCaseId', 'cases.transferredToCaseId', 'cases.status', 'cases.closureReason'])
    .where('cases.id', 'in', [p.caseId, newCaseId]).execute();
  const [oldRow, newRow] = [persons.find((r) => r.orgId === p.sender)!, persons.find((r) => r.orgId === p.receiver)!];
  assert.notEqual(oldRow.identityCiphertext, newRow.identityCiphertext, 're-sealed under the receiver\'s key');
  assert.deepEqual([newRow.personOrgId, newRow.transferredFromCaseId], [p.receiver, p.caseId]);
  assert.deepEqual([oldRow.status, oldRow.closureReason, oldRow.transferredToCaseId], ['closed', 'transferred', newCaseId]);
  const plan = (await p.receiverWorker.request('GET', `${base(p.receiver)}/cases/${newCaseId}/plan`)).json() as { plan: { current: { goals: { survivorWords: string }[] } } };
  assert.equal(plan.plan.current.goals[0]!.survivorWords, PLAN_BODY.goals[0]!.survivorWords);

  // The sender's case: closed, contents refused, still listed without a name, history visible.
  const refused = await p.senderWorker.request('GET', `${base(p.sender)}/cases/${p.caseId}`);
  assert.equal(refused.statusCode, 403);
  assert.equal((refused.json() as { error: { details: { reason: string } } }).error.details.reason, 'CASE_TRANSFERRED');
  assert.equal((await p.senderWorker.request('GET', `${base(p.sender)}/cases/${p.caseId}/plan`)).statusCode, 403);
  const list = (await p.senderWorker.request('GET', `${base(p.sender)}/cases`)).json() as { cases: { id: string; displayName: string | null; status: string }[] };
  const listed = list.cases.find((c) => c.id === p.caseId)!;
  assert.deepEqual([listed.status, listed.displayName], ['closed', null]);
  const history = (await p.senderWorker.request('GET', `${base(p.sender)}/cases/${p.caseId}/transfers`)).json() as { transfers: { status: string; newCaseId: string | null }[] };
  assert.deepEqual(history.transfers.map((x) => [x.status, x.newCaseId]), [['accepted', null]]);

  assert.deepEqual(await auditActions(p.sender, transferId), ['caseTransfer.requested', 'caseTransfer.accepted']);
  assert.deepEqual(await auditActions(p.receiver, transferId), ['caseTransfer.requested', 'caseTransfer.viewed', 'caseTransfer.accepted']);
  assert.ok((await auditActions(p.sender, p.caseId)).at(-1) === 'case.closed');
  assert.deepEqual(await auditActions(p.receiver, newCaseId), ['case.receivedByTransfer']);
  const storedAfter = await t.database.db.selectFrom('caseTransfers').select(['status', 'noteCiphertext', 'keepsReadAccess']).where('id', '=', transferId).executeTakeFirstOrThrow();
  assert.deepEqual(storedAfter, { status: 'accepted', noteCiphertext: null, keepsReadAccess: false });
  // Statistics count the person once, where they were identified; the plan once, where it lives now.
  const count = async (orgId: string, metric: string) => {
    const rows = await buildStatsQuery(t.database.db, orgId, resolveStatsQuery({ metric, dimensions: [], filters: {} })).execute() as { value: number }[];
    return rows.reduce((sum, row) => sum + Number(row.value), 0);
  };
  assert.deepEqual([await count(p.sender, 'cases.identified'), await count(p.receiver, 'cases.identified')], [1, 0]);
  assert.deepEqual([await count(p.sender, 'plans.inclusionOutcome'), await count(p.receiver, 'plans.inclusionOutcome')], [0, 1]);
  const accepterNotice = await t.database.db.selectFrom('notifications').select('kind').where('userId', '=', p.senderWorker.user.userId).execute();
  assert.deepEqual(accepterNotice.map((n) => n.kind), ['caseTransfer.accepted']);
});

test('a sender whose policy keeps read access can still read the transferred case', async () => {
  const p = await parties('referred');
  const admin = await t.login(await t.addUser(p.sender, 'admin'));
  assert.equal((await admin.request('PUT', `${base(p.sender)}/transfer-policy`, { keepReadAccess: true })).statusCode, 200);
  const transferId = ((await requestOf(p)).json() as { id: string }).id;
  assert.equal((await p.receiverWorker.request('POST', `${base(p.receiver)}/case-transfers/${transferId}/accept`, { expectedVersion: 1 })).statusCode, 200);
  const read = await p.senderWorker.request('GET', `${base(p.sender)}/cases/${p.caseId}`);
  assert.equal(read.statusCode, 200, read.body);
  assert.equal((read.json() as { case: { status: string } }).case.status, 'closed');
  // A later policy change does not reopen or close cases already handed over.
  assert.equal((await admin.request('PUT', `${base(p.sender)}/transfer-policy`, { keepReadAccess: false })).statusCode, 200);
  assert.equal((await p.senderWorker.request('GET', `${base(p.sender)}/cases/${p.caseId}`)).statusCode, 200);
});

test('reject erases the note and needs a reason; cancel is the sender\'s; answered transfers do not move again', async () => {
  const p = await parties();
  const first = ((await requestOf(p)).json() as { id: string }).id;
  const noReason = await p.receiverWorker.request('POST', `${base(p.receiver)}/case-transfers/${first}/reject`, { expectedVersion: 1 });
  assert.equal(noReason.statusCode, 400);
  assert.equal((await p.receiverWorker.request('POST', `${base(p.receiver)}/case-transfers/${first}/reject`, { expectedVersion: 1, reason: 'no_capacity' })).statusCode, 204);
  const rejected = await t.database.db.selectFrom('caseTransfers').select(['status', 'rejectReason', 'noteCiphertext']).where('id', '=', first).executeTakeFirstOrThrow();
  assert.deepEqual(rejected, { status: 'rejected', rejectReason: 'no_capacity', noteCiphertext: null });
  const again = await p.receiverWorker.request('POST', `${base(p.receiver)}/case-transfers/${first}/accept`, { expectedVersion: 2 });
  assert.equal(again.statusCode, 409);
  assert.equal((again.json() as { error: { details: { reason: string } } }).error.details.reason, 'TRANSFER_NOT_OPEN');

  const second = ((await requestOf(p)).json() as { id: string }).id;
  const receiverCancels = await p.receiverWorker.request('POST', `${base(p.receiver)}/case-transfers/${second}/cancel`, { expectedVersion: 1 });
  assert.equal(receiverCancels.statusCode, 403);
  const senderAccepts = await p.senderWorker.request('POST', `${base(p.sender)}/case-transfers/${second}/accept`, { expectedVersion: 1 });
  assert.equal(senderAccepts.statusCode, 403);
  assert.equal((senderAccepts.json() as { error: { details: { reason: string } } }).error.details.reason, 'WRONG_TRANSFER_SIDE');
  assert.equal((await p.senderWorker.request('POST', `${base(p.sender)}/case-transfers/${second}/cancel`, { expectedVersion: 7 })).statusCode, 409, 'stale version');
  assert.equal((await p.senderWorker.request('POST', `${base(p.sender)}/case-transfers/${second}/cancel`, { expectedVersion: 1 })).statusCode, 204);
  assert.deepEqual(await auditActions(p.receiver, second), ['caseTransfer.requested', 'caseTransfer.cancelled']);
  const cancelled = await p.receiverWorker.request('GET', `${base(p.receiver)}/case-transfers?box=incoming&status=cancelled`);
  assert.equal((cancelled.json() as { transfers: unknown[] }).transfers.length, 1);
});

test('refusals: consent basis, case state, self, duplicates, strangers, permissions, a case closed meanwhile', async () => {
  const p = await parties();
  const reasonOf = (response: { json(): unknown }) => (response.json() as { error: { details: { reason: string } } }).error.details.reason;

  const guardianForAdult = await requestOf(p, { receivingOrgId: p.receiver, consent: { ...CONSENT, basis: 'guardian' }, note: null });
  assert.deepEqual([guardianForAdult.statusCode, reasonOf(guardianForAdult)], [422, 'CONSENT_BASIS_NOT_ALLOWED']);
  const toSelf = await requestOf(p, { receivingOrgId: p.sender, consent: CONSENT, note: null });
  assert.deepEqual([toSelf.statusCode, reasonOf(toSelf)], [422, 'TRANSFER_TO_SELF']);
  const nowhere = await requestOf(p, { receivingOrgId: '00000000-0000-4000-8000-000000000000', consent: CONSENT, note: null });
  assert.equal(nowhere.statusCode, 404);
  const draft = await parties('draft');
  const fromDraft = await requestOf(draft);
  assert.deepEqual([fromDraft.statusCode, reasonOf(fromDraft)], [422, 'CASE_NOT_TRANSFERABLE']);

  const transferId = ((await requestOf(p)).json() as { id: string }).id;
  const twice = await requestOf(p);
  assert.deepEqual([twice.statusCode, reasonOf(twice)], [409, 'TRANSFER_ALREADY_OPEN']);

  const strangerOrg = await t.createOrganisation();
  const stranger = await t.login(await t.addUser(strangerOrg, 'coordinator'));
  assert.equal((await stranger.request('GET', `${base(strangerOrg)}/case-transfers/${transferId}`)).statusCode, 404);
  assert.equal((await stranger.request('POST', `${base(strangerOrg)}/case-transfers/${transferId}/accept`, { expectedVersion: 1 })).statusCode, 404);
  const analyst = await t.login(await t.addUser(p.receiver, 'analyst'));
  assert.equal((await analyst.request('POST', `${base(p.receiver)}/case-transfers/${transferId}/accept`, { expectedVersion: 1 })).statusCode, 403);
  assert.equal((await analyst.request('GET', `${base(p.receiver)}/case-transfers?box=incoming`)).statusCode, 403);

  // The sender closes the case before the receiver answers: nothing is handed over.
  const closer = await t.login(await t.addUser(p.sender, 'coordinator'));
  const caseNow = ((await closer.request('GET', `${base(p.sender)}/cases/${p.caseId}`)).json() as { case: { version: number } }).case;
  assert.equal((await closer.request('POST', `${base(p.sender)}/cases/${p.caseId}/closure`, { reason: 'lost_contact', expectedVersion: caseNow.version })).statusCode, 200);
  const late = await p.receiverWorker.request('POST', `${base(p.receiver)}/case-transfers/${transferId}/accept`, { expectedVersion: 1 });
  assert.deepEqual([late.statusCode, reasonOf(late)], [409, 'CASE_CLOSED']);
  const receiverCases = await t.database.db.selectFrom('cases').select('id').where('orgId', '=', p.receiver).execute();
  assert.equal(receiverCases.length, 0, 'the failed acceptance rolled back completely');
});
