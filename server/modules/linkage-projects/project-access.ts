/**
 * Who may see a project: analysts (linkage.run) of an organisation that is a party to it. For any
 * other organisation the project does not exist (NOT_FOUND), so ids of foreign projects reveal
 * nothing.
 */
import { AppError } from '../../../core/errors/app-error.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import type { TCtx } from '../../context.ts';
import { findProject, partiesOf, type TPartyRow } from './linkage-projects.repo.ts';

export async function loadProjectAsParty(ctx: TCtx, orgId: string, projectId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'linkage.run');
  const project = await findProject(ctx.db, projectId);
  const parties = project ? await partiesOf(ctx.db, projectId) : [];
  const mine = parties.find((p) => p.orgId === orgId);
  if (!project || !mine) throw new AppError('NOT_FOUND', 'Linkage project not found.');
  return { project, parties, mine };
}

export function requireOwner(project: { ownerOrgId: string }, orgId: string, what: string): void {
  if (project.ownerOrgId !== orgId) throw new AppError('FORBIDDEN', `Only the organisation that created the project can ${what}.`, { reason: 'NOT_PROJECT_OWNER' });
}

export function requireStatus(project: { status: string }, allowed: readonly string[]): void {
  if (!allowed.includes(project.status)) throw new AppError('CONFLICT', `The project is ${project.status}.`, { reason: 'PROJECT_STATUS', status: project.status });
}

export function externalParty(parties: readonly TPartyRow[], partyId: string): TPartyRow {
  const party = parties.find((p) => p.id === partyId && p.orgId === null);
  if (!party) throw new AppError('NOT_FOUND', 'External party not found.');
  return party;
}
