import { AppError } from '../../../core/errors/app-error.ts';
import { normaliseAmount, subtractAmounts, sumAmounts } from '../../../core/protection/money.ts';
import { assertClaimTransition, AWARDABLE_STATUSES, CLAIM_TRANSITIONS, PAYABLE_STATUSES, type TClaimStatus } from '../../../core/protection/remedies.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import type { TRemedyClaimRow } from '../../db/schema/protection.ts';
import { getCaseRow } from '../cases/cases.repo.ts';
import type { TClaimView, TMoneyEntry, TOpenClaim } from './remedies.schemas.ts';

/** Opens a compensation claim on the case. @throws NOT_FOUND, FORBIDDEN (plan.manage) */
export async function openClaim(ctx: TCtx, orgId: string, caseId: string, input: TOpenClaim): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'plan.manage');
  await getCaseRow(ctx.db, orgId, caseId);
  const now = ctx.now();
  const row = await ctx.db.insertInto('remedyClaims').values({
    orgId, caseId, ...input, version: 1, createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, createdAt: now, updatedAt: now,
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('remedy.claimOpened', { orgId, subjectType: 'remedyClaim', subjectId: row.id, caseId, metadata: { claimId: row.id, kind: input.kind, status: input.status, currency: input.currency } });
  return row.id;
}

async function getClaimForUpdate(ctx: TCtx, orgId: string, claimId: string): Promise<TRemedyClaimRow> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'plan.manage');
  const claim = await ctx.db.selectFrom('remedyClaims').selectAll().where('orgId', '=', orgId).where('id', '=', claimId).forUpdate().executeTakeFirst();
  if (!claim) throw new AppError('NOT_FOUND', 'Claim not found.');
  return claim;
}

/**
 * Moves a claim along (filed, rejected, withdrawn, closed); `awarded` comes only with an award.
 * @throws NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, CONFLICT (VERSION_CONFLICT), VALIDATION_FAILED (filing date)
 */
export async function changeClaimStatus(ctx: TCtx, orgId: string, claimId: string, input: { status: TClaimStatus; filedOn: string | null; expectedVersion: number }): Promise<string> {
  const claim = await getClaimForUpdate(ctx, orgId, claimId);
  if (claim.version !== input.expectedVersion) throw new AppError('CONFLICT', 'The claim changed meanwhile. Reload it and try again.', { reason: 'VERSION_CONFLICT' });
  const from = claim.status as TClaimStatus;
  assertClaimTransition(from, input.status);
  if (input.status === 'filed' && input.filedOn === null) throw new AppError('VALIDATION_FAILED', 'A filed claim has a filing date.', { issues: [{ path: 'body.filedOn', message: 'Required when filing' }] });
  await ctx.db.updateTable('remedyClaims').set({
    status: input.status, ...(input.status === 'filed' ? { filedOn: input.filedOn! } : {}), version: claim.version + 1, updatedAt: ctx.now(),
  }).where('id', '=', claimId).execute();
  await ctx.audit.record('remedy.statusChanged', { orgId, subjectType: 'remedyClaim', subjectId: claimId, caseId: claim.caseId, metadata: { claimId, from, to: input.status } });
  return claim.caseId;
}

/**
 * Records an award (moving a filed claim to awarded) or a payment actually received (after an
 * award), in the claim's currency.
 * @throws NOT_FOUND, FORBIDDEN, INVALID_TRANSITION (AWARD_NOT_ALLOWED, PAYMENT_BEFORE_AWARD),
 *   DOMAIN_RULE_VIOLATED (CURRENCY_MISMATCH)
 */
export async function recordMoneyEntry(ctx: TCtx, orgId: string, claimId: string, kind: 'award' | 'payment', input: TMoneyEntry): Promise<string> {
  const claim = await getClaimForUpdate(ctx, orgId, claimId);
  const status = claim.status as TClaimStatus;
  if (kind === 'award' && !AWARDABLE_STATUSES.includes(status)) throw new AppError('INVALID_TRANSITION', 'Awards are recorded on a filed claim.', { reason: 'AWARD_NOT_ALLOWED', from: status });
  if (kind === 'payment' && !PAYABLE_STATUSES.includes(status)) throw new AppError('INVALID_TRANSITION', 'Payments follow an award.', { reason: 'PAYMENT_BEFORE_AWARD', from: status });
  if (input.currency !== claim.currency) throw new AppError('DOMAIN_RULE_VIOLATED', `This claim is in ${claim.currency}.`, { reason: 'CURRENCY_MISMATCH' });
  const now = ctx.now();
  const entry = await ctx.db.insertInto('remedyEntries').values({
    orgId, claimId, kind, amount: input.amount, currency: input.currency, payer: input.payer, occurredOn: input.occurredOn,
    recordedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, recordedAt: now,
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.updateTable('remedyClaims').set({ ...(kind === 'award' && status === 'filed' ? { status: 'awarded' } : {}), version: claim.version + 1, updatedAt: now }).where('id', '=', claimId).execute();
  const metadata = { claimId, entryId: entry.id, amount: input.amount, currency: input.currency, payer: input.payer };
  await ctx.audit.record(kind === 'award' ? 'remedy.awardRecorded' : 'remedy.paymentRecorded', { orgId, subjectType: 'remedyClaim', subjectId: claimId, caseId: claim.caseId, metadata });
  if (kind === 'award' && status === 'filed') await ctx.audit.record('remedy.statusChanged', { orgId, subjectType: 'remedyClaim', subjectId: claimId, caseId: claim.caseId, metadata: { claimId, from: status, to: 'awarded' } });
  return claim.caseId;
}

/** The case's claims with their awards, payments and what is still owed. */
export async function findClaims(ctx: TCtx, orgId: string, caseId: string): Promise<TClaimView[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.read');
  await getCaseRow(ctx.db, orgId, caseId);
  const claims = await ctx.db.selectFrom('remedyClaims').selectAll().where('orgId', '=', orgId).where('caseId', '=', caseId).orderBy('createdAt').orderBy('id').execute();
  const entries = claims.length === 0 ? [] : await ctx.db.selectFrom('remedyEntries').selectAll().where('claimId', 'in', claims.map((c) => c.id)).orderBy('occurredOn').orderBy('recordedAt').orderBy('id').execute();
  return claims.map((claim) => {
    const own = entries.filter((e) => e.claimId === claim.id);
    const sum = (kind: string) => sumAmounts(own.filter((e) => e.kind === kind).map((e) => e.amount), claim.currency);
    const awarded = sum('award');
    const received = sum('payment');
    const status = claim.status as TClaimStatus;
    return {
      id: claim.id, caseId, kind: claim.kind as TClaimView['kind'], status, forum: claim.forum, currency: claim.currency,
      amountClaimed: claim.amountClaimed === null ? null : normaliseAmount(claim.amountClaimed, claim.currency),
      unpaidWagesClaimed: claim.unpaidWagesClaimed === null ? null : normaliseAmount(claim.unpaidWagesClaimed, claim.currency),
      filedOn: claim.filedOn,
      entries: own.map((e) => ({ id: e.id, kind: e.kind as 'award' | 'payment', amount: normaliseAmount(e.amount, e.currency), currency: e.currency, payer: e.payer, occurredOn: e.occurredOn, recordedAt: e.recordedAt.toISOString() })),
      totals: { awarded, received, outstanding: subtractAmounts(awarded, received, claim.currency) },
      allowedStatuses: CLAIM_TRANSITIONS[status].filter((to) => to !== 'awarded'),
      version: claim.version,
      createdAt: claim.createdAt.toISOString(),
    };
  });
}
