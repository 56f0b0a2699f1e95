import { NO_REQUEST, withContext, type TContextDeps } from '../../context.ts';
import { organisationsWithRetention, sweepRetention } from './retention.service.ts';

/** Retention is counted in days: checking every hour is more than enough. */
export const RETENTION_INTERVAL_MS = 60 * 60_000;

/** Runs the anonymisation sweep per organisation, one transaction each, while the server runs. */
export function startRetentionSweeps(deps: TContextDeps, onError: (error: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = (async () => {
      const orgIds = await withContext(deps, { type: 'system' }, NO_REQUEST, (ctx) => organisationsWithRetention(ctx));
      for (const orgId of orgIds) await withContext(deps, { type: 'system' }, NO_REQUEST, (ctx) => sweepRetention(ctx, orgId));
    })().catch(onError);
  };
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
