import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';

const EVIDENCE = { fileName: 'survey.txt', contentType: 'text/plain', contentBase64: Buffer.from('Survey of 40 survivors').toString('base64') };

/** Editing programmes (optimistic locking, audit), archiving, and disclosure control of baselines, targets and manual shares. */
describe(`programmes: editing, archiving, disclosure of every number (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  let coordinator: TAgent;
  const year = '2026';

  before(async () => {
    t = await createTestApp({ clockStart: new Date('2026-05-04T09:00:00Z') });
    orgId = await t.createOrganisation();
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
  });
  after(() => t.close());

  const base = () => `/api/organisations/${orgId}/programmes`;

  async function newProgramme() {
    const response = await analyst.request('POST', base(), {
      kind: 'project', name: 'Shelter network', startsOn: '2026-01-01', endsOn: '2026-12-31',
      goal: { code: 'G', title: 'Survivors housed safely' }, outcomes: [{ code: 'O1', title: 'Places available', outputs: [{ code: 'O1.a', title: 'Staff trained' }] }, { code: 'O2', title: 'Awareness' }],
    });
    assert.equal(response.statusCode, 201, response.body);
    const id: string = response.json().id;
    const detail = (await analyst.request('GET', `${base()}/${id}`)).json();
    const node = (code: string) => detail.nodes.find((n: { code: string }) => n.code === code).id as string;
    return { id, node };
  }
  const detailOf = async (id: string) => (await analyst.request('GET', `${base()}/${id}`)).json();

  test('a programme is edited against the version read; a stale version is refused; changes are audited by field name', async () => {
    const { id } = await newProgramme();
    assert.equal((await detailOf(id)).programme.version, 1);
    const edited = await analyst.request('PATCH', `${base()}/${id}`, { expectedVersion: 1, name: 'Shelter network 2026', description: 'Beds in every region', endsOn: '2027-06-30' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(edited.json(), { id, version: 2 });
    const stored = await t.database.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([stored.name, stored.description, stored.endsOn, stored.version], ['Shelter network 2026', 'Beds in every region', '2027-06-30', 2]);
    assert.deepEqual((await auditRows(t.database, 'programme.updated', id)).map((r) => r.metadata), [{ programmeId: id, fields: ['name', 'description', 'endsOn'], version: 2 }]);

    // Someone who read version 1 edits after the change: refused, nothing stored.
    const stale = await coordinator.request('PATCH', `${base()}/${id}`, { expectedVersion: 1, name: 'Overwritten' });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.details.reason, 'VERSION_CONFLICT');
    assert.equal((await detailOf(id)).programme.name, 'Shelter network 2026');

    const reversed = await analyst.request('PATCH', `${base()}/${id}`, { expectedVersion: 2, startsOn: '2028-01-01' });
    assert.deepEqual([reversed.statusCode, reversed.json().error.details.issues.map((i: { path: string }) => i.path)], [400, ['body.endsOn']]);
    const yearZero = await analyst.request('PATCH', `${base()}/${id}`, { expectedVersion: 2, startsOn: '0000-01-01' });
    assert.deepEqual([yearZero.statusCode, yearZero.json().error.details.issues.map((i: { path: string }) => i.path)], [400, ['body.startsOn']], 'a date the database cannot store is a 400, not a 500');
    const empty = await analyst.request('PATCH', `${base()}/${id}`, { expectedVersion: 2 });
    assert.equal(empty.json().error.details.reason, 'NOTHING_TO_CHANGE');
    const unknown = await analyst.request('PATCH', `${base()}/${id}`, { expectedVersion: 2, kind: 'nrm' });
    assert.equal(unknown.statusCode, 400, 'the kind is not editable');
    assert.equal((await auditRows(t.database, 'programme.updated', id)).length, 1);
  });

  test('nodes and indicators are edited with their own versions; the frequency only while nothing is reported at it', async () => {
    const { id, node } = await newProgramme();
    const nodeEdit = await analyst.request('PATCH', `${base()}/${id}/nodes/${node('O1')}`, { expectedVersion: 1, title: 'Shelter places in every region', description: 'Adults and children' });
    assert.deepEqual([nodeEdit.statusCode, nodeEdit.json()], [200, { id: node('O1'), version: 2 }]);
    const shown = (await detailOf(id)).nodes.find((n: { code: string }) => n.code === 'O1');
    assert.deepEqual([shown.title, shown.description, shown.version, shown.level], ['Shelter places in every region', 'Adults and children', 2, 'outcome']);
    assert.deepEqual((await auditRows(t.database, 'programme.nodeUpdated', id)).map((r) => r.metadata), [{ programmeId: id, nodeId: node('O1'), level: 'outcome', fields: ['title', 'description'], version: 2 }]);
    assert.equal((await analyst.request('PATCH', `${base()}/${id}/nodes/${node('O1')}`, { expectedVersion: 1, title: 'Again' })).json().error.details.reason, 'VERSION_CONFLICT');
    const other = await newProgramme();
    assert.equal((await analyst.request('PATCH', `${base()}/${id}/nodes/${other.node('O1')}`, { expectedVersion: 1, title: 'Elsewhere' })).statusCode, 404, 'a node of another programme');

    const created = await analyst.request('POST', `${base()}/${id}/indicators`, {
      nodeId: node('O1.a'), code: 'T1', name: 'Staff trained', unit: 'number', frequency: 'year', definition: { kind: 'manual' }, definitionText: 'Completed the course',
    });
    const indicatorId = created.json().id;
    const url = `${base()}/${id}/indicators/${indicatorId}`;
    // No target, no value yet: the frequency may still change.
    const quarterly = await analyst.request('PATCH', url, { expectedVersion: 1, frequency: 'quarter', baseline: 12, baselinePeriod: '2025-Q4', definitionText: 'Completed the 3-day course' });
    assert.deepEqual([quarterly.statusCode, quarterly.json().version], [200, 2], quarterly.body);
    const stored = await t.database.db.selectFrom('programmeIndicators').selectAll().where('id', '=', indicatorId).executeTakeFirstOrThrow();
    assert.deepEqual([stored.frequency, Number(stored.baseline), stored.baselinePeriod, stored.definitionText, stored.version], ['quarter', 12, '2025-Q4', 'Completed the 3-day course', 2]);
    assert.deepEqual((await auditRows(t.database, 'indicator.updated', indicatorId)).map((r) => r.metadata), [{ programmeId: id, indicatorId, fields: ['definitionText', 'baseline', 'baselinePeriod', 'frequency'], version: 2 }]);

    const wrongPeriod = await analyst.request('PATCH', url, { expectedVersion: 2, baselinePeriod: '2025' });
    assert.deepEqual(wrongPeriod.json().error.details.issues.map((i: { path: string }) => i.path), ['body.baselinePeriod']);
    assert.equal((await analyst.request('PUT', `${url}/targets`, { targets: [{ period: '2026-Q3', value: 30 }] })).statusCode, 204);
    const inUse = await analyst.request('PATCH', url, { expectedVersion: 2, frequency: 'year' });
    assert.deepEqual([inUse.statusCode, inUse.json().error.details.reason], [422, 'FREQUENCY_IN_USE']);
    const notEditable = await analyst.request('PATCH', url, { expectedVersion: 2, unit: 'persons' });
    assert.equal(notEditable.statusCode, 400, 'the unit is not editable');
    const renamed = await analyst.request('PATCH', url, { expectedVersion: 2, name: 'Shelter staff trained', direction: 'increase', dataSource: 'Training registers' });
    assert.equal(renamed.json().version, 3);
    const shownIndicator = (await detailOf(id)).indicators[0];
    assert.deepEqual([shownIndicator.name, shownIndicator.dataSource, shownIndicator.definitionText, shownIndicator.version], ['Shelter staff trained', 'Training registers', 'Completed the 3-day course', 3]);
  });

  test('needs assessments are corrected, findings re-linked to outcomes only', async () => {
    const { id, node } = await newProgramme();
    const recorded = await analyst.request('POST', `${base()}/${id}/needs-assessments`, {
      scope: 'region', area: 'North', assessedOn: '2026-02-01', findings: [{ category: 'awareness', severity: 'low', summary: 'Posters missing', outcomeIds: [] }],
    });
    const url = `${base()}/${id}/needs-assessments/${recorded.json().id}`;
    const wrong = await analyst.request('PATCH', url, { expectedVersion: 1, findings: [{ category: 'protection_gap', severity: 'high', summary: 'No beds for men', outcomeIds: [node('O1.a')] }] });
    assert.deepEqual(wrong.json().error.details.issues.map((i: { path: string }) => i.path), ['body.findings.0.outcomeIds.0']);
    const fixed = await analyst.request('PATCH', url, {
      expectedVersion: 1, area: 'North-east', findings: [{ category: 'protection_gap', severity: 'high', summary: 'No beds for men', outcomeIds: [node('O1'), node('O1')] }, { category: 'awareness', severity: 'low', summary: 'Posters missing', outcomeIds: [node('O2')] }],
    });
    assert.deepEqual([fixed.statusCode, fixed.json().version], [200, 2], fixed.body);
    const shown = (await detailOf(id)).assessments[0];
    assert.deepEqual([shown.area, shown.scope, shown.version, shown.findings.map((f: { outcomeIds: string[] }) => f.outcomeIds)], ['North-east', 'region', 2, [[node('O1')], [node('O2')]]]);
    assert.ok(shown.updatedAt);
    assert.deepEqual((await auditRows(t.database, 'needsAssessment.updated', id)).map((r) => r.metadata), [{ programmeId: id, assessmentId: recorded.json().id, fields: ['area', 'findings'], findings: 2, version: 2 }]);
  });

  test('an archived programme leaves the list, stays readable, and refuses every change', async () => {
    const { id, node } = await newProgramme();
    const indicator = await analyst.request('POST', `${base()}/${id}/indicators`, { nodeId: node('O1'), code: 'I1', name: 'Beds', unit: 'number', frequency: 'year', definition: { kind: 'manual' } });
    const value = await analyst.request('POST', `${base()}/${id}/indicators/${indicator.json().id}/values`, { period: year, value: 40, evidence: [EVIDENCE] });
    assert.equal((await analyst.request('POST', `${base()}/${id}/archive`, { expectedVersion: 7 })).json().error.details.reason, 'VERSION_CONFLICT');
    const archived = await analyst.request('POST', `${base()}/${id}/archive`, { expectedVersion: 1 });
    assert.deepEqual([archived.statusCode, archived.json()], [200, { id, version: 2 }]);
    assert.deepEqual((await auditRows(t.database, 'programme.archived', id)).map((r) => r.metadata), [{ programmeId: id, version: 2 }]);

    const list = async (query = '') => (await analyst.request('GET', `${base()}${query}`)).json().programmes.map((p: { id: string }) => p.id);
    assert.ok(!(await list()).includes(id));
    assert.ok((await list('?status=archived')).includes(id));
    assert.ok((await list('?status=all')).includes(id));
    const detail = await detailOf(id);
    assert.ok(detail.programme.archivedAt);
    assert.equal((await analyst.request('GET', `${base()}/${id}/progress-reports/${year}`)).statusCode, 200);

    const writes: [string, string, object][] = [
      ['PATCH', `${base()}/${id}`, { expectedVersion: 2, name: 'x' }],
      ['POST', `${base()}/${id}/archive`, { expectedVersion: 2 }],
      ['POST', `${base()}/${id}/nodes`, { parentId: node('O1'), level: 'output', code: 'O1.b', title: 'x' }],
      ['PATCH', `${base()}/${id}/nodes/${node('O1')}`, { expectedVersion: 1, title: 'x' }],
      ['POST', `${base()}/${id}/indicators`, { nodeId: node('O1'), code: 'I2', name: 'x', unit: 'number', frequency: 'year', definition: { kind: 'manual' } }],
      ['PATCH', `${base()}/${id}/indicators/${indicator.json().id}`, { expectedVersion: 1, name: 'x' }],
      ['PUT', `${base()}/${id}/indicators/${indicator.json().id}/targets`, { targets: [] }],
      ['POST', `${base()}/${id}/indicators/${indicator.json().id}/values`, { period: year, value: 1, evidence: [EVIDENCE] }],
      ['POST', `${base()}/${id}/needs-assessments`, { scope: 'region', area: 'x', assessedOn: '2026-02-01', findings: [{ category: 'awareness', severity: 'low', summary: 'x' }] }],
    ];
    for (const [method, url, body] of writes) {
      const response = await analyst.request(method as 'POST', url, body);
      assert.deepEqual([response.statusCode, response.json().error?.details.reason], [409, 'PROGRAMME_ARCHIVED'], `${method} ${url}`);
    }
    const review = await coordinator.request('POST', `${base()}/${id}/indicators/${indicator.json().id}/values/${value.json().id}/review`, { decision: 'approved' });
    assert.equal(review.json().error.details.reason, 'PROGRAMME_ARCHIVED');

    // Made active again: back in the list, changes accepted, the archive history audited.
    assert.equal((await analyst.request('POST', `${base()}/${id}/restore`, { expectedVersion: 1 })).json().error.details.reason, 'VERSION_CONFLICT');
    const restored = await analyst.request('POST', `${base()}/${id}/restore`, { expectedVersion: 2 });
    assert.deepEqual([restored.statusCode, restored.json()], [200, { id, version: 3 }]);
    assert.deepEqual((await auditRows(t.database, 'programme.restored', id)).map((r) => r.metadata), [{ programmeId: id, version: 3 }]);
    assert.ok((await list()).includes(id));
    assert.equal((await detailOf(id)).programme.archivedAt, null);
    const renamed = await analyst.request('PATCH', `${base()}/${id}`, { expectedVersion: 3, name: 'Renamed after restoring' });
    assert.equal(renamed.statusCode, 200, renamed.body);
    const again = await analyst.request('POST', `${base()}/${id}/restore`, { expectedVersion: 4 });
    assert.deepEqual([again.statusCode, again.json().error.details.reason], [409, 'PROGRAMME_NOT_ARCHIVED']);
    assert.equal((await coordinator.request('GET', `${base()}/${id}`)).statusCode, 200);
  });

  test('disclosure: small count baselines hidden, targets published as planning figures, manual shares hidden when too few stand behind them', async () => {
    const { id, node } = await newProgramme();
    const add = async (body: object) => {
      const response = await analyst.request('POST', `${base()}/${id}/indicators`, { nodeId: node('O1'), frequency: 'year', definition: { kind: 'manual' }, ...body });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id as string;
    };
    const survivors = await add({ code: 'P1', name: 'Survivors housed', unit: 'persons', baseline: 4, baselinePeriod: '2025', targets: [{ period: year, value: 6 }] });
    const satisfied = await add({ code: 'P2', name: 'Survivors satisfied with shelter', unit: 'percent', baseline: 60, targets: [{ period: year, value: 75 }] });
    const sheltered = await add({ code: 'P3', name: 'Survivors sheltered (peer survey)', unit: 'percent', targets: [{ period: year, value: 75 }] });
    const staff = await add({ code: 'P4', name: 'Staff trained', unit: 'number', baseline: 3, targets: [{ period: year, value: 5 }] });
    const enter = async (indicatorId: string, body: object) => {
      const entered = await analyst.request('POST', `${base()}/${id}/indicators/${indicatorId}/values`, { period: year, evidence: [EVIDENCE], ...body });
      assert.equal(entered.statusCode, 201, entered.body);
      assert.equal((await coordinator.request('POST', `${base()}/${id}/indicators/${indicatorId}/values/${entered.json().id}/review`, { decision: 'approved' })).statusCode, 204);
    };
    await enter(survivors, { value: 5 });
    await enter(satisfied, { value: 80, basis: 40 }); // 32 and 8: fewer than 11 on one side
    await enter(sheltered, { value: 50, basis: 30 }); // 15 and 15
    await enter(staff, { value: 4 });
    const notApplicable = await analyst.request('POST', `${base()}/${id}/indicators/${survivors}/values`, { period: year, value: 12, basis: 40, evidence: [EVIDENCE] });
    assert.deepEqual([notApplicable.statusCode, notApplicable.json().error.details.issues.map((i: { path: string }) => i.path)], [400, ['body.basis']]);

    const response = await analyst.request('GET', `${base()}/${id}/progress-reports/${year}`);
    const report = response.json();
    const row = (code: string) => report.indicators.find((i: { code: string }) => i.code === code);
    assert.deepEqual(report.disclosure, { method: 'suppression', threshold: 11, baselines: 'countsBelowThresholdHidden', targets: 'planningFigures' });
    // P1: the baseline (4 persons in 2025) is an observation, hidden; the target (6) is a plan, published and labelled.
    assert.deepEqual([row('P1').baseline, row('P1').baselineSuppressed, row('P1').target, row('P1').targetIsPlanningFigure, row('P1').actual], [null, true, 6, true, { suppressed: true, reason: 'primary' }]);
    assert.ok(!/"baseline":4\b/.test(JSON.stringify(row('P1'))), 'the hidden baseline appears nowhere');
    assert.deepEqual([row('P2').actual, row('P2').status, row('P2').baseline], [{ suppressed: true, reason: 'primary' }, 'suppressed', 60]);
    assert.deepEqual([row('P3').actual, row('P3').status], [{ value: 50 }, 'red']);
    assert.deepEqual([row('P4').actual, row('P4').baseline, row('P4').baselineSuppressed, row('P4').status], [{ value: 4 }, 3, false, 'red'], 'staff are not persons protected by the threshold; 1 of the 2 more planned is red');
    const stored = await t.database.db.selectFrom('indicatorValues').select(['basis']).where('indicatorId', '=', satisfied).executeTakeFirstOrThrow();
    assert.equal(stored.basis, 40);
  });
});
