import { sql } from 'kysely';
import type { TCaseStatus } from '../../../../core/nrm/case-status.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeCaseRead } from '../../emergency-access/case-read-access.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { can } from '../../../authz/policy.ts';
import { presentCaseSummary, deadlineState } from '../cases.presenter.ts';
import type { TCaseSummary } from '../cases.schemas.ts';
import { getOrganisationProfile } from '../jurisdiction.ts';
import { displayNameOf, openIdentity, searchTokens } from '../person-identity.ts';
import { keepsAccessAfterTransfer } from '../../case-transfers/transfer-access.ts';

export interface TFindCasesInput {
  status?: TCaseStatus | undefined;
  /** Name search through the blind index (needs person.readIdentity). */
  q?: string | undefined;
  overdue?: boolean | undefined;
  limit: number;
}

/**
 * The organisation's cases, newest first. Names are shown (and the listing audited) only to
 * holders of person.readIdentity; searching by name needs the same permission.
 */
export async function findCases(ctx: TCtx, orgId: string, input: TFindCasesInput): Promise<TCaseSummary[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.read');
  const mayReadIdentity = can(ctx.actor, orgId, 'person.readIdentity');
  const now = ctx.now();
  let query = ctx.db.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.personId')
    .select(['cases.id', 'cases.orgId', 'cases.reference', 'cases.status', 'cases.isChild', 'cases.updatedAt', 'cases.transferredToOrgId', 'cases.transferredFromOrgId',
      'persons.id as personId', 'persons.identityCiphertext', 'persons.keyVersion', 'persons.sex', 'persons.ageYears', 'persons.citizenship'])
    .where('cases.orgId', '=', orgId)
    // id breaks ties, so cases changed in the same instant keep one order from read to read.
    .orderBy('cases.updatedAt', 'desc')
    .orderBy('cases.id')
    .limit(input.limit);
  if (input.status) query = query.where('cases.status', '=', input.status);
  if (input.q && mayReadIdentity) {
    const tokenLists = await searchTokens(ctx.keyring, ctx.db, orgId, input.q, now);
    if (tokenLists.length === 0) return [];
    query = query.where(sql<boolean>`(${sql.join(tokenLists.map((tokens) => sql`persons.name_index @> ${sql.val(tokens)}::text[]`), sql` or `)})`);
  }
  if (input.overdue) {
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('deadlines').select('deadlines.id')
      .whereRef('deadlines.caseId', '=', 'cases.id')
      .where((eb) => eb.or([eb('deadlines.status', '=', 'breached'), eb.and([eb('deadlines.status', '=', 'open'), eb('deadlines.dueAt', '<', now)])]))
      .where('deadlines.kind', '=', 'rg_decision')));
  }
  const rows = await query.execute();
  const deadlines = rows.length === 0 ? [] : await ctx.db.selectFrom('deadlines').select(['caseId', 'kind', 'dueAt', 'status'])
    .where('orgId', '=', orgId).where('caseId', 'in', rows.map((row) => row.id)).where('status', '=', 'open').orderBy('dueAt').execute();
  const profile = await getOrganisationProfile(ctx.db, orgId);
  const summaries: TCaseSummary[] = [];
  for (const row of rows) {
    // A case handed over without kept access is listed (it was ours) but nameless.
    const readable = mayReadIdentity && await keepsAccessAfterTransfer(ctx.db, row);
    const identity = readable ? await openIdentity(ctx.keyring, ctx.db, { orgId, id: row.personId, identityCiphertext: row.identityCiphertext, keyVersion: row.keyVersion }) : null;
    const next = deadlines.find((d) => d.caseId === row.id);
    summaries.push(presentCaseSummary(row, row, identity ? displayNameOf(identity) : null,
      next ? { kind: next.kind, dueAt: next.dueAt.toISOString(), state: deadlineState(profile, next, now) } : null));
  }
  if (mayReadIdentity && summaries.length > 0) {
    await ctx.audit.record('person.identitiesListed', { orgId, subjectType: 'case-list', metadata: { count: summaries.length, searched: Boolean(input.q) } });
  }
  return summaries;
}

/** The case's history from the audit log, newest first. */
export async function caseTimeline(ctx: TCtx, orgId: string, caseId: string) {
  await authorizeCaseRead(ctx, orgId, caseId, 'timeline');
  const exists = await ctx.db.selectFrom('cases').select('id').where('orgId', '=', orgId).where('id', '=', caseId).executeTakeFirst();
  if (!exists) return null;
  const rows = await ctx.db.selectFrom('auditEvents').select(['seq', 'action', 'actorLabel', 'createdAt', 'metadata'])
    .where('orgId', '=', orgId).where('caseId', '=', caseId).orderBy('seq', 'desc').limit(500).execute();
  return rows.map((row) => ({ seq: row.seq, action: row.action, actorLabel: row.actorLabel, createdAt: row.createdAt.toISOString(), metadata: row.metadata as Record<string, unknown> }));
}
