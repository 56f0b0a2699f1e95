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
