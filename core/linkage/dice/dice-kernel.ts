/**
 * The Dice-coefficient kernel over Bloom-filter encodings, generated as WebAssembly.
 *
 * Dice(A, B) = 2·|A ∧ B| / (|A| + |B|). Popcounts |A|, |B| are computed once per filter; the pair
 * work is popcount(A AND B): for a 1024-bit filter, 16 × (i64.load, i64.and, i64.popcnt) with A's
 * words held in locals, summed as a left-to-right chain of i64.add — the shape that V8's optimising
 * tier compiles best (a balanced add tree measured 30–50 % slower after tier-up, performance.md §6;
 * four interleaved accumulators and a SIMD i8x16.popcnt variant were slower on this machine). The
 * threshold test is division-free: 2·c·den ≥ num·(|A| + |B|) for threshold num/den.
 *
 * Exports of the generated module (all offsets are byte addresses in the imported memory):
 * - `countRange(a0, a1, b0, b1, filtersA, filtersB, popA, popB, num, den) → hits`: all pairs of
 *   a range of A and a range of B, counted (the benchmark shape, identical to the C reference).
 * - `matchBlocks(blocks, first, end, members, filtersA, filtersB, popA, popB, num, den, out, cap,
 *   status) → next`: for blocks [first, end), each four i32 (aStart, aEnd, bStart, bEnd) into the
 *   i32 `members` array, writes (a, b, c) for every pair at or above the threshold to `out`; stops
 *   before a block that might not fit in `cap` triples and returns the next block to do; writes the
 *   number of triples to `status`. Pairs whose popcounts alone rule them out are skipped without
 *   touching their bits (|A ∧ B| ≤ min(|A|, |B|)).
 */
import { assembleModule, FunctionBuilder, I32, I64 } from './wasm-assembler.ts';

/** Bits per filter in the default CLK. */
export const DEFAULT_FILTER_BITS = 1024;
/** Denominator of the integer threshold: thresholds are multiples of 1/10,000. */
export const THRESHOLD_DENOMINATOR = 10_000;
/** The most WebAssembly memory a 32-bit module can address, in 64 KiB pages. */
export const MAX_PAGES = 65_536;

/**
 * Loads filter A's words into i64 locals once per A record, so the pair loop loads only B: V8's
 * optimising tier otherwise hoists all 2·words loads of a pair to the top of the loop body and
 * spills half of them (measured on the benchmark machine: 133 → 172 M comparisons/s).
 */
function emitLoadA(f: FunctionBuilder, pa: number, aWords: readonly number[]): void {
  for (let k = 0; k < aWords.length; k++) f.get(pa).i64Load(k * 8).set(aWords[k]!);
}

/** Appends c = popcount(A AND B) as one left-to-right chain of i64.add, A from locals. */
function emitPopcountOfAnd(f: FunctionBuilder, aWords: readonly number[], pb: number): void {
  for (let k = 0; k < aWords.length; k++) {
    f.get(aWords[k]!).get(pb).i64Load(k * 8).i64And().i64Popcnt();
    if (k > 0) f.i64Add();
  }
  f.i32WrapI64();
}

function buildCountRange(words: number, shift: number): FunctionBuilder {
  const f = new FunctionBuilder('countRange', [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32], [I32]);
  const [a0, a1, b0, b1, filtersA, filtersB, popA, popB, num, den] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const i = f.local(I32);
  const pa = f.local(I32);
  const pb = f.local(I32);
  const pbEnd = f.local(I32);
  const pp = f.local(I32);
  const popAi = f.local(I32);
  const hits = f.local(I32);
  const den2 = f.local(I32);
  const aWords = Array.from({ length: words }, () => f.local(I64));
  f.get(den).i32Const(1).i32Shl().set(den2);
  f.get(filtersB).get(b1).i32Const(shift).i32Shl().i32Add().set(pbEnd);
  f.get(a0).set(i);
  f.block().loop();
  f.get(i).get(a1).i32GeU().brIf(1);
  f.get(filtersA).get(i).i32Const(shift).i32Shl().i32Add().set(pa);
  emitLoadA(f, pa, aWords);
  f.get(popA).get(i).i32Const(2).i32Shl().i32Add().i32Load().set(popAi);
  // the pair loop walks B by pointer (filter and popcount), which keeps fewer values live
  f.get(filtersB).get(b0).i32Const(shift).i32Shl().i32Add().set(pb);
  f.get(popB).get(b0).i32Const(2).i32Shl().i32Add().set(pp);
  f.block().loop();
  f.get(pb).get(pbEnd).i32GeU().brIf(1);
  // hits += (2·c·den ≥ num·(|A| + |B|)), branch-free
  f.get(hits);
  emitPopcountOfAnd(f, aWords, pb);
  f.get(den2).i32Mul()
    .get(num).get(popAi).get(pp).i32Load().i32Add().i32Mul()
    .i32GeU().i32Add().set(hits);
  f.get(pb).i32Const(words * 8).i32Add().set(pb);
  f.get(pp).i32Const(4).i32Add().set(pp);
  f.br(0).end().end();
  f.get(i).i32Const(1).i32Add().set(i);
  f.br(0).end().end();
  f.get(hits);
  return f;
}

function buildMatchBlocks(words: number, shift: number): FunctionBuilder {
  const f = new FunctionBuilder('matchBlocks', [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32], [I32]);
  const [blocks, first, end, members, filtersA, filtersB, popA, popB, num, den, out, cap, status] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const bi = f.local(I32);
  const q = f.local(I32);
  const aS = f.local(I32);
  const aE = f.local(I32);
  const bS = f.local(I32);
  const bE = f.local(I32);
  const x = f.local(I32);
  const y = f.local(I32);
  const yEnd = f.local(I32);
  const ia = f.local(I32);
  const ib = f.local(I32);
  const pa = f.local(I32);
  const pb = f.local(I32);
  const popAi = f.local(I32);
  const popBj = f.local(I32);
  const bound = f.local(I32);
  const c = f.local(I32);
  const written = f.local(I32);
  const o = f.local(I32);
  const den2 = f.local(I32);
  const aWords = Array.from({ length: words }, () => f.local(I64));
  f.get(den).i32Const(1).i32Shl().set(den2);
  f.get(first).set(bi);
  f.block().loop();
  f.get(bi).get(end).i32GeU().brIf(1);
  f.get(blocks).get(bi).i32Const(4).i32Shl().i32Add().set(q);
  f.get(q).i32Load(0).set(aS);
  f.get(q).i32Load(4).set(aE);
  f.get(q).i32Load(8).set(bS);
  f.get(q).i32Load(12).set(bE);
  // stop before a block whose pairs might not all fit in the output
  f.get(aE).get(aS).i32Sub().get(bE).get(bS).i32Sub().i32Mul().get(cap).get(written).i32Sub().i32GtU().brIf(1);
  f.get(members).get(bE).i32Const(2).i32Shl().i32Add().set(yEnd);
  f.get(aS).set(x);
  f.block().loop();
  f.get(x).get(aE).i32GeU().brIf(1);
  f.get(members).get(x).i32Const(2).i32Shl().i32Add().i32Load().set(ia);
  f.get(filtersA).get(ia).i32Const(shift).i32Shl().i32Add().set(pa);
  emitLoadA(f, pa, aWords);
  f.get(popA).get(ia).i32Const(2).i32Shl().i32Add().i32Load().set(popAi);
  f.get(members).get(bS).i32Const(2).i32Shl().i32Add().set(y);
  f.block().loop();
  f.get(y).get(yEnd).i32GeU().brIf(1);
  f.get(y).i32Load().set(ib);
  f.get(popB).get(ib).i32Const(2).i32Shl().i32Add().i32Load().set(popBj);
  // bound = num·(|A| + |B|); a pair can pass only if 2·min(|A|, |B|)·den ≥ bound
  f.get(num).get(popAi).get(popBj).i32Add().i32Mul().set(bound);
  f.get(popAi).get(popBj).get(popAi).get(popBj).i32LtU().select().get(den2).i32Mul().get(bound).i32GeU();
  f.if();
  f.get(filtersB).get(ib).i32Const(shift).i32Shl().i32Add().set(pb);
  emitPopcountOfAnd(f, aWords, pb);
  f.set(c);
  f.get(c).get(den2).i32Mul().get(bound).i32GeU();
  f.if();
  f.get(out).get(written).i32Const(12).i32Mul().i32Add().set(o);
  f.get(o).get(ia).i32Store(0);
  f.get(o).get(ib).i32Store(4);
  f.get(o).get(c).i32Store(8);
  f.get(written).i32Const(1).i32Add().set(written);
  f.end();
  f.end();
  f.get(y).i32Const(4).i32Add().set(y);
  f.br(0).end().end();
  f.get(x).i32Const(1).i32Add().set(x);
  f.br(0).end().end();
  f.get(bi).i32Const(1).i32Add().set(bi);
  f.br(0).end().end();
  f.get(status).get(written).i32Store(0);
  f.get(bi);
  return f;
}

/**
 * The kernel module's bytes for filters of `bits` bits (a multiple of 64, power of two), importing
 * a shared memory `env.memory`.
 */
export function buildDiceModuleBytes(bits = DEFAULT_FILTER_BITS): Uint8Array<ArrayBuffer> {
  if (bits < 64 || (bits & (bits - 1)) !== 0) throw new RangeError(`filter length must be a power of two ≥ 64 bits, got ${bits}`);
  const words = bits / 64;
  const shift = Math.log2(bits / 8);
  return assembleModule({ module: 'env', name: 'memory', minPages: 1, maxPages: MAX_PAGES, shared: true }, [
    buildCountRange(words, shift),
    buildMatchBlocks(words, shift),
  ]);
}

const moduleCache = new Map<number, Promise<WebAssembly.Module>>();

/** Compiles (once per filter length) the kernel module. */
export function compileDiceModule(bits = DEFAULT_FILTER_BITS): Promise<WebAssembly.Module> {
  let cached = moduleCache.get(bits);
  if (!cached) {
    cached = WebAssembly.compile(buildDiceModuleBytes(bits));
    moduleCache.set(bits, cached);
  }
  return cached;
}

export interface TDiceExports {
  countRange(a0: number, a1: number, b0: number, b1: number, filtersA: number, filtersB: number, popA: number, popB: number, num: number, den: number): number;
  matchBlocks(blocks: number, first: number, end: number, members: number, filtersA: number, filtersB: number, popA: number, popB: number, num: number, den: number, out: number, cap: number, status: number): number;
}

/** Instantiates the kernel on a shared memory. */
export async function instantiateDiceKernel(memory: WebAssembly.Memory, bits = DEFAULT_FILTER_BITS): Promise<TDiceExports> {
  const instance = await WebAssembly.instantiate(await compileDiceModule(bits), { env: { memory } });
  return instance.exports as unknown as TDiceExports;
}

/** Creates a shared memory of at least `bytes` bytes. */
export function createSharedMemory(bytes: number): WebAssembly.Memory {
  const pages = Math.max(1, Math.ceil(bytes / 65_536));
  if (pages > MAX_PAGES) throw new RangeError(`the linkage needs ${bytes} bytes of WebAssembly memory, more than 4 GiB`);
  return new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
}

/** Integer numerator of a Dice threshold in units of 1/{@link THRESHOLD_DENOMINATOR}. */
export function thresholdNumerator(threshold: number): number {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`Dice threshold must be in (0, 1], got ${threshold}`);
  return Math.round(threshold * THRESHOLD_DENOMINATOR);
}

/** Popcount of a 32-bit word (SWAR), the plain-JS reference. */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Popcount of each filter (`bits` bits each) of a byte array. */
export function countFilterPopcounts(filters: Uint8Array, bits = DEFAULT_FILTER_BITS): Uint32Array {
  const words = bits / 32;
  const view = new Uint32Array(filters.buffer, filters.byteOffset, filters.byteLength / 4);
  const count = filters.byteLength / (bits / 8);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let c = 0;
    for (let w = 0; w < words; w++) c += popcount32(view[i * words + w]!);
    out[i] = c;
  }
  return out;
}

/** |A ∧ B| in plain JS (reference for tests). */
export function countAndPopcountJs(a: Uint8Array, aIndex: number, b: Uint8Array, bIndex: number, bits = DEFAULT_FILTER_BITS): number {
  const bytes = bits / 8;
  let c = 0;
  for (let k = 0; k < bytes; k++) {
    let x = a[aIndex * bytes + k]! & b[bIndex * bytes + k]!;
    while (x) { x &= x - 1; c++; }
  }
  return c;
}

/** Dice coefficient of two filters from their bits (reference for tests). */
export function diceJs(a: Uint8Array, aIndex: number, b: Uint8Array, bIndex: number, bits = DEFAULT_FILTER_BITS): number {
  const c = countAndPopcountJs(a, aIndex, b, bIndex, bits);
  const pa = countAndPopcountJs(a, aIndex, a, aIndex, bits);
  const pb = countAndPopcountJs(b, bIndex, b, bIndex, bits);
  return pa + pb === 0 ? 0 : (2 * c) / (pa + pb);
}
