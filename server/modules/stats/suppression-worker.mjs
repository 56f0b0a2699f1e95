// Runs core/disclosure's suppressTable in a worker thread. Protecting a large table solves many
// small linear programs (seconds for a few hundred cells), which must not stall the HTTP event
// loop; and a table that takes too long can be stopped by terminating the worker. Plain
// JavaScript that registers tsx itself: a worker does not inherit a loader registered at runtime.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { suppressTable } = await import('../../../core/disclosure/suppress-table.ts');

parentPort.on('message', ({ id, table, options }) => {
  try {
    const { cells, rowTotals, columnTotals, grandTotal, threshold, zeros, primaryCount, secondaryCount } = suppressTable(table, options);
    parentPort.postMessage({ id, ok: true, result: { cells, rowTotals, columnTotals, grandTotal, threshold, zeros, primaryCount, secondaryCount } });
  } catch (error) {
    const isAppError = error?.name === 'AppError';
    parentPort.postMessage({ id, ok: false, error: isAppError ? { code: error.code, message: error.message, details: error.details } : { code: 'INTERNAL', message: String(error?.stack ?? error), details: {} } });
  }
});
parentPort.postMessage({ ready: true });
