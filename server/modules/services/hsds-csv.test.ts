import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { configure, TextReader, TextWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { readCsv } from '../../../core/ctdc/csv-reader.ts';
import { formatCsvRecord, unguardCsvInjection } from '../../../core/ctdc/csv-writer.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { serviceBody } from './directory-fixtures.test-support.ts';
import { seedHsdsDirectory, withoutIds } from './hsds-fixtures.test-support.ts';
import { describeErrors, HSDS_TABLES, hsdsErrors } from './hsds-official-schema.test-support.ts';
import { HSDS_CSV_TABLES } from './hsds/hsds-tabular.ts';

configure({ useWebWorkers: false });

async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const files = new Map<string, string>();
  for (const entry of await reader.getEntries()) if (!entry.directory && entry.getData) files.set(entry.filename, await entry.getData(new TextWriter()));
  await reader.close();
  return files;
}

async function zip(files: Map<string, string>): Promise<string> {
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const [name, text] of files) await writer.add(name, new TextReader(text));
  return Buffer.from(await writer.close()).toString('base64');
}

/** A CSV file as header + rows, editable by column name; written back unguarded (it is already guarded). */
function table(text: string) {
  const [header, ...rows] = readCsv(text).filter((fields) => fields.some((f) => f !== ''));
  return {
    header: header!, rows: rows,
    set(row: number, column: string, value: string) { rows[row]![header!.indexOf(column)] = value; },
    get(row: number, column: string) { return rows[row]![header!.indexOf(column)]!; },
    find(column: string, value: string) { return rows.findIndex((r) => r[header!.indexOf(column)] === value); },
    text() { return [header!, ...rows].map((r) => formatCsvRecord(r, { guardInjection: false })).join('\r\n'); },
  };
}

describe(`HSDS tabular (CSV) export and import (${ENGINE})`, () => {
  let t: TTestApp;
  let provider: string;
  let admin: TAgent;
  before(async () => {
    t = await createTestApp();
    provider = await t.createOrganisation();
    admin = await t.login(await t.addUser(provider, 'admin'));
    await seedHsdsDirectory(admin, provider);
  });
  after(() => t.close());

  const exportZip = async (agent: TAgent, orgId: string, query = '?includeConfidential=true') => {
    const response = await agent.request('GET', `/api/organisations/${orgId}/directory/export/csv${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response;
  };
  const freshAdmin = async () => {
    const orgId = await t.createOrganisation();
    return { orgId, agent: await t.login(await t.addUser(orgId, 'admin')) };
  };

  test('every file and column we write or accept is the official HSDS 3.0 tabular package\'s own', () => {
    for (const spec of HSDS_CSV_TABLES) {
      const official = HSDS_TABLES[spec.name];
      assert.ok(official, spec.name);
      assert.equal(spec.path, official.path, `${spec.name} file name`);
      for (const column of [...spec.columns, ...(spec.dropped ?? [])]) assert.ok(official.properties[column], `${spec.path} column ${column}`);
      for (const column of spec.numbers ?? []) assert.equal(official.properties[column]!.type, 'number', `${spec.path} ${column} is numeric`);
      for (const column of official.required ?? []) if (!spec.emptyIsText?.includes(column)) assert.ok(spec.columns.includes(column), `${spec.path} writes required column ${column}`);
    }
  });

  test('the export is a ZIP of datapackage.json and one CSV per table; every row validates against the official schema', async () => {
    const response = await exportZip(admin, provider);
    assert.match(String(response.headers['content-type']), /^application\/zip/);
    assert.match(String(response.headers['content-disposition']), /attachment; filename="hsds-directory.zip"/);
    const files = await unzip(response.rawPayload);
    assert.deepEqual([...files.keys()].sort(), ['datapackage.json', ...HSDS_CSV_TABLES.map((s) => s.path)].sort());
    const descriptor = JSON.parse(files.get('datapackage.json')!);
    assert.equal(descriptor.profile, 'tabular-data-package');
    assert.deepEqual(descriptor.resources.map((r: { path: string }) => r.path), HSDS_CSV_TABLES.map((s) => s.path));

    const counts: Record<string, number> = {};
    for (const spec of HSDS_CSV_TABLES) {
      const csv = table(files.get(spec.path)!);
      assert.deepEqual(csv.header, spec.columns);
      csv.rows.forEach((cells, index) => {
        const record: Record<string, string | number> = {};
        spec.columns.forEach((column, i) => {
          const text = unguardCsvInjection(cells[i]!);
          if (text !== '' || spec.emptyIsText?.includes(column)) record[column] = spec.numbers?.includes(column) ? Number(text) : text;
        });
        const errors = hsdsErrors(spec.name, record);
        assert.deepEqual(errors, [], `${spec.path} row ${index + 2}: ${describeErrors(errors)}`);
      });
      counts[spec.path] = csv.rows.length;
    }
    assert.deepEqual(counts, {
      'organizations.csv': 2, 'services.csv': 4, 'attributes.csv': 20, 'service_at_location.csv': 4, 'locations.csv': 4, 'addresses.csv': 4, 'languages.csv': 14, 'taxonomy_terms.csv': 16, 'taxonomies.csv': 1,
    });
    const exported = (await auditRows(t.database, 'directory.exported')).filter((r) => r.orgId === provider);
    assert.deepEqual(exported.at(-1)!.metadata, { scope: 'own', includeConfidential: true, services: 4, format: 'csv' });
  });

  test('CSV export, then import into a fresh organisation, reproduces the directory exactly', async () => {
    const original = (await admin.request('GET', `/api/organisations/${provider}/directory/export?includeConfidential=true`)).json();
    const zipped = Buffer.from((await exportZip(admin, provider)).rawPayload).toString('base64');
    const fresh = await freshAdmin();
    const imported = await fresh.agent.request('POST', `/api/organisations/${fresh.orgId}/directory/import/csv`, { zipBase64: zipped });
    assert.equal(imported.statusCode, 200, imported.body);
    assert.deepEqual(imported.json(), { organizations: 2, services: 4, locations: 4, serviceAtLocations: 4, created: 10, updated: 0 });
    const copy = (await fresh.agent.request('GET', `/api/organisations/${fresh.orgId}/directory/export?includeConfidential=true`)).json();
    assert.deepEqual(withoutIds(copy), withoutIds(original));
    const audit = (await auditRows(t.database, 'directory.imported')).filter((r) => r.orgId === fresh.orgId);
    assert.deepEqual(audit.map((r) => r.metadata), [{ created: 10, updated: 0, services: 4, locations: 4, format: 'csv' }]);

    const again = await fresh.agent.request('POST', `/api/organisations/${fresh.orgId}/directory/import/csv`, { zipBase64: zipped });
    assert.deepEqual(again.json(), { organizations: 2, services: 4, locations: 4, serviceAtLocations: 4, created: 0, updated: 10 }, 'a second import updates, never duplicates');
  });

  test('cells that a spreadsheet would run as formulas are guarded in the CSV and restored on import', async () => {
    const source = await freshAdmin();
    const url = (path: string) => `/api/organisations/${source.orgId}${path}`;
    const organizationId = (await source.agent.request('POST', url('/directory/organizations'), { name: '=HYPERLINK("http://evil.example","x")', description: '@SUM(1+1)' })).json().id;
    assert.equal((await source.agent.request('POST', url('/services'), serviceBody(organizationId, { name: '+call me', description: '-2+3', capacity: { maximum: null, available: null } }))).statusCode, 201);
    const zipped = (await exportZip(source.agent, source.orgId)).rawPayload;
    const files = await unzip(zipped);
    const organizations = table(files.get('organizations.csv')!);
    assert.equal(organizations.get(0, 'name'), '\'=HYPERLINK("http://evil.example","x")');
    assert.equal(organizations.get(0, 'description'), '\'@SUM(1+1)');
    assert.equal(table(files.get('services.csv')!).get(0, 'name'), '\'+call me');
    assert.ok(![...files.values()].some((text) => /(^|[,\n])"?[=+@-][^0-9]/m.test(text.replace(/^'.*$/gm, ''))), 'no unguarded formula cell');

    const target = await freshAdmin();
    const imported = await target.agent.request('POST', `/api/organisations/${target.orgId}/directory/import/csv`, { zipBase64: Buffer.from(zipped).toString('base64') });
    assert.equal(imported.statusCode, 200, imported.body);
    const own = (await target.agent.request('GET', `/api/organisations/${target.orgId}/directory`)).json();
    assert.equal(own.organizations[0].name, '=HYPERLINK("http://evil.example","x")');
    assert.equal(own.organizations[0].description, '@SUM(1+1)');
    assert.deepEqual([own.services[0].name, own.services[0].description], ['+call me', '-2+3']);
  });

  test('bad rows are refused with file, row and column; nothing is written', async () => {
    const files = await unzip((await exportZip(admin, provider)).rawPayload);
    const services = table(files.get('services.csv')!);
    const refuge = services.find('name', 'Harbour Trust refuge');
    const advice = services.find('name', 'Bridge Legal advice');
    services.set(refuge, 'minimum_age', 'sixteen');
    services.set(advice, 'status', 'open');
    services.set(refuge, 'email', 'not an address'); // our API's rule, checked after the schema
    files.set('services.csv', services.text());
    const locations = table(files.get('locations.csv')!);
    locations.set(0, 'organization_id', crypto.randomUUID());
    files.set('locations.csv', locations.text());
    const addresses = table(files.get('addresses.csv')!);
    addresses.set(1, 'country', 'United Kingdom');
    files.set('addresses.csv', addresses.text());
    const attributes = table(files.get('attributes.csv')!);
    attributes.set(2, 'taxonomy_term_id', crypto.randomUUID());
    files.set('attributes.csv', attributes.text());
    files.set('taxonomies.csv', files.get('taxonomies.csv')!.replace('id,name,', 'id,name,colour,').replace(/\r\n(.+?),(.+?),/, '\r\n$1,$2,blue,'));

    const fresh = await freshAdmin();
    const before = await sql<{ n: number }>`select count(*)::int as n from directory_services`.execute(t.database.db);
    const refused = await fresh.agent.request('POST', `/api/organisations/${fresh.orgId}/directory/import/csv`, { zipBase64: await zip(files) });
    assert.equal(refused.statusCode, 400, refused.body);
    const { csvIssues, issues } = refused.json().error.details;
    const where = csvIssues.map((i: { file: string; row: number | null; column: string | null }) => `${i.file}:${i.row}:${i.column}`);
    // Row numbers count the header as row 1, as a spreadsheet shows them.
    for (const expected of [
      `services.csv:${refuge + 2}:minimum_age`,
      `services.csv:${advice + 2}:status`,
      `services.csv:${refuge + 2}:email`,
      // the location dropped for its unknown organization is no longer there to link to
      'service_at_location.csv:2:location_id',
      'locations.csv:2:organization_id',
      'addresses.csv:3:country',
      'attributes.csv:4:taxonomy_term_id',
      'taxonomies.csv:1:colour',
    ]) assert.ok(where.includes(expected), `${expected} in ${where.join(', ')}`);
    assert.ok(csvIssues.every((i: { message: string }) => i.message.length > 0));
    assert.deepEqual(issues.map((i: { path: string }) => i.path), csvIssues.map((i: { file: string; row: number | null; column: string | null }) => [i.file, i.row ?? '', i.column ?? ''].join(':').replace(/:+$/, '')));
    const afterwards = await sql<{ n: number }>`select count(*)::int as n from directory_services`.execute(t.database.db);
    assert.equal(afterwards.rows[0]!.n, before.rows[0]!.n, 'nothing written');
    assert.equal((await auditRows(t.database, 'directory.imported')).filter((r) => r.orgId === fresh.orgId).length, 0);
  });

  test('a body that is not a ZIP, or a ZIP without organizations.csv, is refused', async () => {
    const fresh = await freshAdmin();
    const notZip = await fresh.agent.request('POST', `/api/organisations/${fresh.orgId}/directory/import/csv`, { zipBase64: Buffer.from('hello').toString('base64') });
    assert.equal(notZip.statusCode, 400);
    assert.deepEqual(notZip.json().error.details.issues, [{ path: '(zip)', message: 'Not a readable ZIP archive' }]);
    const empty = await fresh.agent.request('POST', `/api/organisations/${fresh.orgId}/directory/import/csv`, { zipBase64: await zip(new Map([['readme.txt', 'hi']])) });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(empty.json().error.details.issues, [{ path: 'organizations.csv', message: 'The package has no organizations.csv' }]);
    const worker = await t.login(await t.addUser(fresh.orgId, 'case_worker'));
    assert.equal((await worker.request('POST', `/api/organisations/${fresh.orgId}/directory/import/csv`, { zipBase64: await zip(new Map([['readme.txt', 'hi']])) })).statusCode, 403);
  });
});
