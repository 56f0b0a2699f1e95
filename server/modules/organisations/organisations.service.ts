import { AppError } from '../../../core/errors/app-error.ts';
import type { TOrganisationKind } from '../../../core/organisations/kinds.ts';
import type { TCtx } from '../../context.ts';
import type { TOrganisationRow } from '../../db/schema/foundation.ts';
import { findOrganisationByName, insertOrganisation } from './organisations.repo.ts';

/**
 * Creates an organisation and opens its audit chain with the creation event.
 * @throws CONFLICT (ORGANISATION_NAME_TAKEN)
 */
export async function createOrganisation(ctx: TCtx, input: { name: string; kind: TOrganisationKind }): Promise<TOrganisationRow> {
  if (await findOrganisationByName(ctx.db, input.name)) {
    throw new AppError('CONFLICT', 'An organisation with this name already exists.', { reason: 'ORGANISATION_NAME_TAKEN' });
  }
  const organisation = await insertOrganisation(ctx.db, { name: input.name, kind: input.kind, createdAt: ctx.now() });
  await ctx.audit.record('organisation.created', {
    orgId: organisation.id,
    subjectType: 'organisation',
    subjectId: organisation.id,
    metadata: { name: organisation.name, kind: input.kind },
  });
  return organisation;
}
