// Worker thread of the Dice kernel. Plain JavaScript on purpose: a worker does not inherit a
// TypeScript loader registered at runtime by the CLI (see server/db/embedded/pglite-worker.mjs).
// It receives the compiled kernel module once, instantiates it on each shared memory it is sent,
// and runs two kinds of task:
//   count  — countRange over a range of A × a range of B, `reps` times (benchmarks);
//   match  — matchBlocks over chunks of blocks taken from a shared Atomics counter, so that both
//            threads stay busy until the last chunk; hits are copied out of the thread's own
//            output region and posted back, transferred, at the end.
// No I/O and no imports beyond worker_threads: this file must stay free of server code.
import { parentPort, workerData } from 'node:worker_threads';

const kernelModule = workerData.module;
const instances = new WeakMap();

async function kernelFor(memory) {
  let exports = instances.get(memory);
  if (!exports) {
    const instance = await WebAssembly.instantiate(kernelModule, { env: { memory } });
    exports = instance.exports;
    instances.set(memory, exports);
  }
  return exports;
}

function runCount(k, t) {
  const times = [];
  let hits = 0;
  for (let r = 0; r < t.reps; r++) {
    const t0 = performance.now();
    hits = k.countRange(t.a0, t.a1, t.b0, t.b1, t.filtersA, t.filtersB, t.popA, t.popB, t.num, t.den);
    times.push(performance.now() - t0);
  }
  return { hits, times };
}

function runMatch(k, memory, t) {
  const counter = new Int32Array(memory.buffer, t.counter, 1);
  const bounds = new Int32Array(memory.buffer, t.chunkBounds, t.chunks + 1);
  const status = new Int32Array(memory.buffer, t.status, 1);
  const parts = [];
  let total = 0;
  let chunksDone = 0;
  for (;;) {
    const chunk = Atomics.add(counter, 0, 1);
    if (chunk >= t.chunks) break;
    let block = bounds[chunk];
    const end = bounds[chunk + 1];
    while (block < end) {
      const next = k.matchBlocks(t.blocks, block, end, t.members, t.filtersA, t.filtersB, t.popA, t.popB, t.num, t.den, t.out, t.cap, t.status);
      const written = status[0];
      if (written > 0) {
        parts.push(new Int32Array(memory.buffer, t.out, written * 3).slice());
        total += written;
      }
      if (next === block && written === 0) throw new Error(`block ${block} has more pairs than the output holds (${t.cap})`);
      block = next;
    }
    chunksDone++;
  }
  const hits = new Int32Array(total * 3);
  let at = 0;
  for (const part of parts) {
    hits.set(part, at);
    at += part.length;
  }
  return { hits, chunksDone };
}

parentPort.on('message', async (task) => {
  try {
    const k = await kernelFor(task.memory);
    if (task.kind === 'count') {
      parentPort.postMessage({ id: task.id, ...runCount(k, task) });
    } else if (task.kind === 'match') {
      const result = runMatch(k, task.memory, task);
      parentPort.postMessage({ id: task.id, ...result }, [result.hits.buffer]);
    } else {
      throw new Error(`unknown task ${task.kind}`);
    }
  } catch (error) {
    parentPort.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
});
