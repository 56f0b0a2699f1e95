import { AppError, type TErrorIssue } from '../../../../core/errors/app-error.ts';
import { compareRational, rational, toRational, type TRational } from '../../../../core/disclosure/index.ts';
import type { TActor, TCtx } from '../../../context.ts';
import type { TDb } from '../../../db/database.ts';
import { requireUser } from '../../../authz/policy.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import type { TTableProtector } from '../../stats/table-protector.ts';
import { preflightSpend } from '../privacy-ledger.ts';
import { anonymise, loadCtdcRecords, summariseAnonymisation } from '../record-level.ts';
import { computeProtectedTable, layoutDpTables, planDpNoise, resolveReleaseTables } from '../release-tables.ts';
import { findStoredRuns, insertRelease, type TNewRelease } from '../releases.repo.ts';
import type { TPrepareReleaseRequest, TReleaseResult, TTableDisclosure } from '../releases.schemas.ts';

/** Largest ε one release may ask for, and the δ range of the discrete Gaussian. */
export const DP_LIMITS = { maxEpsilon: rational(10n), maxDelta: rational(1n, 1000n) } as const;

/**
 * The import runs a release counts: the ones asked for (each must be a stored import of the
 * organisation), or every stored import, fixed now so the release can be reproduced.
 * @throws VALIDATION_FAILED (UNKNOWN_DATASET, every bad id listed), DOMAIN_RULE_VIOLATED (NO_DATASET)
 */
export async function resolveDatasets(db: TDb, orgId: string, requested: readonly string[] | undefined): Promise<string[]> {
  const stored = await findStoredRuns(db, orgId);
  const ids = new Set(stored.map((r) => r.id));
  if (!requested) {
    if (stored.length === 0) throw new AppError('DOMAIN_RULE_VIOLATED', 'Import a dataset before preparing a release.', { reason: 'NO_DATASET' });
    return [...ids].sort();
  }
  const issues: TErrorIssue[] = requested.flatMap((id, i) => (ids.has(id) ? [] : [{ path: `body.datasets.${i}`, message: 'not a stored import of this organisation' }]));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'A dataset of the release is unknown.', { reason: 'UNKNOWN_DATASET', issues });
  return [...new Set(requested)].sort();
}

/** ε and δ of a DP request, checked. @throws VALIDATION_FAILED listing every problem */
export function readPrivacyParameters(disclosure: Extract<TTableDisclosure, { method: 'differentialPrivacy' }>): { epsilon: TRational; delta: TRational | null } {
  const issues: TErrorIssue[] = [];
  const epsilon = toRational(disclosure.epsilon);
  if (epsilon.num <= 0n || compareRational(epsilon, DP_LIMITS.maxEpsilon) > 0) issues.push({ path: 'body.disclosure.epsilon', message: 'must be greater than 0 and at most 10' });
  let delta: TRational | null = null;
  if (disclosure.mechanism === 'discreteLaplace' && disclosure.delta !== undefined) issues.push({ path: 'body.disclosure.delta', message: 'the discrete Laplace mechanism spends no δ: leave it out' });
  if (disclosure.mechanism === 'discreteGaussian') {
    if (disclosure.delta === undefined) issues.push({ path: 'body.disclosure.delta', message: 'required for the discrete Gaussian' });
    else {
      delta = toRational(disclosure.delta);
      if (delta.num <= 0n || compareRational(delta, DP_LIMITS.maxDelta) > 0) issues.push({ path: 'body.disclosure.delta', message: 'must be greater than 0 and at most 0.001' });
    }
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid privacy parameters.', { reason: 'INVALID_PRIVACY_PARAMETERS', issues });
  return { epsilon, delta };
}

export interface TPreparedRelease extends Omit<TNewRelease, 'orgId' | 'preparedBy' | 'preparedAt'> {
  tableCount: number;
}

/**
 * Computes what a release will publish, outside any transaction (read-only; suppression can take
 * seconds in the worker and must not hold the embedded database's one connection).
 * - suppression / rounding: the protected tables, final (the draft previews them);
 * - differential privacy: the fixed table layout; the budget is checked now and spent, with the
 *   noise drawn, only at publication — nobody sees noisy values before the budget is charged;
 * - record level: the k-anonymity search result (rows kept, information lost).
 */
export async function computeRelease(db: TDb, protector: TTableProtector, actor: TActor, orgId: string, input: TPrepareReleaseRequest): Promise<TPreparedRelease> {
  requireUser(actor);
  await authorizeInOrganisation(db, actor, orgId, 'release.prepare');
  const datasetIds = await resolveDatasets(db, orgId, input.datasets);
  const common = { title: input.title, language: input.language, datasetIds };

  if (input.kind === 'record_level') {
    const records = await loadCtdcRecords(db, orgId, datasetIds);
    const summary = summariseAnonymisation(anonymise(records, input.k, input.maxSuppressionRate), records.length, input.maxSuppressionRate);
    return {
      ...common, kind: 'record_level', tableCount: 0,
      parameters: { k: input.k, maxSuppressionRate: input.maxSuppressionRate },
      disclosureMethod: 'kAnonymity', disclosureParameters: { k: input.k, maxSuppressionRate: input.maxSuppressionRate },
      result: { kind: 'record_level', summary },
    };
  }

  const queries = resolveReleaseTables(input.tables);
  const { disclosure } = input;
  let result: TReleaseResult;
  if (disclosure.method === 'differentialPrivacy') {
    const { epsilon, delta } = readPrivacyParameters(disclosure);
    const tables = layoutDpTables(queries);
    const plan = planDpNoise(disclosure.mechanism, epsilon, delta, tables.length);
    await preflightSpend(db, orgId, datasetIds, { releaseId: 'preflight', mechanism: disclosure.mechanism, epsilon: plan.epsilonSpent, delta: plan.deltaSpent });
    result = { kind: 'tables', tables };
  } else {
    const tables = [];
    for (const query of queries) tables.push(await computeProtectedTable(db, orgId, query, datasetIds, disclosure, protector));
    result = { kind: 'tables', tables };
  }
  return {
    ...common, kind: 'tables', tableCount: input.tables.length,
    parameters: { tables: input.tables },
    disclosureMethod: disclosure.method, disclosureParameters: { ...disclosure },
    result,
  };
}

/** Stores the draft and its audit row. @throws NOT_FOUND / FORBIDDEN (release.prepare) */
export async function recordPreparedRelease(ctx: TCtx, orgId: string, prepared: TPreparedRelease): Promise<string> {
  const user = requireUser(ctx.actor);
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'release.prepare');
  const { tableCount, ...release } = prepared;
  const releaseId = await insertRelease(ctx.db, { ...release, orgId, preparedBy: user.userId, preparedAt: ctx.now() });
  await ctx.audit.record('release.prepared', {
    orgId, subjectType: 'release', subjectId: releaseId,
    metadata: { releaseId, kind: release.kind, method: release.disclosureMethod, tableCount, datasetCount: release.datasetIds.length },
  });
  return releaseId;
}
