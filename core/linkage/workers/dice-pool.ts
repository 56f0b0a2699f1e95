/**
 * A small pool of worker threads running the WebAssembly Dice kernel over one shared memory
 * (SharedArrayBuffer), so that filters are written once and read by every thread without copies.
 * The worker itself is plain JavaScript (`dice-worker.mjs`) and imports nothing of ours.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { compileDiceModule, DEFAULT_FILTER_BITS } from '../dice/dice-kernel.ts';

export interface TCountTask {
  memory: WebAssembly.Memory;
  a0: number; a1: number; b0: number; b1: number;
  filtersA: number; filtersB: number; popA: number; popB: number;
  num: number; den: number;
  reps: number;
}

/** Byte offsets in the shared memory for one matchBlocks run. */
export interface TMatchLayout {
  memory: WebAssembly.Memory;
  blocks: number; members: number; filtersA: number; filtersB: number; popA: number; popB: number;
  num: number; den: number;
  /** Int32 work counter (Atomics) and the chunk boundaries (chunks + 1 block indices). */
  counter: number; chunkBounds: number; chunks: number;
}

/** Each thread's own output region. */
export interface TThreadOutput {
  out: number;
  cap: number;
  status: number;
}

export interface TDicePool {
  readonly threads: number;
  /** Runs countRange on every thread at once (each its own task) and resolves with their results. */
  count(tasks: readonly TCountTask[]): Promise<{ hits: number; times: number[] }[]>;
  /** Runs matchBlocks on all threads until the shared chunk counter is exhausted; hits are (a, b, c) triples. */
  match(layout: TMatchLayout, outputs: readonly TThreadOutput[]): Promise<Int32Array[]>;
  close(): Promise<void>;
}

/** Default thread count: the machine's parallelism, at most 8. */
export function defaultThreadCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Starts `threads` workers with the kernel for `bits`-bit filters.
 * @throws when a worker fails to start.
 */
export async function createDicePool(threads = defaultThreadCount(), bits = DEFAULT_FILTER_BITS): Promise<TDicePool> {
  const module = await compileDiceModule(bits);
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./dice-worker.mjs', import.meta.url), {
    workerData: { module },
    // plain JavaScript: a TypeScript loader would only cost start-up time
    execArgv: [],
  }));
  let nextId = 1;
  const call = <T>(worker: Worker, message: Record<string, unknown>): Promise<T> => new Promise<T>((resolve, reject) => {
    const id = nextId++;
    const onMessage = (reply: { id: number; error?: string }) => {
      if (reply.id !== id) return;
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (reply.error) reject(new Error(reply.error));
      else resolve(reply as T);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ ...message, id });
  });
  return {
    threads,
    count: (tasks) => Promise.all(tasks.map((task, t) => call<{ hits: number; times: number[] }>(workers[t % threads]!, { kind: 'count', ...task }))),
    async match(layout, outputs) {
      if (outputs.length < threads) throw new RangeError('one output region per thread is needed');
      const replies = await Promise.all(workers.map((worker, t) => call<{ hits: Int32Array }>(worker, { kind: 'match', ...layout, ...outputs[t]! })));
      return replies.map((r) => r.hits);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
