/**
 * The real-time duplicate check when a person is registered: the register is prepared and
 * blocked once, and each new record is scored only against the records it shares a block with,
 * using a model trained earlier on the register. The check returns candidates with their
 * explanations; deciding stays with a person (the review queue).
 */
import { buildRuleBlocks, combinedKey, DEFAULT_PREDICTION_RULES, type TBlockingRule, type TRuleBlocks } from './blocking.ts';
import { buildWeightTable, explainPair, probabilityFromWeight, scorePair, type TFellegiSunterModel, type TMatchExplanation } from './model.ts';
import { COMPARISON_COUNT } from './person-comparisons.ts';
import { prepareRecords, writePreparedRecord, type TLinkageInput, type TPreparedRecords } from './prepare-records.ts';

export interface TDuplicateCandidate {
  recordId: string;
  probability: number;
  explanation: TMatchExplanation;
}

export interface TDuplicateChecker {
  /**
   * Candidates for `probe` with a match probability at or above `minProbability` (default 0.5),
   * best first.
   */
  check(probe: TLinkageInput, minProbability?: number): TDuplicateCandidate[];
}

const PROBE_ID = '\u0000probe';

/**
 * Prepares a register for repeated checks.
 * @param model trained on this register (or a comparable one).
 */
export function createDuplicateChecker(register: readonly TLinkageInput[], model: TFellegiSunterModel, rules: readonly TBlockingRule[] = DEFAULT_PREDICTION_RULES): TDuplicateChecker {
  // one spare slot at the end holds the probe
  const prepared: TPreparedRecords = prepareRecords([...register, { recordId: PROBE_ID, givenName: null, surname: null, dateOfBirth: null, sex: null, citizenship: null, documentNumber: null, phone: null }]);
  const probeIndex = register.length;
  const blocks: TRuleBlocks[] = rules.map((rule) => buildRuleBlocks(prepared, rule));
  const table = buildWeightTable(model);
  const levels = new Int8Array(COMPARISON_COUNT);
  const nameCache = new Map<string, [string, string]>();
  return {
    check(probe, minProbability = 0.5) {
      writePreparedRecord(prepared, probeIndex, probe, nameCache);
      const seen = new Set<number>();
      const out: TDuplicateCandidate[] = [];
      for (const rb of blocks) {
        const key = combinedKey(prepared, rb.rule, rb.space, probeIndex);
        const block = key < 0 ? undefined : rb.blockIds.get(key);
        if (block === undefined) continue;
        const s = rb.start[block]!;
        const e = rb.start[block + 1]!;
        // a block too large for batch runs is still fine for one probe, up to a bound
        if (e - s > rb.maxBlockSize * 10) continue;
        for (let x = s; x < e; x++) {
          const i = rb.order[x]!;
          if (i === probeIndex || seen.has(i)) continue;
          seen.add(i);
          const weight = scorePair(model, table, prepared, i, probeIndex, levels);
          const probability = probabilityFromWeight(weight);
          if (probability >= minProbability) out.push({ recordId: prepared.recordIds[i]!, probability, explanation: explainPair(model, prepared, i, probeIndex) });
        }
      }
      return out.sort((x, y) => y.probability - x.probability);
    },
  };
}
