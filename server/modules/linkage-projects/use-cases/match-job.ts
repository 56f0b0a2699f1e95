/**
 * The match of a project, run in the background like the de-duplication job: starting it is a
 * short transaction (status `matching` + audit); running it reads the encodings, links every pair
 * of parties with the Dice kernel on worker threads (no transaction open meanwhile), then writes
 * each party's results, the raw counts, and deletes the encodings when the project says so.
 * Progress is on the project row. Shutdown stops a running match (the project returns to `open`).
 */
import { AppError } from '../../../../core/errors/app-error.ts';
import { countUniquePersons, createDicePool, defaultThreadCount, parseEncodings, ZClkSchema, encodedBits } from '../../../../core/linkage/index.ts';
import { NO_REQUEST, withContext, type TActor, type TContextDeps, type TCtx } from '../../../context.ts';
import { deleteEncodings, partiesOf } from '../linkage-projects.repo.ts';
import { isReadyToMatch } from '../linkage-projects.presenter.ts';
import { linkParties, type TPartySet } from '../link-parties.ts';
import { loadProjectAsParty, requireStatus } from '../project-access.ts';
import { notifyRoles } from '../../notifications/notify.ts';
import { LINKAGE_ROLES } from './linkage-roles.ts';

interface TRunningMatch {
  done: Promise<void>;
  stop(): Promise<void>;
}

const runningMatches = new Map<string, TRunningMatch>();
const RESULT_CHUNK = 1000;
/** Threads of the Dice pool: the machine's, at most 2 (the server has other work to do). */
const MATCH_THREADS = Math.min(2, defaultThreadCount());

/** @throws CONFLICT when the project is not open, not every party has submitted, or a match runs */
export async function startMatch(ctx: TCtx, orgId: string, projectId: string): Promise<void> {
  const { project, parties, mine } = await loadProjectAsParty(ctx, orgId, projectId);
  if (runningMatches.has(projectId)) throw new AppError('CONFLICT', 'The match is already running.', { reason: 'MATCH_RUNNING' });
  // a project left `matching` by a process that stopped can be started again
  requireStatus(project, ['open', 'matching']);
  if (mine.status !== 'submitted') throw new AppError('CONFLICT', 'Only a party that has submitted can start the match.', { reason: 'NOT_SUBMITTED' });
  if (!isReadyToMatch(parties)) throw new AppError('CONFLICT', 'Not every party has submitted yet.', { reason: 'PARTIES_PENDING' });
  await ctx.db.updateTable('linkageProjects').set({ status: 'matching', stage: 'queued', progress: 0, failureReason: null, updatedAt: ctx.now() }).where('id', '=', projectId).execute();
  await ctx.audit.record('linkageProject.matchStarted', {
    orgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { projectId, parties: parties.filter((p) => p.status === 'submitted').length },
  });
}

export function launchMatch(deps: TContextDeps, actor: TActor, orgId: string, projectId: string): Promise<void> {
  let isStopped = false;
  let rejectStopped: (error: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => { rejectStopped = reject; });
  stopped.catch(() => undefined);
  let closePool: () => Promise<void> = async () => {};
  const done = runMatch(deps, actor, orgId, projectId, stopped, (close) => { closePool = close; }, () => isStopped)
    .finally(() => runningMatches.delete(projectId));
  runningMatches.set(projectId, {
    done,
    async stop() {
      isStopped = true;
      rejectStopped(new Error('stopped'));
      await closePool();
      await done.catch(() => undefined);
    },
  });
  return done;
}

export async function waitForMatch(projectId: string): Promise<void> {
  await runningMatches.get(projectId)?.done.catch(() => undefined);
}

export async function stopAllMatches(): Promise<void> {
  await Promise.all([...runningMatches.values()].map((m) => m.stop()));
}

async function runMatch(
  deps: TContextDeps, actor: TActor, orgId: string, projectId: string,
  stopped: Promise<never>, setClose: (close: () => Promise<void>) => void, isStopped: () => boolean,
): Promise<void> {
  const inTx = <T>(work: (ctx: TCtx) => Promise<T>) => withContext(deps, actor, NO_REQUEST, work);
  let progressWrite = Promise.resolve();
  const report = (stage: string, progress: number) => {
    progressWrite = progressWrite.then(() => inTx(async (ctx) => {
      await ctx.db.updateTable('linkageProjects').set({ stage, progress: Math.min(progress, 0.99) }).where('id', '=', projectId).where('status', '=', 'matching').execute();
    })).catch(() => undefined);
  };
  try {
    report('reading', 0.02);
    const { project, sets } = await inTx(async (ctx) => {
      const row = await ctx.db.selectFrom('linkageProjects').selectAll().where('id', '=', projectId).executeTakeFirstOrThrow();
      const encodings = await ctx.db.selectFrom('linkageProjectEncodings').select(['partyId', 'encodings']).where('projectId', '=', projectId).execute();
      const submitted = (await partiesOf(ctx.db, projectId)).filter((p) => p.status === 'submitted');
      const byParty = new Map(encodings.map((e) => [e.partyId, e.encodings]));
      return { project: row, sets: submitted.map((p): TPartySet => ({ partyId: p.id, set: parseEncodings(byParty.get(p.id) ?? '') })) };
    });
    const bits = encodedBits(ZClkSchema.parse(project.clkSchema));
    const pool = await createDicePool(MATCH_THREADS, bits);
    setClose(() => pool.close());
    let result;
    try {
      if (isStopped()) throw new Error('stopped');
      report('linking', 0.1);
      result = await Promise.race([stopped, linkParties(sets, {
        pool, solve: project.solve as 'one-to-one' | 'clusters', threshold: project.threshold,
        onPairDone: (pairsDone, pairs) => report('linking', 0.1 + 0.75 * (pairsDone / pairs)),
      })]);
    } finally {
      await pool.close();
    }
    await progressWrite;
    report('writing', 0.9);
    await progressWrite;
    for (const party of result.parties) {
      await inTx(async (ctx) => {
        await ctx.db.deleteFrom('linkageProjectResults').where('partyId', '=', party.partyId).execute();
        for (let start = 0; start < party.records.length; start += RESULT_CHUNK) {
          await ctx.db.insertInto('linkageProjectResults').values(party.records.slice(start, start + RESULT_CHUNK).map((r) => ({ partyId: party.partyId, projectId, ...r }))).execute();
        }
      });
      if (isStopped()) throw new Error('stopped');
    }
    const counts = countUniquePersons(result.parties.flatMap((party) => party.records.map((r) => ({ party: party.partyId, clusterId: r.clusterId }))));
    const records = result.parties.reduce((n, p) => n + p.records.length, 0);
    await inTx(async (ctx) => {
      const deleted = project.deleteEncodingsAfterMatch ? await deleteEncodings(ctx.db, projectId) : 0;
      await ctx.db.updateTable('linkageProjects').set({
        status: 'matched', stage: 'done', progress: 1, counts: JSON.stringify({ ...counts, totalRecords: records }),
        partyPairsSkipped: result.partyPairsSkipped, matchedAt: ctx.now(), updatedAt: ctx.now(),
      }).where('id', '=', projectId).execute();
      await ctx.audit.record('linkageProject.matched', {
        orgId, subjectType: 'linkage-project', subjectId: projectId,
        metadata: { projectId, parties: result.parties.length, records, clusters: result.clusters, partyPairsSkipped: result.partyPairsSkipped, encodingsDeleted: deleted > 0 },
      });
      // Every participating organisation of this deployment learns its results are ready.
      const partyOrgIds = await ctx.db.selectFrom('linkageProjectParties').select('orgId').where('projectId', '=', projectId).where('orgId', 'is not', null).where('status', '=', 'submitted').execute();
      for (const { orgId: partyOrgId } of partyOrgIds) {
        await notifyRoles(ctx, { orgId: partyOrgId!, roles: LINKAGE_ROLES, kind: 'linkageProject.matched', subjectType: 'linkageProject', subjectId: projectId, payload: { projectId } });
      }
    });
  } catch (error) {
    await progressWrite;
    const reason = isStopped() ? 'STOPPED' : 'COMPUTATION_FAILED';
    await inTx(async (ctx) => {
      await ctx.db.updateTable('linkageProjects').set({ status: 'open', stage: null, progress: 0, failureReason: reason, updatedAt: ctx.now() }).where('id', '=', projectId).execute();
      await ctx.audit.record('linkageProject.matchFailed', { orgId, subjectType: 'linkage-project', subjectId: projectId, metadata: { projectId, reason } });
    }).catch(() => undefined);
    if (!isStopped()) throw error;
  }
}
