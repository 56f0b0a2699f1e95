/**
 * pprl_1m_x_1m_seconds (with precision and recall) and the FEBRL4-like 5,000 × 5,000 accuracy of
 * CLK linkage, plain and hardened.
 *
 * Two parties of n records each (n = 1,000,000 × scale); `overlap` of them are the same people,
 * the rest are each party's own. Party A holds first records, party B corrupted duplicates
 * (typos, OCR, transliteration, swapped names, missing values, day/month swaps — see
 * core/linkage/synthetic). Timed: the linkage run on the encodings (blocking, comparison on two
 * worker threads, one-to-one solving, cluster ids), as a linkage unit would run it. Not timed:
 * generating and encoding the records (each party does that on its own machine; reported apart).
 */
import { DEFAULT_CLK_SCHEMA, type TClkSchema } from '../../core/linkage/clk/clk-schema.ts';
import { normaliseClkValues, createClkEncoder } from '../../core/linkage/clk/encode.ts';
import { createEncodedSetBuilder, encodeRecords, type TEncodedSet } from '../../core/linkage/clk/encodings.ts';
import { DEFAULT_CANDIDATE_THRESHOLD, DEFAULT_DICE_THRESHOLD, linkEncodedSets, type TPprlOptions, type TPprlResult } from '../../core/linkage/clk/link-encodings.ts';
import { FEBRL4_LIKE, forEachLinkageRecord, generateLinkageDatasets } from '../../core/linkage/synthetic/datasets.ts';
import { linkRecords } from '../../core/linkage/fellegi-sunter/dedupe.ts';
import { fmt, ratioLine } from './bench-support.ts';

const SECRET = 'benchmark secret shared out of band between the parties';

export interface TParty { set: TEncodedSet; entityOf: Int32Array }

function linkQuality(result: TPprlResult, a: TParty, b: TParty, trueMatches: number) {
  let correct = 0;
  for (let p = 0; p < result.links.count; p++) if (a.entityOf[result.links.left[p]!] === b.entityOf[result.links.right[p]!]) correct++;
  const precision = result.links.count === 0 ? 1 : correct / result.links.count;
  const recall = correct / trueMatches;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), correct };
}

/** Encodes both parties record by record; returns encoded sets with the truth per position. */
export function encodeParties(options: { seed: string; size: number; overlap: number; schema?: TClkSchema }): { a: TParty; b: TParty; trueMatches: number; seconds: number } {
  const t0 = performance.now();
  const encoder = createClkEncoder(SECRET, options.schema ?? DEFAULT_CLK_SCHEMA);
  const builders = { a: createEncodedSetBuilder(encoder, options.size), b: createEncodedSetBuilder(encoder, options.size) };
  const generated = { a: new Int32Array(options.size), b: new Int32Array(options.size) };
  const nameCache = new Map<string, [string, string]>();
  const trueMatches = forEachLinkageRecord({ seed: options.seed, sizeA: options.size, sizeB: options.size, overlap: options.overlap }, (side, record, position) => {
    generated[side][position] = record.entityId;
    builders[side].add(normaliseClkValues(record, nameCache), String(position));
  });
  const party = (side: 'a' | 'b'): TParty => {
    const { set, localIds } = builders[side].finish();
    return { set, entityOf: Int32Array.from(localIds, (id) => generated[side][Number(id)]!) };
  };
  const a = party('a');
  const b = party('b');
  return { a, b, trueMatches, seconds: (performance.now() - t0) / 1000 };
}

export async function benchPprlMillion(scale: number, overlap: number): Promise<void> {
  const size = Math.round(1_000_000 * scale);
  const { a, b, trueMatches, seconds: setup } = encodeParties({ seed: 'pprl-1m', size, overlap });
  console.log(`(generated and encoded ${size.toLocaleString('en')} + ${size.toLocaleString('en')} records in ${setup.toFixed(1)} s, ${(2 * size / setup / 1000).toFixed(1)} k records/s incl. generation; ${trueMatches.toLocaleString('en')} shared people)`);
  const t0 = performance.now();
  const result = await linkEncodedSets(a.set, b.set, { threads: 2 });
  const seconds = (performance.now() - t0) / 1000;
  const q = linkQuality(result, a, b, trueMatches);
  const s = result.stats;
  const t = s.timings;
  const label = scale === 1 ? '' : ` [scale ${scale}: ${size.toLocaleString('en')} × ${size.toLocaleString('en')}]`;
  ratioLine('pprl_1m_x_1m_seconds', seconds,
    `precision ${fmt(q.precision)}, recall ${fmt(q.recall)} (Fellegi–Sunter on encoded comparisons, candidates at Dice ≥ ${DEFAULT_CANDIDATE_THRESHOLD}, λ ${s.model?.lambda.toFixed(4)}), overlap ${overlap}; ${s.blocks.toLocaleString('en')} blocks (${s.skippedBlocks.toLocaleString('en')} over the size limit), ${(s.comparisons / 1e6).toFixed(1)} M comparisons, ${s.candidatePairs.toLocaleString('en')} candidate pairs, ${s.links.toLocaleString('en')} links; blocking ${(t.blockingMs! / 1000).toFixed(2)} s, layout ${(t.layoutMs! / 1000).toFixed(2)} s, comparing ${(t.comparingMs! / 1000).toFixed(2)} s, solving ${(t.solvingMs! / 1000).toFixed(2)} s${label}`,
    { op: '<=', target: 60 });
  ratioLine('pprl_1m_x_1m_precision', q.precision, `${q.correct.toLocaleString('en')} of ${s.links.toLocaleString('en')} links correct${label}`, { op: '>=', target: 0.99 });
  ratioLine('pprl_1m_x_1m_recall', q.recall, `${q.correct.toLocaleString('en')} of ${trueMatches.toLocaleString('en')} shared people linked${label}`, { op: '>=', target: 0.98 });
}

export async function benchFebrl4(): Promise<void> {
  const { a, b, trueMatches } = generateLinkageDatasets({ seed: 'febrl4-like', ...FEBRL4_LIKE });
  // plaintext Fellegi–Sunter, trained on the two files themselves
  const t0 = performance.now();
  const plain = linkRecords(a, b, { seed: 'febrl4' });
  const plainSeconds = (performance.now() - t0) / 1000;
  const correctPlain = plain.links.filter((l) => a[l.a]!.entityId === b[l.b]!.entityId).length;
  const pp = correctPlain / plain.links.length;
  const pr = correctPlain / trueMatches;
  ratioLine('febrl4_5k_plaintext_precision', pp, `Fellegi–Sunter with EM, p ≥ 0.9, one-to-one; ${plain.links.length} links, ${plain.candidatePairs} candidate pairs, ${plainSeconds.toFixed(1)} s`, { op: '>=', target: 0.99 });
  ratioLine('febrl4_5k_plaintext_recall', pr, `${correctPlain} of ${trueMatches}; F1 ${fmt((2 * pp * pr) / (pp + pr))} (performance.md goal F1 ≥ 0.99)`, { op: '>=', target: 0.98 });

  const entityOf = (records: typeof a, localIds: string[]) => {
    const byId = new Map(records.map((r) => [r.recordId, r.entityId]));
    return Int32Array.from(localIds, (id) => byId.get(id)!);
  };
  const run = async (schema: TClkSchema, options: TPprlOptions = {}) => {
    const ea = encodeRecords(a, SECRET, { schema });
    const eb = encodeRecords(b, SECRET, { schema });
    const result = await linkEncodedSets(ea.set, eb.set, { threads: 2, ...options });
    return linkQuality(result, { set: ea.set, entityOf: entityOf(a, ea.localIds) }, { set: eb.set, entityOf: entityOf(b, eb.localIds) }, trueMatches);
  };
  const clk = await run(DEFAULT_CLK_SCHEMA);
  ratioLine('febrl4_5k_clk_precision', clk.precision, `1024-bit CLK, Fellegi–Sunter on encoded comparisons, one-to-one (anchor: clkhash 1.000 on FEBRL4 at Dice 0.8)`, { op: '>=', target: 0.99 });
  ratioLine('febrl4_5k_clk_recall', clk.recall, `${clk.correct} of ${trueMatches} (anchor: clkhash 0.992 on FEBRL4 at Dice 0.8)`, { op: '>=', target: 0.98 });
  const diceOnly = await run(DEFAULT_CLK_SCHEMA, { classifier: 'dice' });
  ratioLine('febrl4_5k_clk_dice_only_recall', diceOnly.recall, `plain Dice ≥ ${DEFAULT_DICE_THRESHOLD} as anonlink does: precision ${fmt(diceOnly.precision)}, recall ${fmt(diceOnly.recall)}`);
  const salted = await run({ ...DEFAULT_CLK_SCHEMA, hardening: { salt: 'birth_year', balance: false } });
  ratioLine('febrl4_5k_clk_salted_recall_loss', clk.recall - salted.recall, `salted by birth year: precision ${fmt(salted.precision)}, recall ${fmt(salted.recall)} vs ${fmt(clk.recall)} unhardened`);
  const balanced = await run({ ...DEFAULT_CLK_SCHEMA, hardening: { salt: 'none', balance: true } });
  ratioLine('febrl4_5k_clk_balanced_recall_loss', clk.recall - balanced.recall, `balanced 2048-bit: precision ${fmt(balanced.precision)}, recall ${fmt(balanced.recall)} vs ${fmt(clk.recall)} unhardened (balanced Dice is 1 − Hamming/length; the classifier learns its bands)`);
}
