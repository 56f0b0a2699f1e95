import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { adultCaseBody, FULL_CONSENT } from '../../../test/support/case-fixtures.ts';
import { sweepDeadlines } from './deadline-sweep.ts';

describe(`deadlines under the uk profile (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let admin: TAgent;
  before(async () => {
    // Friday 18 December 2026, 10:00 in London: Christmas (Fri 25) and the Boxing Day substitute (Mon 28) follow.
    t = await createTestApp({ clockStart: new Date('2026-12-18T10:00:00Z') });
    const seeded = await t.seedFirstAdmin();
    orgId = seeded.organisationId;
    admin = await t.login(seeded.admin);
  });
  after(() => t.close());

  test('the RG deadline skips weekends and bank holidays; the sweep breaches it once, however often it runs', async () => {
    const settings = await admin.request('PUT', `/api/organisations/${orgId}/nrm-settings`, { jurisdictionProfileId: 'uk' });
    assert.equal(settings.statusCode, 200, settings.body);
    assert.equal((await auditRows(t.database, 'organisation.jurisdictionChanged')).length, 1);
    const created = (await admin.request('POST', `/api/organisations/${orgId}/cases`, adultCaseBody())).json().case;
    assert.equal(created.jurisdictionProfile.id, 'uk');
    await admin.request('POST', `/api/organisations/${orgId}/cases/${created.id}/consent`, FULL_CONSENT);
    const referred = (await admin.request('POST', `/api/organisations/${orgId}/cases/${created.id}/referral`, { expectedVersion: created.version + 1 })).json().case;
    const rgDeadline = referred.deadlines.find((d: { kind: string }) => d.kind === 'rg_decision');
    // Five working days after Friday 18 Dec: Mon 21, Tue 22, Wed 23, Thu 24, (25 and 28 are holidays) Tue 29.
    assert.equal(rgDeadline.dueAt, '2026-12-29T23:59:59.999Z');
    assert.equal(rgDeadline.state, 'due');

    t.clock.advanceMinutes(((29 - 18) * 24 + 2) * 60); // Tue 29 Dec, 12:00: due today, not breached
    assert.deepEqual(await t.asSystem((ctx) => sweepDeadlines(ctx)), { breached: 0, elapsed: 0 });
    t.clock.advanceMinutes(12 * 60 + 30); // Wed 30 Dec, 00:30
    assert.deepEqual(await t.asSystem((ctx) => sweepDeadlines(ctx)), { breached: 1, elapsed: 0 });
    assert.deepEqual(await t.asSystem((ctx) => sweepDeadlines(ctx)), { breached: 0, elapsed: 0 }, 'the second run changes nothing');
    assert.equal((await auditRows(t.database, 'deadline.breached')).length, 1);
    const stored = await t.database.db.selectFrom('deadlines').selectAll().where('caseId', '=', created.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'breached');

    const again = await t.login(admin.user);
    const overdue = (await again.request('GET', `/api/organisations/${orgId}/deadlines?state=overdue`)).json().deadlines;
    assert.deepEqual(overdue.map((d: { caseReference: string; state: string }) => [d.caseReference, d.state]), [[created.reference, 'breached']]);
    const overdueCases = (await again.request('GET', `/api/organisations/${orgId}/cases?overdue=true`)).json().cases;
    assert.deepEqual(overdueCases.map((c: { id: string }) => c.id), [created.id]);

    // A late decision still counts as breached in statistics, and the case leaves the overdue list.
    const decided = await again.request('POST', `/api/organisations/${orgId}/cases/${created.id}/decisions`, { kind: 'RG', outcome: 'positive', reasons: ['late but made'], expectedVersion: referred.version });
    assert.equal(decided.statusCode, 201, decided.body);
    assert.equal((await again.request('GET', `/api/organisations/${orgId}/deadlines?state=overdue`)).json().deadlines.length, 0);
    const rgRow = await t.database.db.selectFrom('deadlines').selectAll().where('caseId', '=', created.id).where('kind', '=', 'rg_decision').executeTakeFirstOrThrow();
    assert.equal(rgRow.status, 'breached');
    assert.ok(rgRow.closedAt);
  });
});
