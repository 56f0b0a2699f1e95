/**
 * Evaluation data sets with ground truth, deterministic by seed:
 * - de-duplication sets (one agency's register): people with clusters of 1–5 records;
 * - two-party linkage sets (FEBRL4-like when the overlap is complete): party A holds first records,
 *   party B holds corrupted duplicates of the shared people plus people of its own.
 * Record order is shuffled by seed, and generation streams, so a million records need no more
 * memory than the caller keeps.
 */
import { createRng, createWeightedSampler } from '../random.ts';
import {
  applyCorruption,
  DEFAULT_CORRUPTION_WEIGHTS,
  DEFAULT_MODIFICATION_COUNTS,
  formatDraft,
  originalDraft,
  type TCorruptionKind,
} from './corrupt.ts';
import { generateEntity, type TPersonRecord, type TSyntheticEntity } from './people.ts';

export interface TCorruptionOptions {
  /** Relative frequency of each operator; missing kinds keep their defaults. */
  weights?: Partial<Record<TCorruptionKind, number>>;
  /** Probability of 0, 1, 2, … modifications in one duplicate. */
  modificationCounts?: readonly number[];
}

interface TCorruptor {
  pickKind: (rng: ReturnType<typeof createRng>) => TCorruptionKind;
  pickCount: (rng: ReturnType<typeof createRng>) => number;
}

function createCorruptor(options: TCorruptionOptions = {}): TCorruptor {
  const weights = { ...DEFAULT_CORRUPTION_WEIGHTS, ...options.weights };
  const kinds = Object.keys(weights) as TCorruptionKind[];
  const kindSampler = createWeightedSampler(kinds.map((k) => weights[k]));
  const countSampler = createWeightedSampler(options.modificationCounts ?? DEFAULT_MODIFICATION_COUNTS);
  return { pickKind: (rng) => kinds[kindSampler(rng)]!, pickCount: countSampler };
}

/** The first record of a person. */
export function originalRecord(seed: string | number, entity: TSyntheticEntity, recordId: string): TPersonRecord {
  const rng = createRng(`${seed}/e${entity.id}/c0`);
  return formatDraft(originalDraft(rng, entity), entity, recordId);
}

/**
 * Duplicate `copy` (≥ 1) of a person: the first record, re-written in another agency's formats,
 * with 0–3 modifications.
 * @returns the record and the modifications applied, in order.
 */
export function duplicateRecord(
  seed: string | number,
  entity: TSyntheticEntity,
  copy: number,
  recordId: string,
  corruption: TCorruptionOptions = {},
  corruptor: TCorruptor = createCorruptor(corruption),
): { record: TPersonRecord; applied: TCorruptionKind[] } {
  const base = createRng(`${seed}/e${entity.id}/c0`);
  const draft = originalDraft(base, entity);
  const rng = createRng(`${seed}/e${entity.id}/c${copy}`);
  const formats = originalDraft(rng, entity);
  draft.dateFormat = formats.dateFormat;
  draft.phoneFormat = formats.phoneFormat;
  draft.upperCaseNames = formats.upperCaseNames;
  const applied: TCorruptionKind[] = [];
  const count = corruptor.pickCount(rng);
  for (let i = 0; i < count; i++) applied.push(applyCorruption(rng, draft, entity, corruptor.pickKind(rng)));
  return { record: formatDraft(draft, entity, recordId), applied };
}

export interface TDedupeDatasetOptions {
  seed: string | number;
  /** Number of records to produce (the last cluster is cut to fit). */
  records: number;
  /** Relative frequency of cluster sizes 1, 2, 3, 4, 5. */
  clusterSizeWeights?: readonly number[];
  corruption?: TCorruptionOptions;
}

export const DEFAULT_CLUSTER_SIZE_WEIGHTS: readonly number[] = [0.55, 0.2, 0.12, 0.08, 0.05];

/**
 * Streams a de-duplication set in shuffled order.
 * @param onRecord called once per record with its position in the set.
 * @returns the number of distinct people.
 */
export function forEachDedupeRecord(options: TDedupeDatasetOptions, onRecord: (record: TPersonRecord, position: number) => void): number {
  const { seed, records } = options;
  const rng = createRng(`${seed}/clusters`);
  const sizeSampler = createWeightedSampler(options.clusterSizeWeights ?? DEFAULT_CLUSTER_SIZE_WEIGHTS);
  const entityOf = new Int32Array(records);
  const copyOf = new Uint8Array(records);
  let filled = 0;
  let entities = 0;
  while (filled < records) {
    const size = Math.min(1 + sizeSampler(rng), records - filled);
    for (let c = 0; c < size; c++) {
      entityOf[filled] = entities;
      copyOf[filled] = c;
      filled++;
    }
    entities++;
  }
  const order = shuffledIndices(records, `${seed}/order`);
  const corruptor = createCorruptor(options.corruption);
  let lastEntity: TSyntheticEntity | null = null;
  for (let position = 0; position < records; position++) {
    const k = order[position]!;
    const id = entityOf[k]!;
    const entity: TSyntheticEntity = lastEntity !== null && lastEntity.id === id ? lastEntity : generateEntity(seed, id);
    lastEntity = entity;
    const copy = copyOf[k]!;
    const recordId = `r${position}`;
    const record = copy === 0 ? originalRecord(seed, entity, recordId) : duplicateRecord(seed, entity, copy, recordId, options.corruption, corruptor).record;
    onRecord(record, position);
  }
  return entities;
}

/** A de-duplication set as an array (see {@link forEachDedupeRecord}). */
export function generateDedupeDataset(options: TDedupeDatasetOptions): TPersonRecord[] {
  const out: TPersonRecord[] = [];
  forEachDedupeRecord(options, (r) => out.push(r));
  return out;
}

export interface TLinkageDatasetOptions {
  seed: string | number;
  sizeA: number;
  sizeB: number;
  /** Share of the smaller party's people that the other party also holds (1 = FEBRL4-like). */
  overlap: number;
  corruption?: TCorruptionOptions;
}

/** FEBRL4's shape: 5,000 records per party, every person in both. */
export const FEBRL4_LIKE: Omit<TLinkageDatasetOptions, 'seed'> = { sizeA: 5000, sizeB: 5000, overlap: 1 };

/**
 * Streams a two-party linkage set: A holds first records, B holds duplicates (copy 1) of the
 * shared people and first records of its own people. Each side is shuffled.
 * @returns the number of people held by both parties (true matches).
 */
export function forEachLinkageRecord(
  options: TLinkageDatasetOptions,
  onRecord: (side: 'a' | 'b', record: TPersonRecord, position: number) => void,
): number {
  const { seed, sizeA, sizeB } = options;
  const shared = Math.round(Math.min(1, Math.max(0, options.overlap)) * Math.min(sizeA, sizeB));
  // people 0..shared-1 are in both; then A-only, then B-only
  const orderA = shuffledIndices(sizeA, `${seed}/order-a`);
  const corruptor = createCorruptor(options.corruption);
  for (let position = 0; position < sizeA; position++) {
    const entity = generateEntity(seed, orderA[position]!);
    onRecord('a', originalRecord(seed, entity, `a${position}`), position);
  }
  const orderB = shuffledIndices(sizeB, `${seed}/order-b`);
  for (let position = 0; position < sizeB; position++) {
    const k = orderB[position]!;
    const recordId = `b${position}`;
    if (k < shared) {
      onRecord('b', duplicateRecord(seed, generateEntity(seed, k), 1, recordId, options.corruption, corruptor).record, position);
    } else {
      const entity = generateEntity(seed, sizeA + (k - shared));
      onRecord('b', originalRecord(seed, entity, recordId), position);
    }
  }
  return shared;
}

/** A two-party linkage set as arrays (see {@link forEachLinkageRecord}). */
export function generateLinkageDatasets(options: TLinkageDatasetOptions): { a: TPersonRecord[]; b: TPersonRecord[]; trueMatches: number } {
  const a: TPersonRecord[] = [];
  const b: TPersonRecord[] = [];
  const trueMatches = forEachLinkageRecord(options, (side, r) => (side === 'a' ? a : b).push(r));
  return { a, b, trueMatches };
}

function shuffledIndices(n: number, seed: string): Int32Array {
  const rng = createRng(seed);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
