/**
 * One CLK encoding in its own worker thread (see encode-worker.mjs), terminated afterwards so the
 * identities and the secret it was given do not outlive the submission.
 */
import { Worker } from 'node:worker_threads';
import type { TClkSchema, TLinkageInput } from '../../../core/linkage/index.ts';

export interface TEncodedSubmission {
  /** The encodings file (JSON, no plaintext). */
  encodings: string;
  /** Random id of each record, and the party's own record id at the same position. */
  ids: string[];
  localIds: string[];
  runId: string;
  keyCheck: string;
  count: number;
}

type TMessage = { type: 'ready' } | { type: 'result'; result: TEncodedSubmission } | { type: 'error'; message: string };

export function encodeInWorker(records: readonly TLinkageInput[], secret: string, schema: TClkSchema): Promise<TEncodedSubmission> {
  const worker = new Worker(new URL('./encode-worker.mjs', import.meta.url), { execArgv: [] });
  const result = new Promise<TEncodedSubmission>((resolve, reject) => {
    worker.on('message', (message: TMessage) => {
      if (message.type === 'ready') worker.postMessage({ records, secret, schema });
      else if (message.type === 'result') resolve(message.result);
      else reject(new Error(`encode worker: ${message.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`encode worker exited (${code})`)));
  });
  return result.finally(() => worker.terminate());
}
