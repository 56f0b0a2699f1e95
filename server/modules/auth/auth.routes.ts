import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { requestInfo } from '../../http/authenticate.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../http/common-schemas.ts';
import { clearSessionCookie, runUserUseCase, setSessionCookie, zodApp } from '../../http/route-helpers.ts';
import { changePassword, login, logout } from './auth.service.ts';
import { ZChangePasswordRequest, ZLoginRequest, ZPasswordReset, ZResetPasswordParams, ZResetPasswordRequest, ZSessionInfo } from './auth.schemas.ts';
import { resetMemberPassword } from './password-reset.ts';
import { runUserUseCaseKeepingFailures } from '../two-factor/deferred-failure.ts';
import { installPasswordChangeGate } from './password-change-gate.ts';
import { presentSessionInfo } from './session-info.presenter.ts';
import { ZTwoFactorChallenge } from '../two-factor/two-factor.schemas.ts';

export function registerAuthRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  const sessionSettings = { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours };
  // A root-level hook: Fastify applies it to every route, including those registered later.
  installPasswordChangeGate(app);

  api.post('/api/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in with e-mail and password (202 with a challenge when a second step is due)', body: ZLoginRequest, response: { 200: ZSessionInfo, 202: ZTwoFactorChallenge, ...ERROR_RESPONSES } },
    config: { access: { auth: 'public' } },
  }, async (request, reply) => {
    const session = await login(deps, requestInfo(request), request.body, sessionSettings);
    if ('challengeToken' in session) {
      return reply.status(202).send({ twoFactorRequired: true as const, challengeToken: session.challengeToken, expiresAt: session.expiresAt.toISOString() });
    }
    setSessionCookie(reply, deps, session);
    const idleEnd = new Date(deps.clock().getTime() + sessionSettings.idleMinutes * 60_000);
    const expiresAt = idleEnd < session.expiresAt ? idleEnd : session.expiresAt;
    return presentSessionInfo(deps.database.db, { ...session, expiresAt });
  });

  api.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => logout(ctx));
    clearSessionCookie(reply, deps);
    return reply.status(204).send(null);
  });

  api.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user, their organisations and roles', response: { 200: ZSessionInfo, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => {
    if (request.actor.type !== 'user' || !request.session) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
    return presentSessionInfo(deps.database.db, { userId: request.actor.userId, ...request.session });
  });

  api.post('/api/users/:userId/password/reset', {
    schema: {
      tags: ['account'],
      summary: 'Give a member a temporary password (platform administrators, with their password, a reason and how identity was checked); ends the member\'s sessions; shown once',
      params: ZResetPasswordParams, body: ZResetPasswordRequest, response: { 200: ZPasswordReset, ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', platformAdmin: true } },
  }, async (request, reply) => {
    const reset = await runUserUseCaseKeepingFailures(deps, request, (ctx) => resetMemberPassword(ctx, request.params.userId, request.body));
    // A password in the answer: no cache anywhere may keep it.
    return reply.header('cache-control', 'no-store').send(reset);
  });

  api.post('/api/auth/password', {
    schema: { tags: ['auth'], summary: 'Change your password (ends your other sessions)', body: ZChangePasswordRequest, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => changePassword(ctx, request.body));
    return reply.status(204).send(null);
  });
}
