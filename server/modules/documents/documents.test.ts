import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { PLAN_BODY } from '../../../test/authz-samples/protection.ts';

const PDF = Buffer.from('%PDF-1.4\n% Witness statement of Zenobia Quillfeather\n%%EOF\n', 'utf8');
const TENANCY = Buffer.from('Tenancy agreement for Zenobia Quillfeather, flat 3, Harbour Road', 'utf8');
const upload = (fileName: string, bytes: Buffer, contentType = 'text/plain') => ({ fileName, contentType, contentBase64: bytes.toString('base64') });
/** The base64 body of a sealed value (`v1.` + base64url), decoded: plaintext must not appear in it either. */
const sealedBytes = (ciphertext: string) => Buffer.from(ciphertext.slice(3), 'base64url');

describe(`case documents (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let worker: TAgent;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    worker = await t.login(await t.addUser(orgId, 'case_worker'));
    caseId = (await caseInState(t, orgId, 'draft')).caseId;
  });
  after(() => t.close());
  const url = (path = '') => `/api/organisations/${orgId}/cases/${caseId}/documents${path}`;

  test('a document is stored encrypted, listed by name (audited), and its download is audited and byte-exact', async () => {
    assert.deepEqual((await worker.request('GET', url())).json(), { documents: [] });
    assert.equal((await auditRows(t.database, 'document.listed', caseId)).length, 0, 'an empty list reveals no name and leaves no row');
    const uploaded = await worker.request('POST', url(), { fileName: 'Свидетельство — statement.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const id = uploaded.json().document.id;
    const row = await t.database.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.sizeBytes, PDF.length);
    assert.equal(row.planId, null);
    assert.ok(!row.contentCiphertext.includes('Zenobia') && !sealedBytes(row.contentCiphertext).includes(Buffer.from('Zenobia')));
    assert.ok(!row.fileNameCiphertext.includes('statement'));
    const listed = await worker.request('GET', url());
    assert.deepEqual(listed.json().documents.map((d: { fileName: string; sizeBytes: number }) => [d.fileName, d.sizeBytes]), [['Свидетельство — statement.pdf', PDF.length]]);
    const listings = await auditRows(t.database, 'document.listed', caseId);
    assert.equal(listings.length, 1);
    assert.deepEqual([listings[0]!.subjectType, listings[0]!.caseId, listings[0]!.actorId, listings[0]!.metadata], ['case', caseId, worker.user.userId, { holder: 'case', documentIds: [id] }]);
    const download = await worker.request('GET', url(`/${id}/content`));
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename\*=UTF-8''/);
    assert.ok(Buffer.from(download.rawPayload).equals(PDF));
    assert.equal((await auditRows(t.database, 'document.downloaded', id)).length, 1);
    assert.equal((await auditRows(t.database, 'document.uploaded', id)).length, 1);
    const audit = JSON.stringify(await t.database.db.selectFrom('auditEvents').select(['metadata', 'changes']).where('caseId', '=', caseId).execute());
    assert.ok(!audit.includes('statement') && !audit.includes('Свидетельство'), 'no file name in the audit log');
  });

  test('content that does not match its type, unknown types and oversized files are refused and nothing is stored', async () => {
    const before = (await t.database.db.selectFrom('documents').select('id').execute()).length;
    const fake = await worker.request('POST', url(), { fileName: 'x.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64') });
    assert.equal(fake.statusCode, 400);
    assert.equal(fake.json().error.details.reason, 'CONTENT_TYPE_MISMATCH');
    const exe = await worker.request('POST', url(), { fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: 'TVqQAAMAAAAEAAAA' });
    assert.equal(exe.statusCode, 400);
    const huge = await worker.request('POST', url(), { fileName: 'big.txt', contentType: 'text/plain', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61).toString('base64') });
    assert.ok([400, 413].includes(huge.statusCode), String(huge.statusCode));
    assert.equal((await t.database.db.selectFrom('documents').select('id').execute()).length, before);
  });

  test('other organisations cannot list or download', async () => {
    const other = await t.createOrganisation();
    const stranger = await t.login(await t.addUser(other, 'coordinator'));
    assert.equal((await stranger.request('GET', url())).statusCode, 404);
    assert.equal((await stranger.request('GET', `/api/organisations/${other}/cases/${caseId}/documents`)).statusCode, 404);
  });
});

describe(`plan documents (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let worker: TAgent;
  let coordinator: TAgent;
  before(async () => {
    t = await createTestApp();
    orgId = await t.createOrganisation();
    worker = await t.login(await t.addUser(orgId, 'case_worker'));
    coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
  });
  after(() => t.close());
  const caseUrl = (caseId: string, path = '') => `/api/organisations/${orgId}/cases/${caseId}${path}`;
  const planDocs = (caseId: string, path = '') => caseUrl(caseId, `/plan/documents${path}`);
  async function caseWithPlan(): Promise<{ caseId: string; planId: string; version: number }> {
    const { caseId, version } = await caseInState(t, orgId, 'draft');
    const saved = await worker.request('PUT', caseUrl(caseId, '/plan'), PLAN_BODY);
    assert.equal(saved.statusCode, 200, saved.body);
    return { caseId, planId: saved.json().plan.id, version };
  }

  test('before the plan is saved there is nothing to attach to', async () => {
    const { caseId } = await caseInState(t, orgId, 'draft');
    assert.deepEqual((await worker.request('GET', planDocs(caseId))).json(), { planId: null, canAttach: false, documents: [] });
    const early = await worker.request('POST', planDocs(caseId), upload('tenancy.txt', TENANCY));
    assert.equal(early.statusCode, 404, early.body);
    assert.equal((await t.database.db.selectFrom('documents').select('id').where('caseId', '=', caseId).execute()).length, 0);
  });

  test('a plan document is sealed, kept apart from the case documents, listed and downloaded with audit rows', async () => {
    const { caseId, planId } = await caseWithPlan();
    const uploaded = await worker.request('POST', planDocs(caseId), upload('Quillfeather tenancy.txt', TENANCY));
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const id = uploaded.json().document.id as string;

    const row = await t.database.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.orgId, row.caseId, row.planId, row.sizeBytes, row.contentType, row.uploadedBy], [orgId, caseId, planId, TENANCY.length, 'text/plain', worker.user.userId]);
    for (const ciphertext of [row.contentCiphertext, row.fileNameCiphertext]) {
      assert.ok(ciphertext.startsWith('v1.') && !ciphertext.includes('Quillfeather') && !sealedBytes(ciphertext).includes(Buffer.from('Quillfeather')), 'sealed, no plaintext');
    }
    const [uploadedAudit] = await auditRows(t.database, 'document.uploadedToPlan', id);
    assert.deepEqual([uploadedAudit?.orgId, uploadedAudit?.caseId, uploadedAudit?.metadata], [orgId, caseId, { documentId: id, planId, contentType: 'text/plain', sizeBytes: TENANCY.length }]);

    // The case's own list and download route do not serve plan documents.
    assert.deepEqual((await worker.request('GET', caseUrl(caseId, '/documents'))).json(), { documents: [] });
    assert.equal((await worker.request('GET', caseUrl(caseId, `/documents/${id}/content`))).statusCode, 404);

    // Whoever reads the plan (a coordinator: case.read, no plan.manage) lists and downloads; only plan.manage attaches.
    const listed = await coordinator.request('GET', planDocs(caseId));
    assert.equal(listed.statusCode, 200, listed.body);
    assert.deepEqual([listed.json().planId, listed.json().canAttach, listed.json().documents.map((d: { fileName: string }) => d.fileName)], [planId, false, ['Quillfeather tenancy.txt']]);
    assert.equal((await worker.request('GET', planDocs(caseId))).json().canAttach, true);
    const listings = await auditRows(t.database, 'document.listed', planId);
    assert.deepEqual(listings.map((r) => [r.subjectType, r.caseId, r.actorId, r.metadata]), [
      ['plan', caseId, coordinator.user.userId, { holder: 'plan', documentIds: [id] }],
      ['plan', caseId, worker.user.userId, { holder: 'plan', documentIds: [id] }],
    ]);
    const download = await coordinator.request('GET', planDocs(caseId, `/${id}/content`));
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'text/plain');
    assert.equal(download.headers['content-disposition'], `attachment; filename*=UTF-8''${encodeURIComponent('Quillfeather tenancy.txt')}`);
    assert.ok(Buffer.from(download.rawPayload).equals(TENANCY));
    const downloads = await auditRows(t.database, 'document.downloadedFromPlan', id);
    assert.deepEqual(downloads.map((r) => [r.actorId, r.caseId, r.metadata]), [[coordinator.user.userId, caseId, { documentId: id, planId }]]);
    assert.equal((await coordinator.request('POST', planDocs(caseId), upload('x.txt', TENANCY))).statusCode, 403);
    const audit = JSON.stringify(await t.database.db.selectFrom('auditEvents').select(['metadata', 'changes']).where('caseId', '=', caseId).execute());
    assert.ok(!audit.includes('Quillfeather') && !audit.includes('tenancy'), 'no file name or content in the audit log');
  });

  test('plan documents get the same type and size refusals, and none once the case is closed', async () => {
    const { caseId, version } = await caseWithPlan();
    const count = async () => (await t.database.db.selectFrom('documents').select('id').where('caseId', '=', caseId).execute()).length;
    const fake = await worker.request('POST', planDocs(caseId), { fileName: 'x.png', contentType: 'image/png', contentBase64: PDF.toString('base64') });
    assert.equal(fake.statusCode, 400);
    assert.equal(fake.json().error.details.reason, 'CONTENT_TYPE_MISMATCH');
    assert.equal((await worker.request('POST', planDocs(caseId), { fileName: 'x.html', contentType: 'text/html', contentBase64: 'PGI+aGk8L2I+' })).statusCode, 400);
    assert.equal((await worker.request('POST', planDocs(caseId), { fileName: 'a/b.txt', contentType: 'text/plain', contentBase64: 'aGk=' })).statusCode, 400);
    const huge = await worker.request('POST', planDocs(caseId), { fileName: 'big.txt', contentType: 'text/plain', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61).toString('base64') });
    assert.ok([400, 413].includes(huge.statusCode), String(huge.statusCode));
    const atLimit = await worker.request('POST', planDocs(caseId), { fileName: 'limit.txt', contentType: 'text/plain', contentBase64: Buffer.alloc(5 * 1024 * 1024, 0x61).toString('base64') });
    assert.equal(atLimit.statusCode, 201, 'exactly 5 MiB is accepted');
    assert.equal(await count(), 1);

    const closed = await coordinator.request('POST', caseUrl(caseId, '/closure'), { reason: 'other', expectedVersion: version });
    assert.equal(closed.statusCode, 200, closed.body);
    const late = await worker.request('POST', planDocs(caseId), upload('late.txt', TENANCY));
    assert.equal(late.statusCode, 409, late.body);
    assert.equal(late.json().error.details.reason, 'CASE_CLOSED');
    assert.equal(await count(), 1);
    const listed = (await worker.request('GET', planDocs(caseId))).json();
    assert.deepEqual([listed.canAttach, listed.documents.length], [false, 1], 'a closed case\'s plan documents stay readable');
  });

  test('another organisation gets 404 for the list, the upload and the download', async () => {
    const { caseId } = await caseWithPlan();
    const id = (await worker.request('POST', planDocs(caseId), upload('tenancy.txt', TENANCY))).json().document.id as string;
    const other = await t.createOrganisation();
    const stranger = await t.login(await t.addUser(other, 'admin'));
    for (const [method, path, body] of [['GET', planDocs(caseId)], ['GET', planDocs(caseId, `/${id}/content`)], ['POST', planDocs(caseId), upload('x.txt', TENANCY)]] as const) {
      assert.equal((await stranger.request(method, path, body)).statusCode, 404, `${method} ${path}`);
      assert.equal((await stranger.request(method, path.replace(orgId, other), body)).statusCode, 404, `${method} ${path} in own organisation`);
    }
    assert.equal((await auditRows(t.database, 'document.downloadedFromPlan', id)).length, 0);
  });

  test('the database refuses a plan document filed under a case that is not the plan\'s', async () => {
    const first = await caseWithPlan();
    const second = await caseWithPlan();
    const row = {
      orgId, id: randomUUID(), caseId: second.caseId, planId: first.planId, fileNameCiphertext: 'v1.x', contentType: 'text/plain', sizeBytes: 1,
      contentCiphertext: 'v1.x', keyVersion: 1, uploadedBy: null, uploadedAt: new Date(),
    };
    await assert.rejects(t.database.db.insertInto('documents').values(row).execute());
    const otherOrg = await t.createOrganisation();
    await assert.rejects(t.database.db.insertInto('documents').values({ ...row, orgId: otherOrg, caseId: first.caseId }).execute());
    await t.database.db.insertInto('documents').values({ ...row, caseId: first.caseId }).execute();
  });
});

describe(`plan documents on transfer (${ENGINE})`, () => {
  let t: TTestApp;
  before(async () => { t = await createTestApp(); });
  after(() => t.close());

  test('plan documents travel with the plan, re-sealed under the receiver\'s key; case documents stay with the sender', async () => {
    const [sender, receiver] = [await t.createOrganisation(), await t.createOrganisation()];
    const senderWorker = await t.login(await t.addUser(sender, 'case_worker'));
    const receiverWorker = await t.login(await t.addUser(receiver, 'case_worker'));
    const { caseId } = await caseInState(t, sender, 'rg_positive');
    const base = (orgId: string, id: string) => `/api/organisations/${orgId}/cases/${id}`;
    assert.equal((await senderWorker.request('PUT', `${base(sender, caseId)}/plan`, PLAN_BODY)).statusCode, 200);
    const planDocId = (await senderWorker.request('POST', `${base(sender, caseId)}/plan/documents`, upload('Quillfeather tenancy.txt', TENANCY))).json().document.id as string;
    const caseDocId = (await senderWorker.request('POST', `${base(sender, caseId)}/documents`, { fileName: 'statement.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') })).json().document.id as string;

    const requested = await senderWorker.request('POST', `${base(sender, caseId)}/transfers`, { receivingOrgId: receiver, consent: { basis: 'person', language: 'en', interpreterUsed: false }, note: null });
    assert.equal(requested.statusCode, 201, requested.body);
    const transferId = requested.json().id as string;
    const opened = (await receiverWorker.request('GET', `/api/organisations/${receiver}/case-transfers/${transferId}`)).json() as { version: number };
    const accepted = await receiverWorker.request('POST', `/api/organisations/${receiver}/case-transfers/${transferId}/accept`, { expectedVersion: opened.version });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const newCaseId = accepted.json().caseId as string;

    // The receiver's plan holds a copy: a new row in its organisation, sealed under its key, same bytes.
    const listed = (await receiverWorker.request('GET', `${base(receiver, newCaseId)}/plan/documents`)).json();
    assert.equal(listed.documents.length, 1);
    assert.deepEqual([listed.documents[0].fileName, listed.documents[0].sizeBytes, listed.documents[0].uploadedBy, listed.canAttach], ['Quillfeather tenancy.txt', TENANCY.length, null, true]);
    const copyId = listed.documents[0].id as string;
    assert.notEqual(copyId, planDocId);
    const download = await receiverWorker.request('GET', `${base(receiver, newCaseId)}/plan/documents/${copyId}/content`);
    assert.equal(download.statusCode, 200);
    assert.ok(Buffer.from(download.rawPayload).equals(TENANCY));
    const rows = await t.database.db.selectFrom('documents').selectAll().where('id', 'in', [planDocId, copyId]).execute();
    const [original, copy] = [rows.find((r) => r.id === planDocId)!, rows.find((r) => r.id === copyId)!];
    const receiverPlan = await t.database.db.selectFrom('plans').select('id').where('caseId', '=', newCaseId).executeTakeFirstOrThrow();
    assert.deepEqual([copy.orgId, copy.caseId, copy.planId], [receiver, newCaseId, receiverPlan.id]);
    assert.notEqual(copy.contentCiphertext, original.contentCiphertext, 're-sealed');
    assert.ok(!sealedBytes(copy.contentCiphertext).includes(Buffer.from('Quillfeather')) && !copy.fileNameCiphertext.includes('Quillfeather'));
    const receiverKey = await t.database.db.selectFrom('organisationKeys').select('keyVersion').where('orgId', '=', receiver).orderBy('keyVersion', 'desc').executeTakeFirstOrThrow();
    assert.equal(copy.keyVersion, receiverKey.keyVersion);
    const [received] = await auditRows(t.database, 'document.receivedByTransfer', copyId);
    assert.deepEqual([received?.orgId, received?.caseId, received?.metadata], [receiver, newCaseId, { documentId: copyId, planId: receiverPlan.id, transferId, fromOrgId: sender, fromDocumentId: planDocId }]);

    // The case document stays with the sender, whose closed case (no kept access) no longer serves either kind.
    assert.deepEqual((await receiverWorker.request('GET', `${base(receiver, newCaseId)}/documents`)).json(), { documents: [] });
    assert.equal((await t.database.db.selectFrom('documents').select('id').where('orgId', '=', receiver).execute()).length, 1);
    for (const path of ['/plan/documents', `/plan/documents/${planDocId}/content`, `/documents/${caseDocId}/content`]) {
      const refused = await senderWorker.request('GET', `${base(sender, caseId)}${path}`);
      assert.equal(refused.statusCode, 403, path);
      assert.equal(refused.json().error.details.reason, 'CASE_TRANSFERRED', path);
    }
  });
});
