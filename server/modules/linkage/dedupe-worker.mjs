// Runs a de-duplication (core/linkage findReviewCandidates) in a worker thread: training,
// blocking and scoring take seconds to minutes on a large register and must not stall the HTTP
// event loop. Plain JavaScript that registers tsx itself: a worker does not inherit a loader
// registered at runtime. Identities arrive by message and die with the worker.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { findReviewCandidates } = await import('../../../core/linkage/fellegi-sunter/review-candidates.ts');

parentPort.once('message', ({ records, options }) => {
  try {
    let last = 0;
    const result = findReviewCandidates(records, {
      ...options,
      onProgress: (stage, done) => {
        const now = Date.now();
        if (now - last < 250 && done !== 0) return;
        last = now;
        parentPort.postMessage({ type: 'progress', stage, done });
      },
    });
    parentPort.postMessage({ type: 'result', result });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
  }
});
parentPort.postMessage({ type: 'ready' });
