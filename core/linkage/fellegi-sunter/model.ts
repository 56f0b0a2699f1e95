/**
 * The Fellegi–Sunter model of the person comparisons: per comparison and level, m = P(level |
 * match) and u = P(level | non-match); a pair's match weight is the prior log-odds plus
 * Σ log2(m/u) over its non-null levels, plus a term-frequency adjustment on exact name levels.
 * Everything a reviewer sees ("why is this a candidate?") comes from {@link explainPair}.
 */
import { C_GIVEN, C_SURNAME, compareRecordPair, COMPARISON_COUNT, PERSON_COMPARISONS, type TComparisonDefinition } from './person-comparisons.ts';
import type { TPreparedRecords } from './prepare-records.ts';

export interface TTermFrequencies {
  /** Share of records (with a value) holding each normalised value; keyed by value so that a
   *  model trained on one set can score records of another (the real-time duplicate check). */
  given: Map<string, number>;
  surname: Map<string, number>;
  /** Σ share²: the probability that two random records agree exactly (the exact level's u). */
  givenAgreement: number;
  surnameAgreement: number;
}

export interface TFellegiSunterModel {
  comparisons: readonly TComparisonDefinition[];
  /** m[c][level] */
  m: number[][];
  /** u[c][level] */
  u: number[][];
  /** Probability that two random records are the same person. */
  lambda: number;
  termFrequencies: TTermFrequencies;
  /** Whether term-frequency adjustments are applied to exact name levels. */
  useTermFrequencies: boolean;
}

/** log2(m/u) for each comparison level, precomputed for scoring. */
export interface TWeightTable {
  prior: number;
  weights: Float64Array[];
}

export function buildWeightTable(model: TFellegiSunterModel): TWeightTable {
  return {
    prior: Math.log2(model.lambda / (1 - model.lambda)),
    weights: model.m.map((levels, c) => Float64Array.from(levels, (m, l) => Math.log2(m / model.u[c]![l]!))),
  };
}

/** Smallest value share used in a TF adjustment (a value seen once in a small set is not "unique in the world"). */
const MIN_TERM_FREQUENCY = 1e-6;

function tfAdjustment(model: TFellegiSunterModel, r: TPreparedRecords, c: number, i: number): number {
  const value = c === C_GIVEN ? r.given[i]! : r.surname[i]!;
  if (value === '') return 0;
  const table = c === C_GIVEN ? model.termFrequencies.given : model.termFrequencies.surname;
  const agreement = c === C_GIVEN ? model.termFrequencies.givenAgreement : model.termFrequencies.surnameAgreement;
  const tf = Math.max(table.get(value) ?? MIN_TERM_FREQUENCY, MIN_TERM_FREQUENCY);
  return Math.log2(agreement / tf);
}

/**
 * Match weight of records i and j (log2 odds that they are the same person).
 * @param levels scratch vector of length COMPARISON_COUNT; holds the levels afterwards.
 */
export function scorePair(model: TFellegiSunterModel, table: TWeightTable, r: TPreparedRecords, i: number, j: number, levels: Int8Array): number {
  compareRecordPair(r, i, j, levels);
  let w = table.prior;
  for (let c = 0; c < COMPARISON_COUNT; c++) {
    const l = levels[c]!;
    if (l < 0) continue;
    w += table.weights[c]![l]!;
    if (l === 0 && model.useTermFrequencies && (c === C_GIVEN || c === C_SURNAME)) w += tfAdjustment(model, r, c, i);
  }
  return w;
}

export const probabilityFromWeight = (weight: number): number => 1 / (1 + 2 ** -weight);
export const weightFromProbability = (p: number): number => Math.log2(p / (1 - p));

export interface TComparisonExplanation {
  comparison: string;
  /** -1 when a value is missing on either side (contributes nothing). */
  level: number;
  label: string;
  m: number | null;
  u: number | null;
  /** log2(m/u) */
  weight: number;
  /** Term-frequency adjustment on an exact name level (positive for a rare name). */
  termFrequencyAdjustment: number;
}

export interface TMatchExplanation {
  priorWeight: number;
  comparisons: TComparisonExplanation[];
  namesSwapped: boolean;
  totalWeight: number;
  probability: number;
}

/** Per-field account of a pair's score, in the order of the comparison vector. */
export function explainPair(model: TFellegiSunterModel, r: TPreparedRecords, i: number, j: number): TMatchExplanation {
  const table = buildWeightTable(model);
  const levels = new Int8Array(COMPARISON_COUNT);
  const namesSwapped = compareRecordPair(r, i, j, levels);
  let total = table.prior;
  const comparisons = model.comparisons.map((definition, c): TComparisonExplanation => {
    const l = levels[c]!;
    if (l < 0) return { comparison: definition.name, level: -1, label: 'missing', m: null, u: null, weight: 0, termFrequencyAdjustment: 0 };
    const weight = table.weights[c]![l]!;
    const adjustment = l === 0 && model.useTermFrequencies && (c === C_GIVEN || c === C_SURNAME) ? tfAdjustment(model, r, c, i) : 0;
    total += weight + adjustment;
    return { comparison: definition.name, level: l, label: definition.levels[l]!, m: model.m[c]![l]!, u: model.u[c]![l]!, weight, termFrequencyAdjustment: adjustment };
  });
  return { priorWeight: table.prior, comparisons, namesSwapped, totalWeight: total, probability: probabilityFromWeight(total) };
}

/** Term frequencies of given names and surnames in a prepared set. */
export function computeTermFrequencies(r: TPreparedRecords): TTermFrequencies {
  const count = (ids: Int32Array, values: readonly string[]): [Map<string, number>, number] => {
    const counts = new Float64Array(values.length);
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id >= 0) { counts[id]!++; total++; }
    }
    const shares = new Map<string, number>();
    let agreement = 0;
    for (let k = 0; k < values.length; k++) {
      const share = counts[k]! / Math.max(total, 1);
      shares.set(values[k]!, share);
      agreement += share * share;
    }
    return [shares, agreement];
  };
  const [given, givenAgreement] = count(r.givenId, r.interners.given.values);
  const [surname, surnameAgreement] = count(r.surnameId, r.interners.surname.values);
  return { given, surname, givenAgreement, surnameAgreement };
}

export { PERSON_COMPARISONS };
