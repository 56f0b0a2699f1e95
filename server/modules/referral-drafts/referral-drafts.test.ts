import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';

describe(`referral drafts (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
  });
  after(() => t.close());

  test('a half-finished referral is saved encrypted, resumed by its author only, and discarded', async () => {
    const author = await t.login(await t.addUser(orgId, 'first_responder'));
    const colleague = await t.login(await t.addUser(orgId, 'first_responder'));
    const draftId = randomUUID();
    const url = `/api/organisations/${orgId}/referral-drafts`;
    const saved = await author.request('PUT', `${url}/${draftId}`, { step: 2, data: { person: { givenName: 'Draftina' } } });
    assert.equal(saved.statusCode, 200, saved.body);
    const row = await t.database.db.selectFrom('referralDrafts').selectAll().where('id', '=', draftId).executeTakeFirstOrThrow();
    assert.ok(!row.dataCiphertext.includes('Draftina'));
    assert.deepEqual((await author.request('GET', url)).json().drafts.map((d: { id: string; step: number; data: unknown }) => [d.id, d.step, d.data]), [[draftId, 2, { person: { givenName: 'Draftina' } }]]);
    assert.deepEqual((await colleague.request('GET', url)).json().drafts, []);
    assert.equal((await colleague.request('PUT', `${url}/${draftId}`, { step: 3, data: {} })).statusCode, 404, 'no overwriting someone else\'s draft');
    assert.equal((await colleague.request('DELETE', `${url}/${draftId}`)).statusCode, 404);
    const oversized = await author.request('PUT', `${url}/${draftId}`, { step: 2, data: { blob: 'x'.repeat(70_000) } });
    assert.equal(oversized.statusCode, 400);
    assert.equal((await author.request('DELETE', `${url}/${draftId}`)).statusCode, 204);
    assert.deepEqual((await author.request('GET', url)).json().drafts, []);
    assert.equal((await auditRows(t.database, 'referralDraft.saved', draftId)).length, 1);
    assert.equal((await auditRows(t.database, 'referralDraft.deleted', draftId)).length, 1);
  });
});
