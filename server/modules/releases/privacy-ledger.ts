/**
 * The privacy budget ledger of each dataset, persisted: one `privacy_budgets` row per CTDC import
 * run (its lifetime ε and δ) and one append-only `privacy_budget_spends` row per differentially
 * private release. The arithmetic and the refusal are core/disclosure's `spendPrivacyBudget`
 * (exact rationals, basic sequential composition, applied to ε and to δ alike). Publication
 * locks the budget rows it spends on (`for update`, in a fixed order), so two releases published
 * at the same time cannot both pass the check on PostgreSQL.
 */
import { sql } from 'kysely';
import { AppError } from '../../../core/errors/app-error.ts';
import { addRational, formatRational, rational, spendPrivacyBudget, subtractRational, toRational, type TRational } from '../../../core/disclosure/index.ts';
import type { TDb, TTx } from '../../db/database.ts';
import type { TDpMechanism } from './releases.schemas.ts';

/** A dataset's budget until a coordinator sets another before the first spend. */
export const DEFAULT_PRIVACY_BUDGET = { totalEpsilon: '1', totalDelta: '1/100000' } as const;

export interface TBudgetRow {
  id: string;
  importRunId: string;
  totalEpsilon: string;
  totalDelta: string;
}

export interface TSpendRow {
  budgetId: string;
  releaseId: string;
  mechanism: string;
  epsilon: string;
  delta: string;
  spentAt: Date;
}

export interface TPlannedSpend {
  releaseId: string;
  mechanism: TDpMechanism;
  epsilon: TRational;
  /** 0 for pure ε-DP. */
  delta: TRational;
}

/** Creates the budget row of each run if missing (default totals), then locks them all, in run order. */
export async function lockBudgets(tx: TTx, orgId: string, runIds: readonly string[], now: Date): Promise<TBudgetRow[]> {
  const sorted = [...new Set(runIds)].sort();
  for (const runId of sorted) {
    await sql`insert into privacy_budgets (org_id, dataset_kind, import_run_id, total_epsilon, total_delta, created_at)
      values (${orgId}, 'ctdcImport', ${runId}, ${DEFAULT_PRIVACY_BUDGET.totalEpsilon}, ${DEFAULT_PRIVACY_BUDGET.totalDelta}, ${now})
      on conflict (org_id, import_run_id) where import_run_id is not null do nothing`.execute(tx);
  }
  const rows = await tx.selectFrom('privacyBudgets').select(['id', 'importRunId', 'totalEpsilon', 'totalDelta'])
    .where('orgId', '=', orgId).where('importRunId', 'in', sorted).orderBy('importRunId').forUpdate().execute();
  return rows.map((r) => ({ ...r, importRunId: r.importRunId! }));
}

export function findSpends(db: TDb | TTx, orgId: string, budgetIds: readonly string[]): Promise<TSpendRow[]> {
  if (budgetIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('privacyBudgetSpends').select(['budgetId', 'releaseId', 'mechanism', 'epsilon', 'delta', 'spentAt'])
    .where('orgId', '=', orgId).where('budgetId', 'in', [...budgetIds]).orderBy('spentAt').orderBy('releaseId').execute();
}

/**
 * Checks one dataset's ledger for a new spend with core/disclosure's rules; refuses with the
 * dataset named. ε and δ are separate ledgers (basic composition adds each).
 * @throws DOMAIN_RULE_VIOLATED (PRIVACY_BUDGET_EXCEEDED, details: parameter, datasetId, totals), CONFLICT (DUPLICATE_RELEASE)
 */
export function checkSpend(budget: Pick<TBudgetRow, 'importRunId' | 'totalEpsilon' | 'totalDelta'>, spends: readonly TSpendRow[], planned: TPlannedSpend): void {
  const ledgers = [
    { parameter: 'epsilon', total: budget.totalEpsilon, amount: planned.epsilon, previous: spends.map((s) => ({ releaseId: s.releaseId, epsilon: s.epsilon })) },
    { parameter: 'delta', total: budget.totalDelta, amount: planned.delta, previous: spends.filter((s) => toRational(s.delta).num > 0n).map((s) => ({ releaseId: s.releaseId, epsilon: s.delta })) },
  ];
  for (const ledger of ledgers) {
    if (ledger.amount.num === 0n) continue;
    try {
      spendPrivacyBudget({ totalEpsilon: ledger.total, spends: ledger.previous, request: { releaseId: planned.releaseId, epsilon: formatRational(ledger.amount) } });
    } catch (error) {
      if (error instanceof AppError && error.details.reason === 'PRIVACY_BUDGET_EXCEEDED') {
        const d = error.details;
        throw new AppError('DOMAIN_RULE_VIOLATED', `This release would spend more ${ledger.parameter === 'epsilon' ? 'ε' : 'δ'} than dataset ${budget.importRunId} has left.`, {
          reason: 'PRIVACY_BUDGET_EXCEEDED', parameter: ledger.parameter, datasetId: budget.importRunId,
          total: d.totalEpsilon, spent: d.spentEpsilon, requested: d.requestedEpsilon, remaining: d.remainingEpsilon,
        });
      }
      throw error;
    }
  }
}

/** Records the spend on every locked budget (after {@link checkSpend} passed for each). */
export async function recordSpends(tx: TTx, orgId: string, budgets: readonly TBudgetRow[], planned: TPlannedSpend, now: Date): Promise<void> {
  for (const budget of budgets) {
    await tx.insertInto('privacyBudgetSpends').values({
      orgId, budgetId: budget.id, releaseId: planned.releaseId, mechanism: planned.mechanism,
      epsilon: formatRational(planned.epsilon), delta: formatRational(planned.delta), spentAt: now,
    }).execute();
  }
}

/** Checks a planned spend against current ledgers without locking or writing (preparation). */
export async function preflightSpend(db: TDb | TTx, orgId: string, runIds: readonly string[], planned: TPlannedSpend): Promise<void> {
  const budgets = await db.selectFrom('privacyBudgets').select(['id', 'importRunId', 'totalEpsilon', 'totalDelta']).where('orgId', '=', orgId).where('importRunId', 'in', [...runIds]).execute();
  const spends = await findSpends(db, orgId, budgets.map((b) => b.id));
  for (const runId of runIds) {
    const budget = budgets.find((b) => b.importRunId === runId);
    checkSpend(budget ? { ...budget, importRunId: runId } : { importRunId: runId, ...DEFAULT_PRIVACY_BUDGET }, spends.filter((s) => s.budgetId === budget?.id), planned);
  }
}

const sum = (values: readonly string[]): TRational => values.reduce<TRational>((a, v) => addRational(a, toRational(v)), rational(0n));

/** A ledger as shown to people: totals, what is spent and left, every spend. */
export function summariseBudget(budget: { totalEpsilon: string; totalDelta: string }, spends: readonly TSpendRow[]) {
  const spentEpsilon = sum(spends.map((s) => s.epsilon));
  const spentDelta = sum(spends.map((s) => s.delta));
  return {
    totalEpsilon: budget.totalEpsilon,
    totalDelta: budget.totalDelta,
    spentEpsilon: formatRational(spentEpsilon),
    spentDelta: formatRational(spentDelta),
    remainingEpsilon: formatRational(subtractRational(toRational(budget.totalEpsilon), spentEpsilon)),
    remainingDelta: formatRational(subtractRational(toRational(budget.totalDelta), spentDelta)),
  };
}
