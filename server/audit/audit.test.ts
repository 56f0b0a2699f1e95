import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TAgent, type TTestApp } from '../../test/support/test-app.ts';
import { ENGINE } from '../../test/support/test-database.ts';
import { adultCaseBody } from '../../test/support/case-fixtures.ts';
import { chainKeyFor } from './audit-writer.ts';
import { verifyAuditChain } from './verify-chain.ts';

describe(`audit hash chain (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let admin: TAgent;
  before(async () => {
    t = await createTestApp();
    const seeded = await t.seedFirstAdmin();
    orgId = seeded.organisationId;
    admin = await t.login(seeded.admin);
  });
  after(() => t.close());

  test('concurrent writers of one organisation produce one unbroken chain', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      admin.request('POST', `/api/organisations/${orgId}/members`, { email: `parallel${i}@example.test`, displayName: `P ${i}`, password: 'a long enough passphrase', role: 'analyst' })));
    assert.deepEqual(responses.map((r) => r.statusCode), Array(12).fill(201));
    const result = await verifyAuditChain(t.database.db, chainKeyFor(orgId));
    assert.equal(result.ok, true);
    const seqs = (await t.database.db.selectFrom('auditEvents').select('seq').where('chainKey', '=', orgId).orderBy('seq').execute()).map((r) => r.seq);
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'gapless sequence');
  });

  test('the table refuses updates and deletes', async () => {
    await assert.rejects(sql`update audit_events set action = 'x' where chain_key = ${orgId}`.execute(t.database.db), /append-only/);
    await assert.rejects(sql`delete from audit_events where chain_key = ${orgId}`.execute(t.database.db), /append-only/);
  });

  test('editing one row behind the trigger\'s back is caught and named; the API reports it', async () => {
    const target = await t.database.db.selectFrom('auditEvents').select(['id', 'seq']).where('chainKey', '=', orgId).where('seq', '=', 3).executeTakeFirstOrThrow();
    // What a database superuser could do: switch the guard off and rewrite history.
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(t.database.db);
    await sql`update audit_events set metadata = '{"tampered": true}'::jsonb where id = ${target.id}`.execute(t.database.db);
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(t.database.db);
    const result = await verifyAuditChain(t.database.db, chainKeyFor(orgId));
    assert.equal(result.ok, false);
    assert.equal(result.firstBrokenSeq, 3);
    assert.equal(result.firstBrokenId, target.id);
    assert.equal(result.reason, 'HASH_MISMATCH');
    const response = await admin.request('GET', `/api/organisations/${orgId}/audit-verification`);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { ok: false, checked: 3, firstBrokenSeq: 3, reason: 'HASH_MISMATCH' });
  });

  test('a deleted tail is caught through the chain head', async () => {
    const otherOrg = await t.createOrganisation();
    await t.addUser(otherOrg, 'analyst');
    const last = await t.database.db.selectFrom('auditEvents').select(['id', 'seq']).where('chainKey', '=', otherOrg).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(t.database.db);
    await sql`delete from audit_events where id = ${last.id}`.execute(t.database.db);
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(t.database.db);
    const result = await verifyAuditChain(t.database.db, chainKeyFor(otherOrg));
    assert.equal(result.ok, false);
    assert.equal(result.reason, 'HEAD_MISMATCH');
    assert.equal(result.firstBrokenSeq, last.seq);
  });

  test('the audit list is scoped to the organisation and needs audit.read', async () => {
    const auditor = await t.login(await t.addUser(orgId, 'auditor'));
    const events = await auditor.request('GET', `/api/organisations/${orgId}/audit-events?limit=5`);
    assert.equal(events.statusCode, 200);
    assert.equal(events.json().events.length, 5);
    assert.ok(events.json().events.every((e: { seq: number }, i: number, all: { seq: number }[]) => i === 0 || all[i - 1]!.seq > e.seq));
    const worker = await t.login(await t.addUser(orgId, 'case_worker'));
    assert.equal((await worker.request('GET', `/api/organisations/${orgId}/audit-events`)).statusCode, 403);
    // The access log: an auditor filters by action and actor.
    const granted = await auditor.request('GET', `/api/organisations/${orgId}/audit-events?action=membership.granted&actorId=${admin.user.userId}&limit=500`);
    assert.equal(granted.statusCode, 200);
    assert.ok(granted.json().events.length >= 12);
    assert.ok(granted.json().events.every((e: { action: string; actorId: string }) => e.action === 'membership.granted' && e.actorId === admin.user.userId));
    assert.equal((await auditor.request('GET', `/api/organisations/${orgId}/audit-events?action=DROP TABLE`)).statusCode, 400);
  });

  test('the access log pages by sequence and filters by time window, case and subject', async () => {
    const pagedOrg = await t.createOrganisation();
    const auditor = await t.login(await t.addUser(pagedOrg, 'auditor'));
    const caseWorker = await t.login(await t.addUser(pagedOrg, 'case_worker'));
    const url = (query: string) => `/api/organisations/${pagedOrg}/audit-events?${query}`;
    t.clock.advanceMinutes(10);
    const windowStart = t.clock.now();
    const created = await caseWorker.request('POST', `/api/organisations/${pagedOrg}/cases`, adultCaseBody());
    assert.equal(created.statusCode, 201, created.body);
    const caseId = created.json().case.id as string;
    const personId = created.json().case.person.id as string;
    for (let i = 0; i < 3; i += 1) assert.equal((await caseWorker.request('GET', `/api/organisations/${pagedOrg}/cases/${caseId}`)).statusCode, 200);
    t.clock.advanceMinutes(10);
    const windowEnd = t.clock.now();
    await caseWorker.request('GET', `/api/organisations/${pagedOrg}/cases/${caseId}`);

    // Paging: pages of 2 walk the whole log once, newest first, without overlap.
    const all = (await auditor.request('GET', url('limit=500'))).json();
    assert.equal(all.nextBeforeSeq, null, 'a short page is the last');
    const walked: number[] = [];
    let beforeSeq: number | null = null;
    do {
      const page = (await auditor.request('GET', url(`limit=2${beforeSeq ? `&beforeSeq=${beforeSeq}` : ''}`))).json() as { events: { seq: number }[]; nextBeforeSeq: number | null };
      assert.ok(page.events.length <= 2);
      walked.push(...page.events.map((e) => e.seq));
      beforeSeq = page.nextBeforeSeq;
    } while (beforeSeq !== null);
    assert.deepEqual(walked, all.events.map((e: { seq: number }) => e.seq));
    assert.equal(new Set(walked).size, walked.length);

    // Who looked at this case's identity, and when: action + case + window.
    const views = (await auditor.request('GET', url(`action=person.identityViewed&caseId=${caseId}&since=${windowStart.toISOString()}&until=${windowEnd.toISOString()}`))).json().events as { actorId: string; subjectId: string; createdAt: string }[];
    assert.equal(views.length, 4, 'the answer to the creation and three reads; the read after the window is left out');
    assert.ok(views.every((e) => e.actorId === caseWorker.user.userId && e.subjectId === personId));
    assert.ok(views.every((e) => new Date(e.createdAt) >= windowStart && new Date(e.createdAt) < windowEnd));
    assert.equal((await auditor.request('GET', url(`caseId=${caseId}&until=${windowStart.toISOString()}`))).json().events.length, 0);
    const bySubject = (await auditor.request('GET', url(`subjectId=${personId}`))).json().events as { subjectId: string }[];
    assert.equal(bySubject.length, 5);
    assert.equal((await auditor.request('GET', url('since=yesterday'))).statusCode, 400);
    assert.equal((await auditor.request('GET', url('until=2026-01-01'))).statusCode, 400, 'a date without time and offset is ambiguous');
  });
});
