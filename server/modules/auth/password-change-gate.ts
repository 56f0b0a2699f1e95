import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors/app-error.ts';
import { ENROLMENT_ONLY_ROUTES } from '../two-factor/two-factor-gate.ts';

/**
 * What a session opened with a temporary password may call: who am I, sign out, choose a new
 * password, and two-factor enrolment (an organisation that requires it holds the member to
 * enrolling first). A temporary password was read out or handed over, so until it is replaced
 * it opens nothing else.
 */
export const PASSWORD_CHANGE_ONLY_ROUTES = new Set(ENROLMENT_ONLY_ROUTES);

/**
 * Enforces the password change on every signed-in API request. The flag comes with the session
 * lookup (no extra query); it is cleared by the change itself.
 */
export function installPasswordChangeGate(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.session?.passwordChangeRequired) return;
    if (request.routeOptions.config?.access?.auth !== 'user') return;
    if (PASSWORD_CHANGE_ONLY_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) return;
    throw new AppError('FORBIDDEN', 'You signed in with a temporary password. Choose your own password first.', { reason: 'PASSWORD_CHANGE_REQUIRED' });
  });
}
