import { NO_REQUEST, withContext, type TContextDeps } from '../../context.ts';
import { sweepDeadlines } from './deadline-sweep.ts';

/** Deadlines are checked every minute: finer grain than any legal target needs. */
export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Runs the deadline sweep on a timer inside the server process (a Postgres-backed job queue can
 * take this over when there are several servers; the sweep is idempotent either way).
 */
export function startDeadlineSweeps(deps: TContextDeps, onError: (error: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = withContext(deps, { type: 'system' }, NO_REQUEST, (ctx) => sweepDeadlines(ctx)).catch(onError);
  };
  run();
  const timer = setInterval(run, SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
