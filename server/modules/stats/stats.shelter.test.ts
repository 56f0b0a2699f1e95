import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { resolveStatsQuery } from '../../../core/metrics/index.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { providerWithService } from '../services/directory-fixtures.test-support.ts';
import { CONSENT_ALL, referralBody } from '../service-referrals/referral-fixtures.test-support.ts';
import { recordServiceConsent } from '../service-referrals/use-cases/consents.ts';
import { sendServiceReferral } from '../service-referrals/use-cases/send-referral.ts';
import { buildStatsQuery } from './stats.query-builder.ts';
import { statsPeriodOf } from './stats.service.ts';

/**
 * "Victims receiving shelter within 7 days of referral" (cases.shelterWithin7Days): the engine's
 * share against an independent count written straight in SQL over the same tables.
 */
describe(`statistics engine: shelter within 7 days of referral (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  // Midnight, so that days from referral are whole days.
  const start = new Date('2026-03-02T00:00:00Z');

  before(async () => {
    t = await createTestApp({ clockStart: start });
    orgId = await t.createOrganisation();
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
  });
  after(() => t.close());

  const rows = (metric: string, dimensions: string[] = [], period?: string) =>
    buildStatsQuery(t.database.db, orgId, resolveStatsQuery({ metric, dimensions, filters: {} }), { period: period === undefined ? undefined : statsPeriodOf(period), allowMeasures: true }).execute();

  async function deliver(caseId: string, serviceKind: string, deliveredOn: string) {
    await t.database.db.insertInto('serviceDeliveries').values({
      orgId, caseOrgId: orgId, caseId, referralId: null, serviceId: null, serviceKind, deliveredOn, quantity: 1, unit: 'night', language: 'en',
      interpreterUsed: false, deliveredBy: null, recordedAt: new Date(`${deliveredOn}T12:00:00Z`),
    }).execute();
  }

  /** A referral of the case to a shelter service (another organisation's), through the use cases. */
  async function referToShelter(caseId: string) {
    const providerOrgId = await t.createOrganisation();
    const { serviceId } = await providerWithService(t, providerOrgId);
    await t.asSystem((ctx) => recordServiceConsent(ctx, orgId, caseId, { ...CONSENT_ALL, purposes: [...CONSENT_ALL.purposes], fieldGroups: [...CONSENT_ALL.fieldGroups], receivingOrgId: providerOrgId } as never));
    await t.asSystem((ctx) => sendServiceReferral(ctx, orgId, caseId, referralBody(serviceId)));
  }

  /** The same question, asked independently: persons referred with a shelter need, and those sheltered within 7 days. */
  async function independentCount(): Promise<{ n: number; k: number }> {
    const result = await sql<{ n: number; k: number }>`
      with referred as (
        select c.id, c.referred_at from cases c where c.org_id = ${orgId} and c.referred_at is not null and c.transferred_from_case_id is null
      ), need as (
        select r.id, r.referred_at, (select min(d.delivered_on) from service_deliveries d where d.case_id = r.id and d.service_kind = 'shelter') as first_shelter
        from referred r
        where exists (select 1 from service_deliveries d where d.case_id = r.id and d.service_kind = 'shelter')
           or exists (select 1 from service_referrals s join directory_services ds on ds.id = s.service_id where s.case_id = r.id and 'shelter' = any(ds.kinds))
      )
      select count(*)::int as n, count(*) filter (where first_shelter is not null and first_shelter <= (referred_at at time zone 'UTC')::date + 7)::int as k from need`.execute(t.database.db);
    return result.rows[0]!;
  }

  test('share of persons with a shelter need whose first shelter came within 7 days, equal to an independent SQL count', async () => {
    const cases: string[] = [];
    for (let i = 0; i < 6; i++) cases.push((await caseInState(t, orgId, 'referred')).caseId);
    await deliver(cases[0]!, 'shelter', '2026-03-04'); // 2 days: on time
    await deliver(cases[0]!, 'shelter', '2026-03-30'); // only the first shelter counts
    await deliver(cases[1]!, 'shelter', '2026-03-09'); // 7 days: on time
    await deliver(cases[2]!, 'shelter', '2026-03-10'); // 8 days: late
    await deliver(cases[3]!, 'medical', '2026-03-03'); // support, but not shelter: no shelter need on record
    await referToShelter(cases[4]!); // referred to a shelter, not sheltered yet: counts against
    // cases[5]: no support at all, outside the share.

    const independent = await independentCount();
    assert.deepEqual(independent, { n: 4, k: 2 });
    assert.deepEqual(await rows('cases.shelterWithin7Days'), [independent]);
    assert.deepEqual(await rows('cases.shelterWithin7Days', [], '2026-Q1'), [independent]);
    assert.deepEqual(await rows('cases.shelterWithin7Days', [], '2026-Q2'), [{ n: 0, k: 0 }], 'referred in Q1');
    assert.deepEqual(await rows('cases.shelterWithin7Days', ['sex']), [{ d0: 'female', ...independent }]);
    // The general early-support share is unchanged by the shelter metric: every referred person, any support.
    assert.deepEqual(await rows('cases.earlySupport'), [{ n: 6, k: 4 }]);

    // Through the API: 2 of 4 is far too few to publish a share.
    const response = await analyst.request('POST', `/api/organisations/${orgId}/stats/query`, { metric: 'cases.shelterWithin7Days', dimensions: [], period: '2026' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().total, { suppressed: true, reason: 'primary' });
  });

  test('published once enough persons stand on both sides of the target, and equal to the independent count', async () => {
    for (let i = 0; i < 12; i++) {
      const { caseId } = await caseInState(t, orgId, 'referred');
      await deliver(caseId, 'shelter', '2026-03-05');
    }
    for (let i = 0; i < 10; i++) {
      const { caseId } = await caseInState(t, orgId, 'referred');
      await deliver(caseId, 'shelter', '2026-03-20');
    }
    const { n, k } = await independentCount();
    assert.deepEqual({ n, k }, { n: 26, k: 14 });
    const response = await analyst.request('POST', `/api/organisations/${orgId}/stats/query`, { metric: 'cases.shelterWithin7Days', dimensions: [], period: '2026' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().total, { value: Math.round((1000 * k) / n) / 10 });
  });
});
