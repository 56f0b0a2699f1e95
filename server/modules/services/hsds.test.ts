import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ATTRIBUTE_TERMS, SERVICE_KIND_TERMS } from '../../../core/protection/service-taxonomy.ts';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { seedHsdsDirectory, withoutIds } from './hsds-fixtures.test-support.ts';
import { ZHsdsDirectory } from './hsds/hsds.schemas.ts';

/** HSDS 3.0 required fields of the objects we export (schema/*.json `required`). */
const HSDS_REQUIRED: Record<string, string[]> = {
  organization: ['id', 'name', 'description'], service: ['id', 'name', 'status'], location: ['id', 'location_type'], service_at_location: ['id'],
  address: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'], language: ['id'], attribute: ['id'],
  taxonomy: ['id', 'name', 'description'], taxonomy_term: ['id', 'name', 'description'],
};

describe(`HSDS export and import (${ENGINE})`, () => {
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

  test('export, then import into a fresh organisation, reproduces the directory exactly (confidential locations included)', async () => {
    const exported = await admin.request('GET', `/api/organisations/${provider}/directory/export?includeConfidential=true`);
    assert.equal(exported.statusCode, 200, exported.body);
    const document = exported.json();
    assert.equal(document.organizations.length, 2);
    assert.ok(ZHsdsDirectory.safeParse(document).success);

    const fresh = await t.createOrganisation();
    const freshAdmin = await t.login(await t.addUser(fresh, 'admin'));
    const imported = await freshAdmin.request('POST', `/api/organisations/${fresh}/directory/import`, document);
    assert.equal(imported.statusCode, 200, imported.body);
    assert.deepEqual(imported.json(), { organizations: 2, services: 4, locations: 4, serviceAtLocations: 4, created: 10, updated: 0 });
    const reExported = (await freshAdmin.request('GET', `/api/organisations/${fresh}/directory/export?includeConfidential=true`)).json();
    assert.deepEqual(withoutIds(reExported), withoutIds(document));

    const confidential = await t.database.db.selectFrom('directoryLocations').selectAll().where('orgId', '=', fresh).where('isConfidential', '=', true).execute();
    assert.equal(confidential.length, 2);
    assert.ok(confidential.every((row) => row.address === null && row.confidentialCiphertext !== null), 'imported shelters are sealed again');
    assert.equal((await auditRows(t.database, 'directory.imported')).filter((r) => r.orgId === fresh).length, 1);
    const exports = (await auditRows(t.database, 'directory.exported')).filter((r) => r.orgId === provider);
    assert.deepEqual(exports.map((r) => r.metadata), [{ scope: 'own', includeConfidential: true, services: 4, format: 'json' }]);

    const again = await freshAdmin.request('POST', `/api/organisations/${fresh}/directory/import`, document);
    assert.deepEqual(again.json(), { organizations: 2, services: 4, locations: 4, serviceAtLocations: 4, created: 0, updated: 10 }, 'importing the same file again updates, never duplicates');
    const count = await t.database.db.selectFrom('directoryServices').select((eb) => eb.fn.countAll<number>().as('n')).where('orgId', '=', fresh).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 4);
  });

  test('the ordinary export follows HSDS 3.0 and withholds shelters: only id, type and the confidentiality attribute', async () => {
    const worker = await t.login(await t.addUser(provider, 'case_worker'));
    assert.equal((await worker.request('GET', `/api/organisations/${provider}/directory/export?includeConfidential=true`)).statusCode, 403);
    const outsiderOrg = await t.createOrganisation();
    const outsider = await t.login(await t.addUser(outsiderOrg, 'case_worker'));
    const response = await outsider.request('GET', `/api/organisations/${outsiderOrg}/directory/export?scope=all`);
    assert.equal(response.statusCode, 200);
    assert.ok(!response.body.includes('Hidden Orchard') && !response.body.includes('house"'), 'no shelter detail leaves');
    const document = response.json();
    const providerIds = (await t.database.db.selectFrom('directoryOrganizations').select('id').where('orgId', '=', provider).execute()).map((r) => r.id);
    const organizations = document.organizations.filter((o: { id: string }) => providerIds.includes(o.id));
    assert.equal(organizations.length, 2);
    const withheld = organizations.flatMap((o: { locations: Record<string, unknown>[] }) => o.locations).filter((l: Record<string, unknown>) => !('name' in l));
    assert.equal(withheld.length, 2);
    for (const location of withheld) {
      assert.deepEqual(Object.keys(location).sort(), ['attributes', 'id', 'location_type', 'organization_id']);
      assert.deepEqual((location.attributes as { taxonomy_term_id: string; value: string }[]).map((a) => [a.taxonomy_term_id, a.value]), [[ATTRIBUTE_TERMS.confidentialLocation.id, 'true']]);
    }

    // Every exported object carries the fields HSDS 3.0 requires of it.
    const check = (kind: string, object: Record<string, unknown>) => {
      for (const field of HSDS_REQUIRED[kind]!) assert.ok(object[field] !== undefined && object[field] !== null, `${kind}.${field}`);
      assert.match(String(object.id), /^[0-9a-f-]{36}$/);
    };
    for (const organization of organizations) {
      check('organization', organization);
      for (const service of organization.services) {
        check('service', service);
        for (const link of service.service_at_locations) check('service_at_location', link);
        for (const language of service.languages) check('language', language);
        for (const attribute of service.attributes) check('attribute', attribute);
      }
      for (const location of organization.locations) {
        check('location', location);
        for (const address of location.addresses ?? []) check('address', address);
      }
    }
    for (const taxonomy of document.taxonomies) check('taxonomy', taxonomy);
    for (const term of document.taxonomy_terms) check('taxonomy_term', term);
    assert.ok(document.taxonomy_terms.some((term: { id: string; code: string }) => term.id === SERVICE_KIND_TERMS.shelter.id && term.code === 'shelter'));
  });

  test('re-importing an export that withheld shelter details keeps the sealed details', async () => {
    const ordinary = await admin.request('GET', `/api/organisations/${provider}/directory/export`);
    assert.ok(!ordinary.body.includes('Hidden Orchard'));
    const reimported = await admin.request('POST', `/api/organisations/${provider}/directory/import`, ordinary.json());
    assert.equal(reimported.statusCode, 200, reimported.body);
    const full = await admin.request('GET', `/api/organisations/${provider}/directory/export?includeConfidential=true`);
    assert.ok(full.body.includes('Hidden Orchard'), 'the shelter\'s name and address survive');
  });

  test('an invalid file is refused with every problem of every record and its path; nothing is written', async () => {
    const fresh = await t.createOrganisation();
    const freshAdmin = await t.login(await t.addUser(fresh, 'admin'));
    const document = (await admin.request('GET', `/api/organisations/${provider}/directory/export?includeConfidential=true`)).json();
    const [first, second] = document.organizations;
    const named = (org: { services: { name: string }[] }, part: string) => org.services.findIndex((s) => s.name.includes(part));
    const refuge = named(first, 'refuge');
    const advice = named(first, 'advice');
    first.services[refuge].minimum_age = 70; // above maximum_age 65: our rule, checked after the schema
    first.services[refuge].email = 'not an address';
    first.services[refuge].attributes.push({ id: crypto.randomUUID(), taxonomy_term_id: crypto.randomUUID(), value: 'x' });
    first.services[advice].attributes = []; // no service kind
    first.services[advice].status = 'open'; // not an HSDS status: a schema problem of the same file
    first.locations[0].languages = [{ id: crypto.randomUUID(), code: 'English' }];
    assert.equal(named(second, 'refuge'), 1);
    second.services[1].service_at_locations[0].location_id = crypto.randomUUID();
    second.locations[1].id = second.locations[0].id;
    second.name = '';
    const before = await sql<{ n: number }>`select count(*)::int as n from directory_services`.execute(t.database.db);
    const refused = await freshAdmin.request('POST', `/api/organisations/${fresh}/directory/import`, document);
    assert.equal(refused.statusCode, 400, refused.body);
    const paths = refused.json().error.details.issues.map((i: { path: string }) => i.path).sort();
    assert.deepEqual(paths, [
      `body.organizations.0.locations.0.languages.0.code`,
      `body.organizations.0.services.${advice}.status`,
      `body.organizations.0.services.${refuge}.attributes.${first.services[refuge].attributes.length - 1}.taxonomy_term_id`,
      `body.organizations.0.services.${refuge}.email`,
      `body.organizations.0.services.${refuge}.maximum_age`,
      'body.organizations.1.locations.1.id',
      'body.organizations.1.name',
      'body.organizations.1.services.1.service_at_locations.0.location_id',
      // the location whose id was overwritten is no longer in the file either
      'body.organizations.1.services.1.service_at_locations.1.location_id',
    ].sort());
    assert.ok(refused.json().error.details.issues.every((i: { message: string }) => i.message.length > 0));
    const afterwards = await sql<{ n: number }>`select count(*)::int as n from directory_services`.execute(t.database.db);
    assert.equal(afterwards.rows[0]!.n, before.rows[0]!.n, 'nothing written');
    assert.equal((await auditRows(t.database, 'directory.imported')).filter((r) => r.orgId === fresh).length, 0);
  });
});
