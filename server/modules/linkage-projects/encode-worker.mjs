// Encodes a party's persons into CLKs (core/linkage/clk) in a worker thread: hashing every
// q-gram of a large register takes seconds and must not stall the HTTP event loop. The decrypted
// identities and the linkage secret arrive by message and die with the worker. Plain JavaScript
// that registers tsx itself: a worker does not inherit a loader registered at runtime.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { encodeRecords, exportEncodings } = await import('../../../core/linkage/clk/encodings.ts');

parentPort.once('message', ({ records, secret, schema }) => {
  try {
    const { set, localIds } = encodeRecords(records, secret, { schema });
    parentPort.postMessage({ type: 'result', result: { encodings: exportEncodings(set), ids: set.ids, localIds, runId: set.runId, keyCheck: set.keyCheck, count: set.count } });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error?.message ?? error) });
  }
});
parentPort.postMessage({ type: 'ready' });
