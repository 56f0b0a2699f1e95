import { randomUUID } from 'node:crypto';
import { notifyUsers } from '../../server/modules/notifications/notify.ts';
import { caseInState } from '../support/case-states.ts';
import type { TTestApp } from '../support/test-app.ts';
import { requestTransfer } from '../../server/modules/case-transfers/use-cases/request-transfer.ts';
import type { TSampleContext, TSample } from './types.ts';

const base = (orgId: string) => `/api/organisations/${orgId}`;
const CONSENT = { basis: 'person' as const, language: 'en', interpreterUsed: false };

/** An open transfer from `from` to `to` (a referred case made for it). */
async function openTransfer(t: TTestApp, from: string, to: string): Promise<string> {
  const { caseId } = await caseInState(t, from, 'referred');
  return t.asSystem((ctx) => requestTransfer(ctx, from, caseId, { receivingOrgId: to, consent: CONSENT, note: null }));
}

/** A notice addressed to the actor, in an organisation they belong to (or a random id for anonymous callers). */
async function noticeForActor({ t, actor }: TSampleContext): Promise<string> {
  if (!actor) return randomUUID();
  const membership = await t.database.db.selectFrom('memberships').select('orgId').where('userId', '=', actor.userId).executeTakeFirstOrThrow();
  await t.asSystem((ctx) => notifyUsers(ctx, { orgId: membership.orgId, userIds: [actor.userId], kind: 'sample.notice', subjectType: 'case', subjectId: null }));
  const row = await t.database.db.selectFrom('notifications').select('id').where('userId', '=', actor.userId).orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
  return row.id;
}

/** Sample requests for the routes of case transfers between agencies and in-app notifications. */
export const COOPERATION_SAMPLES: Record<string, TSample> = {
  'GET /api/notifications': { build: async () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/:notificationId/read': { build: async (context) => ({ url: `/api/notifications/${await noticeForActor(context)}/read`, body: {} }) },
  'POST /api/notifications/read-all': { build: async () => ({ url: '/api/notifications/read-all', body: {} }) },
  'POST /api/organisations/:orgId/cases/:caseId/transfers': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/cases/${(await caseInState(t, orgId, 'referred')).caseId}/transfers`, body: { receivingOrgId: await t.createOrganisation(), consent: CONSENT, note: 'sample' } }),
  },
  'GET /api/organisations/:orgId/cases/:caseId/transfers': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/cases/${(await caseInState(t, orgId, 'draft')).caseId}/transfers` }) },
  'GET /api/organisations/:orgId/case-transfers': { build: async ({ orgId }) => ({ url: `${base(orgId)}/case-transfers?box=incoming` }) },
  'GET /api/organisations/:orgId/case-transfers/:transferId': { build: async ({ t, orgId }) => ({ url: `${base(orgId)}/case-transfers/${await openTransfer(t, orgId, await t.createOrganisation())}` }) },
  'POST /api/organisations/:orgId/case-transfers/:transferId/accept': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/case-transfers/${await openTransfer(t, await t.createOrganisation(), orgId)}/accept`, body: { expectedVersion: 1 } }),
  },
  'POST /api/organisations/:orgId/case-transfers/:transferId/reject': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/case-transfers/${await openTransfer(t, await t.createOrganisation(), orgId)}/reject`, body: { expectedVersion: 1, reason: 'no_capacity' } }),
  },
  'POST /api/organisations/:orgId/case-transfers/:transferId/cancel': {
    build: async ({ t, orgId }) => ({ url: `${base(orgId)}/case-transfers/${await openTransfer(t, orgId, await t.createOrganisation())}/cancel`, body: { expectedVersion: 1 } }),
  },
  'GET /api/organisations/:orgId/transfer-receivers': { build: async ({ orgId }) => ({ url: `${base(orgId)}/transfer-receivers` }) },
  'GET /api/organisations/:orgId/transfer-policy': { build: async ({ orgId }) => ({ url: `${base(orgId)}/transfer-policy` }) },
  'PUT /api/organisations/:orgId/transfer-policy': { build: async ({ orgId }) => ({ url: `${base(orgId)}/transfer-policy`, body: { keepReadAccess: true } }) },
};
