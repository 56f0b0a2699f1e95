import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors/app-error.ts';
import { assertReviewable, isInForce, type TPlanApprovalStatus } from '../../../core/protection/plan.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { can } from '../../authz/policy.ts';
import { openJson, sealJson } from '../../crypto/field-encryption.ts';
import type { TDb, TTx } from '../../db/database.ts';
import { getCaseRow } from '../cases/cases.repo.ts';
import { ownerNames } from './goal-owners.ts';
import type { TPlanContent, TPlanVersionView } from './plans.schemas.ts';

/** The survivor's words and the needs assessment are narrative: sealed like identity, bound to the version. */
export const contentContext = (orgId: string, planId: string, version: number) => `palermo/plan-content/${orgId}/${planId}/${version}`;
type TStoredContent = Omit<TPlanContent, 'goals'> & { goals: (TPlanContent['goals'][number] & { id: string })[] };

/** Whether the organisation's plans need a supervisor's approval before they take effect (default: no). */
export async function requiresApproval(db: TDb | TTx, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('planSettings').select('requiresApproval').where('orgId', '=', orgId).executeTakeFirst();
  return row?.requiresApproval ?? false;
}

export async function getPlanSettings(ctx: TCtx, orgId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.read');
  return { requiresApproval: await requiresApproval(ctx.db, orgId) };
}

export async function changePlanSettings(ctx: TCtx, orgId: string, input: { requiresApproval: boolean }) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.configure');
  await ctx.db.insertInto('planSettings').values({ orgId, requiresApproval: input.requiresApproval, updatedAt: ctx.now() })
    .onConflict((conflict) => conflict.column('orgId').doUpdateSet({ requiresApproval: input.requiresApproval, updatedAt: ctx.now() })).execute();
  await ctx.audit.record('planSettings.changed', { orgId, subjectType: 'organisation', subjectId: orgId, metadata: { requiresApproval: input.requiresApproval } });
  return { requiresApproval: input.requiresApproval };
}

/**
 * Saves the plan as a new version (the first one creates the plan); earlier versions are kept
 * unchanged. Where the organisation requires approval the version waits for a supervisor.
 * @throws NOT_FOUND, FORBIDDEN (plan.manage), INVALID_TRANSITION (CASE_CLOSED),
 *   CONFLICT (VERSION_CONFLICT), VALIDATION_FAILED (goal owner not a member)
 */
export async function savePlanVersion(ctx: TCtx, orgId: string, caseId: string, input: TPlanContent & { expectedVersion: number }): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'plan.manage');
  const caseRow = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  if (caseRow.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The case is closed.', { reason: 'CASE_CLOSED' });
  const owners = [...new Set(input.goals.map((goal) => goal.owner.userId).filter((id): id is string => id !== null))];
  if (owners.length > 0) {
    const members = await ctx.db.selectFrom('memberships').select('userId').where('orgId', '=', orgId).where('userId', 'in', owners).execute();
    const issues = input.goals.flatMap((goal, index) => (goal.owner.userId && !members.some((m) => m.userId === goal.owner.userId) ? [{ path: `body.goals.${index}.owner.userId`, message: 'Not a member of this organisation' }] : []));
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'A goal owner is not a member of this organisation.', { issues });
  }
  const now = ctx.now();
  let plan = await ctx.db.selectFrom('plans').selectAll().where('orgId', '=', orgId).where('caseId', '=', caseId).forUpdate().executeTakeFirst();
  if ((plan?.latestVersion ?? 0) !== input.expectedVersion) throw new AppError('CONFLICT', 'The plan changed meanwhile. Reload it and try again.', { reason: 'VERSION_CONFLICT' });
  if (!plan) plan = await ctx.db.insertInto('plans').values({ orgId, caseId, latestVersion: 0, createdAt: now, updatedAt: now }).returningAll().executeTakeFirstOrThrow();
  const version = plan.latestVersion + 1;
  const { expectedVersion: _expected, ...rest } = input;
  const content: TStoredContent = { ...rest, goals: input.goals.map((goal) => ({ ...goal, id: goal.id ?? randomUUID() })) };
  const key = await ctx.keyring.currentKey(ctx.db, orgId, now);
  const approvalStatus: TPlanApprovalStatus = (await requiresApproval(ctx.db, orgId)) ? 'pending' : 'not_required';
  await ctx.db.insertInto('planVersions').values({
    orgId, planId: plan.id, version, contentCiphertext: sealJson(key.dataKey, content, contentContext(orgId, plan.id, version)), keyVersion: key.version,
    domains: content.chosenDomains,
    goalSummary: JSON.stringify(content.goals.map((goal) => ({ id: goal.id, domain: goal.domain, status: goal.status, reviewOn: goal.reviewOn, ownerKind: goal.owner.kind }))),
    approvalStatus, createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, createdAt: now, reviewedBy: null, reviewedAt: null,
  }).execute();
  await ctx.db.updateTable('plans').set({ latestVersion: version, updatedAt: now }).where('id', '=', plan.id).execute();
  await ctx.audit.record('plan.versionSaved', {
    orgId, subjectType: 'plan', subjectId: plan.id, caseId,
    metadata: { planId: plan.id, version, domains: content.chosenDomains, goals: content.goals.length, approvalStatus },
  });
}

/**
 * A supervisor approves the latest version, or returns it for changes; never its own author.
 * @throws NOT_FOUND, FORBIDDEN (plan.approve), INVALID_TRANSITION (PLAN_VERSION_SUPERSEDED,
 *   PLAN_VERSION_NOT_PENDING), DOMAIN_RULE_VIOLATED (SELF_APPROVAL)
 */
export async function reviewPlanVersion(ctx: TCtx, orgId: string, caseId: string, version: number, decision: 'approved' | 'returned'): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'plan.approve');
  await getCaseRow(ctx.db, orgId, caseId);
  const plan = await ctx.db.selectFrom('plans').selectAll().where('orgId', '=', orgId).where('caseId', '=', caseId).forUpdate().executeTakeFirst();
  const row = plan && await ctx.db.selectFrom('planVersions').selectAll().where('planId', '=', plan.id).where('version', '=', version).executeTakeFirst();
  if (!plan || !row) throw new AppError('NOT_FOUND', 'Plan version not found.');
  assertReviewable({ version, approvalStatus: row.approvalStatus as TPlanApprovalStatus, createdBy: row.createdBy }, plan.latestVersion, ctx.actor.type === 'user' ? ctx.actor.userId : null);
  await ctx.db.updateTable('planVersions').set({ approvalStatus: decision, reviewedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, reviewedAt: ctx.now() })
    .where('planId', '=', plan.id).where('version', '=', version).execute();
  await ctx.audit.record('plan.reviewed', { orgId, subjectType: 'plan', subjectId: plan.id, caseId, metadata: { planId: plan.id, version, decision } });
}

async function presentVersions(ctx: TCtx, orgId: string, planId: string, rows: Awaited<ReturnType<typeof versionRows>>): Promise<TPlanVersionView[]> {
  const contents: TStoredContent[] = [];
  for (const row of rows) {
    const key = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
    contents.push(openJson<TStoredContent>(key.dataKey, row.contentCiphertext, contentContext(orgId, planId, row.version)));
  }
  const names = await ownerNames(ctx.db, contents.flatMap((content) => content.goals.flatMap((goal) => (goal.owner.userId ? [goal.owner.userId] : []))));
  const views: TPlanVersionView[] = [];
  for (const [index, row] of rows.entries()) {
    const content = contents[index]!;
    const status = row.approvalStatus as TPlanApprovalStatus;
    views.push({
      version: row.version, approvalStatus: status, isInForce: isInForce(status), chosenDomains: content.chosenDomains, needsAssessment: content.needsAssessment,
      goals: content.goals.map((goal) => ({ ...goal, owner: { ...goal.owner, displayName: goal.owner.userId ? names.get(goal.owner.userId) ?? null : null } })),
      changeNote: content.changeNote,
      createdBy: row.createdBy ? { userId: row.createdBy, displayName: row.authorName ?? '' } : null, createdAt: row.createdAt.toISOString(),
      reviewedBy: row.reviewedBy ? { userId: row.reviewedBy, displayName: row.reviewerName ?? '' } : null, reviewedAt: row.reviewedAt?.toISOString() ?? null,
    });
  }
  return views;
}

function versionRows(db: TDb | TTx, planId: string, onlyVersion?: number) {
  let query = db.selectFrom('planVersions')
    .leftJoin('users as author', 'author.id', 'planVersions.createdBy')
    .leftJoin('users as reviewer', 'reviewer.id', 'planVersions.reviewedBy')
    .selectAll('planVersions').select(['author.displayName as authorName', 'reviewer.displayName as reviewerName'])
    .where('planVersions.planId', '=', planId).orderBy('planVersions.version', 'desc');
  if (onlyVersion !== undefined) query = query.where('planVersions.version', '=', onlyVersion);
  return query.execute();
}

async function planOf(ctx: TCtx, orgId: string, caseId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.read');
  await getCaseRow(ctx.db, orgId, caseId);
  return ctx.db.selectFrom('plans').selectAll().where('orgId', '=', orgId).where('caseId', '=', caseId).executeTakeFirst();
}

/**
 * A plan holds the survivor's own words and needs, as sensitive as their identity: opening it is
 * audited like an identity read (the ids and version numbers shown, never the words).
 */
async function auditPlanRead(ctx: TCtx, orgId: string, caseId: string, planId: string, scope: 'latest' | 'history', versions: readonly number[]): Promise<void> {
  await ctx.audit.record('plan.viewed', { orgId, subjectType: 'plan', subjectId: planId, caseId, metadata: { planId, scope, versions: [...versions] } });
}

/**
 * The plan's latest version, which version is in force, and what the viewer may do. `audit`
 * records the read (the GET route); answers to a save or a review show the writer what they
 * just wrote or reviewed, which that change's own event already records.
 */
export async function loadPlan(ctx: TCtx, orgId: string, caseId: string, options: { audit?: boolean } = {}) {
  const plan = await planOf(ctx, orgId, caseId);
  const approval = await requiresApproval(ctx.db, orgId);
  if (!plan) return { plan: null, requiresApproval: approval };
  const [current] = await presentVersions(ctx, orgId, plan.id, await versionRows(ctx.db, plan.id, plan.latestVersion));
  if (options.audit) await auditPlanRead(ctx, orgId, caseId, plan.id, 'latest', [plan.latestVersion]);
  const inForce = await ctx.db.selectFrom('planVersions').select((eb) => eb.fn.max('version').as('version'))
    .where('planId', '=', plan.id).where('approvalStatus', 'in', ['not_required', 'approved']).executeTakeFirst();
  return {
    plan: {
      id: plan.id, caseId, latestVersion: plan.latestVersion, inForceVersion: inForce?.version ?? null, current: current!,
      abilities: { 'plan.manage': can(ctx.actor, orgId, 'plan.manage'), 'plan.approve': can(ctx.actor, orgId, 'plan.approve') },
    },
    requiresApproval: approval,
  };
}

/** Every version of the plan, newest first: nothing is ever overwritten. The read is audited. */
export async function findPlanVersions(ctx: TCtx, orgId: string, caseId: string): Promise<TPlanVersionView[]> {
  const plan = await planOf(ctx, orgId, caseId);
  if (!plan) return [];
  const versions = await presentVersions(ctx, orgId, plan.id, await versionRows(ctx.db, plan.id));
  await auditPlanRead(ctx, orgId, caseId, plan.id, 'history', versions.map((version) => version.version));
  return versions;
}

/**
 * Copies the latest version of a transferred case's plan into the receiver's new case, re-sealed
 * under the receiver's key. Goal owners were the sender's staff, so they become unassigned; the
 * receiver's own approval rule applies to the copy. Called by the transfer hand-over, which has
 * already checked the receiver's permission. Returns whether there was a plan to copy.
 */
export async function copyPlanForTransfer(ctx: TCtx, from: { orgId: string; caseId: string }, to: { orgId: string; caseId: string }): Promise<boolean> {
  const source = await ctx.db.selectFrom('plans').selectAll().where('orgId', '=', from.orgId).where('caseId', '=', from.caseId).executeTakeFirst();
  const latest = source && await ctx.db.selectFrom('planVersions').selectAll().where('planId', '=', source.id).where('version', '=', source.latestVersion).executeTakeFirst();
  if (!source || !latest) return false;
  const sourceKey = await ctx.keyring.keyVersion(ctx.db, from.orgId, latest.keyVersion);
  const content = openJson<TStoredContent>(sourceKey.dataKey, latest.contentCiphertext, contentContext(from.orgId, source.id, latest.version));
  const copied = { ...content, goals: content.goals.map((goal) => ({ ...goal, owner: { ...goal.owner, userId: null } })) } as TStoredContent;
  const now = ctx.now();
  const plan = await ctx.db.insertInto('plans').values({ orgId: to.orgId, caseId: to.caseId, latestVersion: 1, createdAt: now, updatedAt: now }).returningAll().executeTakeFirstOrThrow();
  const key = await ctx.keyring.currentKey(ctx.db, to.orgId, now);
  await ctx.db.insertInto('planVersions').values({
    orgId: to.orgId, planId: plan.id, version: 1, contentCiphertext: sealJson(key.dataKey, copied, contentContext(to.orgId, plan.id, 1)), keyVersion: key.version,
    domains: copied.chosenDomains, goalSummary: JSON.stringify(latest.goalSummary),
    approvalStatus: (await requiresApproval(ctx.db, to.orgId)) ? 'pending' : 'not_required',
    createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, createdAt: now, reviewedBy: null, reviewedAt: null,
  }).execute();
  return true;
}

/**
 * Retention and erasure: every version of the case's plan keeps its domains, goal statuses and
 * dates (statistics on inclusion outcomes) but loses the survivor's words, descriptions and notes.
 */
export async function erasePlanNarrative(ctx: TCtx, orgId: string, caseId: string): Promise<number> {
  const plan = await ctx.db.selectFrom('plans').select('id').where('orgId', '=', orgId).where('caseId', '=', caseId).executeTakeFirst();
  if (!plan) return 0;
  const versions = await ctx.db.selectFrom('planVersions').select(['version', 'keyVersion', 'contentCiphertext']).where('planId', '=', plan.id).execute();
  const key = await ctx.keyring.currentKey(ctx.db, orgId, ctx.now());
  for (const row of versions) {
    const old = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
    const content = openJson<TStoredContent>(old.dataKey, row.contentCiphertext, contentContext(orgId, plan.id, row.version));
    const erased = {
      ...content,
      needsAssessment: { ...content.needsAssessment, needs: content.needsAssessment.needs.map((need) => ({ ...need, note: null })), summary: null },
      goals: content.goals.map((goal) => ({ ...goal, survivorWords: '', description: null })),
      changeNote: null,
    } as TStoredContent;
    await ctx.db.updateTable('planVersions').set({ contentCiphertext: sealJson(key.dataKey, erased, contentContext(orgId, plan.id, row.version)), keyVersion: key.version })
      .where('planId', '=', plan.id).where('version', '=', row.version).execute();
  }
  return versions.length;
}
