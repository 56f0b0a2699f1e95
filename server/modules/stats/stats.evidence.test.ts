import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStatsQuery } from '../../../core/metrics/index.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { generateJusticeHistory } from '../../../test/support/justice-generator.ts';
import { computeFunnel } from '../justice/attrition-funnel.ts';
import { handOverCase } from '../case-transfers/hand-over.ts';
import { buildStatsQuery } from './stats.query-builder.ts';
import { statsPeriodOf } from './stats.service.ts';
import { byDimensions } from '../../../test/support/stats-rows.ts';

type TCell = { value: number } | { value: null; reason: string } | { suppressed: true; reason: string };
const DAY = 86_400_000;

/** Days to decision, anonymous notifications, the justice funnel, national scope and rates per 100,000. */
describe(`statistics engine: evidence metrics (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let otherOrg: string;
  let analyst: TAgent;
  let national: TAgent;
  const start = new Date('2026-03-02T00:00:00Z');

  before(async () => {
    t = await createTestApp({ clockStart: start });
    orgId = await t.createOrganisation('Evidence Agency North');
    otherOrg = await t.createOrganisation('Evidence Agency South');
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    national = await t.login(await t.addUser(orgId, 'national_coordinator'));
  });
  after(() => t.close());

  const rows = (org: string, metric: string, dimensions: string[] = [], filters: Record<string, (string | null)[]> = {}, options: { period?: string; national?: boolean } = {}) =>
    buildStatsQuery(t.database.db, org, resolveStatsQuery({ metric, dimensions, filters }), { period: options.period === undefined ? undefined : statsPeriodOf(options.period), allowMeasures: true, national: options.national }).execute().then(byDimensions);
  const query = (agent: TAgent, body: Record<string, unknown>, org = orgId) => agent.request('POST', `/api/organisations/${org}/stats/query`, body);

  async function decide(caseId: string, kind: 'RG' | 'CG', decidedAt: Date, isReconsideration = false) {
    await t.database.db.insertInto('decisions').values({
      orgId, caseId, kind, outcome: 'positive', reasonsCiphertext: 'sealed', keyVersion: 1, evidenceStandard: 'reasonable_grounds', authority: 'competent_authority',
      isReconsideration, decidedBy: null, decidedAt, jurisdictionProfileId: 'uk', jurisdictionProfileVersion: '1',
    } as never).execute();
  }

  test('days to decision (median, p90) and share within the deadline, against an independent count', async () => {
    // 24 referred cases: RG decided after 1…24 days; each case's decision deadline due after 12.5 days.
    const days = Array.from({ length: 24 }, (_, i) => i + 1);
    const ids: string[] = [];
    for (const d of days) {
      const { caseId } = await caseInState(t, orgId, 'referred');
      ids.push(caseId);
      const referredAt = (await t.database.db.selectFrom('cases').select('referredAt').where('id', '=', caseId).executeTakeFirstOrThrow()).referredAt as Date;
      await t.database.db.deleteFrom('deadlines').where('caseId', '=', caseId).where('kind', '=', 'rg_decision').execute();
      await t.database.db.insertInto('deadlines').values({ orgId, caseId, kind: 'rg_decision', dueAt: new Date(referredAt.getTime() + 12.5 * DAY), status: 'met', createdAt: referredAt } as never).execute();
      await decide(caseId, 'RG', new Date(referredAt.getTime() + d * DAY));
    }
    // Neither a reconsideration nor a CG decision (no target) enters the share; the CG one has its own median.
    await decide(ids[0]!, 'RG', new Date(start.getTime() + 40 * DAY), true);
    await decide(ids[1]!, 'CG', new Date(start.getTime() + 45 * DAY));

    const sorted = [...days].sort((a, b) => a - b);
    const percentile = (p: number) => { const x = p * (sorted.length - 1); const i = Math.floor(x); return Math.round(10 * (sorted[i]! + (x - i) * ((sorted[i + 1] ?? sorted[i]!) - sorted[i]!))) / 10; };
    const onTime = days.filter((d) => d <= 12.5).length;
    assert.deepEqual(await rows(orgId, 'decisions.daysToDecision', ['decisionKind']), [{ d0: 'CG', n: 1, value: 45 }, { d0: 'RG', n: 24, value: percentile(0.5) }]);
    assert.deepEqual(await rows(orgId, 'decisions.daysToDecisionP90', [], { decisionKind: ['RG'] }), [{ n: 24, value: percentile(0.9) }]);
    assert.deepEqual(await rows(orgId, 'decisions.withinTarget'), [{ n: 24, k: onTime }]);

    const median = await query(analyst, { metric: 'decisions.daysToDecision', dimensions: ['decisionKind'] });
    assert.equal(median.statusCode, 200, median.body);
    assert.deepEqual(median.json().cells, [[{ value: 12.5 }], [{ suppressed: true, reason: 'primary' }]], 'RG then CG (one CG decision: hidden)');
    const share = await query(analyst, { metric: 'decisions.withinTarget', dimensions: [] });
    assert.deepEqual(share.json().total, { value: 50 });
    assert.equal(share.json().scope, 'organisation');
  });

  test('anonymous notifications by form of exploitation and majority, against an independent roll-up', async () => {
    const notifications: { sex: string; ageAtExploitation: string; nationality: string; types: string[] }[] = [
      ...Array.from({ length: 13 }, () => ({ sex: 'female', ageAtExploitation: 'adult', nationality: 'AL', types: ['sexual'] })),
      ...Array.from({ length: 12 }, () => ({ sex: 'male', ageAtExploitation: 'child', nationality: 'VN', types: ['criminal', 'labour'] })),
      ...Array.from({ length: 4 }, () => ({ sex: 'not_known', ageAtExploitation: 'not_known', nationality: 'not_known', types: ['sexual', 'domestic_servitude'] })),
      { sex: 'male', ageAtExploitation: 'adult', nationality: 'GB', types: ['not_known'] },
    ];
    for (const n of notifications) {
      await t.database.db.insertInto('anonymousNotifications').values({
        orgId, jurisdictionProfileId: 'uk', notifiedOn: '2026-02-14', sex: n.sex, ageBand: '21--23', ageAtExploitation: n.ageAtExploitation, nationality: n.nationality,
        exploitationTypes: n.types, exploitationLocation: 'in_country', locationRegion: 'GB-ENG', referringOrgKind: 'ngo',
      } as never).execute();
    }
    const formOf = (types: string[]) => {
      const sexual = types.includes('sexual');
      const labour = types.some((x) => ['labour', 'criminal', 'domestic_servitude'].includes(x));
      return sexual && labour ? 'sexualAndLabour' : sexual ? 'sexual' : labour ? 'labour' : null;
    };
    const expected = new Map<string, number>();
    for (const n of notifications) {
      const key = `${formOf(n.types)}|${n.ageAtExploitation === 'child' ? 'minor' : n.ageAtExploitation === 'adult' ? 'adult' : null}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const actual = await rows(orgId, 'notifications.anonymous', ['exploitationForm', 'majority'], {}, { period: '2026' });
    assert.deepEqual(new Map(actual.map((r) => [`${r.d0}|${r.d1}`, r.value])), expected);
    const response = await query(analyst, { metric: 'notifications.anonymous', dimensions: ['citizenship'], filters: { year: ['2026'] } });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json();
    const cells = Object.fromEntries(result.dimensions[0].categories.map((c: { key: string | null }, i: number) => [String(c.key), result.cells[i][0]]));
    assert.deepEqual(cells.AL, { value: 13 });
    assert.deepEqual(cells.VN, { value: 12 });
    assert.equal(cells.null.suppressed, true, 'four not known: hidden');
  });

  test('the justice funnel metric agrees with the justice module\'s cohort funnel, stage by stage', async () => {
    const police = await t.createOrganisation('Evidence Police');
    await generateJusticeHistory(t, police, { investigations: 150, seed: 16022026, firstYear: 2023, years: 3 });
    const funnel = await computeFunnel(t.database.db, police, 'cohort', 'none');
    const catalog = await rows(police, 'justice.funnel', ['year', 'justiceStage']);
    const byKey = new Map(catalog.map((r) => [`${r.d0}|${r.d1}`, r.value]));
    const stages = ['suspects', 'charged', 'prosecuted', 'convictedTrafficking', 'convictedOtherOnly', 'custodial'] as const;
    assert.equal(funnel.rows.length, 3);
    for (const row of funnel.rows) {
      for (const stage of stages) assert.equal(byKey.get(`${row.year}|${stage}`) ?? 0, row[stage], `${row.year} ${stage}`);
    }
    assert.ok(funnel.rows.some((r) => r.custodial > 0), 'the generator reaches custody');
    const bySex = await computeFunnel(t.database.db, police, 'cohort', 'sex');
    const sexRows = await rows(police, 'justice.funnel', ['justiceStage'], { sex: ['female'] });
    const females = bySex.rows.filter((r) => r.group === 'female').reduce((n, r) => n + r.suspects, 0);
    assert.equal(sexRows.find((r) => r.d0 === 'suspects')?.value ?? 0, females);
    assert.deepEqual(await rows(orgId, 'justice.funnel', ['justiceStage']), [], 'another organisation sees none of it');
  });

  test('national scope: every organisation, organisation names as labels, only with stats.readNational', async () => {
    for (let i = 0; i < 12; i++) await caseInState(t, otherOrg, 'referred');
    const ownOnly = (await rows(orgId, 'cases.identified'))[0]!.value;
    const other = (await rows(otherOrg, 'cases.identified'))[0]!.value;
    assert.deepEqual(await rows(orgId, 'cases.identified', [], {}, { national: true }), [{ value: ownOnly + other }]);

    const denied = await query(analyst, { metric: 'cases.identified', dimensions: [], scope: 'national' });
    assert.equal(denied.statusCode, 403, denied.body);
    const response = await query(national, { metric: 'cases.identified', dimensions: ['organisation'], scope: 'national' });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json();
    assert.equal(result.scope, 'national');
    const labelled = Object.fromEntries(result.dimensions[0].categories.map((c: { labels: { en: string } }, i: number) => [c.labels.en, result.cells[i][0]]));
    assert.deepEqual(labelled['Evidence Agency North'], { value: ownOnly });
    assert.deepEqual(labelled['Evidence Agency South'], { value: other });
    assert.ok(!result.sql.text.includes('"org_id" = $1'), 'no organisation restriction');
    const own = await query(national, { metric: 'cases.identified', dimensions: [] });
    assert.deepEqual(own.json().total, { value: ownOnly }, 'default scope: their organisation');

    // A case handed over to the other organisation: the receiver's copy is not counted again.
    const moved = await caseInState(t, orgId, 'referred');
    await t.asSystem((ctx) => handOverCase(ctx, { id: crypto.randomUUID(), orgId, caseId: moved.caseId, receivingOrgId: otherOrg }));
    assert.deepEqual(await rows(orgId, 'cases.identified', [], {}, { national: true }), [{ value: ownOnly + other + 1 }]);
    assert.deepEqual(await rows(otherOrg, 'cases.identified'), [{ value: other }], 'the receiver did not identify them');
  });

  test('rates per 100,000: from the protected count, hand-computed, null without a denominator', async () => {
    const importId = (await t.database.db.insertInto('populationImports' as never).values({
      importedByType: 'cli', fileName: 'wpp.csv', fileSha256: 'a'.repeat(64), rowCount: 2, rowsInserted: 2, rowsUpdated: 0, rowsUnchanged: 0,
    } as never).returning('id' as never).executeTakeFirstOrThrow() as { id: string }).id;
    for (const [sex, ageGroup, population] of [['total', 'total', 67_000_000], ['female', 'total', 34_000_000]] as const) {
      await t.database.db.insertInto('populationDenominators' as never).values({ countryCode: 'GB', year: 2026, sex, ageGroup, population, importId, updatedAt: new Date() } as never).execute();
    }
    // Cases of this file: country of exploitation as the fixtures set it (adultCaseBody).
    const byCountry = await rows(orgId, 'cases.identified', ['countryOfExploitation'], {}, { period: '2026' });
    const gb = byCountry.find((r) => r.d0 === 'GB');
    assert.ok(gb && gb.value >= 11, `fixtures exploited in GB: ${JSON.stringify(byCountry)}`);
    const counts = await rows(orgId, 'cases.identified', ['sex'], { countryOfExploitation: ['GB'] }, { period: '2026' });
    const female = counts.find((r) => r.d0 === 'female')!.value;
    const total = counts.reduce((n, r) => n + r.value, 0);
    assert.ok(female >= 11);
    const femaleRate = await query(analyst, { metric: 'cases.identifiedPer100k', dimensions: [], filters: { countryOfExploitation: ['GB'], sex: ['female'] }, period: '2026' });
    assert.equal(femaleRate.statusCode, 200, femaleRate.body);
    assert.equal(femaleRate.json().metric.unit, 'per100k');
    // e.g. 24 / 34,000,000 × 100,000 = 0.0706 → 0.07
    assert.deepEqual(femaleRate.json().total, { value: Math.round((female * 100_000 * 100) / 34_000_000) / 100 });
    const allRate = await query(analyst, { metric: 'cases.identifiedPer100k', dimensions: ['year'], filters: { countryOfExploitation: ['GB'] }, period: '2026' });
    assert.deepEqual(allRate.json().total, { value: Math.round((total * 100_000 * 100) / 67_000_000) / 100 });
    // By sex: whatever the protected count table hides, the rate table hides too, cell for cell.
    const countTable = (await query(analyst, { metric: 'cases.identified', dimensions: ['sex'], filters: { countryOfExploitation: ['GB'] }, period: '2026' })).json();
    const rateTable = (await query(analyst, { metric: 'cases.identifiedPer100k', dimensions: ['sex'], filters: { countryOfExploitation: ['GB'] }, period: '2026' })).json();
    countTable.cells.flat().forEach((cell: TCell, i: number) => assert.equal('suppressed' in cell, 'suppressed' in rateTable.cells.flat()[i], `cell ${i}`));
    assert.equal('suppressed' in countTable.total, 'suppressed' in rateTable.total);
    const noYear = await query(analyst, { metric: 'cases.identifiedPer100k', dimensions: ['countryOfExploitation'], period: '2025' });
    assert.equal(noYear.statusCode, 200, noYear.body);
    for (const cell of noYear.json().cells.flat() as TCell[]) assert.ok('suppressed' in cell || cell.value === null);
    const unknownYear = await query(analyst, { metric: 'cases.identifiedPer100k', dimensions: [], filters: { countryOfExploitation: ['GB'] }, period: '2026-Q1' });
    assert.deepEqual(unknownYear.json().total, { value: null, reason: 'notOneCountryAndYear' }, 'a quarter fixes no year');
  });

  test('SQL snapshot: decisions timing, anonymous notifications, justice funnel, national scope', () => {
    const compile = (metric: string, dimensions: string[], filters: Record<string, string[]> = {}, nationalScope = false) =>
      buildStatsQuery(t.database.db, 'ORG', resolveStatsQuery({ metric, dimensions, filters }), { allowMeasures: true, national: nationalScope }).compile().sql;
    assert.equal(
      compile('decisions.withinTarget', []),
      'select count(*)::int as "n", (count(*) filter (where "r"."decided_at" <= case when "r"."kind" = \'RG\' then (select min(dl.due_at) from deadlines dl\n  where dl.kind = \'rg_decision\' and dl.case_id in ("c"."id", "c"."transferred_from_case_id")) end))::int as "k" from "decisions" as "r" inner join "cases" as "c" on "c"."id" = "r"."case_id" inner join "persons" as "p" on "p"."id" = "c"."person_id" where "r"."org_id" = $1 and not "r"."is_reconsideration" and "c"."referred_at" is not null and case when "r"."kind" = \'RG\' then (select min(dl.due_at) from deadlines dl\n  where dl.kind = \'rg_decision\' and dl.case_id in ("c"."id", "c"."transferred_from_case_id")) end is not null',
    );
    assert.equal(
      compile('decisions.daysToDecision', ['decisionKind']),
      'select "r"."kind" as "d0", count(*)::int as "n", round((percentile_cont(0.5) within group (order by (extract(epoch from "r"."decided_at" - "c"."referred_at") / 86400.0)))::numeric, 1)::float8 as "value" from "decisions" as "r" inner join "cases" as "c" on "c"."id" = "r"."case_id" inner join "persons" as "p" on "p"."id" = "c"."person_id" where "r"."org_id" = $1 and not "r"."is_reconsideration" and "c"."referred_at" is not null and (extract(epoch from "r"."decided_at" - "c"."referred_at") / 86400.0) is not null group by "r"."kind"',
    );
    assert.equal(
      compile('notifications.anonymous', ['majority'], { sex: ['female'] }),
      'select case "r"."age_at_exploitation" when \'adult\' then \'adult\' when \'child\' then \'minor\' end as "d0", count(*)::int as "value" from "anonymous_notifications" as "r" where "r"."org_id" = $1 and case when "r"."sex" in (\'female\', \'male\') then "r"."sex" end in ($2) group by case "r"."age_at_exploitation" when \'adult\' then \'adult\' when \'child\' then \'minor\' end',
    );
    const justice = compile('justice.funnel', ['justiceStage']);
    assert.match(justice, /^select "r"\."stage" as "d0", count\(\*\)::int as "value" from \(\n  with final_outcome as \(/);
    assert.match(justice, /\) as "r" where "r"\."org_id" = \$1 group by "r"\."stage"$/);
    assert.equal(
      compile('cases.identified', ['organisation'], {}, true),
      'select "r"."org_id"::text as "d0", count(*)::int as "value" from "cases" as "r" inner join "cases" as "c" on "c"."id" = "r"."id" inner join "persons" as "p" on "p"."id" = "c"."person_id" where "r"."referred_at" is not null and "r"."transferred_from_case_id" is null group by "r"."org_id"::text',
    );
  });
});
