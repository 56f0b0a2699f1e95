import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { createTestApp, type TTestApp } from '../../../test/support/test-app.ts';
import { adultCaseBody, SEEDED_IDENTITY } from '../../../test/support/case-fixtures.ts';

configure({ useWebWorkers: false });

let t: TTestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

const PASSWORD = 'horse battery staple correct';

async function readEntry(zip: Buffer, password: string): Promise<{ text: string; encrypted: boolean }> {
  const reader = new ZipReader(new Uint8ArrayReader(new Uint8Array(zip)), { password });
  try {
    const [entry] = await reader.getEntries();
    assert.ok(entry && !entry.directory);
    const bytes = await entry.getData!(new Uint8ArrayWriter());
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encrypted: entry.encrypted };
  } finally {
    await reader.close();
  }
}

test('identifying export: AES-encrypted ZIP readable only with the password, formulas neutralised, audited; permission required', async () => {
  const orgId = await t.createOrganisation();
  const admin = await t.login(await t.addUser(orgId, 'admin'));
  const coordinator = await t.login(await t.addUser(orgId, 'coordinator'));
  assert.equal((await admin.request('POST', `/api/organisations/${orgId}/cases`, adultCaseBody())).statusCode, 201);
  const hostile = adultCaseBody({ givenName: '=HYPERLINK("http://evil.example","x")', familyName: 'سارة' });
  assert.equal((await admin.request('POST', `/api/organisations/${orgId}/cases`, hostile)).statusCode, 201);

  const url = `/api/organisations/${orgId}/exports/cases`;
  assert.equal((await coordinator.request('POST', url, { password: PASSWORD, purpose: 'court_order' })).statusCode, 403);
  assert.equal((await admin.request('POST', url, { password: 'short', purpose: 'court_order' })).statusCode, 400);
  const response = await admin.request('POST', url, { password: PASSWORD, purpose: 'court_order' });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['content-type'], 'application/zip');
  const zip = response.rawPayload;
  assert.ok(!zip.includes(Buffer.from(SEEDED_IDENTITY.familyName)), 'nothing readable without the password');

  const { text, encrypted } = await readEntry(zip, PASSWORD);
  assert.equal(encrypted, true);
  assert.ok(text.startsWith('\uFEFFreference,status'), 'BOM and header');
  assert.ok(text.includes(SEEDED_IDENTITY.familyName) && text.includes(SEEDED_IDENTITY.documentNumbers[0]!));
  assert.ok(text.includes('سارة'), 'Arabic names survive');
  assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`), 'the formula is prefixed with an apostrophe');
  await assert.rejects(() => readEntry(zip, 'not the password at all'), /password/i);

  const audit = await t.database.db.selectFrom('auditEvents').select('metadata').where('orgId', '=', orgId).where('action', '=', 'cases.exported').execute();
  assert.deepEqual(audit.map((row) => row.metadata), [{ count: 2, purpose: 'court_order', withIdentity: true }]);
});
