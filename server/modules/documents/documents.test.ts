import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { caseInState } from '../../../test/support/case-states.ts';

const PDF = Buffer.from('%PDF-1.4\n% Witness statement of Zenobia Quillfeather\n%%EOF\n', 'utf8');

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

  test('a document is stored encrypted, listed by name, and its download is audited and byte-exact', async () => {
    const uploaded = await worker.request('POST', url(), { fileName: 'Свидетельство — statement.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const id = uploaded.json().document.id;
    const row = await t.database.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.sizeBytes, PDF.length);
    assert.ok(!row.contentCiphertext.includes('Zenobia') && !Buffer.from(row.contentCiphertext.slice(3), 'base64url').includes(Buffer.from('Zenobia')));
    assert.ok(!row.fileNameCiphertext.includes('statement'));
    const listed = await worker.request('GET', url());
    assert.deepEqual(listed.json().documents.map((d: { fileName: string; sizeBytes: number }) => [d.fileName, d.sizeBytes]), [['Свидетельство — statement.pdf', PDF.length]]);
    const download = await worker.request('GET', url(`/${id}/content`));
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename\*=UTF-8''/);
    assert.ok(Buffer.from(download.rawPayload).equals(PDF));
    assert.equal((await auditRows(t.database, 'document.downloaded', id)).length, 1);
    assert.equal((await auditRows(t.database, 'document.uploaded', id)).length, 1);
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
