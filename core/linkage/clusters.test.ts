import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { averageLinkageClusters, connectedComponents, greedyOneToOne, PairListBuilder, pairwiseMetricsFromClusters } from './clusters.ts';

test('connected components join transitively and number clusters in first-seen order', () => {
  const builder = new PairListBuilder();
  builder.push(0, 2, 1);
  builder.push(2, 4, 1);
  builder.push(5, 6, 1);
  const { clusterOf, clusters } = connectedComponents(7, builder.build());
  assert.deepEqual(Array.from(clusterOf), [0, 1, 0, 2, 0, 3, 3]);
  assert.equal(clusters, 4);
});

test('average linkage refuses to chain namesakes that connected components would join', () => {
  // a–b and b–c are links; a and c are clearly different people (compared on demand)
  const builder = new PairListBuilder();
  builder.push(0, 1, 10);
  builder.push(1, 2, 9);
  builder.push(3, 4, 8);
  const pairs = builder.build();
  const scores: Record<string, number> = { '0,2': -20, '2,0': -20, '3,4': 8, '4,3': 8 };
  const score = (i: number, j: number) => scores[`${i},${j}`] ?? 10;
  assert.equal(connectedComponents(5, pairs).clusters, 2);
  const { clusterOf, clusters, declined } = averageLinkageClusters(5, pairs, score, 3);
  assert.deepEqual(Array.from(clusterOf), [0, 0, 1, 2, 2]);
  assert.equal(clusters, 3);
  assert.equal(declined, 1);
});

test('greedy one-to-one is a matching that takes the best pair first', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(9), fc.nat(9), fc.integer({ min: 0, max: 1000 })), { maxLength: 60 }), (raw) => {
      const builder = new PairListBuilder();
      for (const [l, r, s] of raw) builder.push(l, r, s / 1000);
      const pairs = builder.build();
      const accepted = greedyOneToOne(pairs, 10, 10);
      const left = new Set<number>();
      const right = new Set<number>();
      for (const p of accepted) {
        if (left.has(pairs.left[p]!) || right.has(pairs.right[p]!)) return false;
        left.add(pairs.left[p]!);
        right.add(pairs.right[p]!);
      }
      // maximal: every rejected pair conflicts with an accepted pair of at least its score
      for (let p = 0; p < pairs.count; p++) {
        if (accepted.includes(p)) continue;
        const blocked = Array.from(accepted).some((q) => (pairs.left[q] === pairs.left[p] || pairs.right[q] === pairs.right[p]) && pairs.score[q]! >= pairs.score[p]!);
        if (!blocked) return false;
      }
      return true;
    }),
    { numRuns: 300 },
  );
});

test('pairwise metrics from clusters equal brute-force pair counting', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { minLength: 1, maxLength: 40 }), (raw) => {
      const predicted = Int32Array.from(raw, ([c]) => c);
      const truth = raw.map(([, e]) => e);
      let tp = 0;
      let pp = 0;
      let tt = 0;
      for (let i = 0; i < raw.length; i++) {
        for (let j = i + 1; j < raw.length; j++) {
          const p = predicted[i] === predicted[j];
          const t = truth[i] === truth[j];
          if (p) pp++;
          if (t) tt++;
          if (p && t) tp++;
        }
      }
      const m = pairwiseMetricsFromClusters(predicted, truth);
      return m.truePositives === tp && m.predictedPairs === pp && m.truePairs === tt;
    }),
    { numRuns: 300 },
  );
});
