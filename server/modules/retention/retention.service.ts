import { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { getCaseRow } from '../cases/cases.repo.ts';
import { anonymisePerson } from './anonymise-person.ts';
import type { LEGAL_HOLD_REASONS } from '../../../core/audit/catalog/retention.ts';

type TLegalHoldReason = (typeof LEGAL_HOLD_REASONS)[number];

export async function getRetentionPolicy(ctx: TCtx, orgId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.read');
  const row = await ctx.db.selectFrom('retentionPolicies').select('anonymiseAfterDays').where('orgId', '=', orgId).executeTakeFirst();
  return { anonymiseAfterDays: row?.anonymiseAfterDays ?? null };
}

export async function changeRetentionPolicy(ctx: TCtx, orgId: string, input: { anonymiseAfterDays: number | null }) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.configure');
  const now = ctx.now();
  await ctx.db.insertInto('retentionPolicies').values({ orgId, anonymiseAfterDays: input.anonymiseAfterDays, updatedAt: now })
    .onConflict((conflict) => conflict.column('orgId').doUpdateSet({ anonymiseAfterDays: input.anonymiseAfterDays, updatedAt: now })).execute();
  await ctx.audit.record('retentionPolicy.changed', { orgId, subjectType: 'organisation', subjectId: orgId, metadata: input });
  return input;
}

export async function getLegalHold(ctx: TCtx, orgId: string, caseId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.read');
  await getCaseRow(ctx.db, orgId, caseId);
  const row = await ctx.db.selectFrom('caseLegalHolds').select(['reason', 'placedAt', 'placedBy']).where('caseId', '=', caseId).executeTakeFirst();
  return row ? { reason: row.reason as TLegalHoldReason, placedAt: row.placedAt.toISOString(), placedBy: row.placedBy } : null;
}

/** @throws CONFLICT (LEGAL_HOLD_EXISTS) */
export async function placeLegalHold(ctx: TCtx, orgId: string, caseId: string, reason: TLegalHoldReason) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.legalHold');
  await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  const inserted = await ctx.db.insertInto('caseLegalHolds').values({ orgId, caseId, reason, placedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, placedAt: ctx.now() })
    .onConflict((conflict) => conflict.column('caseId').doNothing()).returning('caseId').executeTakeFirst();
  if (!inserted) throw new AppError('CONFLICT', 'The case is already on legal hold.', { reason: 'LEGAL_HOLD_EXISTS' });
  await ctx.audit.record('legalHold.placed', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { reason } });
  return getLegalHold(ctx, orgId, caseId);
}

/** @throws NOT_FOUND (NO_LEGAL_HOLD) */
export async function liftLegalHold(ctx: TCtx, orgId: string, caseId: string): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.legalHold');
  await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  const removed = await ctx.db.deleteFrom('caseLegalHolds').where('orgId', '=', orgId).where('caseId', '=', caseId).returning('reason').executeTakeFirst();
  if (!removed) throw new AppError('NOT_FOUND', 'The case is not on legal hold.', { reason: 'NO_LEGAL_HOLD' });
  await ctx.audit.record('legalHold.lifted', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { reason: removed.reason as TLegalHoldReason } });
}

/**
 * The right to erasure: the person's identifying data goes now, with the same effect as retention.
 * Only when all their cases here are closed (an open case still needs them) and none is on hold.
 * @throws FORBIDDEN (person.erase), VALIDATION_FAILED (REFERENCE_MISMATCH),
 *   DOMAIN_RULE_VIOLATED (CASE_OPEN, LEGAL_HOLD), CONFLICT (ALREADY_ANONYMISED)
 */
export async function eraseOnRequest(ctx: TCtx, orgId: string, caseId: string, confirmReference: string): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'person.erase');
  const caseRow = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  if (caseRow.reference !== confirmReference) throw new AppError('VALIDATION_FAILED', 'Type the case reference to confirm.', { reason: 'REFERENCE_MISMATCH', issues: [{ path: 'body.confirmReference', message: 'does not match the case reference' }] });
  const person = await ctx.db.selectFrom('persons').select(['id', 'anonymisedAt']).where('id', '=', caseRow.personId).forUpdate().executeTakeFirstOrThrow();
  if (person.anonymisedAt) throw new AppError('CONFLICT', 'This person\'s identifying data was already erased.', { reason: 'ALREADY_ANONYMISED' });
  const cases = await ctx.db.selectFrom('cases').leftJoin('caseLegalHolds', 'caseLegalHolds.caseId', 'cases.id')
    .select(['cases.status', 'caseLegalHolds.reason as hold']).where('cases.orgId', '=', orgId).where('cases.personId', '=', person.id).execute();
  if (cases.some((c) => c.status !== 'closed')) throw new AppError('DOMAIN_RULE_VIOLATED', 'Close every case of this person first.', { reason: 'CASE_OPEN' });
  if (cases.some((c) => c.hold !== null)) throw new AppError('DOMAIN_RULE_VIOLATED', 'A case of this person is on legal hold.', { reason: 'LEGAL_HOLD' });
  await anonymisePerson(ctx, orgId, person.id, 'erasure');
}

/** Persons whose last case closed before the cut-off, with no open case and no hold. */
export async function personsDueForAnonymisation(ctx: TCtx, orgId: string, closedBefore: Date, limit: number): Promise<string[]> {
  const rows = await ctx.db.selectFrom('persons').select('persons.id')
    .where('persons.orgId', '=', orgId).where('persons.anonymisedAt', 'is', null)
    .where(({ exists, selectFrom }) => exists(selectFrom('cases').select('cases.id').whereRef('cases.personId', '=', 'persons.id')))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('cases').select('cases.id').whereRef('cases.personId', '=', 'persons.id')
      .where((eb) => eb.or([eb('cases.status', '!=', 'closed'), eb('cases.closedAt', '>=', closedBefore), eb('cases.closedAt', 'is', null)])))))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('caseLegalHolds').innerJoin('cases', 'cases.id', 'caseLegalHolds.caseId').select('cases.id').whereRef('cases.personId', '=', 'persons.id'))))
    .orderBy('persons.id').limit(limit).execute();
  return rows.map((row) => row.id);
}

/** The anonymisation sweep for one organisation; idempotent. Returns how many persons it erased. */
export async function sweepRetention(ctx: TCtx, orgId: string, limit = 200): Promise<number> {
  const policy = await ctx.db.selectFrom('retentionPolicies').select('anonymiseAfterDays').where('orgId', '=', orgId).executeTakeFirst();
  if (!policy?.anonymiseAfterDays) return 0;
  const cutOff = new Date(ctx.now().getTime() - policy.anonymiseAfterDays * 86_400_000);
  const due = await personsDueForAnonymisation(ctx, orgId, cutOff, limit);
  for (const personId of due) await anonymisePerson(ctx, orgId, personId, 'retention');
  return due.length;
}

/** Organisations with an automatic rule, for the schedule. */
export async function organisationsWithRetention(ctx: TCtx): Promise<string[]> {
  const rows = await ctx.db.selectFrom('retentionPolicies').select('orgId').where('anonymiseAfterDays', 'is not', null).execute();
  return rows.map((row) => row.orgId);
}

