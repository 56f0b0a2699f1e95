import { AppError } from '../../../core/errors/app-error.ts';
import type { TOrganisationKind } from '../../../core/organisations/kinds.ts';
import type { TCtx } from '../../context.ts';
import type { TOrganisationRow, TUserRow } from '../../db/schema/foundation.ts';
import { createOrganisation } from '../organisations/organisations.service.ts';
import { insertMembership } from '../members/members.repo.ts';
import { countUsers } from '../users/users.repo.ts';
import { createUser } from '../users/users.service.ts';
import { digestToken } from '../auth/session-tokens.ts';

export interface TFirstAdministratorInput {
  organisation: { name: string; kind: TOrganisationKind };
  admin: { email: string; displayName: string; password: string };
}

/**
 * Creates the first organisation and its administrator, who is also the platform administrator.
 * Used by the browser setup (with a token) and by `palermo create-admin`.
 * @throws CONFLICT (SETUP_DONE) once any user exists
 */
export async function createFirstAdministrator(ctx: TCtx, input: TFirstAdministratorInput): Promise<{ user: TUserRow; organisation: TOrganisationRow }> {
  if ((await countUsers(ctx.db)) > 0) {
    throw new AppError('CONFLICT', 'Setup is already complete: sign in instead.', { reason: 'SETUP_DONE' });
  }
  const organisation = await createOrganisation(ctx, input.organisation);
  const user = await createUser(ctx, { ...input.admin, isPlatformAdmin: true, auditOrgId: organisation.id, passwordPath: 'body.admin.password' });
  await insertMembership(ctx.db, { orgId: organisation.id, userId: user.id, role: 'admin', createdAt: ctx.now() });
  await ctx.audit.record('membership.granted', { orgId: organisation.id, subjectType: 'user', subjectId: user.id, metadata: { userId: user.id, email: user.email, role: 'admin' } });
  await ctx.audit.record('setup.completed', { orgId: null, subjectType: 'organisation', subjectId: organisation.id, metadata: { organisationId: organisation.id } });
  await ctx.db.deleteFrom('setupTokens').execute();
  return { user, organisation };
}

/** @throws UNAUTHENTICATED (SETUP_TOKEN_INVALID) unless the token is the one printed at start-up */
export async function assertSetupToken(ctx: TCtx, token: string): Promise<void> {
  const found = await ctx.db.selectFrom('setupTokens').select('tokenHash').where('tokenHash', '=', digestToken(token)).executeTakeFirst();
  if (!found) {
    if ((await countUsers(ctx.db)) > 0) throw new AppError('CONFLICT', 'Setup is already complete: sign in instead.', { reason: 'SETUP_DONE' });
    throw new AppError('UNAUTHENTICATED', 'The setup token is not valid. Use the token printed by the server at its latest start.', { reason: 'SETUP_TOKEN_INVALID' });
  }
}
