/**
 * npm run bench:duplicate-check [-- --persons 20000] [--probes 40]
 *
 * The registration-time duplicate check on an embedded (PGlite) register of synthetic persons
 * with ground truth: the indexed check (candidates by keyed blocking keys, only they decrypted)
 * against the full scan (every person decrypted and blocked in memory), same process, same data,
 * same probes (held-out records of people the register holds). Prints
 * `duplicate_check_indexed_vs_full_scan <full-scan ms / indexed ms>` and the absolute figures.
 */
import { generateDedupeDataset, type TPersonRecord } from '../../core/linkage/index.ts';
import { createTestApp } from '../../test/support/test-app.ts';
import { isRegisterIndexed } from '../../server/modules/linkage/blocking-keys/blocking-key-sweep.ts';
import { probeOf, seedSyntheticRegister } from '../../server/modules/linkage/blocking-keys/synthetic-register.test-support.ts';
import { fullScanCheck, runDuplicateCheck, type TCheckOutcome } from '../../server/modules/linkage/use-cases/duplicate-check.ts';
import { machineLine, ratioLine } from './bench-support.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PERSONS = arg('--persons', 20_000);
const PROBES = arg('--probes', 40);
const FULL_SCAN_RUNS = Math.min(PROBES, arg('--full-runs', 8));

console.log(`# duplicate check benchmark — ${machineLine()}; ${PERSONS} persons, ${PROBES} probes`);
const t = await createTestApp();
try {
  const orgId = await t.createOrganisation();
  const keyring = await t.asSystem(async (ctx) => ctx.keyring);
  const deps = { database: t.database, clock: t.clock.now, keyring };
  const dataset = generateDedupeDataset({ seed: 'duplicate-check-bench', records: PERSONS + PROBES * 3 });
  const byEntity = new Map<number, TPersonRecord[]>();
  for (const record of dataset) byEntity.set(record.entityId, [...(byEntity.get(record.entityId) ?? []), record]);
  const probes: TPersonRecord[] = [];
  for (const records of byEntity.values()) if (records.length >= 2 && probes.length < PROBES) probes.push(records.at(-1)!);
  const held = new Set(probes.map((p) => p.recordId));
  const registered = dataset.filter((r) => !held.has(r.recordId)).slice(0, PERSONS);
  let t0 = performance.now();
  const personOf = await seedSyntheticRegister(deps, orgId, registered);
  console.log(`# seeded ${registered.length} persons with blocking keys in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const entityOf = new Map([...personOf].map(([recordId, personId]) => [personId, registered.find((r) => r.recordId === recordId)?.entityId]));
  const hit = (probe: TPersonRecord, outcome: TCheckOutcome) => outcome.found.some((c) => entityOf.get(c.recordId) === probe.entityId);

  t0 = performance.now();
  const indexedAnswer = await t.asSystem((ctx) => isRegisterIndexed(ctx.db, orgId));
  const indexedQueryMs = performance.now() - t0;

  const time = async (run: (probe: TPersonRecord) => Promise<TCheckOutcome>, list: TPersonRecord[]) => {
    await run(list[0]!); // warm-up
    const times: number[] = [];
    let found = 0;
    let decrypted = 0;
    for (const probe of list) {
      const start = performance.now();
      const outcome = await run(probe);
      times.push(performance.now() - start);
      if (hit(probe, outcome)) found++;
      decrypted += outcome.decrypted;
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)]!, mean: times.reduce((a, b) => a + b, 0) / times.length, recall: found / list.length, decrypted: decrypted / list.length, modes: new Set<string>() };
  };
  const indexed = await time((probe) => t.asSystem((ctx) => runDuplicateCheck(ctx.db, ctx.keyring, orgId, probeOf(probe))), probes);
  const full = await time((probe) => t.asSystem((ctx) => fullScanCheck(ctx.db, ctx.keyring, orgId, probeOf(probe))), probes.slice(0, FULL_SCAN_RUNS));
  // recall of both over the same probes
  const indexedSame = await time((probe) => t.asSystem((ctx) => runDuplicateCheck(ctx.db, ctx.keyring, orgId, probeOf(probe))), probes.slice(0, FULL_SCAN_RUNS));

  console.log(`duplicate_check_full_scan_ms ${full.median.toFixed(1)}  (median of ${FULL_SCAN_RUNS} checks, mean ${full.mean.toFixed(1)}; ${full.decrypted.toFixed(0)} persons decrypted per check; recall ${full.recall.toFixed(3)})`);
  console.log(`duplicate_check_indexed_ms ${indexed.median.toFixed(2)}  (median of ${probes.length} checks, mean ${indexed.mean.toFixed(2)}; ${indexed.decrypted.toFixed(1)} persons decrypted per check; recall ${indexed.recall.toFixed(3)}, on the full scan's probes ${indexedSame.recall.toFixed(3)})`);
  console.log(`# "is the register indexed?" (anti-join, cached 60 s per organisation): ${indexedQueryMs.toFixed(1)} ms, ${indexedAnswer}`);
  ratioLine('duplicate_check_indexed_vs_full_scan', full.median / indexed.median, `full-scan ms / indexed ms per check at ${registered.length} persons, embedded PGlite, same run`, { op: '>=', target: 10 });
} finally {
  await t.close();
}
