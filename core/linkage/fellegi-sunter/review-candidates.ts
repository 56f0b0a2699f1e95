/**
 * What a within-organisation de-duplication job hands to people: candidate pairs for the review
 * queue, each with its per-field explanation, and the clusters the model would form on its own.
 *
 * The model is trained by EM on the organisation's own persons when there are enough of them. A
 * small register (an NGO with a few hundred persons) gives EM too few blocked pairs: its m's come
 * out 0 or 1 (measured: 30 records → m(exact date) = 1.000). Such a register is scored with a
 * reference model, trained by the same EM on a generated register, with λ rescaled to the
 * register's size (a constant share of duplicates per person makes λ ∝ 1/n) and term frequencies
 * from the register itself. The job says which was used.
 */
import { averageLinkageClusters, PairListBuilder } from '../clusters.ts';
import { generateDedupeDataset } from '../synthetic/datasets.ts';
import { buildBlockingIndex, DEFAULT_PREDICTION_RULES, forEachCandidatePair } from './blocking.ts';
import { DEFAULT_MATCH_PROBABILITY } from './dedupe.ts';
import { trainModel } from './estimate.ts';
import { buildWeightTable, computeTermFrequencies, explainPair, probabilityFromWeight, scorePair, weightFromProbability, type TFellegiSunterModel, type TMatchExplanation } from './model.ts';
import { COMPARISON_COUNT, PERSON_COMPARISONS } from './person-comparisons.ts';
import { REFERENCE_PARAMETERS, REFERENCE_RECORDS, REFERENCE_SEED } from './reference-model.data.ts';
import { prepareRecords, type TLinkageInput, type TPreparedRecords } from './prepare-records.ts';

/** Below this many records the organisation's own EM estimates are not trusted. */
export const MIN_RECORDS_FOR_OWN_MODEL = 2000;

export type TModelSource = 'organisation' | 'reference';

/** The parameters of a model without its term frequencies (which hold names): safe to store. */
export interface TStoredModel {
  m: number[][];
  u: number[][];
  lambda: number;
}

/** Trains the reference model from scratch (what reference-model.data.ts holds). */
export function trainReferenceModel(): TFellegiSunterModel {
  const records = generateDedupeDataset({ seed: REFERENCE_SEED, records: REFERENCE_RECORDS });
  return trainModel(prepareRecords(records), { seed: REFERENCE_SEED, randomPairs: 300_000 }).model;
}

/** The reference model, from its stored parameters (term frequencies come from each register). */
export function getReferenceModel(): TFellegiSunterModel {
  return {
    comparisons: PERSON_COMPARISONS, m: REFERENCE_PARAMETERS.m, u: REFERENCE_PARAMETERS.u, lambda: REFERENCE_PARAMETERS.lambda,
    termFrequencies: { given: new Map(), surname: new Map(), givenAgreement: 0, surnameAgreement: 0 }, useTermFrequencies: true,
  };
}

/** A stored model (or the reference one) applied to a register: λ for its size, its term frequencies. */
export function modelForRegister(prepared: TPreparedRecords, stored: TStoredModel | null): TFellegiSunterModel {
  const base = getReferenceModel();
  const lambda = stored ? stored.lambda : Math.min(0.5, (base.lambda * REFERENCE_RECORDS) / Math.max(prepared.size, 2));
  return { ...base, ...(stored ? { m: stored.m, u: stored.u } : {}), lambda, termFrequencies: computeTermFrequencies(prepared) };
}

export function storedModelOf(model: TFellegiSunterModel): TStoredModel {
  return { m: model.m, u: model.u, lambda: model.lambda };
}

export interface TReviewCandidate {
  /** Record ids, in the order given to {@link findReviewCandidates}. */
  recordA: string;
  recordB: string;
  matchWeight: number;
  probability: number;
  explanation: TMatchExplanation;
  /** Cluster of the pair at the match threshold (a number local to this run), or null below it. */
  clusterKey: number | null;
}

export interface TReviewCandidatesOptions {
  /** Pairs at or above this probability go to the queue (default 0.5). */
  minProbability?: number;
  /** Clusters are formed at this probability (default {@link DEFAULT_MATCH_PROBABILITY}). */
  matchProbability?: number;
  /** At most this many pairs, the most likely first (default 20,000). */
  maxPairs?: number;
  seed?: string | number;
  onProgress?: (stage: 'training' | 'blocking' | 'scoring' | 'clustering', fraction: number) => void;
}

export interface TReviewCandidatesResult {
  modelSource: TModelSource;
  model: TStoredModel;
  candidatePairs: number;
  pairs: TReviewCandidate[];
  clusters: number;
}

/**
 * Trains (or borrows) a model, blocks, scores every blocked pair and keeps the likely ones with
 * their explanations. Pure and synchronous: the server runs it in a worker thread.
 */
export function findReviewCandidates(records: readonly TLinkageInput[], options: TReviewCandidatesOptions = {}): TReviewCandidatesResult {
  const progress = options.onProgress ?? (() => {});
  const prepared = prepareRecords(records);
  progress('training', 0);
  let model: TFellegiSunterModel;
  let modelSource: TModelSource = 'organisation';
  if (prepared.size >= MIN_RECORDS_FOR_OWN_MODEL) {
    model = trainModel(prepared, { seed: options.seed ?? 'palermo-dedupe', randomPairs: 1_000_000 }).model;
  } else {
    modelSource = 'reference';
    model = modelForRegister(prepared, null);
  }
  progress('blocking', 0);
  const index = buildBlockingIndex(prepared, DEFAULT_PREDICTION_RULES);
  const table = buildWeightTable(model);
  const minWeight = weightFromProbability(options.minProbability ?? 0.5);
  const matchWeight = weightFromProbability(options.matchProbability ?? DEFAULT_MATCH_PROBABILITY);
  const levels = new Int8Array(COMPARISON_COUNT);
  const kept = new PairListBuilder();
  const matches = new PairListBuilder();
  let candidatePairs = 0;
  progress('scoring', 0);
  forEachCandidatePair(index, (i, j) => {
    candidatePairs++;
    if ((candidatePairs & 0xffff) === 0) progress('scoring', candidatePairs);
    const w = scorePair(model, table, prepared, i, j, levels);
    if (w >= minWeight) kept.push(i, j, w);
    if (w >= matchWeight) matches.push(i, j, w);
  });
  progress('clustering', 0);
  const clamp = (w: number) => Math.max(-20, Math.min(20, w));
  const { clusterOf, clusters } = averageLinkageClusters(prepared.size, matches.build(), (i, j) => clamp(scorePair(model, table, prepared, i, j, levels)), matchWeight);
  const list = kept.build();
  const order = Array.from({ length: list.count }, (_, p) => p).sort((x, y) => list.score[y]! - list.score[x]!).slice(0, options.maxPairs ?? 20_000);
  const pairs = order.map((p): TReviewCandidate => {
    const i = list.left[p]!;
    const j = list.right[p]!;
    const w = list.score[p]!;
    return {
      recordA: prepared.recordIds[i]!,
      recordB: prepared.recordIds[j]!,
      matchWeight: w,
      probability: probabilityFromWeight(w),
      explanation: explainPair(model, prepared, i, j),
      clusterKey: clusterOf[i] === clusterOf[j] && w >= matchWeight ? clusterOf[i]! : null,
    };
  });
  return { modelSource, model: storedModelOf(model), candidatePairs, pairs, clusters };
}
