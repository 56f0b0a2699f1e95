import { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import { requireUser } from '../../authz/policy.ts';
import type { TNotificationView } from './notifications.schemas.ts';

/**
 * The signed-in user's own notifications. Only those of organisations they still belong to are
 * shown: leaving an organisation ends its notices too.
 */
function mine(ctx: TCtx) {
  const user = requireUser(ctx.actor);
  return ctx.db.selectFrom('notifications')
    .innerJoin('memberships', (join) => join.onRef('memberships.orgId', '=', 'notifications.orgId').onRef('memberships.userId', '=', 'notifications.userId'))
    .innerJoin('organisations', 'organisations.id', 'notifications.orgId')
    .where('notifications.userId', '=', user.userId);
}

export async function listNotifications(ctx: TCtx, query: { unreadOnly: boolean; limit: number }): Promise<{ notifications: TNotificationView[]; unread: number }> {
  let rows = mine(ctx).select([
    'notifications.id', 'notifications.orgId', 'organisations.name as orgName', 'notifications.kind', 'notifications.subjectType',
    'notifications.subjectId', 'notifications.payload', 'notifications.createdAt', 'notifications.readAt',
  ]).orderBy('notifications.createdAt', 'desc').orderBy('notifications.id').limit(query.limit);
  if (query.unreadOnly) rows = rows.where('notifications.readAt', 'is', null);
  const [list, count] = await Promise.all([
    rows.execute(),
    mine(ctx).select((eb) => eb.fn.countAll<number>().as('unread')).where('notifications.readAt', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return {
    notifications: list.map((row) => ({
      ...row, payload: row.payload as TNotificationView['payload'], createdAt: row.createdAt.toISOString(), readAt: row.readAt ? row.readAt.toISOString() : null,
    })),
    unread: Number(count.unread),
  };
}

/** @throws NOT_FOUND when the notification is not the caller's */
export async function markNotificationRead(ctx: TCtx, notificationId: string): Promise<void> {
  const user = requireUser(ctx.actor);
  const result = await ctx.db.updateTable('notifications').set({ readAt: ctx.now() })
    .where('id', '=', notificationId).where('userId', '=', user.userId).where('readAt', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const exists = await ctx.db.selectFrom('notifications').select('id').where('id', '=', notificationId).where('userId', '=', user.userId).executeTakeFirst();
    if (!exists) throw new AppError('NOT_FOUND', 'Notification not found.');
  }
}

export async function markAllNotificationsRead(ctx: TCtx): Promise<number> {
  const user = requireUser(ctx.actor);
  const result = await ctx.db.updateTable('notifications').set({ readAt: ctx.now() }).where('userId', '=', user.userId).where('readAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
