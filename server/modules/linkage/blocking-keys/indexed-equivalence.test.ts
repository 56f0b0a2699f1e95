import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDuplicateChecker, generateDedupeDataset, modelForRegister, prepareRecords, type TPersonRecord } from '../../../../core/linkage/index.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/test-app.ts';
import { ENGINE } from '../../../../test/support/test-database.ts';
import type { TContextDeps } from '../../../context.ts';
import { CHECK_MIN_PROBABILITY, indexedCheck } from '../use-cases/duplicate-check.ts';
import { readRegister } from '../use-cases/read-register.ts';
import { probeOf, seedSyntheticRegister } from './synthetic-register.test-support.ts';

/**
 * The indexed check against the full scan on a synthetic register with ground truth: for held-out
 * records of people the register already holds, both must return the same candidates with the
 * same probabilities, hence the same recall.
 */
describe(`indexed duplicate check = full scan on a synthetic register (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let deps: TContextDeps;
  const dataset = generateDedupeDataset({ seed: 'indexed-check-equivalence', records: 2000 });
  const probes: TPersonRecord[] = [];
  const entityOfPerson = new Map<string, number>();
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    deps = { database: t.database, clock: t.clock.now, keyring: await t.asSystem(async (ctx) => ctx.keyring) };
    // hold out the last record of 100 people who have more than one record
    const byEntity = new Map<number, TPersonRecord[]>();
    for (const record of dataset) byEntity.set(record.entityId, [...(byEntity.get(record.entityId) ?? []), record]);
    for (const records of byEntity.values()) if (records.length >= 2 && probes.length < 100) probes.push(records.at(-1)!);
    const held = new Set(probes.map((p) => p.recordId));
    const registered = dataset.filter((r) => !held.has(r.recordId));
    const personOf = await seedSyntheticRegister(deps, orgId, registered);
    for (const record of registered) entityOfPerson.set(personOf.get(record.recordId)!, record.entityId);
  });
  after(() => t.close());

  test('same candidates, same probabilities, same recall; far fewer persons decrypted', async () => {
    const { records } = await t.asSystem((ctx) => readRegister(ctx.db, ctx.keyring, orgId));
    const fullScan = createDuplicateChecker(records, modelForRegister(prepareRecords(records), null));
    let fullFound = 0;
    let indexedFound = 0;
    let decrypted = 0;
    for (const probe of probes) {
      const input = probeOf(probe);
      const full = fullScan.check(input, CHECK_MIN_PROBABILITY);
      const indexed = await t.asSystem((ctx) => indexedCheck(ctx.db, ctx.keyring, orgId, input));
      decrypted += indexed.decrypted;
      assert.deepEqual(
        indexed.found.map((c) => `${c.recordId} ${c.probability.toFixed(9)}`).sort(),
        full.map((c) => `${c.recordId} ${c.probability.toFixed(9)}`).sort(),
        `probe ${probe.recordId}`,
      );
      if (full.some((c) => entityOfPerson.get(c.recordId) === probe.entityId)) fullFound++;
      if (indexed.found.some((c) => entityOfPerson.get(c.recordId) === probe.entityId)) indexedFound++;
    }
    const recall = (found: number) => found / probes.length;
    console.log(`recall of held-out duplicates: full scan ${recall(fullFound).toFixed(3)}, indexed ${recall(indexedFound).toFixed(3)}; persons decrypted per check: ${(decrypted / probes.length).toFixed(1)} of ${records.length}`);
    assert.equal(indexedFound, fullFound);
    assert.ok(recall(fullFound) >= 0.8, `recall ${recall(fullFound)}`);
    assert.ok(decrypted / probes.length < records.length / 20);
  });
});
