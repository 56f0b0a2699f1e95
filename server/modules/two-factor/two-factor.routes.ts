import type { FastifyInstance } from 'fastify';
import type { TAppDeps } from '../../http/app-deps.ts';
import { requestInfo } from '../../http/authenticate.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../http/common-schemas.ts';
import { runUserUseCase, setSessionCookie, zodApp } from '../../http/route-helpers.ts';
import { ZSessionInfo } from '../auth/auth.schemas.ts';
import { presentSessionInfo } from '../auth/session-info.presenter.ts';
import { runUserUseCaseKeepingFailures } from './deferred-failure.ts';
import { installTwoFactorGate } from './two-factor-gate.ts';
import { completeTwoFactorLogin } from './two-factor-login.ts';
import {
  ZConfirmEnrolmentRequest, ZDisableTwoFactorRequest, ZEnrolment, ZRecoveryCodes, ZRegenerateRecoveryCodesRequest, ZResetTwoFactorParams, ZResetTwoFactorRequest,
  ZTwoFactorLoginRequest, ZTwoFactorReset, ZTwoFactorStatus,
} from './two-factor.schemas.ts';
import { resetMemberTwoFactor } from './two-factor-reset.ts';
import { confirmEnrolment, disableTwoFactor, getTwoFactorStatus, regenerateRecoveryCodes, startEnrolment } from './two-factor.service.ts';

/** Two-factor sign-in: the account's enrolment, the login's second step, and the policy gate. */
export function registerTwoFactorRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  const sessionSettings = { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours };
  // A root-level hook: Fastify applies it to every route, including those registered before.
  installTwoFactorGate(app, deps);

  api.post('/api/auth/login/two-factor', {
    schema: { tags: ['auth'], summary: 'Second sign-in step: a code from the authenticator app (or a recovery code) for the challenge', body: ZTwoFactorLoginRequest, response: { 200: ZSessionInfo, ...ERROR_RESPONSES } },
    config: { access: { auth: 'public' } },
  }, async (request, reply) => {
    const session = await completeTwoFactorLogin(deps, requestInfo(request), request.body, sessionSettings);
    setSessionCookie(reply, deps, session);
    const idleEnd = new Date(deps.clock().getTime() + sessionSettings.idleMinutes * 60_000);
    return presentSessionInfo(deps.database.db, { ...session, expiresAt: idleEnd < session.expiresAt ? idleEnd : session.expiresAt });
  });

  api.get('/api/account/two-factor', {
    schema: { tags: ['account'], summary: 'Whether two-factor sign-in is on, and which organisations require it of you', response: { 200: ZTwoFactorStatus, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => getTwoFactorStatus(ctx)));

  api.post('/api/account/two-factor/enrolment', {
    schema: { tags: ['account'], summary: 'Start enrolment: a new secret as an otpauth:// URI and a QR code (not active until confirmed)', response: { 200: ZEnrolment, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => startEnrolment(ctx)));

  api.post('/api/account/two-factor/enrolment/confirm', {
    schema: { tags: ['account'], summary: 'Confirm enrolment with a code from the app; returns 10 single-use recovery codes, shown once', body: ZConfirmEnrolmentRequest, response: { 200: ZRecoveryCodes, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => runUserUseCaseKeepingFailures(deps, request, (ctx) => confirmEnrolment(ctx, request.body.code)));

  api.post('/api/account/two-factor/recovery-codes', {
    schema: { tags: ['account'], summary: 'Replace every recovery code with 10 new ones (password and a current code from the app); shown once', body: ZRegenerateRecoveryCodesRequest, response: { 200: ZRecoveryCodes, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => runUserUseCaseKeepingFailures(deps, request, (ctx) => regenerateRecoveryCodes(ctx, request.body)));

  api.post('/api/users/:userId/two-factor/reset', {
    schema: {
      tags: ['account'],
      summary: 'Reset a member\'s two-factor sign-in (platform administrators, with their password, a reason and how identity was checked); ends the member\'s sessions',
      params: ZResetTwoFactorParams, body: ZResetTwoFactorRequest, response: { 200: ZTwoFactorReset, ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', platformAdmin: true } },
  }, async (request) => runUserUseCaseKeepingFailures(deps, request, (ctx) => resetMemberTwoFactor(ctx, request.params.userId, request.body)));

  api.post('/api/account/two-factor/disable', {
    schema: { tags: ['account'], summary: 'Turn two-factor sign-in off (password and a current or recovery code)', body: ZDisableTwoFactorRequest, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request, reply) => {
    await runUserUseCaseKeepingFailures(deps, request, (ctx) => disableTwoFactor(ctx, request.body));
    return reply.status(204).send(null);
  });
}
