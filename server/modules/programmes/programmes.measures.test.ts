import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { recordDecision } from '../cases/use-cases/decide-case.ts';
import { getCaseRow } from '../cases/cases.repo.ts';

/**
 * Indicators that are not counts: a share (RG decisions within the target time), a median (days
 * to decision) and ratios (one count over another). Each equals what the statistics engine
 * publishes for the same metric, period and filters, and follows new decisions.
 */
describe(`programmes: shares, medians and ratios (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  let analystUser: Awaited<ReturnType<TTestApp['addUser']>>;
  const DAY_MINUTES = 24 * 60;

  before(async () => {
    // A fixed start, early in the year, so that moving the clock on stays within 2026.
    t = await createTestApp({ clockStart: new Date('2026-03-02T09:00:00Z') });
    orgId = await t.createOrganisation();
    // The UK profile sets an RG decision target (5 working days): referral stores the deadline.
    const admin = await t.login(await t.addUser(orgId, 'admin'));
    const settings = await admin.request('PUT', `/api/organisations/${orgId}/nrm-settings`, { jurisdictionProfileId: 'uk' });
    assert.equal(settings.statusCode, 200, settings.body);
    analystUser = await t.addUser(orgId, 'analyst');
    analyst = await t.login(analystUser);
  });
  after(() => t.close());

  const base = () => `/api/organisations/${orgId}/programmes`;
  const report = async (programmeId: string, period = '2026') => {
    const response = await analyst.request('GET', `${base()}/${programmeId}/progress-reports/${period}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { indicators: Record<string, unknown>[] };
  };
  type TTerm = { metric: { id: string }; value: unknown };
  const row = (r: { indicators: Record<string, unknown>[] }, code: string) =>
    r.indicators.find((i) => i.code === code) as Record<string, unknown> & { actual: unknown; status: string; ratio: { scale: number; numerator: TTerm; denominator: TTerm } | null };
  const statsTotal = async (body: object) => {
    const response = await analyst.request('POST', `/api/organisations/${orgId}/stats/query`, body);
    assert.equal(response.statusCode, 200, response.body);
    return response.json().total;
  };

  /** Referred cases whose RG decision is recorded `afterDays` days after referral, through the use cases. */
  async function decidedAfter(count: number, afterDays: number, outcome: 'positive' | 'negative' = 'positive') {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await caseInState(t, orgId, 'referred')).caseId);
    t.clock.advanceMinutes(afterDays * DAY_MINUTES);
    await t.asSystem(async (ctx) => {
      for (const caseId of ids) {
        const { version } = await getCaseRow(ctx.db, orgId, caseId);
        await recordDecision(ctx, orgId, caseId, { kind: 'RG', outcome, reasons: ['fixture'], authority: 'competent_authority', expectedVersion: version });
      }
    });
    // Sessions expire while the clock moves on: sign in again.
    if (afterDays > 0) analyst = await t.login(analystUser);
  }

  async function programmeWithOutcome() {
    const created = await analyst.request('POST', base(), {
      kind: 'project', name: 'Faster identification', startsOn: '2026-01-01', endsOn: '2026-12-31', goal: { code: 'G', title: 'Victims identified faster' }, outcomes: [{ code: 'O1', title: 'Decisions on time' }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const id: string = created.json().id;
    const detail = (await analyst.request('GET', `${base()}/${id}`)).json();
    return { id, outcomeId: detail.nodes.find((n: { code: string }) => n.code === 'O1').id as string };
  }

  test('a share indicator (RG decisions within the target time) equals /stats/query for the same period and filters, and changes as decisions land', async () => {
    const { id, outcomeId } = await programmeWithOutcome();
    const add = async (body: object) => {
      const response = await analyst.request('POST', `${base()}/${id}/indicators`, { nodeId: outcomeId, frequency: 'year', ...body });
      assert.equal(response.statusCode, 201, response.body);
    };
    await add({ code: 'S1', name: 'RG decisions within the target time', unit: 'percent', definition: { kind: 'computed', metric: 'decisions.withinTarget', filters: { decisionKind: ['RG'] } }, targets: [{ period: '2026', value: 80 }] });
    await add({ code: 'S2', name: 'Days to decision', unit: 'days', direction: 'decrease', definition: { kind: 'computed', metric: 'decisions.daysToDecision', dimensions: ['decisionKind'] }, targets: [{ period: '2026', value: 5 }] });
    // A share of decisions is a percentage: declaring it in decisions is refused.
    const wrongUnit = await analyst.request('POST', `${base()}/${id}/indicators`, { nodeId: outcomeId, frequency: 'year', code: 'S3', name: 'x', unit: 'decisions', definition: { kind: 'computed', metric: 'decisions.withinTarget' } });
    assert.equal(wrongUnit.json().error.details.reason, 'UNIT_MISMATCH');

    const shareQuery = { metric: 'decisions.withinTarget', filters: { decisionKind: ['RG'] }, period: '2026' };
    const daysQuery = { metric: 'decisions.daysToDecision', dimensions: ['decisionKind'], period: '2026' };

    // 12 decisions on time: every one of them met the target, a share that would describe each of them.
    await decidedAfter(12, 0);
    const first = await report(id);
    assert.deepEqual(row(first, 'S1').actual, { suppressed: true, reason: 'primary' });
    assert.deepEqual(row(first, 'S1').actual, await statsTotal(shareQuery));
    assert.equal(row(first, 'S1').status, 'suppressed');

    // 12 more decided a month after referral (past the deadline): 12 of 24 on time.
    await decidedAfter(12, 30);
    const second = await report(id);
    assert.deepEqual(row(second, 'S1').actual, { value: 50 });
    assert.deepEqual(row(second, 'S1').actual, await statsTotal(shareQuery));
    assert.equal(row(second, 'S1').status, 'red', '50 % against 80 %');
    assert.deepEqual(row(second, 'S2').actual, await statsTotal(daysQuery));
    assert.ok('value' in (row(second, 'S2').actual as object), 'a median of 24 decisions is published');

    // 16 more on time: 28 of 40.
    await decidedAfter(16, 0);
    const third = await report(id);
    assert.deepEqual(row(third, 'S1').actual, { value: 70 });
    assert.deepEqual(row(third, 'S1').actual, await statsTotal(shareQuery));
    assert.equal(row(third, 'S1').status, 'amber', '70 % of the way to 80 %');
    assert.deepEqual(row(third, 'S2').actual, await statsTotal(daysQuery));
    assert.notDeepEqual(row(third, 'S2').actual, row(second, 'S2').actual, 'the median moved with the new decisions');
    // The breakdown by kind is the engine's too: RG published, CG (none) hidden.
    assert.deepEqual((row(third, 'S2').breakdown as { categories: { key: string; value: unknown }[] }).categories.map((c) => [c.key, c.value]), [['RG', row(third, 'S2').actual], ['CG', { suppressed: true, reason: 'primary' }]]);
  });

  test('a ratio indicator: computed from the protected totals, no value while a term is hidden, and it follows new decisions', async () => {
    const { id, outcomeId } = await programmeWithOutcome();
    const ratio = { kind: 'ratio', numerator: { metric: 'decisions.negative', filters: { decisionKind: ['RG'] } }, denominator: { metric: 'decisions.all' }, scale: 100 };
    const created = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: outcomeId, code: 'R1', name: 'Negative RG decisions per 100 decisions', unit: 'number', direction: 'decrease', frequency: 'year', definition: ratio, targets: [{ period: '2026', value: 10 }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const stored = await t.database.db.selectFrom('programmeIndicators').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
    assert.deepEqual([stored.kind, stored.disaggregations, stored.definition], ['ratio', [], { ...ratio, numerator: ratio.numerator, denominator: { metric: 'decisions.all', filters: {} } }]);
    assert.deepEqual((await auditRows(t.database, 'indicator.created', created.json().id)).map((r) => r.metadata), [{ programmeId: id, indicatorId: created.json().id, kind: 'ratio', metric: 'decisions.negative', denominatorMetric: 'decisions.all', unit: 'number' }]);

    const numeratorQuery = { metric: 'decisions.negative', filters: { decisionKind: ['RG'] }, period: '2026' };
    const denominatorQuery = { metric: 'decisions.all', period: '2026' };
    // No negative decision yet (the earlier test's 40 are positive): the zero is hidden, so is the ratio.
    const first = row(await report(id), 'R1');
    assert.deepEqual([first.actual, first.status], [{ value: null, reason: 'numeratorSuppressed' }, 'suppressed']);
    assert.deepEqual(first.ratio!.numerator, { metric: first.ratio!.numerator.metric, value: await statsTotal(numeratorQuery) });
    assert.ok(!JSON.stringify(first).includes('"value":0'), 'the hidden zero appears nowhere');

    await decidedAfter(11, 1, 'negative');
    const second = row(await report(id), 'R1');
    const [numerator, denominator] = [await statsTotal(numeratorQuery), await statsTotal(denominatorQuery)];
    assert.deepEqual(numerator, { value: 11 });
    assert.deepEqual(second.actual, { value: Math.round((10 * 100 * numerator.value) / denominator.value) / 10 });
    assert.deepEqual([second.ratio!.numerator.value, second.ratio!.denominator.value, second.ratio!.scale], [numerator, denominator, 100]);
    assert.equal(second.status, 'red', `${JSON.stringify(second.actual)} negative per 100 against a ceiling of 10`);

    // A quarter without decisions: both zeros hidden, so no ratio (the numerator is named first).
    const empty = row(await report(id, '2026-Q4'), 'R1');
    assert.deepEqual([empty.actual, empty.status], [{ value: null, reason: 'numeratorSuppressed' }, 'suppressed']);
    assert.deepEqual(empty.ratio!.denominator.value, { suppressed: true, reason: 'primary' });
  });

  test('ratio definitions are checked against the catalog, every issue with its path', async () => {
    const { id, outcomeId } = await programmeWithOutcome();
    const bad = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: outcomeId, code: 'R2', name: 'Bad ratio', unit: 'persons', frequency: 'year',
      definition: { kind: 'ratio', numerator: { metric: 'cases.daysToSupport' }, denominator: { metric: 'cases.identified', filters: { justiceStage: ['charged'] } } },
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().error.details.reason, 'INVALID_RATIO');
    assert.deepEqual(bad.json().error.details.issues.map((i: { path: string }) => i.path), ['body.definition.numerator.metric', 'body.definition.denominator.filters.justiceStage', 'body.unit']);
    const zero = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: outcomeId, code: 'R3', name: 'Zero scale', unit: 'number', frequency: 'year', definition: { kind: 'ratio', numerator: { metric: 'decisions.all' }, denominator: { metric: 'cases.identified' }, scale: 0 },
    });
    assert.equal(zero.statusCode, 400);
    assert.equal((await t.database.db.selectFrom('programmeIndicators').select('id').where('programmeId', '=', id).execute()).length, 0);
  });
});
