/**
 * Creating a project, answering an invitation, cancelling, and the lists. The creator's
 * organisation is itself a party (accepted from the start); invited organisations answer through
 * their own analysts; external parties (other deployments) are named, never invited.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../core/errors/app-error.ts';
import { DEFAULT_CANDIDATE_THRESHOLD, DEFAULT_CLK_SCHEMA } from '../../../../core/linkage/index.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import type { TCtx } from '../../../context.ts';
import { deleteEncodings, organisationNames, partiesOf, projectsOfOrganisation } from '../linkage-projects.repo.ts';
import { presentProject } from '../linkage-projects.presenter.ts';
import type { TCreateProjectRequest, TProject } from '../linkage-projects.schemas.ts';
import { loadProjectAsParty, requireOwner, requireStatus } from '../project-access.ts';
import { notifyRoles } from '../../notifications/notify.ts';
import { LINKAGE_ROLES } from './linkage-roles.ts';

const userIdOf = (ctx: TCtx) => (ctx.actor.type === 'user' ? ctx.actor.userId : null);

/** Other organisations of this deployment that can be invited (names and kinds only). */
export async function findPartnerOrganisations(ctx: TCtx, orgId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'linkage.run');
  return ctx.db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', '!=', orgId).orderBy('name').execute();
}

export async function createProject(ctx: TCtx, orgId: string, request: TCreateProjectRequest): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'linkage.run');
  const invited = [...new Set(request.invitedOrgIds)];
  if (invited.includes(orgId)) throw new AppError('VALIDATION_FAILED', 'Your own organisation is already a party.', { issues: [{ path: 'invitedOrgIds', message: 'own organisation' }] });
  if (invited.length + request.externalParties.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Invite at least one other party.', { issues: [{ path: 'invitedOrgIds', message: 'no other party' }] });
  }
  const known = await organisationNames(ctx.db, invited);
  if (known.length !== invited.length) throw new AppError('NOT_FOUND', 'An invited organisation does not exist.', { reason: 'ORGANISATION_NOT_FOUND' });
  const projectId = randomUUID();
  const now = ctx.now();
  await ctx.db.insertInto('linkageProjects').values({
    id: projectId, ownerOrgId: orgId, name: request.name, status: 'open', clkSchema: JSON.stringify(DEFAULT_CLK_SCHEMA),
    threshold: DEFAULT_CANDIDATE_THRESHOLD, solve: request.solve, deleteEncodingsAfterMatch: request.deleteEncodingsAfterMatch,
    stage: null, failureReason: null, counts: null, partyPairsSkipped: null, createdBy: userIdOf(ctx), createdAt: now, updatedAt: now,
  }).execute();
  await ctx.db.insertInto('linkageProjectParties').values({
    projectId, orgId, externalName: null, status: 'accepted', invitedAt: now, respondedBy: userIdOf(ctx), respondedAt: now,
  }).execute();
  await ctx.audit.record('linkageProject.created', {
    orgId, subjectType: 'linkage-project', subjectId: projectId,
    metadata: { projectId, invitedOrganisations: invited.length, externalParties: request.externalParties.length, solve: request.solve },
  });
  for (const invitedOrgId of invited) {
    const partyId = randomUUID();
    await ctx.db.insertInto('linkageProjectParties').values({ id: partyId, projectId, orgId: invitedOrgId, externalName: null, status: 'invited', invitedAt: now }).execute();
    // in the invited organisation's log: its auditors see who invited it
    await ctx.audit.record('linkageProject.invited', { orgId: invitedOrgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { projectId, partyId, ownerOrgId: orgId } });
    await notifyRoles(ctx, { orgId: invitedOrgId, roles: LINKAGE_ROLES, kind: 'linkageProject.invited', subjectType: 'linkageProject', subjectId: projectId, payload: { projectId } });
  }
  for (const name of request.externalParties) {
    await ctx.db.insertInto('linkageProjectParties').values({ projectId, orgId: null, externalName: name, status: 'accepted', invitedAt: now }).execute();
  }
  return projectId;
}

export async function listProjects(ctx: TCtx, orgId: string): Promise<TProject[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'linkage.run');
  const rows = await projectsOfOrganisation(ctx.db, orgId);
  return Promise.all(rows.map(async (row) => presentProject(row, await partiesOf(ctx.db, row.id), orgId)));
}

export async function getProject(ctx: TCtx, orgId: string, projectId: string): Promise<TProject> {
  const { project, parties } = await loadProjectAsParty(ctx, orgId, projectId);
  return presentProject(project, parties, orgId);
}

/** The invited organisation's answer. */
export async function answerInvitation(ctx: TCtx, orgId: string, projectId: string, answer: 'accepted' | 'declined'): Promise<void> {
  const { project, mine } = await loadProjectAsParty(ctx, orgId, projectId);
  requireStatus(project, ['open']);
  if (mine.status !== 'invited') throw new AppError('CONFLICT', `Your organisation has already ${mine.status === 'declined' ? 'declined' : 'accepted'}.`, { reason: 'ALREADY_ANSWERED', status: mine.status });
  const now = ctx.now();
  await ctx.db.updateTable('linkageProjectParties').set({ status: answer, respondedBy: userIdOf(ctx), respondedAt: now }).where('id', '=', mine.id).where('status', '=', 'invited').execute();
  await ctx.db.updateTable('linkageProjects').set({ updatedAt: now }).where('id', '=', projectId).execute();
  await ctx.audit.record(answer === 'accepted' ? 'linkageProject.accepted' : 'linkageProject.declined', {
    orgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { projectId, partyId: mine.id },
  });
}

/** The creator stops the project; submitted encodings are deleted. */
export async function cancelProject(ctx: TCtx, orgId: string, projectId: string): Promise<void> {
  const { project } = await loadProjectAsParty(ctx, orgId, projectId);
  requireOwner(project, orgId, 'cancel it');
  requireStatus(project, ['open']);
  const now = ctx.now();
  await ctx.db.updateTable('linkageProjects').set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where('id', '=', projectId).execute();
  const deleted = await deleteEncodings(ctx.db, projectId);
  await ctx.audit.record('linkageProject.cancelled', { orgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { projectId, encodingsDeleted: deleted } });
}
