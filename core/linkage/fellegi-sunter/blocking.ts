/**
 * Blocking for clear-text linkage, Splink-style: a list of equi-join rules whose union is the set
 * of candidate pairs. Each rule is a conjunction of blocking keys; a pair is produced by the first
 * rule that blocks it, so no pair is scored twice and no global pair set is needed. A block larger
 * than the rule's `maxBlockSize` is skipped (and the skip is reported), which is how a common name
 * is kept from producing millions of pairs. Fuzzy matching happens in the comparisons, never here.
 */
import type { TRng } from '../random.ts';
import type { TPreparedRecords } from './prepare-records.ts';

export type TBlockingKey =
  | 'names' | 'given_key' | 'surname_key' | 'birth_year' | 'dob' | 'dob_unordered' | 'sex' | 'citizenship' | 'document' | 'phone';

export interface TBlockingRule {
  /** Shown in reports ("names + birth year"). */
  name: string;
  keys: readonly TBlockingKey[];
  /** Blocks with more records are skipped (default {@link DEFAULT_MAX_BLOCK_SIZE}). */
  maxBlockSize?: number;
}

export const DEFAULT_MAX_BLOCK_SIZE = 400;

/**
 * Default prediction rules for person records. "names" is the unordered pair of phonetic keys,
 * so it survives transliteration and a first/last swap; "dob_unordered" is year plus the unordered
 * day/month pair, so it survives a day/month swap.
 */
export const DEFAULT_PREDICTION_RULES: readonly TBlockingRule[] = [
  { name: 'names + birth year', keys: ['names', 'birth_year'] },
  { name: 'date of birth (day/month unordered) + citizenship', keys: ['dob_unordered', 'citizenship'] },
  { name: 'document number', keys: ['document'] },
  { name: 'phone', keys: ['phone'] },
  { name: 'date of birth (day/month unordered) + sex', keys: ['dob_unordered', 'sex'], maxBlockSize: 60 },
  { name: 'given name key + surname key', keys: ['names'], maxBlockSize: 60 },
];

/** Training rules for EM sessions: each leaves the comparisons it blocks on out of that session. */
export const DEFAULT_TRAINING_RULES: readonly TBlockingRule[] = [
  { name: 'date of birth', keys: ['dob'], maxBlockSize: 1000 },
  { name: 'names', keys: ['names'], maxBlockSize: 1000 },
];

/** Key value of one record for one key kind, as a number in [0, cardinality); -1 when missing. */
function keyComponent(r: TPreparedRecords, key: TBlockingKey, i: number, keySpace: number): number {
  switch (key) {
    case 'names': {
      const a = r.givenKeyId[i]!;
      const b = r.surnameKeyId[i]!;
      if (a < 0 || b < 0) return -1;
      return a < b ? a * keySpace + b : b * keySpace + a;
    }
    case 'given_key': return r.givenKeyId[i]!;
    case 'surname_key': return r.surnameKeyId[i]!;
    case 'birth_year': return r.birthYear[i]! === 0 ? -1 : r.birthYear[i]! - 1800;
    case 'dob': return r.dobId[i]!;
    case 'dob_unordered': {
      const dob = r.dob[i]!;
      if (dob === '') return -1;
      const m = Number(dob.slice(5, 7));
      const d = Number(dob.slice(8, 10));
      return (r.birthYear[i]! - 1800) * 10000 + Math.min(m, d) * 100 + Math.max(m, d);
    }
    case 'sex': return r.sex[i]! === 0 ? -1 : r.sex[i]!;
    case 'citizenship': return r.citizenshipId[i]!;
    case 'document': return r.documentId[i]!;
    case 'phone': return r.phoneId[i]!;
  }
}

function keyCardinality(r: TPreparedRecords, key: TBlockingKey, keySpace: number): number {
  switch (key) {
    case 'names': return keySpace ** 2;
    case 'given_key': case 'surname_key': return r.interners.key.size;
    case 'birth_year': return 500;
    case 'dob': return r.interners.dob.size;
    case 'dob_unordered': return 500 * 10000;
    case 'sex': return 4;
    case 'citizenship': return r.interners.citizenship.size;
    case 'document': return r.interners.document.size;
    case 'phone': return r.interners.phone.size;
  }
}

/** Sizes of the key spaces when a rule's blocks were built (so later records key the same way). */
interface TKeySpace {
  /** Phonetic keys known + 1. */
  keys: number;
  cardinalities: number[];
}

/** One rule's blocks: records grouped by key (counting sort). */
export interface TRuleBlocks {
  rule: TBlockingRule;
  space: TKeySpace;
  maxBlockSize: number;
  /** Block id per record, -1 when a key component is missing. */
  blockOf: Int32Array;
  /** Combined key → block id (to place a new record, e.g. in the real-time duplicate check). */
  blockIds: Map<number, number>;
  /** Records of block b are order[start[b] .. start[b+1]). */
  start: Int32Array;
  order: Int32Array;
}

/**
 * Groups records by one rule's key.
 * @throws RangeError when the combined key space exceeds 2^53 (a rule with too many high-cardinality keys).
 */
export function buildRuleBlocks(r: TPreparedRecords, rule: TBlockingRule): TRuleBlocks {
  const keys = r.interners.key.size + 1;
  const space: TKeySpace = { keys, cardinalities: rule.keys.map((k) => keyCardinality(r, k, keys)) };
  let total = 1;
  for (const c of space.cardinalities) total *= c;
  if (total > Number.MAX_SAFE_INTEGER) throw new RangeError(`blocking rule "${rule.name}" combines too many keys`);
  const n = r.size;
  const blockOf = new Int32Array(n);
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const combined = combinedKey(r, rule, space, i);
    if (combined < 0) { blockOf[i] = -1; continue; }
    let id = ids.get(combined);
    if (id === undefined) { id = ids.size; ids.set(combined, id); }
    blockOf[i] = id;
  }
  const blocks = ids.size;
  const start = new Int32Array(blocks + 1);
  for (let i = 0; i < n; i++) if (blockOf[i]! >= 0) start[blockOf[i]! + 1]!++;
  for (let b = 0; b < blocks; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, blocks);
  const order = new Int32Array(start[blocks]!);
  for (let i = 0; i < n; i++) {
    const b = blockOf[i]!;
    if (b >= 0) order[fill[b]!++] = i;
  }
  return { rule, space, maxBlockSize: rule.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE, blockOf, blockIds: ids, start, order };
}

/**
 * The rule's key of record i as one number (mixed radix over the key components, in the key
 * space frozen when the blocks were built), or -1 when a component is missing or a value was
 * interned after the blocks were built: a value nobody else had blocks with nobody.
 */
export function combinedKey(r: TPreparedRecords, rule: TBlockingRule, space: TKeySpace, i: number): number {
  let combined = 0;
  for (let k = 0; k < rule.keys.length; k++) {
    const key = rule.keys[k]!;
    const cardinality = space.cardinalities[k]!;
    if ((key === 'names' || key === 'given_key' || key === 'surname_key') && (r.givenKeyId[i]! >= space.keys - 1 || r.surnameKeyId[i]! >= space.keys - 1)) return -1;
    const c = keyComponent(r, key, i, space.keys);
    if (c < 0 || c >= cardinality) return -1;
    combined = combined * cardinality + c;
  }
  return combined;
}

export interface TBlockingIndex {
  rules: TRuleBlocks[];
  /** Party of each record for two-party linkage (only cross-party pairs are candidates), else null. */
  side: Uint8Array | null;
}

export function buildBlockingIndex(r: TPreparedRecords, rules: readonly TBlockingRule[], side: Uint8Array | null = null): TBlockingIndex {
  return { rules: rules.map((rule) => buildRuleBlocks(r, rule)), side };
}

const blockSize = (rb: TRuleBlocks, b: number): number => rb.start[b + 1]! - rb.start[b]!;

/** true when an earlier rule already produces the pair (so this rule must not). */
function isCoveredEarlier(index: TBlockingIndex, upTo: number, i: number, j: number): boolean {
  for (let q = 0; q < upTo; q++) {
    const rb = index.rules[q]!;
    const b = rb.blockOf[i]!;
    if (b >= 0 && b === rb.blockOf[j]! && blockSize(rb, b) <= rb.maxBlockSize) return true;
  }
  return false;
}

export interface TBlockingReport {
  rule: string;
  blocks: number;
  /** Blocks over the size limit, skipped. */
  skippedBlocks: number;
  /** Records in skipped blocks. */
  skippedRecords: number;
  /** Pairs this rule adds (not produced by an earlier rule). */
  pairs: number;
}

/**
 * Visits every candidate pair once (i < j for one party; i in side 0 and j in side 1 for two).
 * @returns per-rule counts, for the report a run shows before and after scoring.
 */
export function forEachCandidatePair(index: TBlockingIndex, visit: (i: number, j: number, rule: number) => void): TBlockingReport[] {
  const side = index.side;
  const reports: TBlockingReport[] = [];
  for (let q = 0; q < index.rules.length; q++) {
    const rb = index.rules[q]!;
    const report: TBlockingReport = { rule: rb.rule.name, blocks: rb.start.length - 1, skippedBlocks: 0, skippedRecords: 0, pairs: 0 };
    for (let b = 0; b + 1 < rb.start.length; b++) {
      const s = rb.start[b]!;
      const e = rb.start[b + 1]!;
      if (e - s < 2) continue;
      if (e - s > rb.maxBlockSize) {
        report.skippedBlocks++;
        report.skippedRecords += e - s;
        continue;
      }
      for (let x = s; x < e; x++) {
        const i0 = rb.order[x]!;
        for (let y = x + 1; y < e; y++) {
          let i = i0;
          let j = rb.order[y]!;
          if (side !== null) {
            if (side[i] === side[j]) continue;
            if (side[i] === 1) { const t = i; i = j; j = t; }
          } else if (j < i) { const t = i; i = j; j = t; }
          if (q > 0 && isCoveredEarlier(index, q, i, j)) continue;
          report.pairs++;
          visit(i, j, q);
        }
      }
    }
    reports.push(report);
  }
  return reports;
}

/**
 * Samples pairs of one rule for an EM session: blocks in random order, all pairs of a block,
 * until `maxPairs`. Cheap and unbiased over blocks; blocks over the size limit are skipped.
 */
export function sampleRulePairs(rb: TRuleBlocks, side: Uint8Array | null, maxPairs: number, rng: TRng, visit: (i: number, j: number) => void): number {
  const blocks = rb.start.length - 1;
  const ids = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) ids[b] = b;
  for (let b = blocks - 1; b > 0; b--) {
    const k = rng.int(b + 1);
    const t = ids[b]!; ids[b] = ids[k]!; ids[k] = t;
  }
  let count = 0;
  for (let t = 0; t < blocks && count < maxPairs; t++) {
    const b = ids[t]!;
    const s = rb.start[b]!;
    const e = rb.start[b + 1]!;
    if (e - s < 2 || e - s > rb.maxBlockSize) continue;
    for (let x = s; x < e && count < maxPairs; x++) {
      for (let y = x + 1; y < e && count < maxPairs; y++) {
        const i = rb.order[x]!;
        const j = rb.order[y]!;
        if (side !== null && side[i] === side[j]) continue;
        visit(i, j);
        count++;
      }
    }
  }
  return count;
}
