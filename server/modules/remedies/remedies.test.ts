import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';

describe(`remedies and compensation (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let worker: TAgent;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    worker = await t.login(await t.addUser(orgId, 'case_worker'));
  });
  after(() => t.close());
  const api = (path: string) => `/api/organisations/${orgId}${path}`;

  test('an unpaid-wages claim is filed, awarded and partly paid: amounts stay exact, what is owed is shown, every step audited', async () => {
    const { caseId } = await caseInState(t, orgId, 'rg_positive');
    const opened = await worker.request('POST', api(`/cases/${caseId}/remedies`), { kind: 'employment', forum: 'Employment Tribunal', currency: 'GBP', amountClaimed: '8400.10', unpaidWagesClaimed: '8400.10' });
    assert.equal(opened.statusCode, 201, opened.body);
    const claim = opened.json().claims[0];
    assert.deepEqual([claim.status, claim.amountClaimed, claim.allowedStatuses], ['preparing', '8400.10', ['filed', 'withdrawn']]);
    assert.equal((await worker.request('POST', api(`/remedies/${claim.id}/payments`), { amount: '1', currency: 'GBP', payer: 'employer', occurredOn: '2026-01-01' })).json().error.details.reason, 'PAYMENT_BEFORE_AWARD');
    assert.equal((await worker.request('POST', api(`/remedies/${claim.id}/status`), { status: 'filed', expectedVersion: 1 })).statusCode, 400, 'a filing date is needed');
    const filed = await worker.request('POST', api(`/remedies/${claim.id}/status`), { status: 'filed', filedOn: '2026-01-15', expectedVersion: 1 });
    assert.equal(filed.statusCode, 200, filed.body);
    assert.equal((await worker.request('POST', api(`/remedies/${claim.id}/status`), { status: 'awarded', expectedVersion: 2 })).statusCode, 400, 'awarded comes with an award');
    const awarded = await worker.request('POST', api(`/remedies/${claim.id}/awards`), { amount: '6000.10', currency: 'GBP', payer: 'employer', occurredOn: '2026-05-02' });
    assert.equal(awarded.statusCode, 201, awarded.body);
    assert.equal(awarded.json().claims[0].status, 'awarded');
    for (const amount of ['1000.10', '2000.20', '0.01']) {
      // Recorded a minute apart: same-day payments are listed in the order they were recorded.
      t.clock.advanceMinutes(1);
      assert.equal((await worker.request('POST', api(`/remedies/${claim.id}/payments`), { amount, currency: 'GBP', payer: 'employer', occurredOn: '2026-06-01' })).statusCode, 201);
    }
    const [after] = (await worker.request('GET', api(`/cases/${caseId}/remedies`))).json().claims;
    assert.deepEqual(after.totals, { awarded: '6000.10', received: '3000.31', outstanding: '2999.79' });
    assert.deepEqual(after.entries.map((e: { kind: string; amount: string }) => `${e.kind}:${e.amount}`), ['award:6000.10', 'payment:1000.10', 'payment:2000.20', 'payment:0.01']);
    const mismatch = await worker.request('POST', api(`/remedies/${claim.id}/payments`), { amount: '10', currency: 'EUR', payer: 'employer', occurredOn: '2026-06-02' });
    assert.equal(mismatch.json().error.details.reason, 'CURRENCY_MISMATCH');
    assert.equal((await worker.request('POST', api(`/remedies/${claim.id}/status`), { status: 'closed', expectedVersion: after.version })).statusCode, 200);
    assert.equal((await worker.request('POST', api(`/remedies/${claim.id}/status`), { status: 'filed', filedOn: '2026-07-01', expectedVersion: after.version + 1 })).statusCode, 409);
    assert.deepEqual((await auditRows(t.database, 'remedy.statusChanged', claim.id)).map((r) => (r.metadata as { to: string }).to), ['filed', 'awarded', 'closed']);
    assert.equal((await auditRows(t.database, 'remedy.paymentRecorded', claim.id)).length, 3);
    const stored = await t.database.db.selectFrom('remedyEntries').select(['amount', 'currency']).where('claimId', '=', claim.id).where('kind', '=', 'award').executeTakeFirstOrThrow();
    assert.equal(Number(stored.amount), 6000.1);
  });

  test('a rejected claim is filed again (appeal or refiling) with its new filing date; every step audited', async () => {
    const { caseId } = await caseInState(t, orgId, 'draft');
    const claim = (await worker.request('POST', api(`/cases/${caseId}/remedies`), { kind: 'state_fund', currency: 'EUR', amountClaimed: '5000', status: 'filed', filedOn: '2026-01-10' })).json().claims[0];
    const status = (body: Record<string, unknown>) => worker.request('POST', api(`/remedies/${claim.id}/status`), body);
    const rejected = await status({ status: 'rejected', expectedVersion: 1 });
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.deepEqual([rejected.json().claims[0].status, rejected.json().claims[0].allowedStatuses], ['rejected', ['filed', 'closed']]);
    assert.equal((await worker.request('POST', api(`/remedies/${claim.id}/awards`), { amount: '10', currency: 'EUR', payer: 'state_fund', occurredOn: '2026-03-01' })).json().error.details.reason, 'AWARD_NOT_ALLOWED', 'no award on a rejected claim');
    assert.equal((await status({ status: 'filed', expectedVersion: 2 })).statusCode, 400, 'refiling needs its date');
    const refiled = await status({ status: 'filed', filedOn: '2026-04-20', expectedVersion: 2 });
    assert.equal(refiled.statusCode, 200, refiled.body);
    assert.deepEqual([refiled.json().claims[0].status, refiled.json().claims[0].filedOn, refiled.json().claims[0].version], ['filed', '2026-04-20', 3]);
    assert.equal((await status({ status: 'rejected', expectedVersion: 2 })).json().error.details.reason, 'VERSION_CONFLICT');
    const stored = await t.database.db.selectFrom('remedyClaims').select(['status', 'filedOn', 'version']).where('id', '=', claim.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { status: 'filed', filedOn: '2026-04-20', version: 3 });
    assert.deepEqual((await auditRows(t.database, 'remedy.statusChanged', claim.id)).map((r) => { const m = r.metadata as { from: string; to: string }; return `${m.from}>${m.to}`; }), ['filed>rejected', 'rejected>filed']);
  });

  test('a claim withdrawn while being prepared is final: no status, award or payment moves it', async () => {
    const { caseId } = await caseInState(t, orgId, 'draft');
    const claim = (await worker.request('POST', api(`/cases/${caseId}/remedies`), { kind: 'civil', currency: 'GBP', amountClaimed: '300' })).json().claims[0];
    const withdrawn = await worker.request('POST', api(`/remedies/${claim.id}/status`), { status: 'withdrawn', expectedVersion: 1 });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.deepEqual([withdrawn.json().claims[0].status, withdrawn.json().claims[0].allowedStatuses], ['withdrawn', []]);
    for (const to of ['filed', 'rejected', 'withdrawn', 'closed']) {
      const refused = await worker.request('POST', api(`/remedies/${claim.id}/status`), { status: to, filedOn: '2026-05-01', expectedVersion: 2 });
      assert.equal(refused.statusCode, 409, `${to}: ${refused.body}`);
      assert.deepEqual(refused.json().error.details, { reason: 'ACTION_NOT_ALLOWED_FROM_STATUS', from: 'withdrawn', to }, to);
    }
    for (const [kind, reason] of [['awards', 'AWARD_NOT_ALLOWED'], ['payments', 'PAYMENT_BEFORE_AWARD']] as const) {
      const refused = await worker.request('POST', api(`/remedies/${claim.id}/${kind}`), { amount: '10', currency: 'GBP', payer: 'offender', occurredOn: '2026-05-01' });
      assert.equal(refused.statusCode, 409, kind);
      assert.equal(refused.json().error.details.reason, reason, kind);
    }
    const stored = await t.database.db.selectFrom('remedyClaims').select(['status', 'version', 'filedOn']).where('id', '=', claim.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { status: 'withdrawn', version: 2, filedOn: null });
    assert.equal((await t.database.db.selectFrom('remedyEntries').select('id').where('claimId', '=', claim.id).execute()).length, 0);
    assert.deepEqual((await auditRows(t.database, 'remedy.statusChanged', claim.id)).map((r) => (r.metadata as { to: string }).to), ['withdrawn']);
  });

  test('currencies are ISO 4217 with their own minor units; state-fund and criminal-court claims too', async () => {
    const { caseId } = await caseInState(t, orgId, 'draft');
    const url = api(`/cases/${caseId}/remedies`);
    const bad = await worker.request('POST', url, { kind: 'civil', currency: 'EUX', amountClaimed: '1.001' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.issues.map((i: { path: string }) => i.path), ['body.currency']);
    assert.equal((await worker.request('POST', url, { kind: 'civil', currency: 'JPY', amountClaimed: '1500.5' })).json().error.details.issues[0].path, 'body.amountClaimed');
    assert.equal((await worker.request('POST', url, { kind: 'civil', currency: 'JPY', amountClaimed: '1500' })).statusCode, 201);
    t.clock.advanceMinutes(1);
    assert.equal((await worker.request('POST', url, { kind: 'state_fund', currency: 'KWD', amountClaimed: '12.345', status: 'filed', filedOn: '2026-02-01' })).statusCode, 201);
    t.clock.advanceMinutes(1);
    const claims = (await worker.request('POST', url, { kind: 'criminal_court', currency: 'EUR', amountClaimed: null })).json().claims;
    assert.deepEqual(claims.map((c: { kind: string; currency: string; amountClaimed: string | null }) => [c.kind, c.currency, c.amountClaimed]), [['civil', 'JPY', '1500'], ['state_fund', 'KWD', '12.345'], ['criminal_court', 'EUR', null]]);
    const analyst = await t.login(await t.addUser(orgId, 'analyst'));
    assert.equal((await analyst.request('GET', url)).statusCode, 403);
    const coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
    assert.equal((await coordinator.request('GET', url)).statusCode, 200);
    assert.equal((await coordinator.request('POST', url, { kind: 'civil', currency: 'EUR' })).statusCode, 403);
  });
});
