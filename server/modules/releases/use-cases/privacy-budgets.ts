import { sql } from 'kysely';
import { AppError } from '../../../../core/errors/app-error.ts';
import { formatRational, toRational } from '../../../../core/disclosure/index.ts';
import type { TActor, TCtx } from '../../../context.ts';
import type { TDb, TTx } from '../../../db/database.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { DEFAULT_PRIVACY_BUDGET, findSpends, summariseBudget } from '../privacy-ledger.ts';
import { findStoredRuns } from '../releases.repo.ts';
import type { ZPrivacyBudget } from '../releases.schemas.ts';
import type { z } from 'zod';

type TBudgetView = z.infer<typeof ZPrivacyBudget>;

/** Every stored dataset's ledger: total, spent, remaining and each spend. @throws NOT_FOUND, FORBIDDEN (stats.read) */
export async function listPrivacyBudgets(db: TDb | TTx, actor: TActor, orgId: string): Promise<TBudgetView[]> {
  await authorizeInOrganisation(db, actor, orgId, 'stats.read');
  const runs = await findStoredRuns(db, orgId);
  const budgets = await db.selectFrom('privacyBudgets').select(['id', 'importRunId', 'totalEpsilon', 'totalDelta']).where('orgId', '=', orgId).where('datasetKind', '=', 'ctdcImport').execute();
  const spends = await findSpends(db, orgId, budgets.map((b) => b.id));
  // Runs whose records were deleted keep their ledger (the spends happened).
  const runIds = [...new Set([...runs.map((r) => r.id), ...budgets.map((b) => b.importRunId!)])];
  const names = new Map((await db.selectFrom('importRuns').select(['id', 'fileName']).where('orgId', '=', orgId).where('id', 'in', runIds.length > 0 ? runIds : ['00000000-0000-0000-0000-000000000000']).execute()).map((r) => [r.id, r.fileName]));
  return runIds.map((runId) => {
    const budget = budgets.find((b) => b.importRunId === runId);
    const own = budget ? spends.filter((s) => s.budgetId === budget.id) : [];
    return {
      importRunId: runId,
      fileName: names.get(runId) ?? '',
      isConfigured: budget !== undefined,
      ...summariseBudget(budget ?? DEFAULT_PRIVACY_BUDGET, own),
      spends: own.map((s) => ({ releaseId: s.releaseId, mechanism: s.mechanism as 'discreteLaplace' | 'discreteGaussian', epsilon: s.epsilon, delta: s.delta, spentAt: s.spentAt.toISOString() })),
    };
  });
}

/**
 * Sets a dataset's lifetime budget, once, before anything is spent: a budget that could be raised
 * later would bound nothing. @throws NOT_FOUND, FORBIDDEN (release.approve), CONFLICT (BUDGET_ALREADY_SET)
 */
export async function setPrivacyBudget(ctx: TCtx, orgId: string, runId: string, input: { totalEpsilon: string; totalDelta: string }): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'release.approve');
  const run = (await findStoredRuns(ctx.db, orgId)).find((r) => r.id === runId);
  if (!run) throw new AppError('NOT_FOUND', 'Dataset not found.');
  const epsilon = toRational(input.totalEpsilon);
  const delta = toRational(input.totalDelta);
  if (epsilon.num <= 0n || delta.num < 0n || delta.num >= delta.den) {
    throw new AppError('VALIDATION_FAILED', 'Invalid budget.', { issues: [{ path: 'body', message: 'ε must be greater than 0 and δ in [0, 1)' }] });
  }
  const totals = { totalEpsilon: formatRational(epsilon), totalDelta: formatRational(delta) };
  const inserted = await sql<{ id: string }>`insert into privacy_budgets (org_id, dataset_kind, import_run_id, total_epsilon, total_delta, created_at)
    values (${orgId}, 'ctdcImport', ${runId}, ${totals.totalEpsilon}, ${totals.totalDelta}, ${ctx.now()})
    on conflict (org_id, import_run_id) where import_run_id is not null do nothing returning id`.execute(ctx.db);
  if (inserted.rows.length === 0) throw new AppError('CONFLICT', 'This dataset’s privacy budget is already set; it cannot change.', { reason: 'BUDGET_ALREADY_SET' });
  await ctx.audit.record('privacyBudget.set', { orgId, subjectType: 'import_run', subjectId: runId, metadata: { importRunId: runId, ...totals } });
}
