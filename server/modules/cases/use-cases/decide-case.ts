import { assertCaseTransition, isReconsideration, type TCaseStatus } from '../../../../core/nrm/case-status.ts';
import { assertDecisionAllowed, type TDecisionRecord } from '../../../../core/nrm/decisions.ts';
import { computeRecoveryPeriod } from '../../../../core/nrm/deadlines.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { sealJson } from '../../../crypto/field-encryption.ts';
import { closeOpenDeadlines, getCaseRow, updateCaseVersioned } from '../cases.repo.ts';
import { getCaseProfile } from '../jurisdiction.ts';
import { reasonsContext, reconsiderationReasonsContext } from './load-case.ts';
import { randomUUID } from 'node:crypto';

export interface TDecisionInput {
  kind: 'RG' | 'CG';
  outcome: 'positive' | 'negative';
  reasons: string[];
  authority: TDecisionRecord['decisionMaker']['authority'];
  expectedVersion: number;
}

/**
 * Records a reasonable- or conclusive-grounds decision with its reasons (encrypted), the decider,
 * the evidence standard of the case's jurisdiction profile and the time. A positive RG decision
 * starts the recovery period; a CG decision may not precede its minimum end unless the profile
 * allows it.
 * @throws INVALID_TRANSITION, DOMAIN_RULE_VIOLATED (CG_BEFORE_END_OF_RECOVERY_PERIOD), CONFLICT (VERSION_CONFLICT)
 */
export async function recordDecision(ctx: TCtx, orgId: string, caseId: string, input: TDecisionInput): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'decision.record');
  const row = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  const profile = await getCaseProfile(ctx.db, row);
  const now = ctx.now();
  const from = row.status as TCaseStatus;
  const decidedBy = ctx.actor.type === 'user' ? ctx.actor.userId : null;
  const record: TDecisionRecord = {
    kind: input.kind, outcome: input.outcome, reasons: input.reasons,
    evidenceStandard: input.kind === 'RG' ? profile.reasonableGrounds.standard : profile.conclusiveGrounds.standard,
    decisionMaker: { userId: decidedBy ?? 'system', orgId, authority: input.authority },
    decidedAt: now.toISOString(), jurisdictionProfileId: profile.id, jurisdictionProfileVersion: profile.version,
  };
  const to = assertDecisionAllowed(profile, from, record, { rgPositiveAt: row.rgPositiveAt?.toISOString() ?? null });
  const decisionId = randomUUID();
  const key = await ctx.keyring.currentKey(ctx.db, orgId, now);
  await ctx.db.insertInto('decisions').values({
    orgId, id: decisionId, caseId, kind: input.kind, outcome: input.outcome,
    reasonsCiphertext: sealJson(key.dataKey, input.reasons, reasonsContext(orgId, decisionId)), keyVersion: key.version,
    evidenceStandard: record.evidenceStandard, authority: input.authority, isReconsideration: isReconsideration(from),
    decidedBy, decidedAt: now, jurisdictionProfileId: profile.id, jurisdictionProfileVersion: profile.version,
  }).execute();
  const startsRecovery = input.kind === 'RG' && input.outcome === 'positive';
  await updateCaseVersioned(ctx.db, orgId, caseId, input.expectedVersion, { status: to, ...(startsRecovery ? { rgPositiveAt: now } : {}) }, now);
  await closeOpenDeadlines(ctx.db, orgId, caseId, input.kind === 'RG' ? ['rg_decision'] : ['recovery_period_end'], 'met', now);
  if (startsRecovery) {
    const period = computeRecoveryPeriod(profile, now.toISOString());
    await ctx.db.insertInto('deadlines').values({ orgId, caseId, kind: 'recovery_period_end', dueAt: period.earliestCgAt, status: 'open', createdAt: now }).execute();
  }
  await ctx.audit.record('decision.recorded', {
    orgId, subjectType: 'decision', subjectId: decisionId, caseId,
    metadata: { decisionId, kind: input.kind, outcome: input.outcome, isReconsideration: isReconsideration(from), from, to },
  });
}

/**
 * Asks for a negative decision to be reconsidered; the reasons are kept encrypted.
 * @throws INVALID_TRANSITION unless the case holds a negative RG or CG decision; CONFLICT
 */
export async function requestReconsideration(ctx: TCtx, orgId: string, caseId: string, input: { reasons: string[]; expectedVersion: number }): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'decision.record');
  const row = await getCaseRow(ctx.db, orgId, caseId, { forUpdate: true });
  const from = row.status as TCaseStatus;
  const kind = from === 'cg_negative' ? 'CG' : 'RG';
  const to = assertCaseTransition(from, kind === 'CG' ? 'request_cg_reconsideration' : 'request_rg_reconsideration');
  const now = ctx.now();
  const requestId = randomUUID();
  const key = await ctx.keyring.currentKey(ctx.db, orgId, now);
  await ctx.db.insertInto('reconsiderationRequests').values({
    orgId, id: requestId, caseId, decisionKind: kind,
    reasonsCiphertext: sealJson(key.dataKey, input.reasons, reconsiderationReasonsContext(orgId, requestId)), keyVersion: key.version,
    requestedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, requestedAt: now,
  }).execute();
  await updateCaseVersioned(ctx.db, orgId, caseId, input.expectedVersion, { status: to }, now);
  await ctx.audit.record('case.reconsiderationRequested', { orgId, subjectType: 'case', subjectId: caseId, caseId, metadata: { from, to } });
}
