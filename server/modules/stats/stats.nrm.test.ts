import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStatsQuery } from '../../../core/metrics/index.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { PLAN_BODY } from '../../../test/authz-samples/protection.ts';
import { savePlanVersion } from '../plans/plans.service.ts';
import { buildStatsQuery } from './stats.query-builder.ts';
import { measureCell, statsPeriodOf } from './stats.service.ts';
import { byDimensions } from '../../../test/support/stats-rows.ts';

/** NRM sources of the statistics engine: cases, decisions, recovery plans; median and share measures; periods. */
describe(`statistics engine over NRM data (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  // Midnight, so that "days to support" are whole days.
  const start = new Date('2026-03-02T00:00:00Z');

  before(async () => {
    t = await createTestApp({ clockStart: start });
    orgId = await t.createOrganisation();
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
  });
  after(() => t.close());

  const rows = (metric: string, dimensions: string[] = [], filters: Record<string, (string | null)[]> = {}, period?: string) =>
    buildStatsQuery(t.database.db, orgId, resolveStatsQuery({ metric, dimensions, filters }), { period: period === undefined ? undefined : statsPeriodOf(period), allowMeasures: true }).execute().then(byDimensions);

  async function deliver(caseId: string, deliveredOn: string) {
    await t.database.db.insertInto('serviceDeliveries').values({
      orgId, caseOrgId: orgId, caseId, referralId: null, serviceId: null, serviceKind: 'shelter', deliveredOn, quantity: 1, unit: 'night', language: 'en',
      interpreterUsed: false, deliveredBy: null, recordedAt: new Date(`${deliveredOn}T12:00:00Z`),
    }).execute();
  }

  test('days from identification to first support: median, 90th percentile and share within 7 days', async () => {
    const cases = [];
    for (let i = 0; i < 4; i++) cases.push((await caseInState(t, orgId, 'referred')).caseId);
    await deliver(cases[0]!, '2026-03-04');
    await deliver(cases[0]!, '2026-03-20'); // only the first support counts
    await deliver(cases[1]!, '2026-03-07');
    await deliver(cases[2]!, '2026-03-12');
    // cases[3] has had no support yet.
    assert.deepEqual(await rows('cases.identified'), [{ value: 4 }]);
    assert.deepEqual(await rows('cases.daysToSupport'), [{ n: 3, value: 5 }]);
    assert.deepEqual(await rows('cases.daysToSupportP90'), [{ n: 3, value: 9 }]);
    assert.deepEqual(await rows('cases.earlySupport'), [{ n: 4, k: 2 }]);
    assert.deepEqual(await rows('cases.earlySupport', ['sex']), [{ d0: 'female', n: 4, k: 2 }]);
    assert.deepEqual(await rows('cases.identified', [], {}, '2026-Q2'), [{ value: 0 }], 'referred in Q1');
    assert.deepEqual(await rows('cases.identified', [], {}, '2026-03'), [{ value: 4 }]);

    // Through the API: too few persons stand behind the median, so it is hidden.
    const response = await analyst.request('POST', `/api/organisations/${orgId}/stats/query`, { metric: 'cases.daysToSupport', dimensions: [], period: '2026' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().total, { suppressed: true, reason: 'primary' });
    const tooMany = await analyst.request('POST', `/api/organisations/${orgId}/stats/query`, { metric: 'cases.daysToSupport', dimensions: ['sex', 'year'] });
    assert.equal(tooMany.json().error.details.reason, 'MEASURE_NOT_IMPLEMENTED');
  });

  test('decisions by kind and outcome, dated by decision; CTDC metrics take whole years only', async () => {
    await caseInState(t, orgId, 'rg_negative');
    await caseInState(t, orgId, 'rg_positive');
    assert.deepEqual(await rows('decisions.all', ['decisionOutcome'], {}, '2026'), [{ d0: 'negative', value: 1 }, { d0: 'positive', value: 1 }].sort((a, b) => (a.d0 < b.d0 ? -1 : 1)));
    assert.deepEqual(await rows('decisions.negative', ['decisionKind']), [{ d0: 'RG', value: 1 }]);
    assert.deepEqual(await rows('decisions.all', [], {}, '2025'), [{ value: 0 }]);
    const quarter = await analyst.request('POST', `/api/organisations/${orgId}/stats/query`, { metric: 'ctdc.victims', dimensions: [], period: '2026-Q1' });
    assert.equal(quarter.json().error.details.reason, 'PERIOD_NOT_SUPPORTED');
    const year = await analyst.request('POST', `/api/organisations/${orgId}/stats/query`, { metric: 'ctdc.victims', dimensions: [], period: '2026' });
    assert.equal(year.statusCode, 200);
  });

  test('recovery plans: one inclusion outcome per survivor, from the latest version\'s goals', async () => {
    const { caseId } = await caseInState(t, orgId, 'referred');
    await t.asSystem((ctx) => savePlanVersion(ctx, orgId, caseId, PLAN_BODY as never));
    assert.deepEqual(await rows('plans.inclusionOutcome', ['inclusionOutcome']), [{ d0: 'inProgress', value: 1 }]);
    await t.asSystem((ctx) => savePlanVersion(ctx, orgId, caseId, { ...PLAN_BODY, expectedVersion: 1, goals: [{ ...PLAN_BODY.goals[0], status: 'achieved' }] } as never));
    assert.deepEqual(await rows('plans.inclusionOutcome', ['inclusionOutcome']), [{ d0: 'goalAchieved', value: 1 }]);
    assert.deepEqual(await rows('plans.inclusionOutcome', [], { inclusionOutcome: ['goalAchieved'] }), [{ value: 1 }]);
  });

  test('a caller that tabulates counts never gets a median or a share by accident', () => {
    assert.throws(() => buildStatsQuery(t.database.db, orgId, resolveStatsQuery({ metric: 'cases.daysToSupport', dimensions: [], filters: {} })), /is not computed here/);
  });

  test('measure cells: published only when enough records stand behind them, on both sides of a share', () => {
    const cases: [Parameters<typeof measureCell>[0], Parameters<typeof measureCell>[1], ReturnType<typeof measureCell>][] = [
      ['median', { n: 11, value: 4.5 }, { value: 4.5 }],
      ['median', { n: 10, value: 4.5 }, { suppressed: true, reason: 'primary' }],
      ['median', undefined, { suppressed: true, reason: 'primary' }],
      ['shareWithinTarget', { n: 30, k: 15, value: 0 }, { value: 50 }],
      ['shareWithinTarget', { n: 40, k: 27, value: 0 }, { value: 67.5 }],
      ['shareWithinTarget', { n: 30, k: 20, value: 0 }, { suppressed: true, reason: 'primary' }],
      ['shareWithinTarget', { n: 30, k: 10, value: 0 }, { suppressed: true, reason: 'primary' }],
      ['shareWithinTarget', { n: 30, k: 25, value: 0 }, { suppressed: true, reason: 'primary' }],
      ['shareWithinTarget', { n: 30, k: 30, value: 0 }, { suppressed: true, reason: 'primary' }],
    ];
    for (const [measure, row, expected] of cases) assert.deepEqual(measureCell(measure, row), expected, JSON.stringify([measure, row]));
  });

  test('SQL snapshot: NRM metrics', () => {
    const compile = (metric: string, dimensions: string[], filters: Record<string, string[]>, period?: string) =>
      buildStatsQuery(t.database.db, 'ORG', resolveStatsQuery({ metric, dimensions, filters }), { period: period === undefined ? undefined : statsPeriodOf(period), allowMeasures: true }).compile().sql;
    assert.equal(
      compile('decisions.negative', ['decisionKind'], { sex: ['female'] }, '2026-Q1'),
      'select "r"."kind" as "d0", count(*)::int as "value" from "decisions" as "r" inner join "cases" as "c" on "c"."id" = "r"."case_id" inner join "persons" as "p" on "p"."id" = "c"."person_id" where "r"."org_id" = $1 and "r"."decided_at" >= $2::date and "r"."decided_at" < $3::date and "r"."outcome" in ($4) and case when "p"."sex" in (\'female\', \'male\') then "p"."sex" end in ($5) group by "r"."kind"',
    );
    assert.equal(
      compile('cases.earlySupport', [], {}, '2026'),
      'select count(*)::int as "n", (count(*) filter (where (extract(epoch from least(\n  (select min(sr.sent_at) from service_referrals sr where sr.case_id = "c"."id"),\n  (select min(sd.delivered_on)::timestamp at time zone \'UTC\' from service_deliveries sd where sd.case_id = "c"."id")\n) - "c"."referred_at") / 86400.0) <= 7))::int as "k" from "cases" as "r" inner join "cases" as "c" on "c"."id" = "r"."id" inner join "persons" as "p" on "p"."id" = "c"."person_id" where "r"."org_id" = $1 and "r"."referred_at" is not null and "r"."transferred_from_case_id" is null and "r"."referred_at" >= $2::date and "r"."referred_at" < $3::date',
    );
  });
});
