import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { can } from '../../authz/policy.ts';
import { nextReference } from '../cases/cases.repo.ts';
import { sealIdentity } from '../cases/person-identity.ts';
import type {
  ZAddSuspect, ZCharge, ZCompensationOrder, ZConfiscation, ZCooperationRequest, ZCourtDecision, ZCreateInvestigation, ZCreateOperation,
  ZInvestigationStatus, ZProsecution, ZSentence, ZVictimLink,
} from './justice.schemas.ts';
import { requireVisibleCharge, requireVisibleInvestigation, requireVisibleSuspect } from './investigation-access.ts';


export async function createOperation(ctx: TCtx, orgId: string, input: z.infer<typeof ZCreateOperation>): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'investigation.manage');
  const row = await ctx.db.insertInto('operations').values({ orgId, ...input, createdAt: ctx.now() }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('operation.created', { orgId, subjectType: 'operation', subjectId: row.id, metadata: { operationId: row.id } });
  return row.id;
}

/** Shares an operation (and so its investigations) with another organisation, e.g. the prosecution service. */
export async function shareOperation(ctx: TCtx, orgId: string, operationId: string, sharedWithOrgId: string): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'investigation.manage');
  const operation = await ctx.db.selectFrom('operations').select('id').where('orgId', '=', orgId).where('id', '=', operationId).executeTakeFirst();
  if (!operation) throw new AppError('NOT_FOUND', 'Operation not found.');
  const target = await ctx.db.selectFrom('organisations').select('id').where('id', '=', sharedWithOrgId).executeTakeFirst();
  if (!target || sharedWithOrgId === orgId) throw new AppError('VALIDATION_FAILED', 'Share with another existing organisation.', { issues: [{ path: 'body.organisationId', message: 'Unknown organisation' }] });
  await ctx.db.insertInto('operationShares').values({ orgId, operationId, sharedWithOrgId, sharedAt: ctx.now() })
    .onConflict((conflict) => conflict.columns(['operationId', 'sharedWithOrgId']).doNothing()).execute();
  await ctx.audit.record('operation.shared', { orgId, subjectType: 'operation', subjectId: operationId, metadata: { operationId, sharedWithOrgId } });
}

export async function openInvestigation(ctx: TCtx, orgId: string, input: z.infer<typeof ZCreateInvestigation>): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'investigation.manage');
  if (input.operationId) {
    const operation = await ctx.db.selectFrom('operations').select('id').where('orgId', '=', orgId).where('id', '=', input.operationId).executeTakeFirst();
    if (!operation) throw new AppError('VALIDATION_FAILED', 'Unknown operation.', { issues: [{ path: 'body.operationId', message: 'No such operation in this organisation' }] });
  }
  const reference = await nextReference(ctx.db, orgId, 'INV', Number(input.openedOn.slice(0, 4)));
  const row = await ctx.db.insertInto('investigations').values({ orgId, ...input, reference, closedOn: null, status: 'open', version: 1, createdAt: ctx.now() })
    .returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('investigation.opened', { orgId, subjectType: 'investigation', subjectId: row.id, metadata: { investigationId: row.id, reference } });
  return row.id;
}

export async function changeInvestigationStatus(ctx: TCtx, orgId: string, investigationId: string, input: z.infer<typeof ZInvestigationStatus>): Promise<string> {
  const { row } = await requireVisibleInvestigation(ctx, orgId, investigationId, 'investigation.manage');
  if (row.orgId !== orgId) throw new AppError('FORBIDDEN', 'Only the owning organisation changes an investigation\'s status.', { reason: 'NOT_OWNER' });
  const isClosed = input.status === 'closed_charged' || input.status === 'closed_no_further_action';
  if (isClosed !== (input.closedOn !== null) || (input.closedOn !== null && input.closedOn < row.openedOn)) {
    throw new AppError('VALIDATION_FAILED', 'A closed investigation needs a closing date on or after its opening date; an open or suspended one has none.', {
      issues: [{ path: 'body.closedOn', message: isClosed ? `Required, on or after ${row.openedOn}` : 'Must be empty unless the investigation is closed' }],
    });
  }
  const updated = await ctx.db.updateTable('investigations').set({ status: input.status, closedOn: input.closedOn, version: row.version + 1 })
    .where('id', '=', investigationId).where('version', '=', input.expectedVersion).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'The investigation changed meanwhile. Reload it.', { reason: 'VERSION_CONFLICT' });
  await ctx.audit.record('investigation.statusChanged', { orgId, subjectType: 'investigation', subjectId: investigationId, metadata: { investigationId, from: row.status, to: input.status } });
  return investigationId;
}

export async function addCooperationRequest(ctx: TCtx, orgId: string, investigationId: string, input: z.infer<typeof ZCooperationRequest>): Promise<string> {
  const { row } = await requireVisibleInvestigation(ctx, orgId, investigationId, 'investigation.manage');
  await ctx.db.insertInto('cooperationRequests').values({ orgId: row.orgId, investigationId, ...input }).execute();
  await ctx.audit.record('cooperation.requested', { orgId: row.orgId, subjectType: 'investigation', subjectId: investigationId, metadata: { investigationId, kind: input.kind, country: input.country } });
  return investigationId;
}

export async function addSuspect(ctx: TCtx, orgId: string, investigationId: string, input: z.infer<typeof ZAddSuspect>): Promise<string> {
  const { row } = await requireVisibleInvestigation(ctx, orgId, investigationId, 'investigation.manage');
  const suspectId = randomUUID();
  const sealed = await sealIdentity(ctx.keyring, ctx.db, row.orgId, suspectId, input.identity, ctx.now());
  await ctx.db.insertInto('suspects').values({
    orgId: row.orgId, id: suspectId, investigationId, ...sealed, role: input.role, sex: input.sex, ageBand: input.ageBand,
    citizenship: input.citizenship, identifiedOn: input.identifiedOn, createdAt: ctx.now(),
  }).execute();
  await ctx.audit.record('suspect.added', { orgId: row.orgId, subjectType: 'suspect', subjectId: suspectId, metadata: { investigationId, suspectId, role: input.role } });
  return investigationId;
}

/** Charges, prosecutions, court decisions and sentences are the prosecution's (or the investigators') record. */
function assertMayProsecute(ctx: TCtx, orgId: string): void {
  if (!can(ctx.actor, orgId, 'prosecution.manage') && !can(ctx.actor, orgId, 'investigation.manage')) {
    throw new AppError('FORBIDDEN', 'You may not record prosecution steps.', { reason: 'MISSING_PERMISSION', permission: 'prosecution.manage' });
  }
}

export async function fileCharge(ctx: TCtx, orgId: string, suspectId: string, input: z.infer<typeof ZCharge>): Promise<string> {
  const { investigation } = await requireVisibleSuspect(ctx, orgId, suspectId, 'investigation.read');
  assertMayProsecute(ctx, orgId);
  const row = await ctx.db.insertInto('charges').values({ orgId: investigation.orgId, suspectId, ...input }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('charge.filed', { orgId: investigation.orgId, subjectType: 'charge', subjectId: row.id, metadata: { suspectId, chargeId: row.id, offenceCategory: input.offenceCategory } });
  return investigation.id;
}

export async function startProsecution(ctx: TCtx, orgId: string, suspectId: string, input: z.infer<typeof ZProsecution>): Promise<string> {
  const { investigation } = await requireVisibleSuspect(ctx, orgId, suspectId, 'investigation.read');
  assertMayProsecute(ctx, orgId);
  const row = await ctx.db.insertInto('prosecutions').values({ orgId: investigation.orgId, suspectId, ...input }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('prosecution.started', { orgId: investigation.orgId, subjectType: 'prosecution', subjectId: row.id, metadata: { suspectId, prosecutionId: row.id } });
  return investigation.id;
}

export async function recordCourtDecision(ctx: TCtx, orgId: string, chargeId: string, input: z.infer<typeof ZCourtDecision>): Promise<string> {
  const { investigation } = await requireVisibleCharge(ctx, orgId, chargeId, 'investigation.read');
  assertMayProsecute(ctx, orgId);
  const row = await ctx.db.insertInto('courtDecisions').values({ orgId: investigation.orgId, chargeId, ...input }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('courtDecision.recorded', { orgId: investigation.orgId, subjectType: 'charge', subjectId: chargeId, metadata: { chargeId, decisionId: row.id, outcome: input.outcome, isAppeal: input.isAppeal } });
  return investigation.id;
}

export async function recordSentence(ctx: TCtx, orgId: string, suspectId: string, input: z.infer<typeof ZSentence>): Promise<string> {
  const { investigation } = await requireVisibleSuspect(ctx, orgId, suspectId, 'investigation.read');
  assertMayProsecute(ctx, orgId);
  const row = await ctx.db.insertInto('sentences').values({ orgId: investigation.orgId, suspectId, ...input }).returning('id').executeTakeFirstOrThrow();
  const isCustodial = (input.custodialMonths ?? 0) > 0 && !input.isSuspended;
  await ctx.audit.record('sentence.recorded', { orgId: investigation.orgId, subjectType: 'sentence', subjectId: row.id, metadata: { suspectId, sentenceId: row.id, isCustodial } });
  return investigation.id;
}

export async function recordConfiscation(ctx: TCtx, orgId: string, investigationId: string, input: z.infer<typeof ZConfiscation>): Promise<string> {
  const { row } = await requireVisibleInvestigation(ctx, orgId, investigationId, 'investigation.read');
  assertMayProsecute(ctx, orgId);
  if (input.suspectId !== null) {
    // The suspect must be one of this investigation's: an unknown id would otherwise fail on the foreign key.
    const suspect = await ctx.db.selectFrom('suspects').select('id').where('id', '=', input.suspectId).where('investigationId', '=', investigationId).executeTakeFirst();
    if (!suspect) throw new AppError('NOT_FOUND', 'Suspect not found in this investigation.');
  }
  const inserted = await ctx.db.insertInto('confiscations').values({ orgId: row.orgId, investigationId, ...input }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('confiscation.recorded', { orgId: row.orgId, subjectType: 'investigation', subjectId: investigationId, metadata: { investigationId, confiscationId: inserted.id, kind: input.kind } });
  return investigationId;
}

export async function recordCompensationOrder(ctx: TCtx, orgId: string, suspectId: string, input: z.infer<typeof ZCompensationOrder>): Promise<string> {
  const { investigation } = await requireVisibleSuspect(ctx, orgId, suspectId, 'investigation.read');
  assertMayProsecute(ctx, orgId);
  const row = await ctx.db.insertInto('compensationOrders').values({ orgId: investigation.orgId, suspectId, ...input }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('compensationOrder.recorded', { orgId: investigation.orgId, subjectType: 'suspect', subjectId: suspectId, metadata: { suspectId, orderId: row.id } });
  return investigation.id;
}

/**
 * Links a victim's NRM case to an investigation. The investigator must be able to see the case
 * (same organisation, or case.read in the case's organisation); afterwards each side sees only
 * that the other exists.
 */
export async function linkVictim(ctx: TCtx, orgId: string, investigationId: string, input: z.infer<typeof ZVictimLink>): Promise<string> {
  const { row } = await requireVisibleInvestigation(ctx, orgId, investigationId, 'investigation.manage');
  if (!can(ctx.actor, input.caseOrgId, 'case.read')) throw new AppError('NOT_FOUND', 'Case not found.');
  const victimCase = await ctx.db.selectFrom('cases').select('id').where('orgId', '=', input.caseOrgId).where('id', '=', input.caseId).executeTakeFirst();
  if (!victimCase) throw new AppError('NOT_FOUND', 'Case not found.');
  await ctx.db.insertInto('victimLinks').values({ orgId: row.orgId, investigationId, ...input, createdAt: ctx.now() })
    .onConflict((conflict) => conflict.columns(['investigationId', 'caseId']).doNothing()).execute();
  await ctx.audit.record('victim.linked', { orgId: row.orgId, subjectType: 'investigation', subjectId: investigationId, metadata: { investigationId, caseId: input.caseId, role: input.role } });
  await ctx.audit.record('victim.linked', { orgId: input.caseOrgId, subjectType: 'case', subjectId: input.caseId, caseId: input.caseId, metadata: { investigationId, caseId: input.caseId, role: input.role } });
  return investigationId;
}
