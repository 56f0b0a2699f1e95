import type { TRole } from '../../../core/authz/permissions.ts';
import type { TCtx } from '../../context.ts';

/**
 * Writes in-app notifications in the caller's transaction, so a notice exists exactly when the
 * change it announces committed. The payload holds ids and codes only, never identifying data:
 * notifications are listed in the header and may be e-mailed.
 */
export interface TNotice {
  orgId: string;
  /** What happened, `resource.event`, e.g. `caseTransfer.requested`; the web app labels it. */
  kind: string;
  subjectType: string;
  subjectId: string | null;
  payload?: Record<string, string | number | boolean | null>;
}

/** The acting user is never notified of their own action. */
function actingUserId(ctx: TCtx): string | null {
  return ctx.actor.type === 'user' ? ctx.actor.userId : null;
}

export async function notifyUsers(ctx: TCtx, notice: TNotice & { userIds: readonly string[] }): Promise<number> {
  const actor = actingUserId(ctx);
  const recipients = [...new Set(notice.userIds)].filter((userId) => userId !== actor);
  if (recipients.length === 0) return 0;
  const active = await ctx.db.selectFrom('users').innerJoin('memberships', 'memberships.userId', 'users.id')
    .select('users.id').where('memberships.orgId', '=', notice.orgId).where('users.id', 'in', recipients).where('users.disabledAt', 'is', null).execute();
  if (active.length === 0) return 0;
  const payload = JSON.stringify(notice.payload ?? {});
  await ctx.db.insertInto('notifications').values(active.map((user) => ({
    orgId: notice.orgId, userId: user.id, kind: notice.kind, subjectType: notice.subjectType, subjectId: notice.subjectId, payload, createdAt: ctx.now(), readAt: null, emailSentAt: null,
  }))).execute();
  return active.length;
}

/** Notifies every active member of the organisation holding one of `roles`. */
export async function notifyRoles(ctx: TCtx, notice: TNotice & { roles: readonly TRole[] }): Promise<number> {
  if (notice.roles.length === 0) return 0;
  const members = await ctx.db.selectFrom('memberships').select('userId').where('orgId', '=', notice.orgId).where('role', 'in', [...notice.roles]).execute();
  return notifyUsers(ctx, { ...notice, userIds: members.map((member) => member.userId) });
}
