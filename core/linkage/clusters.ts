/**
 * Turning scored pairs into decisions: connected components (de-duplication inside one register,
 * or clusters across parties) and greedy one-to-one assignment (two parties, each person at most
 * once per party, best score first — anonlink's greedy solver).
 */
import { radixSortByKey } from './radix-sort.ts';

/** Pairs above a threshold, in parallel arrays. */
export interface TPairList {
  left: Int32Array;
  right: Int32Array;
  /** Match weight or similarity; larger is better. */
  score: Float64Array;
  count: number;
}

/** A growable pair list. */
export class PairListBuilder {
  private left = new Int32Array(1024);
  private right = new Int32Array(1024);
  private score = new Float64Array(1024);
  count = 0;
  push(i: number, j: number, s: number): void {
    if (this.count === this.left.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.left = grow(this.left);
      this.right = grow(this.right);
      this.score = grow(this.score);
    }
    this.left[this.count] = i;
    this.right[this.count] = j;
    this.score[this.count] = s;
    this.count++;
  }
  build(): TPairList {
    return { left: this.left.slice(0, this.count), right: this.right.slice(0, this.count), score: this.score.slice(0, this.count), count: this.count };
  }
}

/**
 * Connected components of `n` records under the given pairs (union–find with path halving).
 * @returns a cluster id per record, numbered 0.. in order of each cluster's first record.
 */
export function connectedComponents(n: number, pairs: Pick<TPairList, 'left' | 'right' | 'count'>): { clusterOf: Int32Array; clusters: number } {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let p = 0; p < pairs.count; p++) {
    const a = find(pairs.left[p]!);
    const b = find(pairs.right[p]!);
    if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
  }
  const clusterOf = new Int32Array(n).fill(-1);
  const label = new Int32Array(n).fill(-1);
  let clusters = 0;
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (label[root] === -1) label[root] = clusters++;
    clusterOf[i] = label[root]!;
  }
  return { clusterOf, clusters };
}

/** Largest |A|·|B| for which two clusters are compared pair by pair before merging. */
export const MAX_LINKAGE_PAIRS = 2500;

/**
 * Clustering by average linkage over the matched pairs: edges are taken best first, and two
 * clusters merge only when the mean score over *all* their cross pairs (computed on demand by
 * `score`) reaches `threshold`. Connected components instead let one mistaken link chain two
 * groups of namesakes into one large cluster (measured on 200,000 synthetic records: pairwise
 * precision 0.98 for the links but 0.89 for their components). Merges that would compare more
 * than {@link MAX_LINKAGE_PAIRS} pairs are declined, which bounds the work and the cluster size.
 * @returns a cluster id per record, numbered 0.. in order of each cluster's first record.
 */
export function averageLinkageClusters(
  n: number,
  pairs: TPairList,
  score: (i: number, j: number) => number,
  threshold: number,
): { clusterOf: Int32Array; clusters: number; declined: number } {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const order = new Int32Array(pairs.count);
  for (let p = 0; p < pairs.count; p++) order[p] = p;
  order.sort((x, y) => pairs.score[y]! - pairs.score[x]! || pairs.left[x]! - pairs.left[y]! || pairs.right[x]! - pairs.right[y]!);
  let declined = 0;
  for (let k = 0; k < order.length; k++) {
    const p = order[k]!;
    const a = find(pairs.left[p]!);
    const b = find(pairs.right[p]!);
    if (a === b) continue;
    const ma = members.get(a) ?? [a];
    const mb = members.get(b) ?? [b];
    if (ma.length * mb.length > MAX_LINKAGE_PAIRS) { declined++; continue; }
    let total = 0;
    for (const x of ma) for (const y of mb) total += x === pairs.left[p] && y === pairs.right[p] ? pairs.score[p]! : score(x, y);
    if (total / (ma.length * mb.length) < threshold) { declined++; continue; }
    const root = a < b ? a : b;
    const other = a < b ? b : a;
    parent[other] = root;
    members.set(root, ma.concat(mb));
    members.delete(other);
  }
  const clusterOf = new Int32Array(n);
  const label = new Int32Array(n).fill(-1);
  let clusters = 0;
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (label[root] === -1) label[root] = clusters++;
    clusterOf[i] = label[root]!;
  }
  return { clusterOf, clusters, declined };
}

/**
 * Greedy one-to-one assignment: pairs by descending score, kept when neither side is taken yet.
 * Scores are ordered by a stable radix sort of their 32-bit quantisation (a million pairs sort in
 * tens of milliseconds); pairs whose scores differ by less than 2^-32 of the score range, and
 * ties, keep their order in the list, so the result is deterministic.
 * @returns indices into `pairs` of the accepted pairs.
 */
export function greedyOneToOne(pairs: TPairList, leftSize: number, rightSize: number): Int32Array {
  const n = pairs.count;
  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < n; p++) {
    const s = pairs.score[p]!;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const range = max - min;
  const keys = new Uint32Array(n);
  const indices = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    // descending: the best score gets the smallest key
    keys[p] = range > 0 ? Math.floor(((max - pairs.score[p]!) / range) * 0xffffffff) >>> 0 : 0;
    indices[p] = p;
  }
  const order = radixSortByKey(keys, indices).values;
  const leftTaken = new Uint8Array(leftSize);
  const rightTaken = new Uint8Array(rightSize);
  const accepted: number[] = [];
  for (let k = 0; k < n; k++) {
    const p = order[k]!;
    const l = pairs.left[p]!;
    const r = pairs.right[p]!;
    if (leftTaken[l] || rightTaken[r]) continue;
    leftTaken[l] = 1;
    rightTaken[r] = 1;
    accepted.push(p);
  }
  return Int32Array.from(accepted);
}

export interface TPairwiseMetrics {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

function metrics(truePairs: number, predictedPairs: number, truePositives: number): TPairwiseMetrics {
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, truePositives, precision, recall, f1 };
}

/**
 * Pairwise precision/recall/F1 of a clustering against true entity ids: a pair is predicted when
 * both records share a cluster, true when they share an entity. Computed from the contingency
 * table, so a million records cost one pass.
 */
export function pairwiseMetricsFromClusters(clusterOf: Int32Array, entityOf: Int32Array | readonly number[]): TPairwiseMetrics {
  const n = clusterOf.length;
  const choose2 = (k: number): number => (k * (k - 1)) / 2;
  const clusterSizes = new Map<number, number>();
  const entitySizes = new Map<number, number>();
  const both = new Map<number, number>();
  const SHIFT = 2 ** 26;
  for (let i = 0; i < n; i++) {
    const c = clusterOf[i]!;
    const e = entityOf[i]!;
    clusterSizes.set(c, (clusterSizes.get(c) ?? 0) + 1);
    entitySizes.set(e, (entitySizes.get(e) ?? 0) + 1);
    const key = c * SHIFT + e;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let predicted = 0;
  for (const k of clusterSizes.values()) predicted += choose2(k);
  let truth = 0;
  for (const k of entitySizes.values()) truth += choose2(k);
  let tp = 0;
  for (const k of both.values()) tp += choose2(k);
  return metrics(truth, predicted, tp);
}

/**
 * Pairwise metrics of two-party links.
 * @param isTrueMatch whether predicted pair p links the same person.
 */
export function pairwiseMetricsFromLinks(predictedPairs: number, truePositives: number, truePairs: number): TPairwiseMetrics {
  return metrics(truePairs, predictedPairs, truePositives);
}
