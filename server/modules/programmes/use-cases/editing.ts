/**
 * Editing a programme and its results framework, archiving it and making it active again. Every change names the
 * version it was made against (optimistic locking): a stale version is a CONFLICT, never a
 * silent overwrite of someone else's edit. Archiving is a soft delete: reports stay readable.
 */
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { getActiveProgrammeRow, getProgrammeRow, updateVersioned } from '../programmes.repo.ts';
import type { TUpdateNode, TUpdateProgramme } from '../programmes.schemas.ts';
import { assertDates } from '../programmes.service.ts';

const PROGRAMME_FIELDS = ['name', 'description', 'startsOn', 'endsOn'] as const;
const NODE_FIELDS = ['title', 'description'] as const;

const nothingToChange = () => new AppError('VALIDATION_FAILED', 'Nothing to change.', { reason: 'NOTHING_TO_CHANGE', issues: [{ path: 'body', message: 'give at least one field to change' }] });

/**
 * @returns the programme's new version
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), INVALID_TRANSITION (PROGRAMME_ARCHIVED),
 *   VALIDATION_FAILED (NOTHING_TO_CHANGE, dates), CONFLICT (VERSION_CONFLICT)
 */
export async function updateProgramme(ctx: TCtx, orgId: string, programmeId: string, input: TUpdateProgramme): Promise<number> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  const row = await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  const fields = PROGRAMME_FIELDS.filter((f) => input[f] !== undefined);
  if (fields.length === 0) throw nothingToChange();
  assertDates(input.startsOn ?? row.startsOn, input.endsOn ?? row.endsOn);
  const changes = Object.fromEntries(fields.map((f) => [f, input[f]]));
  const version = await updateVersioned(ctx.db, 'programmes', orgId, programmeId, input.expectedVersion, { ...changes, updatedAt: ctx.now() });
  await ctx.audit.record('programme.updated', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, fields: [...fields], version } });
  return version;
}

/**
 * Archives a programme: it leaves the default list and refuses every change; its detail and
 * progress reports stay readable.
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), INVALID_TRANSITION (PROGRAMME_ARCHIVED), CONFLICT (VERSION_CONFLICT)
 */
export async function archiveProgramme(ctx: TCtx, orgId: string, programmeId: string, expectedVersion: number): Promise<number> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  const now = ctx.now();
  const version = await updateVersioned(ctx.db, 'programmes', orgId, programmeId, expectedVersion, {
    archivedAt: now, archivedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, updatedAt: now,
  });
  await ctx.audit.record('programme.archived', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, version } });
  return version;
}

/**
 * Makes an archived programme active again (archived by mistake, or a plan extended): it is back
 * in the default list and can be changed. Its history, reports included, is as it was.
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), INVALID_TRANSITION (PROGRAMME_NOT_ARCHIVED), CONFLICT (VERSION_CONFLICT)
 */
export async function restoreProgramme(ctx: TCtx, orgId: string, programmeId: string, expectedVersion: number): Promise<number> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  const row = await getProgrammeRow(ctx.db, orgId, programmeId);
  if (row.archivedAt === null) throw new AppError('INVALID_TRANSITION', 'This programme is not archived.', { reason: 'PROGRAMME_NOT_ARCHIVED' });
  const version = await updateVersioned(ctx.db, 'programmes', orgId, programmeId, expectedVersion, { archivedAt: null, archivedBy: null, updatedAt: ctx.now() });
  await ctx.audit.record('programme.restored', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, version } });
  return version;
}

/**
 * A goal, outcome or output's title and description. Its code and level stay: indicators,
 * findings and past reports point at them.
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), INVALID_TRANSITION (PROGRAMME_ARCHIVED),
 *   VALIDATION_FAILED (NOTHING_TO_CHANGE), CONFLICT (VERSION_CONFLICT)
 */
export async function updateNode(ctx: TCtx, orgId: string, programmeId: string, nodeId: string, input: TUpdateNode): Promise<number> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  const node = await ctx.db.selectFrom('programmeNodes').select(['id', 'level']).where('orgId', '=', orgId).where('programmeId', '=', programmeId).where('id', '=', nodeId).executeTakeFirst();
  if (!node) throw new AppError('NOT_FOUND', 'Element not found.');
  const fields = NODE_FIELDS.filter((f) => input[f] !== undefined);
  if (fields.length === 0) throw nothingToChange();
  const changes = Object.fromEntries(fields.map((f) => [f, input[f]]));
  const version = await updateVersioned(ctx.db, 'programmeNodes', orgId, nodeId, input.expectedVersion, { ...changes, updatedAt: ctx.now() });
  await ctx.audit.record('programme.nodeUpdated', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, nodeId, level: node.level, fields: [...fields], version } });
  return version;
}
