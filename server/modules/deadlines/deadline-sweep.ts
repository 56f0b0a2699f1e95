import type { TCtx } from '../../context.ts';

/** At most this many deadlines per sweep run; the next run takes the rest. */
export const SWEEP_BATCH_SIZE = 500;

export interface TSweepResult {
  breached: number;
  elapsed: number;
}

/**
 * Marks due deadlines: a decision deadline that passed is `breached`, a recovery period that
 * ended is `elapsed`. Each row is claimed with a conditional update, so concurrent or repeated
 * sweeps change nothing twice and write each audit event once.
 */
export async function sweepDeadlines(ctx: TCtx): Promise<TSweepResult> {
  const now = ctx.now();
  const due = await ctx.db.selectFrom('deadlines').select(['id', 'orgId', 'caseId', 'kind', 'dueAt'])
    .where('status', '=', 'open').where('dueAt', '<=', now).orderBy('dueAt').limit(SWEEP_BATCH_SIZE).execute();
  const result: TSweepResult = { breached: 0, elapsed: 0 };
  for (const deadline of due) {
    const isDecision = deadline.kind === 'rg_decision';
    const claimed = await ctx.db.updateTable('deadlines')
      .set(isDecision ? { status: 'breached', breachedAt: now } : { status: 'elapsed', closedAt: now })
      .where('id', '=', deadline.id).where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const metadata = { deadlineId: deadline.id, kind: deadline.kind, dueAt: deadline.dueAt.toISOString() };
    const entry = { orgId: deadline.orgId, subjectType: 'deadline', subjectId: deadline.id, caseId: deadline.caseId, metadata };
    if (isDecision) {
      await ctx.audit.record('deadline.breached', entry);
      result.breached += 1;
    } else {
      await ctx.audit.record('deadline.elapsed', entry);
      result.elapsed += 1;
    }
  }
  return result;
}
