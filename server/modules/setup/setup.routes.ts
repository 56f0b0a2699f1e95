import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZEmail, ZName, ZOrganisationKind, ZPassword } from '../../http/common-schemas.ts';
import { runUseCase, setSessionCookie, zodApp } from '../../http/route-helpers.ts';
import { countUsers } from '../users/users.repo.ts';
import { ZSessionInfo } from '../auth/auth.schemas.ts';
import { openSession } from '../auth/auth.service.ts';
import { presentSessionInfo } from '../auth/session-info.presenter.ts';
import { assertSetupToken, createFirstAdministrator } from './setup.service.ts';

const ZSetupRequest = z.object({
  setupToken: z.string().min(1).max(200),
  organisation: z.object({ name: ZName, kind: ZOrganisationKind }).strict(),
  admin: z.object({ email: ZEmail, displayName: ZName, password: ZPassword }).strict(),
}).strict();

export function registerSetupRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get('/api/setup', {
    schema: { tags: ['setup'], summary: 'Whether the first administrator still has to be created', response: { 200: z.object({ needsSetup: z.boolean() }) } },
    config: { access: { auth: 'public' } },
  }, async () => ({ needsSetup: (await countUsers(deps.database.db)) === 0 }));

  api.post('/api/setup', {
    schema: { tags: ['setup'], summary: 'Create the first organisation and administrator with the printed setup token', body: ZSetupRequest, response: { 201: ZSessionInfo, ...ERROR_RESPONSES } },
    config: { access: { auth: 'public' } },
  }, async (request, reply) => {
    const session = await runUseCase(deps, request, async (ctx) => {
      await assertSetupToken(ctx, request.body.setupToken);
      const { user } = await createFirstAdministrator(ctx, request.body);
      const opened = await openSession(ctx, user.id, { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours });
      return { ...opened, info: await presentSessionInfo(ctx.db, opened) };
    });
    setSessionCookie(reply, deps, session);
    return reply.status(201).send(session.info);
  });
}
