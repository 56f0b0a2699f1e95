import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDedupeDataset } from '../synthetic/datasets.ts';
import { REFERENCE_PARAMETERS } from './reference-model.data.ts';
import { findReviewCandidates, MIN_RECORDS_FOR_OWN_MODEL, trainReferenceModel } from './review-candidates.ts';

test('the stored reference parameters are what EM estimates on the reference register', () => {
  const trained = trainReferenceModel();
  const close = (a: number[][], b: number[][]) => a.every((row, c) => row.every((v, l) => Math.abs(v - b[c]![l]!) < 1e-12));
  assert.ok(close(trained.m, REFERENCE_PARAMETERS.m), 'm');
  assert.ok(close(trained.u, REFERENCE_PARAMETERS.u), 'u');
  assert.ok(Math.abs(trained.lambda - REFERENCE_PARAMETERS.lambda) < 1e-15);
});

const pairKeys = (records: { recordId: string; entityId: number }[]) => {
  const truth = new Set<string>();
  for (let i = 0; i < records.length; i++) for (let j = i + 1; j < records.length; j++) {
    if (records[i]!.entityId === records[j]!.entityId) truth.add([records[i]!.recordId, records[j]!.recordId].sort().join('/'));
  }
  return truth;
};

for (const [size, source] of [[150, 'reference'], [MIN_RECORDS_FOR_OWN_MODEL, 'organisation']] as const) {
  test(`review candidates of a ${size}-record register (${source} model): likely pairs first, explained, clustered`, () => {
    const records = generateDedupeDataset({ seed: `review-${size}`, records: size });
    const result = findReviewCandidates(records, { seed: 3 });
    assert.equal(result.modelSource, source);
    const stages: string[] = [];
    findReviewCandidates(records.slice(0, 30), { onProgress: (stage) => stages.push(stage) });
    assert.deepEqual([...new Set(stages)], ['training', 'blocking', 'scoring', 'clustering']);
    for (let k = 1; k < result.pairs.length; k++) assert.ok(result.pairs[k - 1]!.matchWeight >= result.pairs[k]!.matchWeight);
    const truth = pairKeys(records);
    const found = result.pairs.map((p) => [p.recordA, p.recordB].sort().join('/'));
    const hits = found.filter((k) => truth.has(k)).length;
    assert.ok(hits / truth.size >= 0.85, `recall ${hits}/${truth.size}`);
    assert.ok(hits / found.length >= 0.85, `precision ${hits}/${found.length}`);
    for (const pair of result.pairs.slice(0, 20)) {
      const sum = pair.explanation.priorWeight + pair.explanation.comparisons.reduce((s, c) => s + c.weight + c.termFrequencyAdjustment, 0);
      assert.ok(Math.abs(sum - pair.matchWeight) < 1e-9);
      assert.ok(pair.probability >= 0.5);
    }
    assert.ok(result.clusters < records.length && result.clusters > 0);
    assert.deepEqual(Object.keys(result.model).sort(), ['lambda', 'm', 'u']);
    assert.equal(findReviewCandidates(records, { seed: 3, maxPairs: 5 }).pairs.length, Math.min(5, result.pairs.length));
  });
}
