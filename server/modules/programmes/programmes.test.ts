import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { extractPdfText, readRightToLeft } from '../../../test/support/pdf-text.ts';
import { chromiumExecutablePath } from '../../pdf/render-pdf.ts';
import { REPORT_STRINGS } from './progress-report-strings.ts';

const skipPdf = existsSync(chromiumExecutablePath()) ? false : 'Chromium is not installed';
const TEXT_EVIDENCE = { fileName: 'attendance Amira K.txt', contentType: 'text/plain', contentBase64: Buffer.from('Training attendance: 25 officers').toString('base64') };

describe(`programmes: monitoring and evaluation (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let coordinator: TAgent;
  let analyst: TAgent;
  let year: string;
  const base = () => `/api/organisations/${orgId}/programmes`;

  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    year = String(t.clock.now().getUTCFullYear());
  });
  after(() => t.close());

  async function newProgramme(agent: TAgent = analyst) {
    const response = await agent.request('POST', base(), {
      kind: 'national_action_plan', name: 'National Action Plan 2026–2028', startsOn: `${year}-01-01`, endsOn: `${Number(year) + 2}-12-31`,
      goal: { code: 'G', title: 'Fewer people trafficked, more victims protected' },
      outcomes: [{ code: 'O1', title: 'Victims are identified quickly', outputs: [{ code: 'O1.a', title: 'Officers trained' }] }, { code: 'O2', title: 'Awareness raised' }],
    });
    assert.equal(response.statusCode, 201, response.body);
    const id: string = response.json().id;
    const detail = (await agent.request('GET', `${base()}/${id}`)).json();
    const node = (code: string) => detail.nodes.find((n: { code: string }) => n.code === code).id as string;
    return { id, node };
  }

  const report = async (programmeId: string, period = year, agent: TAgent = analyst) => {
    const response = await agent.request('GET', `${base()}/${programmeId}/progress-reports/${period}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const statsTotal = async (body: object) => {
    const response = await analyst.request('POST', `/api/organisations/${orgId}/stats/query`, body);
    assert.equal(response.statusCode, 200, response.body);
    return response.json().total;
  };

  test('a computed indicator equals the statistics engine for the same metric, period and filters, and follows new decisions', async () => {
    for (let i = 0; i < 12; i++) await caseInState(t, orgId, 'rg_positive');
    const { id, node } = await newProgramme();
    const stored = await t.database.db.selectFrom('programmeNodes').select(['level', 'code']).where('programmeId', '=', id).orderBy('position').execute();
    assert.deepEqual(stored.map((n) => `${n.level}:${n.code}`), ['goal:G', 'outcome:O1', 'output:O1.a', 'outcome:O2']);
    assert.deepEqual((await auditRows(t.database, 'programme.created', id)).map((r) => r.metadata), [{ programmeId: id, kind: 'national_action_plan', template: null, nodes: 4, indicators: 0 }]);

    const created = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O1'), code: 'O1.1', name: 'Identification decisions', unit: 'decisions', frequency: 'year',
      definition: { kind: 'computed', metric: 'decisions.all', dimensions: ['decisionKind'] }, targets: [{ period: year, value: 20 }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const positive = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O1'), code: 'O1.2', name: 'Positive decisions', unit: 'decisions', frequency: 'year',
      definition: { kind: 'computed', metric: 'decisions.all', filters: { decisionOutcome: ['positive'] } }, targets: [{ period: year, value: 12 }],
    });
    assert.equal(positive.statusCode, 201, positive.body);
    const negative = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O1'), code: 'O1.3', name: 'Negative decisions', unit: 'decisions', direction: 'decrease', frequency: 'year',
      definition: { kind: 'computed', metric: 'decisions.negative' }, targets: [{ period: year, value: 2 }],
    });
    assert.equal(negative.statusCode, 201, negative.body);
    const row = await t.database.db.selectFrom('programmeIndicators').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
    assert.deepEqual([row.kind, row.disaggregations, row.definition], ['computed', ['decisionKind'], { kind: 'computed', metric: 'decisions.all', filters: {}, dimensions: ['decisionKind'] }]);
    assert.equal((await auditRows(t.database, 'indicator.created', created.json().id)).length, 1);

    const first = await report(id);
    const byCode = (r: { indicators: { code: string }[] }, code: string) => r.indicators.find((i) => i.code === code) as unknown as Record<string, unknown> & { actual: unknown; status: string; breakdown: { categories: { key: string; value: unknown }[] } | null };
    assert.deepEqual(byCode(first, 'O1.1').actual, { value: 12 });
    assert.deepEqual(byCode(first, 'O1.1').actual, await statsTotal({ metric: 'decisions.all', dimensions: ['decisionKind'], period: year }));
    assert.deepEqual(byCode(first, 'O1.2').actual, await statsTotal({ metric: 'decisions.all', filters: { decisionOutcome: ['positive'] }, period: year }));
    assert.equal(byCode(first, 'O1.1').status, 'red', '12 of 20');
    assert.equal(byCode(first, 'O1.2').status, 'green', '12 of 12');
    assert.deepEqual(byCode(first, 'O1.1').breakdown!.categories.map((c) => [c.key, c.value]), [['RG', { suppressed: true, reason: 'secondary' }], ['CG', { suppressed: true, reason: 'primary' }]],
      'the total (12) is published, so RG is hidden too: otherwise RG = total − CG would reveal the zero CG');
    // No negative decision yet: a zero is a small count, hidden and not coloured.
    assert.deepEqual([byCode(first, 'O1.3').actual, byCode(first, 'O1.3').status], [{ suppressed: true, reason: 'primary' }, 'suppressed']);
    // Another year has none of these decisions.
    assert.deepEqual(byCode(await report(id, String(Number(year) - 1)), 'O1.1').actual, { suppressed: true, reason: 'primary' });

    // New decisions land (through the use cases): the indicator follows.
    for (let i = 0; i < 4; i++) await caseInState(t, orgId, 'rg_positive');
    for (let i = 0; i < 11; i++) await caseInState(t, orgId, 'rg_negative');
    const second = await report(id);
    assert.deepEqual(byCode(second, 'O1.1').actual, { value: 27 });
    assert.deepEqual(byCode(second, 'O1.1').actual, await statsTotal({ metric: 'decisions.all', dimensions: [], period: year }));
    assert.equal(byCode(second, 'O1.1').status, 'green', '27 against a target of 20');
    assert.deepEqual([byCode(second, 'O1.3').actual, byCode(second, 'O1.3').status], [{ value: 11 }, 'red']);
  });

  test('a computed indicator is refused when the metric, its dimensions or its unit do not fit', async () => {
    const { id, node } = await newProgramme();
    const bad = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O1'), code: 'X', name: 'Bad', unit: 'persons', frequency: 'quarter',
      definition: { kind: 'computed', metric: 'decisions.all', dimensions: ['labourType'] }, targets: [{ period: year, value: 1 }],
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.issues.map((i: { path: string }) => i.path), ['body.targets.0.period']);
    const badMetric = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O1'), code: 'X', name: 'Bad', unit: 'persons', frequency: 'year', definition: { kind: 'computed', metric: 'decisions.all', dimensions: ['labourType'] },
    });
    assert.equal(badMetric.statusCode, 400);
    assert.deepEqual(badMetric.json().error.details.issues.map((i: { path: string }) => i.path), ['body.definition.dimensions.0']);
    const badUnit = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O1'), code: 'X', name: 'Bad', unit: 'persons', frequency: 'year', definition: { kind: 'computed', metric: 'decisions.all' },
    });
    assert.equal(badUnit.json().error.details.reason, 'UNIT_MISMATCH');
    assert.equal((await t.database.db.selectFrom('programmeIndicators').select('id').where('programmeId', '=', id).execute()).length, 0);
  });

  test('manual values: evidence sealed, approved only by someone else holding programme.approve, small counts hidden', async () => {
    const { id, node } = await newProgramme();
    const trained = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O1.a'), code: 'O1.a.1', name: 'Officers trained', unit: 'number', frequency: 'year', disaggregations: ['sector'], baseline: 10,
      definition: { kind: 'manual' }, targets: [{ period: year, value: 50 }],
    });
    assert.equal(trained.statusCode, 201, trained.body);
    const indicatorId = trained.json().id;
    const values = `${base()}/${id}/indicators/${indicatorId}/values`;

    const entered = await analyst.request('POST', values, { period: year, value: 25, evidence: [TEXT_EVIDENCE] });
    assert.equal(entered.statusCode, 201, entered.body);
    const valueId = entered.json().id;
    const evidence = await t.database.db.selectFrom('indicatorEvidence').selectAll().where('valueId', '=', valueId).execute();
    assert.equal(evidence.length, 1);
    assert.ok(!evidence[0]!.fileNameCiphertext.includes('Amira') && !evidence[0]!.contentCiphertext.includes('officers'));
    assert.deepEqual((await auditRows(t.database, 'indicator.valueEntered', indicatorId)).map((r) => r.metadata), [{ programmeId: id, indicatorId, valueId, period: year, evidenceCount: 1 }]);
    assert.equal((await report(id)).indicators[0].status, 'noData', 'pending values do not count');

    assert.equal((await analyst.request('POST', `${values}/${valueId}/review`, { decision: 'approved' })).statusCode, 403);
    const own = await coordinator.request('POST', values, { period: year, value: 30, evidence: [TEXT_EVIDENCE] });
    const self = await coordinator.request('POST', `${values}/${own.json().id}/review`, { decision: 'approved' });
    assert.equal(self.statusCode, 422);
    assert.equal(self.json().error.details.reason, 'SELF_APPROVAL');

    const approved = await coordinator.request('POST', `${values}/${valueId}/review`, { decision: 'approved' });
    assert.equal(approved.statusCode, 204, approved.body);
    assert.equal((await coordinator.request('POST', `${values}/${valueId}/review`, { decision: 'rejected' })).json().error.details.reason, 'VALUE_NOT_PENDING');
    const stored = await t.database.db.selectFrom('indicatorValues').selectAll().where('id', '=', valueId).executeTakeFirstOrThrow();
    assert.deepEqual([stored.status, stored.reviewedBy], ['approved', coordinator.user.userId]);
    assert.equal((await auditRows(t.database, 'indicator.valueReviewed', indicatorId)).length, 1);

    // The coordinator's own value (30) stays pending; a second approval for the period is refused until the first is gone.
    const second = await analyst.request('POST', values, { period: year, value: 27, evidence: [TEXT_EVIDENCE] });
    const conflict = await coordinator.request('POST', `${values}/${second.json().id}/review`, { decision: 'approved' });
    assert.equal(conflict.json().error.details.reason, 'PERIOD_ALREADY_APPROVED');
    assert.equal((await coordinator.request('POST', `${values}/${second.json().id}/review`, { decision: 'rejected' })).statusCode, 204);
    const wrongPeriod = await analyst.request('POST', values, { period: `${year}-Q1`, value: 3, evidence: [TEXT_EVIDENCE] });
    assert.equal(wrongPeriod.json().error.details.reason, 'WRONG_FREQUENCY');
    const notText = await analyst.request('POST', values, { period: year, value: 3, evidence: [{ ...TEXT_EVIDENCE, contentType: 'application/pdf' }] });
    assert.equal(notText.json().error.details.reason, 'CONTENT_TYPE_MISMATCH');

    const after = (await report(id)).indicators[0];
    assert.deepEqual([after.actual, after.baseline, after.target, after.status], [{ value: 25 }, 10, 50, 'red']);

    const detail = (await analyst.request('GET', `${base()}/${id}`)).json();
    const shown = detail.indicators[0].values.find((v: { id: string }) => v.id === valueId);
    assert.equal(shown.evidence[0].fileName, TEXT_EVIDENCE.fileName);
    const download = await analyst.request('GET', `${values}/${valueId}/evidence/${shown.evidence[0].id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.body, 'Training attendance: 25 officers');
    assert.equal((await auditRows(t.database, 'indicator.evidenceDownloaded', indicatorId)).length, 1);

    // A manual count of persons below the threshold is hidden like any small cell.
    const persons = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O2'), code: 'O2.1', name: 'Survivors in peer groups', unit: 'persons', frequency: 'year', definition: { kind: 'manual' }, targets: [{ period: year, value: 8 }],
    });
    const small = await analyst.request('POST', `${base()}/${id}/indicators/${persons.json().id}/values`, { period: year, value: 9, evidence: [TEXT_EVIDENCE] });
    await coordinator.request('POST', `${base()}/${id}/indicators/${persons.json().id}/values/${small.json().id}/review`, { decision: 'approved' });
    const hidden = (await report(id)).indicators.find((i: { code: string }) => i.code === 'O2.1');
    assert.deepEqual([hidden.actual, hidden.status], [{ suppressed: true, reason: 'primary' }, 'suppressed']);
    assert.ok(!/"value":9\b/.test(JSON.stringify(hidden)), 'the hidden count appears nowhere');
  });

  test('needs assessments: findings link to the programme\'s outcomes only', async () => {
    const { id, node } = await newProgramme();
    const body = {
      scope: 'region', area: 'Northern border region', assessedOn: `${year}-02-01`,
      findings: [
        { category: 'capacity_building', severity: 'high', summary: 'Labour inspectors lack identification training', outcomeIds: [node('O1')] },
        { category: 'protection_gap', severity: 'medium', summary: 'No shelter places for men', outcomeIds: [] },
      ],
    };
    const recorded = await analyst.request('POST', `${base()}/${id}/needs-assessments`, body);
    assert.equal(recorded.statusCode, 201, recorded.body);
    const wrong = await analyst.request('POST', `${base()}/${id}/needs-assessments`, { ...body, findings: [{ ...body.findings[0], outcomeIds: [node('O1.a')] }] });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(wrong.json().error.details.issues.map((i: { path: string }) => i.path), ['body.findings.0.outcomeIds.0']);
    const detail = (await coordinator.request('GET', `${base()}/${id}`)).json();
    assert.deepEqual(detail.assessments.map((a: { area: string; findings: unknown[] }) => [a.area, a.findings.length]), [['Northern border region', 2]]);
    assert.equal(detail.assessments[0].findings[0].outcomeIds[0], node('O1'));
    assert.deepEqual((await auditRows(t.database, 'needsAssessment.recorded', id)).map((r) => r.metadata), [{ programmeId: id, assessmentId: recorded.json().id, scope: 'region', findings: 2 }]);
  });

  test('the NRM effectiveness programme is created in one call and reports on every ICAT indicator', async () => {
    const created = await coordinator.request('POST', `${base()}/templates/nrm`, { startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, language: 'fr' });
    assert.equal(created.statusCode, 201, created.body);
    const detail = (await coordinator.request('GET', `${base()}/${created.json().id}`)).json();
    assert.equal(detail.programme.name, 'Efficacité du MNO');
    assert.deepEqual(detail.nodes.map((n: { code: string }) => n.code), ['G', 'O1', 'O1.a', 'O2', 'O3']);
    const metrics = detail.indicators.map((i: { definition: { kind: string; metric?: string; numerator?: { metric: string }; denominator?: { metric: string } } }) =>
      i.definition.kind === 'ratio' ? `${i.definition.numerator!.metric}/${i.definition.denominator!.metric}` : i.definition.metric ?? 'manual');
    assert.deepEqual(metrics, [
      'justice.funnel/cases.identified', 'cases.identified', 'decisions.all', 'decisions.negative', 'manual', 'decisions.withinTarget', 'decisions.daysToDecision', 'manual',
      'cases.daysToSupport', 'cases.earlySupport', 'cases.shelterWithin7Days', 'plans.inclusionOutcome', 'plans.inclusionOutcome',
    ]);
    const nrm = await report(created.json().id, year, coordinator);
    assert.equal(nrm.indicators.length, 13);
    // Every computed indicator has an actual (a value or a suppression marker), never a raw small number.
    for (const indicator of nrm.indicators.filter((i: { kind: string }) => i.kind === 'computed')) {
      assert.ok(indicator.actual !== null, indicator.code);
      if ('value' in indicator.actual && indicator.unit !== 'days' && indicator.unit !== 'percent') assert.ok(indicator.actual.value >= 11, indicator.code);
    }
    // No investigation in this organisation: no conviction count to publish, so no ratio, and no colour.
    const convictions = nrm.indicators.find((i: { code: string }) => i.code === 'G.1');
    assert.deepEqual([convictions.kind, convictions.actual, convictions.status], ['ratio', { value: null, reason: 'numeratorSuppressed' }, 'suppressed']);
    assert.equal((await auditRows(t.database, 'programme.created', created.json().id))[0]!.metadata.template, 'nrm');
  });

  test('progress report PDF in English and Arabic: title and an indicator\'s value read back', { skip: skipPdf, timeout: 120_000 }, async () => {
    const { id, node } = await newProgramme();
    await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O1'), code: 'D1', name: 'Decisions', unit: 'decisions', frequency: 'year', definition: { kind: 'computed', metric: 'decisions.all' }, targets: [{ period: year, value: 40 }],
    });
    const actual = (await report(id)).indicators[0].actual;
    assert.ok('value' in actual, 'the earlier test left enough decisions to publish');
    const value = String(actual.value);

    const english = await analyst.request('GET', `${base()}/${id}/progress-reports/${year}.pdf?lang=en`);
    assert.equal(english.statusCode, 200, english.body);
    assert.equal(english.headers['content-type'], 'application/pdf');
    const [englishPage = ''] = await extractPdfText(english.rawPayload);
    assert.ok(englishPage.includes(REPORT_STRINGS.en.title), englishPage);
    assert.ok(englishPage.split('\n').some((line) => line.includes('D1') && line.includes(value) && line.includes('40')), englishPage);

    const arabic = await analyst.request('GET', `${base()}/${id}/progress-reports/${year}.pdf?lang=ar`);
    assert.equal(arabic.statusCode, 200, arabic.body);
    const [arabicPage = ''] = await extractPdfText(arabic.rawPayload);
    const lines = arabicPage.split('\n').map(readRightToLeft);
    assert.ok(lines.includes(REPORT_STRINGS.ar.title), JSON.stringify(lines));
    assert.ok(lines.some((line) => line.includes(value)), JSON.stringify(lines));
    assert.deepEqual((await auditRows(t.database, 'progressReport.exported', id)).map((r) => (r.metadata as { language: string }).language), ['en', 'ar']);
  });

  test('tenancy and permissions', async () => {
    const { id } = await newProgramme();
    const otherOrg = await t.createOrganisation();
    const outsider = await t.login(await t.addUser(otherOrg, 'coordinator'));
    assert.equal((await outsider.request('GET', `${base()}/${id}`)).statusCode, 404);
    assert.equal((await outsider.request('GET', `/api/organisations/${otherOrg}/programmes/${id}`)).statusCode, 404);
    const caseWorker = await t.login(await t.addUser(orgId, 'case_worker'));
    const refused = await caseWorker.request('GET', base());
    assert.equal(refused.statusCode, 403);
    const listed = (await analyst.request('GET', base())).json().programmes.map((p: { id: string }) => p.id);
    assert.ok(listed.includes(id));
    assert.deepEqual((await outsider.request('GET', `/api/organisations/${otherOrg}/programmes`)).json().programmes, []);
  });
});
