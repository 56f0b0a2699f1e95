import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { extractPdfText, readRightToLeft } from '../../../test/support/pdf-text.ts';
import { chromiumExecutablePath } from '../../pdf/render-pdf.ts';
import { buildKAnonCsv, type TCtdcFixtureRow } from '../datasets/ctdc-fixtures.test-support.ts';
import { readXlsxSheets } from '../../../core/files/xlsx-reader.test-support.ts';

const skipPdf = existsSync(chromiumExecutablePath()) ? false : 'Chromium is not installed';
const repeat = (n: number, row: TCtdcFixtureRow): TCtdcFixtureRow[] => Array.from({ length: n }, () => row);

/** year × sex: 2019 = 30 F, 5 M; 2020 = 20 F, 15 M; 12 girls without a year. */
const ROWS: TCtdcFixtureRow[] = [
  ...repeat(30, { yearOfRegistration: 2019, gender: 'Female', majorityStatus: 'Adult', isSexualExploit: 1, citizenship: 'NG', CountryOfExploitation: 'IT' }),
  ...repeat(5, { yearOfRegistration: 2019, gender: 'Male', majorityStatus: 'Adult', isForcedLabour: 1, citizenship: 'RO', CountryOfExploitation: 'GB' }),
  ...repeat(20, { yearOfRegistration: 2020, gender: 'Female', majorityStatus: 'Adult', isForcedLabour: 1, citizenship: 'PH', CountryOfExploitation: 'US' }),
  ...repeat(15, { yearOfRegistration: 2020, gender: 'Male', majorityStatus: 'Adult', isForcedLabour: 1, isSexualExploit: 1, citizenship: 'PH', CountryOfExploitation: 'US' }),
  ...repeat(12, { gender: 'Female', majorityStatus: 'Minor', isSexualExploit: 1, citizenship: 'NG', CountryOfExploitation: 'NG', typeOfExploitConcatenated: '=HYPERLINK("x")' }),
];

type TCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };

describe(`statistical releases (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  let analyst2: TAgent;
  let coordinator: TAgent;
  let caseWorker: TAgent;
  let runId: string;
  const base = () => `/api/organisations/${orgId}/releases`;
  const prepare = (agent: TAgent, body: unknown) => agent.request('POST', base(), body);

  before(async () => {
    t = await createTestApp();
    orgId = (await t.seedFirstAdmin()).organisationId;
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    analyst2 = await t.login(await t.addUser(orgId, 'analyst'));
    coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
    caseWorker = await t.login(await t.addUser(orgId, 'case_worker'));
    const imported = await analyst.request('POST', `/api/organisations/${orgId}/datasets/ctdc-imports`, { fileName: 'fixture.csv', csv: buildKAnonCsv(ROWS) });
    assert.equal(imported.statusCode, 201, imported.body);
    runId = imported.json().run.id;
  });
  after(() => t.close());

  const suppressionBody = (language = 'en') => ({
    kind: 'tables', title: 'Victims 2019–2020', language,
    tables: [{ metric: 'ctdc.victims', dimensions: ['year', 'sex'] }, { metric: 'ctdc.victims', dimensions: ['exploitationForm'] }],
    disclosure: { method: 'suppression', threshold: 11 },
  });

  test('suppression: prepared as a draft, four eyes, published with stored files that never change', { skip: skipPdf, timeout: 120_000 }, async () => {
    const prepared = await prepare(analyst, suppressionBody());
    assert.equal(prepared.statusCode, 201, prepared.body);
    const draft = prepared.json().release;
    assert.equal(draft.status, 'draft');
    assert.deepEqual(draft.datasetIds, [runId]);
    assert.deepEqual(draft.files, []);
    const table = draft.result.tables[0];
    const truth = [[30, 5, 0], [20, 15, 0], [12, 0, 0]];
    table.values.cells.forEach((row: TCell[], i: number) => row.forEach((cell, j) => {
      if ('value' in cell) assert.equal(cell.value, truth[i]![j]);
      else if (cell.reason === 'primary') assert.ok(truth[i]![j]! < 11);
    }));
    assert.ok('suppressed' in table.values.cells[0][1], 'the 5 men of 2019 are hidden');
    const stored = await t.database.db.selectFrom('releases').selectAll().where('id', '=', draft.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'draft');
    assert.equal(stored.disclosureMethod, 'suppression');
    assert.equal((await auditRows(t.database, 'release.prepared', draft.id)).length, 1);

    // Draft previews: the preparer yes, another analyst no, a coordinator yes.
    const preview = await analyst.request('GET', `${base()}/${draft.id}/files/csv`);
    assert.equal(preview.statusCode, 200);
    assert.match(String(preview.headers['content-disposition']), /-draft\.csv$/);
    assert.equal((await analyst2.request('GET', `${base()}/${draft.id}/files/csv`)).statusCode, 403);
    const seenByOther = (await analyst2.request('GET', `${base()}/${draft.id}`)).json().release;
    assert.ok(seenByOther.result.tables.every((x: { values: unknown }) => x.values === null), 'another analyst sees no draft values');
    assert.equal((await coordinator.request('GET', `${base()}/${draft.id}/files/csv`)).statusCode, 200);

    // The preparer cannot approve (no permission); a coordinator who prepared could not either (four eyes, below).
    assert.equal((await analyst.request('POST', `${base()}/${draft.id}/approve`)).statusCode, 403);
    const approved = await coordinator.request('POST', `${base()}/${draft.id}/approve`);
    assert.equal(approved.statusCode, 200, approved.body);
    const release = approved.json().release;
    assert.equal(release.status, 'published');
    assert.equal(release.approvedBy.userId, coordinator.user.userId);
    assert.deepEqual(release.files.map((f: { format: string }) => f.format).sort(), ['csv', 'pdf', 'xlsx']);
    assert.equal((await auditRows(t.database, 'release.published', draft.id)).length, 1);
    assert.equal((await coordinator.request('POST', `${base()}/${draft.id}/approve`)).statusCode, 409);

    // Downloads are the stored bytes, byte-identical every time, and match the recorded checksum.
    for (const file of release.files as { format: string; sha256: string; byteCount: number }[]) {
      const first = await caseWorker.request('GET', `${base()}/${draft.id}/files/${file.format}`);
      assert.equal(first.statusCode, 403, 'a case worker has no stats.read');
      const a = await analyst2.request('GET', `${base()}/${draft.id}/files/${file.format}`);
      const b = await analyst2.request('GET', `${base()}/${draft.id}/files/${file.format}`);
      assert.equal(a.statusCode, 200);
      assert.deepEqual(a.rawPayload, b.rawPayload);
      assert.equal(a.rawPayload.byteLength, file.byteCount);
      assert.equal(createHash('sha256').update(a.rawPayload).digest('hex'), file.sha256);
    }
    const csv = (await analyst2.request('GET', `${base()}/${draft.id}/files/csv`)).rawPayload.toString('utf8');
    assert.ok(csv.startsWith('\uFEFFTable,Metric,Dimension 1'), csv.slice(0, 60));
    assert.match(csv, /\r\n1,Victims identified,Year of registration,2019,Sex,Female,30,\r\n/);
    assert.match(csv, /1,Victims identified,Year of registration,2019,Sex,Male,,suppressed: small count/);

    // The database itself refuses to change a published release or its files.
    await assert.rejects(sql`update releases set title = 'changed' where id = ${draft.id}`.execute(t.database.db), /can no longer change/);
    await assert.rejects(sql`delete from releases where id = ${draft.id}`.execute(t.database.db), /can no longer change/);
    await assert.rejects(sql`update release_files set sha256 = 'x' where release_id = ${draft.id}`.execute(t.database.db), /never change/);
    await assert.rejects(sql`delete from release_files where release_id = ${draft.id}`.execute(t.database.db), /never change/);
    await assert.rejects(sql`insert into release_files (org_id, release_id, format, file_name, media_type, content_base64, byte_count, sha256, created_at)
      values (${orgId}, ${draft.id}, 'csv', 'x', 'x', 'x', 1, 'x', now())`.execute(t.database.db));
    const after = await t.database.db.selectFrom('releases').select(['title', 'status']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    assert.deepEqual(after, { title: 'Victims 2019–2020', status: 'published' });
  });

  test('approval renders its files outside the transaction: other requests are answered meanwhile', { skip: skipPdf, timeout: 120_000 }, async (context) => {
    const prepared = await prepare(analyst, suppressionBody());
    assert.equal(prepared.statusCode, 201, prepared.body);
    const id = prepared.json().release.id;
    let approvedAt = 0;
    const started = performance.now();
    const approval = coordinator.request('POST', `${base()}/${id}/approve`).then((response) => {
      approvedAt = performance.now();
      return response;
    });
    // Reads one after another for as long as the approval runs. On the embedded database (one
    // connection) a read that had to wait for an approval's transaction would last as long as
    // the PDF rendering and end only when the approval does.
    const reads: number[] = [];
    while (approvedAt === 0) {
      const readStarted = performance.now();
      const read = await analyst2.request('GET', `${base()}/${id}`);
      assert.equal(read.statusCode, 200, read.body);
      if (approvedAt === 0) reads.push(performance.now() - readStarted);
    }
    const approved = await approval;
    assert.equal(approved.statusCode, 200, approved.body);
    const approvalMs = approvedAt - started;
    const longest = Math.max(...reads);
    context.diagnostic(`approval ${Math.round(approvalMs)} ms; ${reads.length} reads meanwhile, longest ${Math.round(longest)} ms`);
    assert.ok(reads.length >= 3, `only ${reads.length} reads finished during a ${Math.round(approvalMs)} ms approval`);
    assert.ok(longest < approvalMs / 2, `a read took ${Math.round(longest)} ms during a ${Math.round(approvalMs)} ms approval`);
    assert.deepEqual(approved.json().release.files.map((f: { format: string }) => f.format).sort(), ['csv', 'pdf', 'xlsx']);
  });

  test('an approval that fails while rendering publishes nothing', { skip: skipPdf, timeout: 120_000 }, async () => {
    // A record-level release of a second import; its records are deleted before approval, so
    // re-deriving the k-anonymous file (outside the transaction) finds data that changed.
    const other = await analyst.request('POST', `/api/organisations/${orgId}/datasets/ctdc-imports`, { fileName: 'other.csv', csv: buildKAnonCsv(ROWS.slice(0, 40)) });
    assert.equal(other.statusCode, 201, other.body);
    const otherRunId = other.json().run.id;
    const prepared = await prepare(analyst, { kind: 'record_level', title: 'Records', language: 'en', k: 5, maxSuppressionRate: 0.2, datasets: [otherRunId] });
    assert.equal(prepared.statusCode, 201, prepared.body);
    const id = prepared.json().release.id;
    assert.equal((await analyst.request('DELETE', `/api/organisations/${orgId}/datasets/ctdc-imports/${otherRunId}`)).statusCode, 200);
    const refused = await coordinator.request('POST', `${base()}/${id}/approve`);
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.details.reason, 'DATA_CHANGED');
    const row = await t.database.db.selectFrom('releases').select(['status', 'approvedBy', 'publishedAt']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'draft', approvedBy: null, publishedAt: null });
    assert.equal((await t.database.db.selectFrom('releaseFiles').select('format').where('releaseId', '=', id).execute()).length, 0);
    assert.equal((await auditRows(t.database, 'release.published', id)).length, 0);
  });

  test('a release approved twice at once is published once', { skip: skipPdf, timeout: 120_000 }, async () => {
    const id = (await prepare(analyst, suppressionBody())).json().release.id;
    const both = await Promise.all([coordinator.request('POST', `${base()}/${id}/approve`), coordinator.request('POST', `${base()}/${id}/approve`)]);
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409], both.map((r) => r.body.slice(0, 200)).join('\n'));
    assert.equal((await auditRows(t.database, 'release.published', id)).length, 1);
    assert.equal((await t.database.db.selectFrom('releaseFiles').select('format').where('releaseId', '=', id).execute()).length, 3);
  });

  test('the workbook is valid OOXML with shared strings, and Arabic text survives', async () => {
    const prepared = await prepare(analyst, { ...suppressionBody('ar'), title: 'الضحايا حسب السنة' });
    assert.equal(prepared.statusCode, 201, prepared.body);
    const id = prepared.json().release.id;
    const response = await analyst.request('GET', `${base()}/${id}/files/xlsx`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = await readXlsxSheets(response.rawPayload);
    assert.deepEqual(workbook.entries.sort(), ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'].sort());
    const [first] = workbook.sheets;
    assert.equal(first!.name, 'جدول 1');
    assert.match(first!.xml, /rightToLeft="1"/);
    // Row 4 is the header: the year dimension, then the sexes in Arabic.
    assert.deepEqual(first!.rows[3], ['سنة التسجيل', 'أنثى', 'ذكر', 'متحول جنسياً / غير نمطي', 'المجموع']);
    assert.deepEqual(first!.rows[4]!.slice(0, 3), ['2019', 30, 'x']);
  });

  test('the PDF report in Arabic is laid out right to left, marked as a draft, with a chart', { skip: skipPdf, timeout: 120_000 }, async () => {
    const prepared = await prepare(analyst, { ...suppressionBody('ar'), title: 'الضحايا حسب السنة' });
    const id = prepared.json().release.id;
    const response = await analyst.request('GET', `${base()}/${id}/files/pdf`);
    assert.equal(response.statusCode, 200, response.body.slice(0, 200));
    assert.equal(response.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = await extractPdfText(response.rawPayload);
    const lines = pages.join('\n').split('\n').map(readRightToLeft);
    // Extraction splits some ligatures (lam-alef), so whole words are compared, not whole lines.
    assert.ok(lines[0]!.includes('ليست للنشر'), lines.slice(0, 5).join(' | '));
    assert.equal(lines[1], 'الضحايا حسب السنة');
    assert.ok(lines.some((line) => line.includes('المنهجية')));
    assert.equal((await auditRows(t.database, 'release.downloaded', id)).length, 1);
  });

  test('rounding publishes multiples of the base that still add up', async () => {
    const prepared = await prepare(analyst, { kind: 'tables', title: 'Rounded', language: 'fr', tables: [{ metric: 'ctdc.victims', dimensions: ['year', 'sex'] }], disclosure: { method: 'rounding', base: 5 } });
    assert.equal(prepared.statusCode, 201, prepared.body);
    const { values } = prepared.json().release.result.tables[0];
    const cells: number[][] = values.cells.map((r: { value: number }[]) => r.map((c) => c.value));
    for (const v of [...cells.flat(), ...values.rowTotals.map((c: { value: number }) => c.value), values.total.value]) assert.equal(v % 5, 0);
    cells.forEach((row, i) => assert.equal(row.reduce((a, b) => a + b, 0), values.rowTotals[i].value));
    assert.ok(Math.abs(values.total.value - 82) < 5, 'the total moves to a neighbouring multiple of 5');
  });

  test('a coordinator cannot approve a release they prepared (four eyes)', async () => {
    const admin = await t.login(await t.addUser(orgId, 'admin'));
    const prepared = await prepare(admin, suppressionBody());
    assert.equal(prepared.statusCode, 201, prepared.body);
    const response = await admin.request('POST', `${base()}/${prepared.json().release.id}/approve`);
    assert.equal(response.statusCode, 422, response.body);
    assert.equal(response.json().error.details.reason, 'FOUR_EYES');
  });

  test('a rejected draft can be neither approved nor downloaded', async () => {
    const prepared = await prepare(analyst, suppressionBody());
    const id = prepared.json().release.id;
    const rejected = await coordinator.request('POST', `${base()}/${id}/reject`);
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.equal(rejected.json().release.status, 'rejected');
    assert.equal((await auditRows(t.database, 'release.rejected', id)).length, 1);
    assert.equal((await coordinator.request('POST', `${base()}/${id}/approve`)).statusCode, 409);
    assert.equal((await analyst.request('GET', `${base()}/${id}/files/csv`)).statusCode, 422);
  });

  test('invalid tables are reported with every path', async () => {
    const response = await prepare(analyst, { kind: 'tables', title: 'x', language: 'en', tables: [{ metric: 'nope', dimensions: [] }, { metric: 'ctdc.victims', dimensions: ['shoeSize'] }], disclosure: { method: 'suppression' } });
    assert.equal(response.statusCode, 400);
    const paths = response.json().error.details.issues.map((i: { path: string }) => i.path);
    assert.deepEqual(paths, ['body.tables.0.metric', 'body.tables.1.dimensions.0']);
  });
});

describe(`differential privacy and the budget ledger (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let analyst: TAgent;
  let coordinator: TAgent;
  let runId: string;
  const base = () => `/api/organisations/${orgId}/releases`;
  const dpBody = (epsilon: string, mechanism = 'discreteLaplace', delta?: string) => ({
    kind: 'tables', title: `DP ${epsilon}`, language: 'es',
    tables: [{ metric: 'ctdc.victims', dimensions: ['sex', 'exploitationForm'] }, { metric: 'ctdc.victims', dimensions: ['year'], filters: { year: ['2019', '2020', null] } }],
    disclosure: { method: 'differentialPrivacy', mechanism, epsilon, ...(delta ? { delta } : {}) },
  });

  before(async () => {
    t = await createTestApp();
    orgId = (await t.seedFirstAdmin()).organisationId;
    analyst = await t.login(await t.addUser(orgId, 'analyst'));
    coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
    const imported = await analyst.request('POST', `/api/organisations/${orgId}/datasets/ctdc-imports`, { fileName: 'fixture.csv', csv: buildKAnonCsv(ROWS) });
    runId = imported.json().run.id;
  });
  after(() => t.close());

  test('the budget is set once; a DP draft has no values; publication spends it and posts consistent integers', { skip: skipPdf, timeout: 120_000 }, async () => {
    const set = await coordinator.request('PUT', `/api/organisations/${orgId}/privacy-budgets/${runId}`, { totalEpsilon: '1', totalDelta: '1/1000000' });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal((await auditRows(t.database, 'privacyBudget.set', runId)).length, 1);
    const again = await coordinator.request('PUT', `/api/organisations/${orgId}/privacy-budgets/${runId}`, { totalEpsilon: '100', totalDelta: '1/1000' });
    assert.equal(again.statusCode, 409);

    const prepared = await analyst.request('POST', base(), dpBody('0.5'));
    assert.equal(prepared.statusCode, 201, prepared.body);
    const draft = prepared.json().release;
    assert.ok(draft.result.tables.every((table: { values: unknown }) => table.values === null), 'no noisy value before the budget is spent');
    // Fixed layout: every sex and form plus "not recorded", whatever the data hold.
    assert.equal(draft.result.tables[0].dimensions[0].categories.length, 4);
    assert.equal((await analyst.request('GET', `${base()}/${draft.id}/files/csv`)).json().error.details.reason, 'VALUES_NOT_DRAWN');

    const approved = await coordinator.request('POST', `${base()}/${draft.id}/approve`);
    assert.equal(approved.statusCode, 200, approved.body);
    const release = approved.json().release;
    assert.equal(release.epsilonSpent, '0.5');
    assert.equal(release.deltaSpent, '0');
    for (const table of release.result.tables) {
      const cells: number[][] = table.values.cells.map((r: { value: number }[]) => r.map((c) => c.value));
      for (const v of cells.flat()) assert.ok(Number.isInteger(v) && v >= 0);
      cells.forEach((row, i) => assert.equal(row.reduce((a, b) => a + b, 0), table.values.rowTotals[i].value));
      assert.equal(table.values.total.value, cells.flat().reduce((a, b) => a + b, 0));
      assert.equal(table.notes.scale, '4/1', 'ε/2 per table → scale 4');
    }
    const spends = await t.database.db.selectFrom('privacyBudgetSpends').selectAll().where('releaseId', '=', draft.id).execute();
    assert.deepEqual(spends.map((s) => [s.epsilon, s.delta, s.mechanism]), [['0.5', '0', 'discreteLaplace']]);
    await assert.rejects(sql`update privacy_budget_spends set epsilon = '0' where release_id = ${draft.id}`.execute(t.database.db), /append-only/);
    await assert.rejects(sql`update privacy_budgets set total_epsilon = '100'`.execute(t.database.db), /append-only/);

    const budgets = (await analyst.request('GET', `/api/organisations/${orgId}/privacy-budgets`)).json().budgets;
    assert.deepEqual(budgets.map((b: { importRunId: string; spentEpsilon: string; remainingEpsilon: string }) => [b.importRunId, b.spentEpsilon, b.remainingEpsilon]), [[runId, '0.5', '0.5']]);
  });

  test('a release that would overspend is refused at preparation and at publication, and concurrent approvals cannot both spend', { skip: skipPdf, timeout: 120_000 }, async () => {
    const tooMuch = await analyst.request('POST', base(), dpBody('0.6'));
    assert.equal(tooMuch.statusCode, 422, tooMuch.body);
    assert.equal(tooMuch.json().error.details.reason, 'PRIVACY_BUDGET_EXCEEDED');
    assert.equal(tooMuch.json().error.details.remaining, '0.5');

    // Two drafts of 0.3 each fit alone (0.5 left) but not together.
    const a = (await analyst.request('POST', base(), dpBody('0.3'))).json().release.id;
    const b = (await analyst.request('POST', base(), dpBody('0.3'))).json().release.id;
    const results = await Promise.all([a, b].map((id) => coordinator.request('POST', `${base()}/${id}/approve`)));
    const statuses = results.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [200, 422], results.map((r) => r.body.slice(0, 200)).join('\n'));
    const refused = results.find((r) => r.statusCode === 422)!;
    assert.equal(refused.json().error.details.reason, 'PRIVACY_BUDGET_EXCEEDED');
    const spent = await t.database.db.selectFrom('privacyBudgetSpends').select('epsilon').execute();
    assert.deepEqual(spent.map((s) => s.epsilon).sort(), ['0.3', '0.5']);
    // The refused release stayed a draft: nothing of it was stored.
    const refusedId = results[0]!.statusCode === 422 ? a : b;
    const row = await t.database.db.selectFrom('releases').select('status').where('id', '=', refusedId).executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
    assert.equal((await t.database.db.selectFrom('releaseFiles').select('format').where('releaseId', '=', refusedId).execute()).length, 0);
  });

  test('the discrete Gaussian spends ε and δ', { skip: skipPdf, timeout: 120_000 }, async () => {
    const missingDelta = await analyst.request('POST', base(), dpBody('0.1', 'discreteGaussian'));
    assert.equal(missingDelta.statusCode, 400);
    const prepared = await analyst.request('POST', base(), dpBody('0.1', 'discreteGaussian', '1/10000000'));
    assert.equal(prepared.statusCode, 201, prepared.body);
    const approved = await coordinator.request('POST', `${base()}/${prepared.json().release.id}/approve`);
    assert.equal(approved.statusCode, 200, approved.body);
    assert.deepEqual([approved.json().release.epsilonSpent, approved.json().release.deltaSpent], ['0.1', '0.0000001']);
    const pdf = await analyst.request('GET', `${base()}/${prepared.json().release.id}/files/pdf`);
    const pages = await extractPdfText(pdf.rawPayload);
    assert.match(pages.join('\n'), /ruido gaussiano discreto/);
  });
});
