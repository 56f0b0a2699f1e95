import { randomUUID } from 'node:crypto';
import { notifyUsers } from '../../server/modules/notifications/notify.ts';
import type { TSampleContext, TSample } from './types.ts';

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
};
