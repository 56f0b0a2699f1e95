/**
 * The clear-text linkage jobs: de-duplicate one register, or link two registers, with a
 * Fellegi–Sunter model trained on the data itself (no labels). Pure computation: the server runs
 * it as a job, stores the pairs in the review queue and keeps the audit trail.
 */
import { averageLinkageClusters, greedyOneToOne, PairListBuilder, type TPairList } from '../clusters.ts';
import { buildBlockingIndex, DEFAULT_PREDICTION_RULES, forEachCandidatePair, type TBlockingReport, type TBlockingRule } from './blocking.ts';
import { buildWeightTable, weightFromProbability, scorePair, type TFellegiSunterModel } from './model.ts';
import { COMPARISON_COUNT } from './person-comparisons.ts';
import { prepareRecords, type TLinkageInput, type TPreparedRecords } from './prepare-records.ts';
import { trainModel, type TTrainingOptions, type TTrainingReport } from './estimate.ts';

/** Default decision threshold: match probability 0.9 (match weight ≈ 3.17). */
export const DEFAULT_MATCH_PROBABILITY = 0.9;

export interface TClearTextLinkOptions extends TTrainingOptions {
  predictionRules?: readonly TBlockingRule[];
  /** Pairs at or above this match probability are matches. */
  threshold?: number;
  /** A model trained earlier (skips training). */
  model?: TFellegiSunterModel;
  /** Called between stages and every million pairs, for progress bars. */
  onProgress?: (stage: string, done: number) => void;
}

export interface TClearTextLinkResult {
  model: TFellegiSunterModel;
  training: TTrainingReport | null;
  blocking: TBlockingReport[];
  candidatePairs: number;
  /** Pairs at or above the threshold (record indices into the prepared set, weights). */
  matches: TPairList;
  prepared: TPreparedRecords;
  timings: Record<string, number>;
}

function scoreCandidates(prepared: TPreparedRecords, side: Uint8Array | null, options: TClearTextLinkOptions, start: number, timings: Record<string, number>): TClearTextLinkResult {
  const onProgress = options.onProgress ?? (() => {});
  let t = performance.now();
  let model = options.model;
  let training: TTrainingReport | null = null;
  if (!model) {
    onProgress('training', 0);
    const trained = trainModel(prepared, { ...options, side });
    model = trained.model;
    training = trained.report;
    timings.trainingMs = performance.now() - t;
  }
  t = performance.now();
  onProgress('blocking', 0);
  const index = buildBlockingIndex(prepared, options.predictionRules ?? DEFAULT_PREDICTION_RULES, side);
  timings.blockingMs = performance.now() - t;
  t = performance.now();
  const table = buildWeightTable(model);
  const threshold = weightFromProbability(options.threshold ?? DEFAULT_MATCH_PROBABILITY);
  const levels = new Int8Array(COMPARISON_COUNT);
  const builder = new PairListBuilder();
  let candidates = 0;
  const blocking = forEachCandidatePair(index, (i, j) => {
    candidates++;
    if ((candidates & 0xfffff) === 0) onProgress('scoring', candidates);
    const w = scorePair(model, table, prepared, i, j, levels);
    if (w >= threshold) builder.push(i, j, w);
  });
  timings.scoringMs = performance.now() - t;
  timings.totalMs = performance.now() - start;
  return { model, training, blocking, candidatePairs: candidates, matches: builder.build(), prepared, timings };
}

export interface TDedupeResult extends TClearTextLinkResult {
  /** Cluster id per record (records of one person share it), by average linkage over the matches. */
  clusterOf: Int32Array;
  clusters: number;
}

/**
 * De-duplicates one register: train, block, score, and cluster the pairs above the threshold.
 */
export function dedupeRecords(records: readonly TLinkageInput[] | TPreparedRecords, options: TClearTextLinkOptions = {}): TDedupeResult {
  const start = performance.now();
  const timings: Record<string, number> = {};
  const prepared = 'recordIds' in records ? records : prepareRecords(records);
  timings.prepareMs = performance.now() - start;
  const result = scoreCandidates(prepared, null, options, start, timings);
  const t = performance.now();
  const table = buildWeightTable(result.model);
  const levels = new Int8Array(COMPARISON_COUNT);
  const threshold = weightFromProbability(options.threshold ?? DEFAULT_MATCH_PROBABILITY);
  // weights are clamped so that one pair cannot outvote the rest of a cluster on its own
  const clamp = (w: number) => Math.max(-20, Math.min(20, w));
  const { clusterOf, clusters } = averageLinkageClusters(prepared.size, result.matches, (i, j) => clamp(scorePair(result.model, table, prepared, i, j, levels)), threshold);
  timings.clusteringMs = performance.now() - t;
  timings.totalMs = performance.now() - start;
  return { ...result, clusterOf, clusters };
}

export interface TLinkResult extends TClearTextLinkResult {
  /** Accepted one-to-one links: index in A, index in B, match weight. */
  links: { a: number; b: number; weight: number }[];
}

/**
 * Links two registers one-to-one (each person at most once per register).
 */
export function linkRecords(a: readonly TLinkageInput[], b: readonly TLinkageInput[], options: TClearTextLinkOptions = {}): TLinkResult {
  const start = performance.now();
  const timings: Record<string, number> = {};
  const prepared = prepareRecords([...a, ...b]);
  const side = new Uint8Array(a.length + b.length);
  side.fill(1, a.length);
  timings.prepareMs = performance.now() - start;
  const result = scoreCandidates(prepared, side, options, start, timings);
  const accepted = greedyOneToOne(
    { ...result.matches, right: result.matches.right.map((j) => j - a.length) },
    a.length,
    b.length,
  );
  const links = Array.from(accepted, (p) => ({ a: result.matches.left[p]!, b: result.matches.right[p]! - a.length, weight: result.matches.score[p]! }));
  timings.totalMs = performance.now() - start;
  return { ...result, links };
}
