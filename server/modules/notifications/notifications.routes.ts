import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service.ts';
import { ZNotificationList, ZNotificationParams, ZNotificationQuery } from './notifications.schemas.ts';

/** The signed-in user's notifications: no permission beyond being signed in, only one's own. */
export function registerNotificationRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get('/api/notifications', {
    schema: { tags: ['notifications'], summary: 'My notifications, newest first, with the unread count', querystring: ZNotificationQuery, response: { 200: ZNotificationList, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => listNotifications(ctx, request.query)));

  api.post('/api/notifications/:notificationId/read', {
    schema: { tags: ['notifications'], summary: 'Mark one of my notifications as read', params: ZNotificationParams, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => markNotificationRead(ctx, request.params.notificationId));
    return reply.code(204).send(null);
  });

  api.post('/api/notifications/read-all', {
    schema: { tags: ['notifications'], summary: 'Mark all my notifications as read', response: { 200: z.object({ updated: z.number().int() }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => ({ updated: await runUserUseCase(deps, request, (ctx) => markAllNotificationsRead(ctx)) }));
}
