import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { hasConfirmedTwoFactor } from './two-factor.repo.ts';
import { organisationsRequiringTwoFactor } from './two-factor.service.ts';

/**
 * What a member who must use two-factor sign-in but has not enrolled may still call: who am I,
 * sign out, change their password (someone signed in with a temporary password must do that
 * first: see password-change-gate.ts), and the enrolment itself. Everything else is refused
 * until enrolment is confirmed.
 */
export const ENROLMENT_ONLY_ROUTES = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'GET /api/account/two-factor',
  'POST /api/account/two-factor/enrolment',
  'POST /api/account/two-factor/enrolment/confirm',
]);

/**
 * Enforces the organisations' two-factor requirement on every signed-in API request. It is
 * checked per request, not at sign-in, so a requirement switched on applies to sessions
 * already open. Costs one indexed query per request (two when a requirement exists).
 */
export function installTwoFactorGate(app: FastifyInstance, deps: TAppDeps): void {
  app.addHook('preValidation', async (request) => {
    const actor = request.actor;
    if (actor?.type !== 'user' || actor.roles.size === 0) return;
    if (request.routeOptions.config?.access?.auth !== 'user') return;
    if (ENROLMENT_ONLY_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) return;
    const requiredBy = await organisationsRequiringTwoFactor(deps.database.db, actor);
    if (requiredBy.length === 0 || (await hasConfirmedTwoFactor(deps.database.db, actor.userId))) return;
    throw new AppError('FORBIDDEN', 'Your organisation requires two-factor sign-in. Set it up on your account page first.', {
      reason: 'TWO_FACTOR_ENROLMENT_REQUIRED', organisationIds: requiredBy,
    });
  });
}
