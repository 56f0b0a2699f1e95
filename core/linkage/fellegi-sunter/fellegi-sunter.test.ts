import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairwiseMetricsFromClusters } from '../clusters.ts';
import { createRng, createWeightedSampler } from '../random.ts';
import { generateDedupeDataset, generateLinkageDatasets } from '../synthetic/datasets.ts';
import { buildBlockingIndex, DEFAULT_PREDICTION_RULES, forEachCandidatePair } from './blocking.ts';
import { dedupeRecords, linkRecords } from './dedupe.ts';
import { createDuplicateChecker } from './duplicate-check.ts';
import { runEm, type TPatternSet } from './estimate.ts';
import { explainPair } from './model.ts';
import { C_DOB, C_GIVEN, C_SURNAME, compareRecordPair, COMPARISON_COUNT, PERSON_COMPARISONS } from './person-comparisons.ts';
import { prepareRecords, type TLinkageInput } from './prepare-records.ts';

const person = (recordId: string, givenName: string | null, surname: string | null, dateOfBirth: string | null, extra: Partial<TLinkageInput> = {}): TLinkageInput => ({
  recordId, givenName, surname, dateOfBirth, sex: 'F', citizenship: 'UKR', documentNumber: null, phone: null, ...extra,
});

test('comparison vectors: levels for names, swaps, dates and identifiers', () => {
  const r = prepareRecords([
    person('1', 'Olena', 'Shevchenko', '1990-05-07', { documentNumber: 'UK1234567', phone: '+380 67 123 4567' }),
    person('2', 'SHEVCHENKO', 'Olena', '07/05/1990', { documentNumber: 'UK1234568', phone: '0671234567' }),
    person('3', 'Алёна', 'Шевченко', '1990-07-05', { sex: null }),
    person('4', 'Olena', null, null),
  ]);
  const levels = new Int8Array(COMPARISON_COUNT);
  assert.equal(compareRecordPair(r, 0, 1, levels), true, 'first and last names swapped');
  assert.deepEqual(Array.from(levels), [0, 0, 1, 0, 0, 0, 1, 0]);
  compareRecordPair(r, 0, 2, levels);
  assert.equal(levels[C_SURNAME], 0, 'Шевченко transliterates to shevchenko');
  assert.ok(levels[C_GIVEN]! >= 1 && levels[C_GIVEN]! <= 3, `Olena/Алёна level ${levels[C_GIVEN]}`);
  assert.equal(levels[C_DOB], 1, 'day and month swapped');
  assert.equal(levels[4], -1, 'sex missing is the null level');
  compareRecordPair(r, 0, 3, levels);
  assert.equal(levels[C_SURNAME], -1);
  assert.equal(levels[C_DOB], -1);
});

/** Draws comparison patterns from a known model and checks that EM finds it again. */
test('EM recovers m, u and λ of a known mixture', () => {
  const rng = createRng('em');
  const lambda = 0.08;
  const truthM = PERSON_COMPARISONS.map((c, k) => c.levels.map((_, l) => (l === 0 ? 0.8 : 0.2 / (c.levels.length - 1)) + (k === 0 ? 0 : 0)));
  const truthU = PERSON_COMPARISONS.map((c) => c.levels.map((_, l) => (l === c.levels.length - 1 ? 0.85 : 0.15 / (c.levels.length - 1))));
  const mSamplers = truthM.map((p) => createWeightedSampler(p));
  const uSamplers = truthU.map((p) => createWeightedSampler(p));
  const counts = new Map<string, number>();
  for (let n = 0; n < 200_000; n++) {
    const isMatch = rng.chance(lambda);
    const levels = PERSON_COMPARISONS.map((_, c) => (isMatch ? mSamplers[c]! : uSamplers[c]!)(rng));
    const key = levels.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()];
  const patterns: TPatternSet = {
    width: COMPARISON_COUNT,
    levels: Int8Array.from(keys.flatMap((k) => k.split(',').map(Number))),
    counts: Float64Array.from(keys, (k) => counts.get(k)!),
    size: keys.length,
  };
  const start = PERSON_COMPARISONS.map((c) => c.levels.map(() => 1 / c.levels.length)).map((row) => { row[0] = row[0]! + 0.3; const s = row.reduce((a, b) => a + b, 0); return row.map((v) => v / s); });
  const uStart = PERSON_COMPARISONS.map((c) => c.levels.map(() => 1 / c.levels.length));
  const free = PERSON_COMPARISONS.map((_, c) => c);
  const result = runEm(patterns, free, start, uStart, { maxIterations: 500, convergence: 1e-7 });
  assert.ok(Math.abs(result.lambda - lambda) < 0.01, `λ ${result.lambda}`);
  for (let c = 0; c < COMPARISON_COUNT; c++) {
    for (let l = 0; l < truthM[c]!.length; l++) {
      assert.ok(Math.abs(result.m[c]![l]! - truthM[c]![l]!) < 0.03, `m[${c}][${l}] ${result.m[c]![l]} vs ${truthM[c]![l]}`);
      assert.ok(Math.abs(result.u[c]![l]! - truthU[c]![l]!) < 0.01, `u[${c}][${l}] ${result.u[c]![l]} vs ${truthU[c]![l]}`);
    }
  }
});

test('blocking produces each candidate pair once, and only across parties when asked', () => {
  const records = generateDedupeDataset({ seed: 'blocking', records: 1500 });
  const r = prepareRecords(records);
  const seen = new Set<number>();
  const reports = forEachCandidatePair(buildBlockingIndex(r, DEFAULT_PREDICTION_RULES), (i, j) => {
    assert.ok(i < j);
    const key = i * r.size + j;
    assert.ok(!seen.has(key), 'pair produced twice');
    seen.add(key);
  });
  assert.equal(reports.reduce((s, x) => s + x.pairs, 0), seen.size);
  const side = new Uint8Array(r.size).fill(1, 700);
  forEachCandidatePair(buildBlockingIndex(r, DEFAULT_PREDICTION_RULES, side), (i, j) => {
    assert.equal(side[i], 0);
    assert.equal(side[j], 1);
  });
});

const dedupeRecordsOf = generateDedupeDataset({ seed: 'fs-dedupe', records: 4000 });
const dedupe = dedupeRecords(dedupeRecordsOf, { seed: 1, randomPairs: 300_000 });

test('de-duplication of a generated register: pairwise precision and recall at the default threshold', () => {
  const metrics = pairwiseMetricsFromClusters(dedupe.clusterOf, dedupeRecordsOf.map((r) => r.entityId));
  assert.ok(metrics.precision >= 0.95, `precision ${metrics.precision}`);
  assert.ok(metrics.recall >= 0.95, `recall ${metrics.recall}`);
  assert.ok(dedupe.model.lambda > 0 && dedupe.model.lambda < 0.01);
  // u of an exact document match is tiny, m large: the strongest single piece of evidence
  assert.ok(dedupe.model.m[6]![0]! > 0.5 && dedupe.model.u[6]![0]! < 0.001);
});

test('explanations add up to the match weight; rare names weigh more than common ones', () => {
  const r = dedupe.prepared;
  const m = dedupe.matches;
  for (let p = 0; p < Math.min(50, m.count); p++) {
    const e = explainPair(dedupe.model, r, m.left[p]!, m.right[p]!);
    const sum = e.priorWeight + e.comparisons.reduce((s, c) => s + c.weight + c.termFrequencyAdjustment, 0);
    assert.ok(Math.abs(sum - e.totalWeight) < 1e-9);
    assert.ok(Math.abs(e.totalWeight - m.score[p]!) < 1e-9);
    assert.equal(e.comparisons.length, PERSON_COMPARISONS.length);
  }
  const tf = dedupe.model.termFrequencies.surname;
  const [common] = [...tf.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const rareRecords = [person('x1', 'Ana', 'Zzyzxowicz', null), person('x2', 'Ana', 'Zzyzxowicz', null), person('c1', 'Ana', common, null), person('c2', 'Ana', common, null)];
  const small = prepareRecords(rareRecords);
  const rare = explainPair(dedupe.model, small, 0, 1).comparisons[C_SURNAME]!;
  const usual = explainPair(dedupe.model, small, 2, 3).comparisons[C_SURNAME]!;
  assert.equal(rare.level, 0);
  assert.ok(rare.termFrequencyAdjustment > 0 && usual.termFrequencyAdjustment < 0, `${rare.termFrequencyAdjustment} ${usual.termFrequencyAdjustment}`);
});

test('two-register linkage is one-to-one and accurate on a FEBRL4-like set', () => {
  const { a, b, trueMatches } = generateLinkageDatasets({ seed: 'fs-link', sizeA: 1500, sizeB: 1500, overlap: 1 });
  const result = linkRecords(a, b, { seed: 2, randomPairs: 300_000 });
  const usedA = new Set(result.links.map((l) => l.a));
  const usedB = new Set(result.links.map((l) => l.b));
  assert.equal(usedA.size, result.links.length);
  assert.equal(usedB.size, result.links.length);
  const correct = result.links.filter((l) => a[l.a]!.entityId === b[l.b]!.entityId).length;
  assert.ok(correct / result.links.length >= 0.98, `precision ${correct / result.links.length}`);
  assert.ok(correct / trueMatches >= 0.95, `recall ${correct / trueMatches}`);
});

test('the real-time check finds the registered person and explains why', () => {
  const register = dedupeRecordsOf.slice(0, 3000);
  const checker = createDuplicateChecker(register, dedupe.model);
  const target = register[17]!;
  const found = checker.check({ ...target, recordId: 'new', givenName: target.givenName?.toUpperCase() ?? null });
  assert.ok(found.length >= 1);
  assert.equal(found.find((c) => c.recordId === target.recordId)?.recordId, target.recordId);
  assert.ok(found[0]!.probability >= 0.5);
  assert.equal(found[0]!.explanation.comparisons.length, PERSON_COMPARISONS.length);
  assert.deepEqual(checker.check(person('nobody', 'Qwxyzt', 'Vbnmlk', '1901-01-01', { citizenship: 'ZZZ' })), []);
});
