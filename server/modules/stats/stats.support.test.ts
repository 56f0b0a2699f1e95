import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { resolveStatsQuery } from '../../../core/metrics/index.ts';
import { createTestApp, type TTestApp } from '../../../test/support/test-app.ts';
import { referralIn } from '../service-referrals/referral-fixtures.test-support.ts';
import { recordCaseDelivery, recordReferralDelivery } from '../service-referrals/use-cases/deliveries.ts';
import { buildStatsQuery } from './stats.query-builder.ts';

let t: TTestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

const delivery = (serviceKind: 'shelter' | 'medical', deliveredOn: string) => ({ serviceKind, deliveredOn, quantity: 1, unit: 'session' as const, language: 'ro', interpreterUsed: false });

test('support received: persons per kind of support, once each, for the organisation that owns the case, whoever delivered it', async () => {
  const owner = await t.createOrganisation();
  const shelter = await t.createOrganisation();
  const first = await referralIn(t, owner, shelter, 'accepted');
  const second = await referralIn(t, owner, shelter, 'accepted');
  await t.asSystem(async (ctx) => {
    // The shelter delivers shelter twice to the first person (counted once) and once to the second.
    await recordReferralDelivery(ctx, shelter, first.referralId, delivery('shelter', '2026-02-01'));
    await recordReferralDelivery(ctx, shelter, first.referralId, delivery('shelter', '2026-03-01'));
    await recordReferralDelivery(ctx, shelter, second.referralId, delivery('shelter', '2026-02-10'));
    // The owner itself gives medical care to the first person.
    await recordCaseDelivery(ctx, owner, first.caseId, { ...delivery('medical', '2027-01-05'), serviceId: null });
  });
  const run = async (orgId: string, dimensions: string[]) =>
    (await buildStatsQuery(t.database.db, orgId, resolveStatsQuery({ metric: 'support.received', dimensions, filters: {} })).execute()) as unknown as Record<string, unknown>[];
  const byKind = await run(owner, ['serviceKind']);
  assert.deepEqual(new Map(byKind.map((row) => [row.d0, Number(row.value)])), new Map([['shelter', 2], ['medical', 1]]));
  const byYear = await run(owner, ['year', 'serviceKind']);
  assert.deepEqual(byYear.map((row) => [Number(row.d0), row.d1, Number(row.value)]).sort(), [[2026, 'shelter', 2], [2027, 'medical', 1]].sort());
  assert.deepEqual(await run(shelter, ['serviceKind']), [], 'the shelter owns no case: its deliveries count for the owner');
});
