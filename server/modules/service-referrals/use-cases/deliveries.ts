import { AppError } from '../../../../core/errors/app-error.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import type { TDb, TTx } from '../../../db/database.ts';
import { getCaseRow } from '../../cases/cases.repo.ts';
import { assertSide, requireVisibleReferral } from '../referral-access.ts';
import type { TDeliveryInput, TDeliveryView } from '../service-referrals.schemas.ts';

/** Deliveries, with who delivered them and for which organisation; no free text exists to leak. */
export async function findDeliveries(db: TDb | TTx, where: { caseId?: string; referralId?: string }): Promise<TDeliveryView[]> {
  let query = db.selectFrom('serviceDeliveries')
    .innerJoin('organisations', 'organisations.id', 'serviceDeliveries.orgId')
    .leftJoin('users', 'users.id', 'serviceDeliveries.deliveredBy')
    .selectAll('serviceDeliveries').select(['organisations.name as orgName', 'users.displayName'])
    // id last: deliveries recorded in the same instant keep one order from read to read.
    .orderBy('serviceDeliveries.deliveredOn').orderBy('serviceDeliveries.recordedAt').orderBy('serviceDeliveries.id');
  if (where.caseId) query = query.where('serviceDeliveries.caseId', '=', where.caseId);
  if (where.referralId) query = query.where('serviceDeliveries.referralId', '=', where.referralId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id, serviceKind: row.serviceKind, serviceId: row.serviceId, referralId: row.referralId, deliveredOn: row.deliveredOn, quantity: Number(row.quantity),
    unit: row.unit, language: row.language, interpreterUsed: row.interpreterUsed,
    deliveredBy: row.deliveredBy ? { userId: row.deliveredBy, displayName: row.displayName ?? '' } : null,
    organisation: { id: row.orgId, name: row.orgName }, recordedAt: row.recordedAt.toISOString(),
  }));
}

async function insertDelivery(ctx: TCtx, values: { orgId: string; caseOrgId: string; caseId: string; referralId: string | null; serviceId: string | null }, input: TDeliveryInput): Promise<string> {
  const row = await ctx.db.insertInto('serviceDeliveries').values({
    ...values, serviceKind: input.serviceKind, deliveredOn: input.deliveredOn, quantity: input.quantity, unit: input.unit, language: input.language,
    interpreterUsed: input.interpreterUsed, deliveredBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, recordedAt: ctx.now(),
  }).returning('id').executeTakeFirstOrThrow();
  const metadata = { deliveryId: row.id, serviceKind: input.serviceKind, referralId: values.referralId, recordedByOrgId: values.orgId };
  await ctx.audit.record('serviceDelivery.recorded', { orgId: values.caseOrgId, subjectType: 'serviceDelivery', subjectId: row.id, caseId: values.caseId, metadata });
  if (values.orgId !== values.caseOrgId) await ctx.audit.record('serviceDelivery.recorded', { orgId: values.orgId, subjectType: 'serviceDelivery', subjectId: row.id, metadata });
  return row.id;
}

/**
 * The receiving organisation logs what it provided under an accepted referral.
 * @throws NOT_FOUND, FORBIDDEN (NOT_RECEIVER), INVALID_TRANSITION (REFERRAL_NOT_ACCEPTED)
 */
export async function recordReferralDelivery(ctx: TCtx, viewerOrgId: string, referralId: string, input: TDeliveryInput): Promise<string> {
  const { row, side } = await requireVisibleReferral(ctx, viewerOrgId, referralId);
  assertSide(side, 'complete');
  if (row.status !== 'accepted') throw new AppError('INVALID_TRANSITION', 'Deliveries are recorded on an accepted referral.', { reason: 'REFERRAL_NOT_ACCEPTED', from: row.status });
  await insertDelivery(ctx, { orgId: viewerOrgId, caseOrgId: row.orgId, caseId: row.caseId, referralId, serviceId: row.serviceId }, input);
  return referralId;
}

/**
 * The case-owning organisation logs what it provided itself (optionally one of its own directory services).
 * @throws NOT_FOUND, FORBIDDEN (plan.manage), INVALID_TRANSITION (CASE_CLOSED), VALIDATION_FAILED (service)
 */
export async function recordCaseDelivery(ctx: TCtx, orgId: string, caseId: string, input: TDeliveryInput & { serviceId: string | null }): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'plan.manage');
  const caseRow = await getCaseRow(ctx.db, orgId, caseId);
  if (caseRow.status === 'closed') throw new AppError('INVALID_TRANSITION', 'The case is closed.', { reason: 'CASE_CLOSED' });
  if (input.serviceId) {
    const own = await ctx.db.selectFrom('directoryServices').select('id').where('orgId', '=', orgId).where('id', '=', input.serviceId).executeTakeFirst();
    if (!own) throw new AppError('VALIDATION_FAILED', 'Unknown service.', { issues: [{ path: 'body.serviceId', message: 'Not a service of this organisation' }] });
  }
  return insertDelivery(ctx, { orgId, caseOrgId: orgId, caseId, referralId: null, serviceId: input.serviceId }, input);
}

/** Everything provided to the person of this case, by this organisation and by those it referred to. */
export async function findCaseDeliveries(ctx: TCtx, orgId: string, caseId: string): Promise<TDeliveryView[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.read');
  await getCaseRow(ctx.db, orgId, caseId);
  return findDeliveries(ctx.db, { caseId });
}
