/**
 * dedupe_1m_seconds with pairwise precision, recall and F1: one register of n records
 * (n = 1,000,000 × scale; people with 1–5 records each) de-duplicated by the clear-text
 * Fellegi–Sunter job: normalisation, u sampling, EM sessions, blocking, scoring, clustering.
 * Timed: the whole job on records already in memory. Not timed: generating the records.
 */
import { pairwiseMetricsFromClusters } from '../../core/linkage/clusters.ts';
import { dedupeRecords } from '../../core/linkage/fellegi-sunter/dedupe.ts';
import { generateDedupeDataset } from '../../core/linkage/synthetic/datasets.ts';
import { fmt, ratioLine } from './bench-support.ts';

export function benchDedupeMillion(scale: number): void {
  const size = Math.round(1_000_000 * scale);
  const g0 = performance.now();
  const records = generateDedupeDataset({ seed: 'dedupe-1m', records: size });
  console.log(`(generated ${size.toLocaleString('en')} records in ${((performance.now() - g0) / 1000).toFixed(1)} s)`);
  const t0 = performance.now();
  const result = dedupeRecords(records, { seed: 'dedupe-1m' });
  const seconds = (performance.now() - t0) / 1000;
  const m = pairwiseMetricsFromClusters(result.clusterOf, records.map((r) => r.entityId));
  const t = result.timings;
  const label = scale === 1 ? '' : ` [scale ${scale}: ${size.toLocaleString('en')} records]`;
  const s = (x: number | undefined) => ((x ?? 0) / 1000).toFixed(1);
  ratioLine('dedupe_1m_seconds', seconds,
    `pairwise precision ${fmt(m.precision)}, recall ${fmt(m.recall)}, F1 ${fmt(m.f1)}; ${(result.candidatePairs / 1e6).toFixed(1)} M candidate pairs, ${result.clusters.toLocaleString('en')} clusters; prepare ${s(t.prepareMs)} s, training ${s(t.trainingMs)} s, blocking ${s(t.blockingMs)} s, scoring ${s(t.scoringMs)} s, clustering ${s(t.clusteringMs)} s${label}`,
    { op: '<=', target: 120 });
  ratioLine('dedupe_1m_f1', m.f1, `precision ${fmt(m.precision)}, recall ${fmt(m.recall)} over ${m.truePairs.toLocaleString('en')} true pairs${label}`, { op: '>=', target: 0.95 });
}
