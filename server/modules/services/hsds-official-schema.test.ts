/**
 * The HSDS export checked against the OFFICIAL HSDS 3.0 schema (test/fixtures/hsds-3.0), not
 * against our own zod reading of it: every organization, service, location, service_at_location,
 * address, language, attribute, taxonomy and taxonomy_term of the ordinary export (confidential
 * shelters withheld) and of the provider's full export.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { seedHsdsDirectory } from './hsds-fixtures.test-support.ts';
import { describeErrors, HSDS_TABLES, hsdsErrors } from './hsds-official-schema.test-support.ts';

type TRecord = Record<string, unknown>;
const list = (value: unknown): TRecord[] => (Array.isArray(value) ? (value as TRecord[]) : []);

/** Every record of an export, by the HSDS table whose schema it must satisfy. */
function recordsByTable(document: TRecord): Map<string, TRecord[]> {
  const tables = new Map<string, TRecord[]>();
  const add = (table: string, record: TRecord) => tables.set(table, [...(tables.get(table) ?? []), record]);
  for (const organization of list(document.organizations)) {
    add('organization', organization);
    for (const service of list(organization.services)) {
      add('service', service);
      for (const link of list(service.service_at_locations)) add('service_at_location', link);
      for (const language of list(service.languages)) add('language', language);
      for (const attribute of list(service.attributes)) add('attribute', attribute);
    }
    for (const location of list(organization.locations)) {
      add('location', location);
      for (const address of list(location.addresses)) add('address', address);
      for (const language of list(location.languages)) add('language', language);
      for (const attribute of list(location.attributes)) add('attribute', attribute);
    }
  }
  for (const taxonomy of list(document.taxonomies)) add('taxonomy', taxonomy);
  for (const term of list(document.taxonomy_terms)) add('taxonomy_term', term);
  return tables;
}

const EXPORTED_TABLES = ['organization', 'service', 'location', 'service_at_location', 'address', 'language', 'attribute', 'taxonomy', 'taxonomy_term'];

function assertValidExport(document: TRecord): Record<string, number> {
  const tables = recordsByTable(document);
  const counts: Record<string, number> = {};
  for (const table of EXPORTED_TABLES) {
    const records = tables.get(table) ?? [];
    assert.ok(records.length > 0, `the export has ${table} records to check`);
    records.forEach((record, index) => {
      const errors = hsdsErrors(table, record);
      assert.deepEqual(errors, [], `${table} #${index} (${String(record.id)}) against the official HSDS 3.0 schema: ${describeErrors(errors)}`);
    });
    counts[table] = records.length;
  }
  return counts;
}

describe(`HSDS export against the official HSDS 3.0 schema (${ENGINE})`, () => {
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

  test('the vendored schema defines every table the export uses', () => {
    for (const table of EXPORTED_TABLES) assert.ok(HSDS_TABLES[table], table);
    assert.deepEqual(HSDS_TABLES.service!.required, ['id', 'name', 'status']);
    assert.deepEqual(HSDS_TABLES.location!.properties.location_type!.enum, ['physical', 'postal', 'virtual']);
  });

  test('the same validator rejects broken records (so a passing export means something)', () => {
    const service = { id: 'ac148810-d857-441c-9679-408f346de14b', name: 'Refuge', status: 'active' };
    assert.deepEqual(hsdsErrors('service', service), []);
    const broken: [string, TRecord, string][] = [
      ['service', { id: service.id, name: 'Refuge' }, 'required'],
      ['service', { ...service, status: 'open' }, 'enum'],
      ['service', { ...service, id: 'not-a-uuid' }, 'format'],
      ['service', { ...service, email: 'not an address' }, 'format'],
      ['service', { ...service, alternate_name: null }, 'type'],
      ['service', { ...service, minimum_age: '16' }, 'type'],
      ['service', { ...service, attributes: [{ id: 'x' }] }, 'format'],
      ['location', { id: service.id, location_type: 'secret' }, 'enum'],
      ['location', { id: service.id, location_type: 'physical', addresses: [{ id: service.id, address_1: '1 Street', city: 'Town' }] }, 'required'],
      ['organization', { id: service.id, name: 'NGO' }, 'required'],
      ['taxonomy_term', { id: service.id, name: 'Shelter', description: 'Shelter', parent_id: null }, 'type'],
    ];
    for (const [table, record, keyword] of broken) {
      const errors = hsdsErrors(table, record);
      assert.ok(errors.some((e) => e.keyword === keyword), `${table} ${JSON.stringify(record)} should fail with ${keyword}, got ${describeErrors(errors) || 'no error'}`);
    }
  });

  test('the provider\'s full export (confidential shelters included) validates record by record', async () => {
    const response = await admin.request('GET', `/api/organisations/${provider}/directory/export?includeConfidential=true`);
    assert.equal(response.statusCode, 200, response.body);
    const counts = assertValidExport(response.json());
    assert.deepEqual(counts, { organization: 2, service: 4, location: 4, service_at_location: 4, address: 4, language: 14, attribute: 20, taxonomy: 1, taxonomy_term: 16 });
  });

  test('the ordinary export (shelters withheld) validates record by record', async () => {
    const outsiderOrg = await t.createOrganisation();
    const outsider = await t.login(await t.addUser(outsiderOrg, 'case_worker'));
    const response = await outsider.request('GET', `/api/organisations/${outsiderOrg}/directory/export?scope=all`);
    assert.equal(response.statusCode, 200, response.body);
    assert.ok(!response.body.includes('Hidden Orchard'));
    const counts = assertValidExport(response.json());
    assert.equal(counts.address, 2, 'only the public offices carry an address');
  });
});
