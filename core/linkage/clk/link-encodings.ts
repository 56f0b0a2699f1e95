/**
 * Privacy-preserving linkage of two parties' encodings, as run by either party or a neutral
 * linkage unit:
 *
 * 1. Blocking: records that share a keyed blocking key form a block (a sort-merge join of the two
 *    parties' keys). A key held by more than `maxBlockSize` records on either side is dropped,
 *    as P-Sig drops frequent signatures: frequent keys cost the most and say the least.
 * 2. Comparison: every A × B pair of every block is compared by the WebAssembly Dice kernel on
 *    worker threads over one shared memory; only pairs at or above the threshold come back.
 *    A pair found in several blocks is kept once.
 * 3. Classification: by default a Fellegi–Sunter model over what the linkage unit can see of a
 *    candidate pair — its Dice band and whether the two records share each kind of keyed
 *    signature (names, date of birth, document, phone) — with m, u and λ estimated by EM on the
 *    run's own candidates, no labels. A Dice coefficient alone cannot tell a namesake born on
 *    another day from a person whose name was mistyped; the per-kind agreements can (measured on
 *    the synthetic 50 % overlap set: precision/recall 0.93/0.98 with Dice ≥ 0.8 alone, 0.99/0.98
 *    with the model). `classifier: 'dice'` keeps the plain threshold (anonlink's behaviour).
 * 4. Solving: greedy one-to-one (each person at most once per party), or connected components.
 * 5. Output: each party gets only its own record ids, each with a cluster id (random per run).
 *    Similarity scores never leave the linkage unit (they allow re-identification attacks).
 */
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { connectedComponents, greedyOneToOne, type TPairList } from '../clusters.ts';
import { createSharedMemory, countFilterPopcounts, instantiateDiceKernel, THRESHOLD_DENOMINATOR, thresholdNumerator, type TDiceExports } from '../dice/dice-kernel.ts';
import { radixSortByKey } from '../radix-sort.ts';
import { collectPatternSet, runEm } from '../fellegi-sunter/estimate.ts';
import { BLOCKING_KIND_COUNT, readSignatureKind, SIGNATURE_KINDS } from './encode.ts';
import { createDicePool, defaultThreadCount, type TDicePool, type TMatchLayout, type TThreadOutput } from '../workers/dice-pool.ts';
import type { TEncodedSet } from './encodings.ts';

/** Dice threshold of the plain classifier (clkhash/anonlink anchor on FEBRL4: precision 1.000, recall 0.992 at 0.8). */
export const DEFAULT_DICE_THRESHOLD = 0.8;
/** Lowest Dice of a candidate pair for the Fellegi–Sunter classifier (about 0.1 % of matches fall below). */
export const DEFAULT_CANDIDATE_THRESHOLD = 0.75;
/** Match weight (log2 odds) at or above which the Fellegi–Sunter classifier links a pair: probability ½. */
export const DEFAULT_MATCH_WEIGHT = 0;
export const DEFAULT_PPRL_MAX_BLOCK_SIZE = 300;
/** Comparisons per unit of work handed to a thread. */
const CHUNK_COMPARISONS = 1 << 21;

export interface TPprlOptions {
  /** 'fellegi-sunter' (default) or 'dice' (link every pair at or above `threshold`). */
  classifier?: 'fellegi-sunter' | 'dice';
  /** Dice threshold: of candidates for Fellegi–Sunter (default 0.75), of links for 'dice' (default 0.8). */
  threshold?: number;
  /** Match weight threshold of the Fellegi–Sunter classifier (default 0). */
  matchWeight?: number;
  maxBlockSize?: number;
  /** An existing pool (reused across runs); otherwise one is started for the run and closed after. */
  pool?: TDicePool;
  /** Threads when no pool is given; 0 runs the kernel on the calling thread. */
  threads?: number;
  solve?: 'one-to-one' | 'clusters';
  onProgress?: (stage: string) => void;
  randomBytes?: (n: number) => Uint8Array;
  /** For evaluation only (bench/linkage): every distinct candidate pair and the pairs the classifier accepted, before one-to-one. */
  inspect?: (candidates: TPairList, decided: TPairList) => void;
}

/** The encoded-comparison model, as estimated for one run (kept by the linkage unit). */
export interface TEncodedModel {
  comparisons: readonly { name: string; levels: readonly string[] }[];
  m: number[][];
  u: number[][];
  lambda: number;
  iterations: number;
}

export interface TPprlStats {
  model: TEncodedModel | null;
  blocks: number;
  skippedBlocks: number;
  /** A × B comparisons made (a pair in several blocks counts each time). */
  comparisons: number;
  /** Pairs at or above the threshold, with repeats across blocks. */
  hits: number;
  /** Distinct pairs at or above the threshold. */
  candidatePairs: number;
  links: number;
  timings: Record<string, number>;
}

export interface TPprlResult {
  /** Accepted links (record indices into the two sets; score = match weight, or Dice for the
   *  plain classifier); kept by the linkage unit only. */
  links: TPairList;
  /** Cluster id of each record of A and of B (random per run; shared by linked records). */
  clusterOfA: string[];
  clusterOfB: string[];
  stats: TPprlStats;
}

interface TBlocks {
  members: Int32Array;
  blocks: Int32Array;
  count: number;
  skipped: number;
  comparisons: number;
  /** Cumulative comparisons at the end of each block, for chunking. */
  chunkBounds: Int32Array;
}

/** The blocking keys of a set (kinds that define blocks) with the record holding each. */
function blockingEntries(set: TEncodedSet): { keys: Uint32Array; owners: Int32Array } {
  let n = 0;
  for (let q = 0; q < set.blockKeys.length; q++) if (readSignatureKind(set.blockKeys[q]!) < BLOCKING_KIND_COUNT) n++;
  const keys = new Uint32Array(n);
  const owners = new Int32Array(n);
  let at = 0;
  for (let k = 0; k < set.count; k++) {
    for (let q = set.blockOffsets[k]!; q < set.blockOffsets[k + 1]!; q++) {
      const key = set.blockKeys[q]!;
      if (readSignatureKind(key) >= BLOCKING_KIND_COUNT) continue;
      keys[at] = key;
      owners[at++] = k;
    }
  }
  return { keys, owners };
}

/** Sort-merge join of the two parties' blocking keys into blocks of (A members, B members). */
function buildBlocks(a: TEncodedSet, b: TEncodedSet, maxBlockSize: number): TBlocks {
  const ea = blockingEntries(a);
  const eb = blockingEntries(b);
  const sa = radixSortByKey(ea.keys, ea.owners);
  const sb = radixSortByKey(eb.keys, eb.owners);
  const members = new Int32Array(sa.keys.length + sb.keys.length);
  const blockList: number[] = [];
  let m = 0;
  let i = 0;
  let j = 0;
  let skipped = 0;
  let comparisons = 0;
  const na = sa.keys.length;
  const nb = sb.keys.length;
  while (i < na && j < nb) {
    const ka = sa.keys[i]!;
    const kb = sb.keys[j]!;
    if (ka < kb) { while (i < na && sa.keys[i] === ka) i++; continue; }
    if (kb < ka) { while (j < nb && sb.keys[j] === kb) j++; continue; }
    let i2 = i;
    while (i2 < na && sa.keys[i2] === ka) i2++;
    let j2 = j;
    while (j2 < nb && sb.keys[j2] === kb) j2++;
    if (i2 - i > maxBlockSize || j2 - j > maxBlockSize) {
      skipped++;
    } else {
      const aStart = m;
      for (let x = i; x < i2; x++) members[m++] = sa.values[x]!;
      const bStart = m;
      for (let y = j; y < j2; y++) members[m++] = sb.values[y]!;
      blockList.push(aStart, bStart, bStart, m);
      comparisons += (i2 - i) * (j2 - j);
    }
    i = i2;
    j = j2;
  }
  const blocks = Int32Array.from(blockList);
  const count = blocks.length / 4;
  // chunk boundaries: about CHUNK_COMPARISONS comparisons each
  const bounds: number[] = [0];
  let acc = 0;
  for (let q = 0; q < count; q++) {
    acc += (blocks[4 * q + 1]! - blocks[4 * q]!) * (blocks[4 * q + 3]! - blocks[4 * q + 2]!);
    if (acc >= CHUNK_COMPARISONS) { bounds.push(q + 1); acc = 0; }
  }
  if (bounds[bounds.length - 1] !== count) bounds.push(count);
  return { members: members.slice(0, m), blocks, count, skipped, comparisons, chunkBounds: Int32Array.from(bounds) };
}

/** The worker's loop, for runs on the calling thread (threads = 0) and for tests. */
function matchOnThisThread(k: TDiceExports, memory: WebAssembly.Memory, layout: TMatchLayout, output: TThreadOutput): Int32Array {
  const bounds = new Int32Array(memory.buffer, layout.chunkBounds, layout.chunks + 1);
  const status = new Int32Array(memory.buffer, output.status, 1);
  const parts: Int32Array[] = [];
  let total = 0;
  for (let chunk = 0; chunk < layout.chunks; chunk++) {
    let block = bounds[chunk]!;
    const end = bounds[chunk + 1]!;
    while (block < end) {
      const next = k.matchBlocks(layout.blocks, block, end, layout.members, layout.filtersA, layout.filtersB, layout.popA, layout.popB, layout.num, layout.den, output.out, output.cap, output.status);
      const written = status[0]!;
      if (written > 0) {
        parts.push(new Int32Array(memory.buffer, output.out, written * 3).slice());
        total += written;
      }
      if (next === block && written === 0) throw new Error(`block ${block} has more pairs than the output holds`);
      block = next;
    }
  }
  const hits = new Int32Array(total * 3);
  let at = 0;
  for (const p of parts) { hits.set(p, at); at += p.length; }
  return hits;
}

const align = (n: number, to = 64): number => Math.ceil(n / to) * to;

const ENCODED_COMPARISONS = [
  { name: 'dice', levels: ['≥ 0.95', '≥ 0.90', '≥ 0.85', '≥ 0.80', '≥ 0.75', '< 0.75'] },
  { name: 'names', levels: ['same names key', 'one name key shared with the birth year or day/month', 'different'] },
  { name: 'date_of_birth', levels: ['same date (day/month unordered)', 'same day/month or same year and month', 'different'] },
  { name: 'document_number', levels: ['same', 'different'] },
  { name: 'phone', levels: ['same', 'different'] },
] as const;

/** Starting values: matches have high Dice and agree; candidates in general do not. */
const ENCODED_M_START = [[0.5, 0.25, 0.12, 0.07, 0.04, 0.02], [0.85, 0.1, 0.05], [0.9, 0.05, 0.05], [0.9, 0.1], [0.9, 0.1]];
const ENCODED_U_START = [[0.01, 0.03, 0.08, 0.15, 0.25, 0.48], [0.2, 0.1, 0.7], [0.2, 0.1, 0.7], [0.2, 0.8], [0.2, 0.8]];

const KIND = Object.fromEntries(SIGNATURE_KINDS.map((k, i) => [k, i])) as Record<(typeof SIGNATURE_KINDS)[number], number>;
const NAMES = 1 << KIND.n;
const DATE = 1 << KIND['dob~'];
const KEY_DAY_MONTH = 1 << KIND['k+dm'];
const KEY_YEAR = 1 << KIND['k+y'];
const DOC = 1 << KIND.doc;
const TEL = 1 << KIND.tel;
const DAY_MONTH = 1 << KIND['dm~'];
const YEAR_MONTH = 1 << KIND.ym;

/**
 * Fills `out[2·kind]` and `out[2·kind + 1]` with the record's keys of each kind (a kind holds at
 * most two: one per name); returns a bit per kind present. A missing second key repeats the first.
 */
function keysByKind(set: TEncodedSet, k: number, out: Uint32Array): number {
  let present = 0;
  for (let q = set.blockOffsets[k]!; q < set.blockOffsets[k + 1]!; q++) {
    const key = set.blockKeys[q]!;
    const kind = readSignatureKind(key);
    if (present & (1 << kind)) {
      out[2 * kind + 1] = key;
    } else {
      out[2 * kind] = key;
      out[2 * kind + 1] = key;
      present |= 1 << kind;
    }
  }
  return present;
}

/** Whether two records share a key of `kind` (both must have it: check `both` first). */
function sharesKind(ka: Uint32Array, kb: Uint32Array, kind: number): boolean {
  const a0 = ka[2 * kind]!;
  const a1 = ka[2 * kind + 1]!;
  const b0 = kb[2 * kind]!;
  const b1 = kb[2 * kind + 1]!;
  return a0 === b0 || a0 === b1 || a1 === b0 || a1 === b1;
}

/**
 * The encoded comparison levels of records i (of A) and j (of B) with Dice `d`, written at
 * `rows[o..o+5)`; `ka`/`kb` are scratch. Exported for evaluation (bench/linkage/pprl-diagnose.ts).
 */
export function writeEncodedLevels(a: TEncodedSet, b: TEncodedSet, i: number, j: number, d: number, rows: Int8Array, o: number,
  ka = new Uint32Array(2 * SIGNATURE_KINDS.length), kb = new Uint32Array(2 * SIGNATURE_KINDS.length)): void {
  const both = keysByKind(a, i, ka) & keysByKind(b, j, kb);
  // bit k of `same`: both records have kind k and share a key of it
  let same = 0;
  for (let kind = 0; kind < SIGNATURE_KINDS.length; kind++) if ((both >>> kind) & 1 && sharesKind(ka, kb, kind)) same |= 1 << kind;
  rows[o] = d >= 0.95 ? 0 : d >= 0.9 ? 1 : d >= 0.85 ? 2 : d >= 0.8 ? 3 : d >= 0.75 ? 4 : 5;
  rows[o + 1] = both & NAMES ? (same & NAMES ? 0 : same & (KEY_YEAR | KEY_DAY_MONTH) ? 1 : 2) : -1;
  rows[o + 2] = both & DATE ? (same & DATE ? 0 : same & (DAY_MONTH | YEAR_MONTH) ? 1 : 2) : -1;
  rows[o + 3] = both & DOC ? (same & DOC ? 0 : 1) : -1;
  rows[o + 4] = both & TEL ? (same & TEL ? 0 : 1) : -1;
}

/** Random pairs for the u of document and phone agreement. */
const RANDOM_PAIRS = 200_000;

/**
 * Probability that two random records of the two parties agree on a signature kind, given both
 * have it (a half-count prior keeps it above zero). Identifiers such as document and phone
 * numbers coincide by chance independently of names, so this random-pair rate is their u among
 * candidates too — and it anchors the non-match class: on a FEBRL4-like run, where nearly every
 * candidate is a match, EM with a free u split the matches into "perfect" and "corrupted" instead
 * (recall 0.60 on 800 × 800).
 */
function randomAgreement(a: TEncodedSet, b: TEncodedSet, kind: number, randomBytes: (n: number) => Uint8Array): number {
  const draws = Math.min(RANDOM_PAIRS, a.count * b.count);
  const bytes = randomBytes(8 * draws);
  const view = new Uint32Array(bytes.buffer, bytes.byteOffset, 2 * draws);
  const ka = new Uint32Array(2 * SIGNATURE_KINDS.length);
  const kb = new Uint32Array(2 * SIGNATURE_KINDS.length);
  let both = 0;
  let agree = 0;
  for (let t = 0; t < draws; t++) {
    const has = keysByKind(a, view[2 * t]! % a.count, ka) & keysByKind(b, view[2 * t + 1]! % b.count, kb) & (1 << kind);
    if (!has) continue;
    both++;
    if (sharesKind(ka, kb, kind)) agree++;
  }
  return (agree + 0.5) / (both + 1);
}

/**
 * Fellegi–Sunter over encoded comparisons: levels per candidate, EM over the distinct patterns
 * (m and λ free; u free for the Dice band, names and date, which depend on who became a candidate,
 * and fixed from random pairs for document and phone), a weight per pattern, and the pairs at or
 * above `matchWeight`, scored by weight (Dice breaks ties).
 */
function classifyEncodedPairs(a: TEncodedSet, b: TEncodedSet, candidates: TPairList, matchWeight: number, randomBytes: (n: number) => Uint8Array): { links: TPairList; model: TEncodedModel } {
  const width = ENCODED_COMPARISONS.length;
  const rows = new Int8Array(candidates.count * width);
  const ka = new Uint32Array(2 * SIGNATURE_KINDS.length);
  const kb = new Uint32Array(2 * SIGNATURE_KINDS.length);
  for (let p = 0; p < candidates.count; p++) writeEncodedLevels(a, b, candidates.left[p]!, candidates.right[p]!, candidates.score[p]!, rows, p * width, ka, kb);
  const { patterns, patternOf } = collectPatternSet(width, rows, candidates.count);
  const free = ENCODED_COMPARISONS.map((_, c) => c);
  const uStart = ENCODED_U_START.map((row) => [...row]);
  for (const [c, kind] of [[3, KIND.doc], [4, KIND.tel]] as const) {
    const agree = randomAgreement(a, b, kind, randomBytes);
    uStart[c] = [agree, 1 - agree];
  }
  const em = runEm(patterns, free, ENCODED_M_START, uStart, { maxIterations: 500, convergence: 1e-7, lambdaStart: 0.2, fixedU: [3, 4] });
  const prior = Math.log2(em.lambda / (1 - em.lambda));
  const patternWeight = new Float64Array(patterns.size);
  for (let q = 0; q < patterns.size; q++) {
    let w = prior;
    for (let c = 0; c < width; c++) {
      const l = patterns.levels[q * width + c]!;
      if (l >= 0) w += Math.log2(em.m[c]![l]! / em.u[c]![l]!);
    }
    patternWeight[q] = w;
  }
  const left: number[] = [];
  const right: number[] = [];
  const score: number[] = [];
  for (let p = 0; p < candidates.count; p++) {
    const w = patternWeight[patternOf[p]!]!;
    if (w < matchWeight) continue;
    left.push(candidates.left[p]!);
    right.push(candidates.right[p]!);
    score.push(w + candidates.score[p]! * 1e-3);
  }
  return {
    links: { left: Int32Array.from(left), right: Int32Array.from(right), score: Float64Array.from(score), count: left.length },
    model: { comparisons: ENCODED_COMPARISONS, m: em.m, u: em.u, lambda: em.lambda, iterations: em.iterations },
  };
}

/**
 * Links two parties' encoded sets.
 * @throws Error when the sets were made with different schemas or secrets.
 */
export async function linkEncodedSets(a: TEncodedSet, b: TEncodedSet, options: TPprlOptions = {}): Promise<TPprlResult> {
  if (a.keyCheck !== b.keyCheck) throw new Error('the two encoding files were made with different secrets');
  if (JSON.stringify(a.schema) !== JSON.stringify(b.schema) || a.bits !== b.bits) throw new Error('the two encoding files use different schemas');
  const onProgress = options.onProgress ?? (() => {});
  const classifier = options.classifier ?? 'fellegi-sunter';
  const timings: Record<string, number> = {};
  const start = performance.now();
  let t = start;
  const lap = (name: string) => { const now = performance.now(); timings[name] = now - t; t = now; };

  onProgress('blocking');
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_PPRL_MAX_BLOCK_SIZE;
  const blocks = buildBlocks(a, b, maxBlockSize);
  lap('blockingMs');

  // one shared memory: filters, popcounts, members, blocks, chunk bounds, counter, outputs
  const ownPool = options.pool ? null : (options.threads ?? defaultThreadCount()) > 0 ? await createDicePool(options.threads ?? defaultThreadCount(), a.bits) : null;
  const pool = options.pool ?? ownPool;
  const threads = pool ? pool.threads : 1;
  const bytes = a.bits / 8;
  const cap = Math.max(1 << 18, maxBlockSize * maxBlockSize);
  let offset = 0;
  const reserve = (n: number): number => { const at = offset; offset = align(offset + n); return at; };
  const filtersA = reserve(a.count * bytes);
  const filtersB = reserve(b.count * bytes);
  const popA = reserve(a.count * 4);
  const popB = reserve(b.count * 4);
  const members = reserve(blocks.members.length * 4);
  const blocksAt = reserve(blocks.blocks.length * 4);
  const chunkBounds = reserve(blocks.chunkBounds.length * 4);
  const counter = reserve(4);
  const outputs: TThreadOutput[] = Array.from({ length: threads }, () => ({ out: reserve(cap * 12), cap, status: reserve(4) }));
  const memory = createSharedMemory(offset);
  const heap = new Uint8Array(memory.buffer);
  heap.set(a.filters, filtersA);
  heap.set(b.filters, filtersB);
  new Uint32Array(memory.buffer, popA, a.count).set(countFilterPopcounts(a.filters, a.bits));
  new Uint32Array(memory.buffer, popB, b.count).set(countFilterPopcounts(b.filters, b.bits));
  new Int32Array(memory.buffer, members, blocks.members.length).set(blocks.members);
  new Int32Array(memory.buffer, blocksAt, blocks.blocks.length).set(blocks.blocks);
  new Int32Array(memory.buffer, chunkBounds, blocks.chunkBounds.length).set(blocks.chunkBounds);
  const layout: TMatchLayout = {
    memory, blocks: blocksAt, members, filtersA, filtersB, popA, popB,
    num: thresholdNumerator(options.threshold ?? (classifier === 'dice' ? DEFAULT_DICE_THRESHOLD : DEFAULT_CANDIDATE_THRESHOLD)), den: THRESHOLD_DENOMINATOR,
    counter, chunkBounds, chunks: blocks.chunkBounds.length - 1,
  };
  lap('layoutMs');

  onProgress('comparing');
  let hitParts: Int32Array[];
  try {
    hitParts = pool ? await pool.match(layout, outputs) : [matchOnThisThread(await instantiateDiceKernel(memory, a.bits), memory, layout, outputs[0]!)];
  } finally {
    await ownPool?.close();
  }
  lap('comparingMs');

  // a pair met in several blocks is kept once: sort (a·|B| + b)·2^12 + c and drop repeats
  onProgress('solving');
  let hits = 0;
  for (const part of hitParts) hits += part.length / 3;
  const keys = new Float64Array(hits);
  let h = 0;
  for (const part of hitParts) for (let p = 0; p < part.length; p += 3) keys[h++] = (part[p]! * b.count + part[p + 1]!) * 4096 + part[p + 2]!;
  keys.sort();
  const popsA = new Uint32Array(memory.buffer, popA, a.count);
  const popsB = new Uint32Array(memory.buffer, popB, b.count);
  const left = new Int32Array(hits);
  const right = new Int32Array(hits);
  const dice = new Float64Array(hits);
  let count = 0;
  for (let p = 0; p < keys.length; p++) {
    if (p > 0 && keys[p] === keys[p - 1]) continue;
    const key = keys[p]!;
    const c = key % 4096;
    const pair = (key - c) / 4096;
    const ib = pair % b.count;
    const ia = (pair - ib) / b.count;
    left[count] = ia;
    right[count] = ib;
    dice[count] = (2 * c) / (popsA[ia]! + popsB[ib]!);
    count++;
  }
  const candidates: TPairList = { left: left.subarray(0, count), right: right.subarray(0, count), score: dice.subarray(0, count), count };
  let model: TEncodedModel | null = null;
  let decided: TPairList = candidates;
  if (classifier === 'fellegi-sunter') {
    const classified = classifyEncodedPairs(a, b, candidates, options.matchWeight ?? DEFAULT_MATCH_WEIGHT, options.randomBytes ?? cryptoRandomBytes);
    model = classified.model;
    decided = classified.links;
  }
  options.inspect?.(candidates, decided);
  let links: TPairList;
  if ((options.solve ?? 'one-to-one') === 'one-to-one') {
    const accepted = greedyOneToOne(decided, a.count, b.count);
    links = {
      left: Int32Array.from(accepted, (p) => decided.left[p]!),
      right: Int32Array.from(accepted, (p) => decided.right[p]!),
      score: Float64Array.from(accepted, (p) => decided.score[p]!),
      count: accepted.length,
    };
  } else {
    links = decided;
  }
  const randomBytes = options.randomBytes ?? cryptoRandomBytes;
  // clusters over A ∪ B (B offset by |A|); one-to-one links give clusters of at most two
  const { clusterOf, clusters } = connectedComponents(a.count + b.count, { left: links.left, right: Int32Array.from(links.right, (r) => r + a.count), count: links.count });
  const ids = Buffer.from(randomBytes(12 * clusters));
  const clusterIds = Array.from({ length: clusters }, (_, k) => ids.subarray(12 * k, 12 * k + 12).toString('base64url'));
  const clusterOfA = Array.from({ length: a.count }, (_, k) => clusterIds[clusterOf[k]!]!);
  const clusterOfB = Array.from({ length: b.count }, (_, k) => clusterIds[clusterOf[a.count + k]!]!);
  lap('solvingMs');
  timings.totalMs = performance.now() - start;
  return {
    links,
    clusterOfA,
    clusterOfB,
    stats: { model, blocks: blocks.count, skippedBlocks: blocks.skipped, comparisons: blocks.comparisons, hits, candidatePairs: candidates.count, links: links.count, timings },
  };
}

/**
 * What one party receives: its own record ids with their cluster ids — no scores, no ids of the
 * other party.
 */
export function selectPartyResult(result: TPprlResult, set: TEncodedSet, party: 'a' | 'b'): { id: string; clusterId: string }[] {
  const clusters = party === 'a' ? result.clusterOfA : result.clusterOfB;
  return set.ids.map((id, k) => ({ id, clusterId: clusters[k]! }));
}
