import type { TPermission } from '../../core/authz/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { TActor } from '../context.ts';
import type { TDb, TTx } from '../db/database.ts';
import { findOrganisationById } from '../modules/organisations/organisations.repo.ts';
import { authorize, roleIn } from './policy.ts';

/**
 * `authorize` for an organisation-scoped request, plus proof that the organisation exists: a
 * platform administrator holds some permissions everywhere, and must still get NOT_FOUND for an
 * id that names no organisation.
 */
export async function authorizeInOrganisation(db: TDb | TTx, actor: TActor, orgId: string, permission: TPermission): Promise<void> {
  authorize(actor, orgId, permission);
  if (roleIn(actor, orgId) === null && !(await findOrganisationById(db, orgId))) {
    throw new AppError('NOT_FOUND', 'Organisation not found.');
  }
}
