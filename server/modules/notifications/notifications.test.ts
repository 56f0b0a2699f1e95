import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTransport } from 'nodemailer';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TTestApp } from '../../../test/support/test-app.ts';
import { notifyRoles, notifyUsers } from './notify.ts';
import { deliverPendingEmails, EMAIL_MAX_ATTEMPTS } from './email/email-delivery.ts';
import { removeMember } from '../members/members.service.ts';

let t: TTestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

test('notices reach the chosen users and roles of the organisation, never the actor, and only while they are members', async () => {
  const orgId = await t.createOrganisation();
  const otherOrg = await t.createOrganisation();
  const [worker, coordinator, analyst, outsider] = [await t.addUser(orgId, 'case_worker'), await t.addUser(orgId, 'coordinator'), await t.addUser(orgId, 'analyst'), await t.addUser(otherOrg, 'coordinator')];
  const written = await t.asSystem(async (ctx) => {
    const byUser = await notifyUsers(ctx, { orgId, userIds: [worker.userId, outsider.userId], kind: 'caseTransfer.requested', subjectType: 'caseTransfer', subjectId: null, payload: { transferId: 'x' } });
    const byRole = await notifyRoles(ctx, { orgId, roles: ['coordinator'], kind: 'emergencyAccess.granted', subjectType: 'case', subjectId: null });
    return { byUser, byRole };
  });
  assert.deepEqual(written, { byUser: 1, byRole: 1 }, 'the outsider is not a member of orgId, the analyst holds another role');

  const agent = await t.login(worker);
  const listed = await agent.request('GET', '/api/notifications');
  assert.equal(listed.statusCode, 200);
  const body = listed.json() as { notifications: { id: string; kind: string; payload: object; readAt: string | null }[]; unread: number };
  assert.equal(body.unread, 1);
  assert.deepEqual(body.notifications.map((n) => [n.kind, n.payload]), [['caseTransfer.requested', { transferId: 'x' }]]);

  // Another user cannot mark it; the owner can, once or twice.
  const stranger = await t.login(coordinator);
  assert.equal((await stranger.request('POST', `/api/notifications/${body.notifications[0]!.id}/read`)).statusCode, 404);
  assert.equal((await agent.request('POST', `/api/notifications/${body.notifications[0]!.id}/read`)).statusCode, 204);
  assert.equal((await agent.request('POST', `/api/notifications/${body.notifications[0]!.id}/read`)).statusCode, 204);
  const row = await t.database.db.selectFrom('notifications').select('readAt').where('id', '=', body.notifications[0]!.id).executeTakeFirstOrThrow();
  assert.ok(row.readAt instanceof Date);
  assert.equal(((await agent.request('GET', '/api/notifications?unreadOnly=true')).json() as { notifications: unknown[] }).notifications.length, 0);

  // The acting user is skipped.
  const selfNotified = await t.asSystem((ctx) => notifyUsers({ ...ctx, actor: { type: 'user', userId: analyst.userId, email: analyst.email, displayName: 'a', isPlatformAdmin: false, roles: new Map([[orgId, 'analyst']]), sessionId: 's' } }, { orgId, userIds: [analyst.userId], kind: 'x.y', subjectType: 'case', subjectId: null }));
  assert.equal(selfNotified, 0);

  // Leaving the organisation hides its notices.
  const coordinatorAgent = await t.login(coordinator);
  assert.equal(((await coordinatorAgent.request('GET', '/api/notifications')).json() as { unread: number }).unread, 1);
  const [admin] = [await t.addUser(orgId, 'admin')];
  await t.asSystem((ctx) => removeMember({ ...ctx, actor: { type: 'user', userId: admin.userId, email: admin.email, displayName: 'admin', isPlatformAdmin: false, roles: new Map([[orgId, 'admin']]), sessionId: 's' } }, orgId, coordinator.userId));
  assert.equal(((await coordinatorAgent.request('GET', '/api/notifications')).json() as { unread: number }).unread, 0);
});

test('read-all marks every notice of the caller only; anonymous callers are refused', async () => {
  const orgId = await t.createOrganisation();
  const [a, b] = [await t.addUser(orgId, 'case_worker'), await t.addUser(orgId, 'case_worker')];
  await t.asSystem((ctx) => notifyUsers(ctx, { orgId, userIds: [a.userId, b.userId], kind: 'x.one', subjectType: 'case', subjectId: null }));
  await t.asSystem((ctx) => notifyUsers(ctx, { orgId, userIds: [a.userId], kind: 'x.two', subjectType: 'case', subjectId: null }));
  const agentA = await t.login(a);
  assert.deepEqual((await agentA.request('POST', '/api/notifications/read-all')).json(), { updated: 2 });
  const agentB = await t.login(b);
  assert.equal(((await agentB.request('GET', '/api/notifications')).json() as { unread: number }).unread, 1);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode, 401);
});

test('e-mails go out through SMTP without case details, stale ones are skipped, failures are retried then given up', async () => {
  const received: { to: string; data: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => { data += chunk.toString('utf8'); });
      stream.on('end', () => { received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data }); callback(); });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  try {
    const port = (smtp.server.address() as AddressInfo).port;
    const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const orgId = await t.createOrganisation();
    const worker = await t.addUser(orgId, 'case_worker');
    const caseReference = 'NRM-2026-000123';
    await t.asSystem((ctx) => notifyUsers(ctx, { orgId, userIds: [worker.userId], kind: 'caseTransfer.requested', subjectType: 'caseTransfer', subjectId: null, payload: { reference: caseReference } }));
    const settings = { from: 'palermo@example.test', publicUrl: 'https://palermo.example.test/' };
    const first = await deliverPendingEmails(t.database, transport, settings, t.clock.now());
    assert.ok(first.sent >= 1);
    const mail = received.find((m) => m.to === worker.email);
    assert.ok(mail, 'the worker got an e-mail');
    assert.match(mail.data, /A case transfer is waiting for your answer/);
    assert.match(mail.data, /https:\/\/palermo\.example\.test\/notifications/);
    assert.ok(!mail.data.includes(caseReference), 'no case details in the e-mail');
    const again = await deliverPendingEmails(t.database, transport, settings, t.clock.now());
    assert.equal(again.sent, 0, 'each notice is e-mailed once');

    // A notice older than a day is not e-mailed late.
    await t.asSystem((ctx) => notifyUsers(ctx, { orgId, userIds: [worker.userId], kind: 'x.late', subjectType: 'case', subjectId: null }));
    t.clock.advanceMinutes(25 * 60);
    const late = await deliverPendingEmails(t.database, transport, settings, t.clock.now());
    assert.deepEqual([late.sent, late.skipped], [0, 1]);

    // A refusing server: attempts are counted, then the notice is marked failed.
    await t.asSystem((ctx) => notifyUsers(ctx, { orgId, userIds: [worker.userId], kind: 'x.fail', subjectType: 'case', subjectId: null }));
    const broken = { sendMail: async () => { throw new Error('421 try later'); } };
    for (let attempt = 0; attempt < EMAIL_MAX_ATTEMPTS; attempt += 1) await deliverPendingEmails(t.database, broken, settings, t.clock.now());
    const failed = await t.database.db.selectFrom('notifications').select(['emailStatus', 'emailAttempts']).where('kind', '=', 'x.fail').executeTakeFirstOrThrow();
    assert.deepEqual(failed, { emailStatus: 'failed', emailAttempts: EMAIL_MAX_ATTEMPTS });
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
});
