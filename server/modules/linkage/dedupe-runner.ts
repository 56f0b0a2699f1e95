/**
 * One de-duplication computation in its own worker thread (see dedupe-worker.mjs). The worker is
 * started per job and terminated afterwards, so the decrypted register it was given does not
 * outlive the job, and a job can be stopped by terminating it.
 */
import { Worker } from 'node:worker_threads';
import type { TLinkageInput, TReviewCandidatesOptions, TReviewCandidatesResult } from '../../../core/linkage/index.ts';

export type TDedupeStage = 'training' | 'blocking' | 'scoring' | 'clustering';

export interface TDedupeComputation {
  result: Promise<TReviewCandidatesResult>;
  stop(): Promise<void>;
}

type TMessage =
  | { type: 'ready' }
  | { type: 'progress'; stage: TDedupeStage; done: number }
  | { type: 'result'; result: TReviewCandidatesResult }
  | { type: 'error'; message: string };

export function computeReviewCandidates(
  records: readonly TLinkageInput[],
  options: Omit<TReviewCandidatesOptions, 'onProgress'>,
  onProgress: (stage: TDedupeStage, done: number) => void,
): TDedupeComputation {
  const worker = new Worker(new URL('./dedupe-worker.mjs', import.meta.url), { execArgv: [] });
  const result = new Promise<TReviewCandidatesResult>((resolve, reject) => {
    worker.on('message', (message: TMessage) => {
      if (message.type === 'ready') worker.postMessage({ records, options });
      else if (message.type === 'progress') onProgress(message.stage, message.done);
      else if (message.type === 'result') resolve(message.result);
      else reject(new Error(`dedupe worker: ${message.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`dedupe worker exited (${code})`)));
  });
  const finished = result.finally(() => worker.terminate());
  // the caller awaits `result`; the terminate chain must not raise an unhandled rejection of its own
  finished.catch(() => undefined);
  return { result: finished, stop: async () => { await worker.terminate(); } };
}
