/**
 * Disclosure control off the event loop: tables go to a worker thread that runs suppressTable
 * (core/disclosure), one at a time, each within a time limit. A table that cannot be protected
 * in time is refused (the worker is stopped and replaced), never published unprotected.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type TErrorCode } from '../../../core/errors/app-error.ts';
import type { TCountTable, TPublishedTable, TSuppressionOptions } from '../../../core/disclosure/index.ts';

export interface TProtectedTable extends TPublishedTable {
  threshold: number;
  zeros: 'sensitive' | 'publish';
  primaryCount: number;
  secondaryCount: number;
}

export interface TTableProtector {
  /**
   * @throws AppError DOMAIN_RULE_VIOLATED (TABLE_CANNOT_BE_PROTECTED from core/disclosure, or
   *   TABLE_TOO_COMPLEX when the time limit passes)
   */
  suppress(table: TCountTable, options: TSuppressionOptions): Promise<TProtectedTable>;
  close(): Promise<void>;
}

/** Default time allowed to protect one table. */
export const SUPPRESSION_TIME_LIMIT_MS = 20_000;

type TReply = { id: number; ok: true; result: TProtectedTable } | { id: number; ok: false; error: { code: TErrorCode; message: string; details: Record<string, unknown> } };

export function createWorkerTableProtector(options: { timeLimitMs?: number } = {}): TTableProtector {
  const timeLimitMs = options.timeLimitMs ?? SUPPRESSION_TIME_LIMIT_MS;
  let worker: Promise<Worker> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;
  let isClosed = false;

  const start = (): Promise<Worker> => new Promise((resolve, reject) => {
    const created = new Worker(new URL('./suppression-worker.mjs', import.meta.url), { execArgv: [] });
    created.once('message', () => {
      // An idle worker must not keep the process alive; it is referenced only while it works.
      created.unref();
      resolve(created);
    });
    created.once('error', reject);
  });

  const stop = async (): Promise<void> => {
    const current = worker;
    worker = null;
    if (current) await (await current.catch(() => null))?.terminate();
  };

  const run = async (table: TCountTable, suppressionOptions: TSuppressionOptions): Promise<TProtectedTable> => {
    if (isClosed) throw new AppError('INTERNAL', 'The table protector is closed.');
    if (!worker) {
      const starting = start();
      worker = starting;
      // A worker that failed to start is retried on the next table, not cached as failed.
      starting.catch(() => {
        if (worker === starting) worker = null;
      });
    }
    const current = await worker;
    const id = nextId++;
    return new Promise<TProtectedTable>((resolve, reject) => {
      const onMessage = (reply: TReply) => {
        if (reply.id !== id) return;
        finish();
        if (reply.ok) resolve(reply.result);
        // A fault (not a refusal) becomes a plain Error: logged by the error handler, never shown to the client.
        else if (reply.error.code === 'INTERNAL') reject(new Error(`suppression worker: ${reply.error.message}`));
        else reject(new AppError(reply.error.code, reply.error.message, reply.error.details));
      };
      const onError = (error: Error) => {
        finish();
        worker = null;
        reject(error);
      };
      const timer = setTimeout(() => {
        finish();
        void stop();
        reject(new AppError('DOMAIN_RULE_VIOLATED', 'This table is too large to protect in reasonable time: filter it, or choose dimensions with fewer categories.', {
          reason: 'TABLE_TOO_COMPLEX', timeLimitMs,
        }));
      }, timeLimitMs);
      const finish = () => {
        current.unref();
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
      };
      current.ref();
      current.on('message', onMessage);
      current.on('error', onError);
      current.postMessage({ id, table, options: suppressionOptions });
    });
  };

  return {
    suppress(table, suppressionOptions) {
      // One table at a time: the worker is single-threaded anyway, and a timeout then always
      // belongs to the table that caused it.
      const result = queue.then(() => run(table, suppressionOptions));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      isClosed = true;
      await stop();
    },
  };
}
