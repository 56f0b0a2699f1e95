import { AppError } from '../../../core/errors/app-error.ts';
import { NO_REQUEST, withContext, type TContextDeps, type TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { reencryptOrganisation } from './reencrypt.ts';
import { sweepOrganisation } from '../linkage/blocking-keys/blocking-key-sweep.ts';

/**
 * Rotation of an organisation's data key as a resumable job: a new key version at once (new
 * writes use it), then every older ciphertext re-encrypted in small batches in the background.
 * A job left running by a stopped server is resumed at the next start.
 */
const running = new Map<string, Promise<void>>();

/** @throws FORBIDDEN (org.configure), CONFLICT (KEY_ROTATION_RUNNING) */
export async function startKeyRotation(ctx: TCtx, orgId: string): Promise<{ id: string; toVersion: number }> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.configure');
  const busy = await ctx.db.selectFrom('keyRotations').select('id').where('orgId', '=', orgId).where('status', '=', 'running').executeTakeFirst();
  if (busy) throw new AppError('CONFLICT', 'A key rotation is already running for this organisation.', { reason: 'KEY_ROTATION_RUNNING' });
  const now = ctx.now();
  const key = await ctx.keyring.addVersion(ctx.db, orgId, now);
  const row = await ctx.db.insertInto('keyRotations').values({ orgId, toVersion: key.version, status: 'running', error: null, startedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, startedAt: now, finishedAt: null })
    .returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('organisationKey.rotated', { orgId, subjectType: 'organisation', subjectId: orgId, metadata: { rotationId: row.id, toVersion: key.version } });
  return { id: row.id, toVersion: key.version };
}

/** Runs (or resumes) a job to the end; safe to call twice for the same job. */
export function runKeyRotation(deps: TContextDeps, rotationId: string): Promise<void> {
  const existing = running.get(rotationId);
  if (existing) return existing;
  const work = (async () => {
    const job = await deps.database.db.selectFrom('keyRotations').selectAll().where('id', '=', rotationId).executeTakeFirstOrThrow();
    if (job.status !== 'running') return;
    try {
      await reencryptOrganisation(deps, job.orgId, job.toVersion, async (moved) => {
        await deps.database.db.updateTable('keyRotations').set((eb) => ({ rowsReencrypted: eb('rowsReencrypted', '+', moved) })).where('id', '=', rotationId).execute();
      });
      // the duplicate check's blocking keys (HMACs under a key derived from the data key) follow the re-encrypted identities
      await sweepOrganisation(deps, job.orgId);
      await withContext(deps, { type: 'system' }, NO_REQUEST, async (ctx) => {
        const done = await ctx.db.updateTable('keyRotations').set({ status: 'finished', finishedAt: ctx.now() }).where('id', '=', rotationId).returning('rowsReencrypted').executeTakeFirstOrThrow();
        await ctx.audit.record('organisationKey.reencrypted', { orgId: job.orgId, subjectType: 'organisation', subjectId: job.orgId, metadata: { rotationId, toVersion: job.toVersion, rows: done.rowsReencrypted } });
      });
    } catch (error) {
      await deps.database.db.updateTable('keyRotations').set({ status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' }).where('id', '=', rotationId).execute();
      throw error;
    }
  })().finally(() => running.delete(rotationId));
  running.set(rotationId, work);
  return work;
}

/** Resumes every job a previous server process left running. */
export async function resumeKeyRotations(deps: TContextDeps, onError: (error: unknown) => void): Promise<void> {
  const jobs = await deps.database.db.selectFrom('keyRotations').select('id').where('status', '=', 'running').execute();
  for (const job of jobs) void runKeyRotation(deps, job.id).catch(onError);
}

export async function listKeyRotations(ctx: TCtx, orgId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.configure');
  const rows = await ctx.db.selectFrom('keyRotations').selectAll().where('orgId', '=', orgId).orderBy('startedAt', 'desc').limit(50).execute();
  return rows.map((row) => ({
    id: row.id, toVersion: row.toVersion, status: row.status as 'running' | 'finished' | 'failed', rowsReencrypted: row.rowsReencrypted, error: row.error,
    startedAt: row.startedAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null,
  }));
}

/** Resolves when the job (if running in this process) has finished: for tests and the CLI. */
export function whenKeyRotationSettles(rotationId: string): Promise<void> {
  return (running.get(rotationId) ?? Promise.resolve()).catch(() => undefined);
}
