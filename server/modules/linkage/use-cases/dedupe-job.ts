/**
 * The within-organisation de-duplication job. Starting it (a short transaction: job row + audit)
 * is separate from running it, which happens after the start has committed and in steps, each
 * in its own short transaction: read and decrypt the register; compute in a worker thread (no
 * transaction open, so the embedded database's single connection stays free); write the
 * candidate pairs in chunks; finish. The job row carries stage and progress for the UI.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../core/errors/app-error.ts';
import type { TReviewCandidatesResult } from '../../../../core/linkage/index.ts';
import { NO_REQUEST, withContext, type TActor, type TContextDeps, type TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { ROLE_PERMISSIONS, ROLES } from '../../../../core/authz/permissions.ts';
import { notifyRoles } from '../../notifications/notify.ts';
import { computeReviewCandidates, type TDedupeStage } from '../dedupe-runner.ts';
import { readRegister } from './read-register.ts';

interface TRunningJob {
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Jobs running in this process (a job row marked running but absent here was interrupted). */
const runningJobs = new Map<string, TRunningJob>();

/** Where each stage starts on the 0–1 progress bar. */
const STAGE_START: Record<TDedupeStage | 'reading' | 'writing', number> = { reading: 0.02, training: 0.2, blocking: 0.3, scoring: 0.35, clustering: 0.8, writing: 0.85 };
const WRITE_CHUNK = 500;
/** Who is told that pairs wait for review. */
const REVIEWER_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('duplicate.review'));

/**
 * Opens a job row for the organisation.
 * @throws CONFLICT (JOB_RUNNING) when a job of the organisation is still running in this process
 */
export async function startDedupeJob(ctx: TCtx, orgId: string): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'linkage.run');
  const running = await ctx.db.selectFrom('linkageJobs').select('id').where('orgId', '=', orgId).where('status', '=', 'running').executeTakeFirst();
  if (running) {
    if (runningJobs.has(running.id)) throw new AppError('CONFLICT', 'A de-duplication job of this organisation is already running.', { reason: 'JOB_RUNNING', jobId: running.id });
    // left running by a process that stopped: it will never finish
    await ctx.db.updateTable('linkageJobs').set({ status: 'failed', failureReason: 'INTERRUPTED', finishedAt: ctx.now() }).where('id', '=', running.id).execute();
    await ctx.audit.record('dedupeJob.failed', { orgId, subjectType: 'linkage-job', subjectId: running.id, metadata: { jobId: running.id, reason: 'INTERRUPTED' } });
  }
  const jobId = randomUUID();
  await ctx.db.insertInto('linkageJobs').values({
    orgId, id: jobId, kind: 'dedupe', status: 'running', stage: 'queued', progress: 0,
    startedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, startedAt: ctx.now(),
  }).execute();
  await ctx.audit.record('dedupeJob.started', { orgId, subjectType: 'linkage-job', subjectId: jobId, metadata: { jobId } });
  return jobId;
}

/** Runs a started job in the background; `waitForJob` and `stopAllJobs` reach it. */
export function launchDedupeJob(deps: TContextDeps, actor: TActor, orgId: string, jobId: string, options: { onProgress?: (stage: string, progress: number) => void } = {}): Promise<void> {
  let stopComputation: (() => Promise<void>) | null = null;
  let isStopped = false;
  const done = runJob(deps, actor, orgId, jobId, (stop) => { stopComputation = stop; }, () => isStopped, options.onProgress)
    .finally(() => runningJobs.delete(jobId));
  runningJobs.set(jobId, {
    done,
    async stop() {
      isStopped = true;
      await stopComputation?.();
      await done.catch(() => undefined);
    },
  });
  return done;
}

export async function waitForJob(jobId: string): Promise<void> {
  await runningJobs.get(jobId)?.done.catch(() => undefined);
}

/** Waits until no job of this process is running (tests, the CLI). */
export async function waitForAllJobs(): Promise<void> {
  while (runningJobs.size > 0) await Promise.all([...runningJobs.values()].map((job) => job.done.catch(() => undefined)));
}

/** Stops every running job (server shutdown, before the database closes). */
export async function stopAllJobs(): Promise<void> {
  await Promise.all([...runningJobs.values()].map((job) => job.stop()));
}

async function runJob(
  deps: TContextDeps, actor: TActor, orgId: string, jobId: string,
  setStop: (stop: () => Promise<void>) => void, isStopped: () => boolean,
  onProgress: ((stage: string, progress: number) => void) | undefined,
): Promise<void> {
  const inTx = <T>(work: (ctx: TCtx) => Promise<T>) => withContext(deps, actor, NO_REQUEST, work);
  let progressWrite = Promise.resolve();
  let lastWrite = 0;
  const report = (stage: string, progress: number, force = false) => {
    onProgress?.(stage, progress);
    const now = Date.now();
    if (!force && now - lastWrite < 1000) return progressWrite;
    lastWrite = now;
    // progress writes queue up behind each other, never two transactions at once
    progressWrite = progressWrite.then(() => inTx(async (ctx) => {
      await ctx.db.updateTable('linkageJobs').set({ stage, progress: Math.min(progress, 0.99) }).where('id', '=', jobId).where('status', '=', 'running').execute();
    })).catch(() => undefined);
    return progressWrite;
  };
  try {
    await report('reading', STAGE_START.reading, true);
    const { records } = await inTx((ctx) => readRegister(ctx.db, ctx.keyring, orgId));
    if (isStopped()) throw new Error('stopped');
    let scored = 0;
    const computation = computeReviewCandidates(records, { seed: `dedupe/${orgId}` }, (stage, count) => {
      if (stage === 'scoring') scored = count;
      // the number of blocked pairs is not known in advance: progress approaches the next stage
      const within = stage === 'scoring' ? (STAGE_START.clustering - STAGE_START.scoring) * (scored / (scored + 1_000_000)) : 0;
      void report(stage, STAGE_START[stage] + within);
    });
    setStop(computation.stop);
    if (isStopped()) await computation.stop();
    const result = await computation.result;
    if (isStopped()) throw new Error('stopped');
    await progressWrite;
    await writeCandidates(inTx, orgId, jobId, result, isStopped, (written) => report('writing', STAGE_START.writing + 0.15 * (written / Math.max(result.pairs.length, 1)), true));
    await progressWrite;
    await inTx(async (ctx) => {
      await ctx.db.updateTable('linkageJobs').set({
        status: 'succeeded', stage: 'done', progress: 1, personsRead: records.length, candidatePairs: result.candidatePairs,
        reviewPairs: result.pairs.length, clusters: result.clusters, modelSource: result.modelSource, model: JSON.stringify(result.model), finishedAt: ctx.now(),
      }).where('id', '=', jobId).execute();
      await ctx.audit.record('dedupeJob.completed', {
        orgId, subjectType: 'linkage-job', subjectId: jobId,
        metadata: { jobId, personsRead: records.length, candidatePairs: result.candidatePairs, reviewPairs: result.pairs.length, modelSource: result.modelSource },
      });
      if (result.pairs.length > 0) {
        await notifyRoles(ctx, {
          orgId, roles: REVIEWER_ROLES, kind: 'dedupeJob.completed', subjectType: 'linkageJob', subjectId: jobId, payload: { reviewPairs: result.pairs.length },
        });
      }
    });
    onProgress?.('done', 1);
  } catch (error) {
    await progressWrite;
    const reason = isStopped() ? 'STOPPED' : 'COMPUTATION_FAILED';
    await inTx(async (ctx) => {
      await ctx.db.updateTable('linkageJobs').set({ status: 'failed', failureReason: reason, finishedAt: ctx.now() }).where('id', '=', jobId).execute();
      await ctx.audit.record('dedupeJob.failed', { orgId, subjectType: 'linkage-job', subjectId: jobId, metadata: { jobId, reason } });
    }).catch(() => undefined);
    if (!isStopped()) throw error;
  }
}

/**
 * Writes the pairs: a new pair is queued as pending; a pair still pending gets this run's score;
 * a decided pair is left as decided. Pending pairs this run no longer finds are dropped.
 */
async function writeCandidates(
  inTx: <T>(work: (ctx: TCtx) => Promise<T>) => Promise<T>, orgId: string, jobId: string, result: TReviewCandidatesResult,
  isStopped: () => boolean, onChunk: (written: number) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < result.pairs.length; start += WRITE_CHUNK) {
    if (isStopped()) throw new Error('stopped');
    const chunk = result.pairs.slice(start, start + WRITE_CHUNK);
    await inTx(async (ctx) => {
      const now = ctx.now();
      await ctx.db.insertInto('duplicateCandidates').values(chunk.map((pair) => {
        const [firstPersonId, secondPersonId] = pair.recordA < pair.recordB ? [pair.recordA, pair.recordB] : [pair.recordB, pair.recordA];
        return {
          orgId, jobId, firstPersonId, secondPersonId, matchWeight: pair.matchWeight, probability: pair.probability,
          explanation: JSON.stringify(pair.explanation), clusterKey: pair.clusterKey, status: 'pending', createdAt: now, updatedAt: now,
        };
      })).onConflict((conflict) => conflict.columns(['orgId', 'firstPersonId', 'secondPersonId']).doUpdateSet((eb) => ({
        jobId: eb.ref('excluded.jobId'), matchWeight: eb.ref('excluded.matchWeight'), probability: eb.ref('excluded.probability'),
        explanation: eb.ref('excluded.explanation'), clusterKey: eb.ref('excluded.clusterKey'), updatedAt: eb.ref('excluded.updatedAt'),
      })).where('duplicateCandidates.status', '=', 'pending')).execute();
    });
    await onChunk(start + chunk.length);
  }
  await inTx(async (ctx) => {
    await ctx.db.deleteFrom('duplicateCandidates').where('orgId', '=', orgId).where('status', '=', 'pending').where('jobId', '!=', jobId)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('personMerges').select('personMerges.id').whereRef('personMerges.candidateId', '=', 'duplicateCandidates.id'))))
      .execute();
  });
}
