/**
 * dice_kernel_vs_native_c and dice_kernel_2_threads_scaling.
 *
 * Data and loop are those of performance.md §6 (8,000 pseudo-random 1024-bit filters, all
 * 4,000 × 4,000 pairs, Dice ≥ 0.8 counted, 40 hits expected). The WebAssembly side is the shipped
 * kernel's `countRange`; the native side is `native-popcount.c` compiled here with
 * `cc -O3 -mpopcnt`. Both are measured after warm-up, interleaved (WASM, C, WASM, C) so that load
 * from other processes on this shared machine hits both alike, and the best repetition counts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSharedMemory, countFilterPopcounts, instantiateDiceKernel } from '../../core/linkage/dice/dice-kernel.ts';
import { createDicePool } from '../../core/linkage/workers/dice-pool.ts';
import { ratioLine } from './bench-support.ts';

const N = 8000;
const A = 4000;
const B = 4000;
const REPS = 9;

function makeFilters(memory: WebAssembly.Memory): { pc: number } {
  const F = new Uint32Array(memory.buffer, 0, N * 32);
  let s = 0x9e3779b9;
  const rnd = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  for (let i = 0; i < F.length; i++) F[i] = rnd();
  for (let j = 0; j < B; j += 100) {
    const src = (j * 7) % A;
    const dst = A + j;
    for (let w = 0; w < 32; w++) F[dst * 32 + w] = F[src * 32 + w]! ^ (1 << (w % 32));
  }
  const pc = N * 128;
  new Uint32Array(memory.buffer, pc, N).set(countFilterPopcounts(new Uint8Array(memory.buffer, 0, N * 128)));
  return { pc };
}

interface TRates { best: number; median: number; bestCpu: number; hits: number }

const summarise = (wall: number[], cpu: number[], hits: number): TRates => {
  const sorted = [...wall].sort((x, y) => y - x);
  return { best: sorted[0]!, median: sorted[sorted.length >> 1]!, bestCpu: Math.max(...cpu), hits };
};

async function measureWasm(): Promise<TRates> {
  const memory = createSharedMemory(N * 132 + 65_536);
  const { pc } = makeFilters(memory);
  const k = await instantiateDiceKernel(memory);
  // warm-up: enough calls for V8 to tier the kernel up to its optimising compiler
  for (let w = 0; w < 4; w++) k.countRange(0, 400, A, A + 1000, 0, 0, pc, pc, 4, 5);
  k.countRange(0, A, A, A + B, 0, 0, pc, pc, 4, 5);
  const wall: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (let r = 0; r < REPS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    hits = k.countRange(0, A, A, A + B, 0, 0, pc, pc, 4, 5);
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    wall.push((A * B) / t / 1e3);
    cpu.push((A * B) / ((c.user + c.system) / 1e3) / 1e3);
  }
  return summarise(wall, cpu, hits);
}

function compileNative(dir: string): string | null {
  const source = fileURLToPath(new URL('./native-popcount.c', import.meta.url));
  const binary = join(dir, 'native-popcount');
  try {
    execFileSync('cc', ['-O3', '-mpopcnt', '-o', binary, source], { stdio: 'pipe' });
    return binary;
  } catch (error) {
    console.log(`(no C compiler: ${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}

function measureNative(binary: string): TRates {
  const lines = execFileSync(binary, [String(A), String(B), String(REPS)], { encoding: 'utf8' }).trim().split('\n');
  const rows = lines.map((l) => l.split(' ').map(Number));
  return summarise(rows.map((r) => r[0]!), rows.map((r) => r[1]!), rows[0]![2]!);
}

const better = (x: TRates | null, y: TRates): TRates => (x === null ? y : { best: Math.max(x.best, y.best), median: Math.max(x.median, y.median), bestCpu: Math.max(x.bestCpu, y.bestCpu), hits: y.hits });

export async function benchKernelVsNative(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'palermo-dice-'));
  try {
    const binary = compileNative(dir);
    let wasm: TRates | null = null;
    let native: TRates | null = null;
    for (let round = 0; round < 2; round++) {
      wasm = better(wasm, await measureWasm());
      if (binary) native = better(native, measureNative(binary));
    }
    if (!native || !binary) {
      ratioLine('dice_kernel_vs_native_c', Number.NaN, `skipped: no C compiler; WASM alone ${wasm!.best.toFixed(1)} M cmp/s`);
      return;
    }
    if (wasm!.hits !== native.hits) throw new Error(`kernels disagree: WASM ${wasm!.hits} hits, C ${native.hits}`);
    ratioLine(
      'dice_kernel_vs_native_c',
      wasm!.best / native.best,
      `WASM i64.popcnt ${wasm!.best.toFixed(1)} M cmp/s (median ${wasm!.median.toFixed(1)}), C -O3 -mpopcnt ${native.best.toFixed(1)} M cmp/s (median ${native.median.toFixed(1)}); per CPU-second ${(wasm!.bestCpu / native.bestCpu).toFixed(3)}; ${A}×${B} pairs, ${wasm!.hits} hits both`,
      { op: '>=', target: 0.9 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchThreadScaling(): Promise<void> {
  const memory = createSharedMemory(N * 132 + 65_536);
  const { pc } = makeFilters(memory);
  const pool = await createDicePool(2);
  try {
    const task = (a0: number, a1: number) => ({ memory, a0, a1, b0: A, b1: A + B, filtersA: 0, filtersB: 0, popA: pc, popB: pc, num: 4, den: 5, reps: 1 });
    const warm = async () => { for (let w = 0; w < 3; w++) await pool.count([task(0, 400), task(400, 800)]); };
    await warm();
    const one: number[] = [];
    const two: number[] = [];
    const cpuOne: number[] = [];
    const cpuTwo: number[] = [];
    let hitsOne = 0;
    let hitsTwo = 0;
    for (let r = 0; r < REPS; r++) {
      // one thread does all of A; then two threads do half each — alternated, so load hits both
      let c0 = process.cpuUsage();
      let t0 = performance.now();
      const [solo] = await pool.count([task(0, A)]);
      one.push((A * B) / (performance.now() - t0) / 1e3);
      let c = process.cpuUsage(c0);
      cpuOne.push((A * B) / ((c.user + c.system) / 1e3) / 1e3);
      hitsOne = solo!.hits;
      c0 = process.cpuUsage();
      t0 = performance.now();
      const halves = await pool.count([task(0, A / 2), task(A / 2, A)]);
      two.push((A * B) / (performance.now() - t0) / 1e3);
      c = process.cpuUsage(c0);
      cpuTwo.push((A * B) / ((c.user + c.system) / 1e3) / 1e3);
      hitsTwo = halves.reduce((s, h) => s + h.hits, 0);
    }
    if (hitsOne !== hitsTwo) throw new Error('thread results disagree');
    const bestOne = Math.max(...one);
    const bestTwo = Math.max(...two);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
    ratioLine(
      'dice_kernel_2_threads_scaling',
      bestTwo / bestOne,
      `1 worker ${bestOne.toFixed(1)} M cmp/s (median ${median(one).toFixed(1)}), 2 workers ${bestTwo.toFixed(1)} M cmp/s (median ${median(two).toFixed(1)}); median ratio ${(median(two) / median(one)).toFixed(2)}; per CPU-second the two threads run at ${(Math.max(...cpuTwo) / Math.max(...cpuOne)).toFixed(2)} × one thread's rate, i.e. ${(2 * Math.max(...cpuTwo) / Math.max(...cpuOne)).toFixed(2)} × on two idle cores; load ${loadavg()[0]!.toFixed(2)}`,
      { op: '>=', target: 1.8 },
    );
  } finally {
    await pool.close();
  }
}
