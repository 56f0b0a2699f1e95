import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TAgent, type TTestApp } from '../../../test/support/test-app.ts';
import { auditRows } from '../../../test/support/audit-rows.ts';
import { ENGINE } from '../../../test/support/test-database.ts';
import { SHELTER_ADDRESS, serviceBody } from './directory-fixtures.test-support.ts';

describe(`service directory (${ENGINE})`, () => {
  let t: TTestApp;
  let provider: string;
  let other: string;
  let providerAdmin: TAgent;
  let providerWorker: TAgent;
  let outsider: TAgent;
  before(async () => {
    t = await createTestApp();
    provider = await t.createOrganisation();
    other = await t.createOrganisation();
    providerAdmin = await t.login(await t.addUser(provider, 'admin'));
    providerWorker = await t.login(await t.addUser(provider, 'case_worker'));
    outsider = await t.login(await t.addUser(other, 'case_worker'));
  });
  after(() => t.close());
  const url = (org: string, path: string) => `/api/organisations/${org}${path}`;

  async function listShelter(): Promise<{ organizationId: string; locationId: string; serviceId: string }> {
    const organization = await providerAdmin.request('POST', url(provider, '/directory/organizations'), { name: `Harbour ${Math.random()}`, description: 'Shelters for women and girls' });
    assert.equal(organization.statusCode, 201, organization.body);
    const organizationId = organization.json().id;
    const location = await providerAdmin.request('POST', url(provider, '/directory/locations'), {
      organizationId, locationType: 'physical', isConfidential: true, name: 'Orchard House', description: 'Blue door at the back', address: SHELTER_ADDRESS, latitude: 51.501, longitude: -0.141, languages: ['en', 'ro'],
    });
    assert.equal(location.statusCode, 201, location.body);
    const created = await providerAdmin.request('POST', url(provider, '/services'), serviceBody(organizationId, { name: `Women's refuge ${Math.random()}`, kinds: ['shelter', 'medical'], languages: ['ro', 'sq'] }));
    assert.equal(created.statusCode, 201, created.body);
    const serviceId = created.json().service.id;
    const linked = await providerAdmin.request('POST', url(provider, `/services/${serviceId}/locations`), { locationId: location.json().id });
    assert.equal(linked.statusCode, 200, linked.body);
    return { organizationId, locationId: location.json().id, serviceId };
  }

  test('a provider lists a shelter; every member of the deployment finds it; its address stays inside the provider', async () => {
    const { serviceId, locationId } = await listShelter();

    const seenOutside = await outsider.request('GET', url(other, `/services/${serviceId}`));
    assert.equal(seenOutside.statusCode, 200, seenOutside.body);
    const outsideService = seenOutside.json().service;
    assert.deepEqual(outsideService.kinds, ['shelter', 'medical']);
    assert.equal(outsideService.providerOrgId, provider);
    assert.deepEqual(outsideService.capacity.available, 3);
    assert.deepEqual(outsideService.locations.map((l: Record<string, unknown>) => [l.isConfidential, l.isWithheld, l.name, l.address, l.latitude]), [[true, true, null, null, null]]);
    assert.equal(outsideService.abilities['service.manage'], false);
    for (const secret of ['Hidden Orchard', 'Quietbury', 'Orchard House', 'Blue door', '51.501']) assert.ok(!seenOutside.body.includes(secret), `${secret} leaked outside the provider`);

    const seenInside = (await providerWorker.request('GET', url(provider, `/services/${serviceId}`))).json().service;
    assert.equal(seenInside.locations[0].address.address1, SHELTER_ADDRESS.address1);
    assert.equal(seenInside.locations[0].name, 'Orchard House');
    assert.equal(seenInside.locations[0].latitude, 51.501);

    const found = (await outsider.request('GET', url(other, '/services?kind=medical&language=sq'))).json().services.map((s: { id: string }) => s.id);
    assert.ok(found.includes(serviceId));
    assert.ok(!(await outsider.request('GET', url(other, '/services?kind=legal_aid'))).json().services.some((s: { id: string }) => s.id === serviceId));
    const listed = await outsider.request('GET', url(other, '/services?hasCapacity=true'));
    assert.ok(!listed.body.includes('Hidden Orchard'));

    const stored = await t.database.db.selectFrom('directoryLocations').selectAll().where('id', '=', locationId).executeTakeFirstOrThrow();
    assert.equal(stored.address, null);
    assert.equal(stored.name, null);
    assert.ok(stored.confidentialCiphertext?.startsWith('v1.') && !stored.confidentialCiphertext.includes('Orchard'));
    const own = (await providerWorker.request('GET', url(provider, '/directory'))).json();
    assert.ok(own.locations.some((l: { address: { city: string } | null }) => l.address?.city === 'Quietbury'));
    assert.equal((await outsider.request('GET', url(other, '/directory'))).json().locations.length, 0, 'the own-directory view shows only one\'s own');
    assert.ok((await auditRows(t.database, 'service.created', serviceId)).length === 1);
    assert.ok((await auditRows(t.database, 'directoryLocation.created', locationId)).length === 1);
    assert.ok((await auditRows(t.database, 'service.locationLinked', serviceId)).length === 1);
  });

  test('only the provider changes its service, with optimistic locking; capacity updates are audited', async () => {
    const { serviceId, organizationId } = await listShelter();
    const otherAdmin = await t.login(await t.addUser(other, 'admin'));
    const change = { ...serviceBody(organizationId, { name: 'Renamed refuge', kinds: ['shelter'], eligibility: { sexes: ['female'], minimumAge: 18, maximumAge: null, nationalities: [], description: 'Adult women' } }), expectedVersion: 1 };
    assert.equal((await otherAdmin.request('PUT', url(other, `/services/${serviceId}`), change)).statusCode, 404);
    assert.equal((await providerWorker.request('PUT', url(provider, `/services/${serviceId}`), change)).statusCode, 403, 'service.manage is an administrator\'s');
    const changed = await providerAdmin.request('PUT', url(provider, `/services/${serviceId}`), change);
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().service.version, 2);
    assert.deepEqual(changed.json().service.eligibility.sexes, ['female']);
    const stale = await providerAdmin.request('PUT', url(provider, `/services/${serviceId}`), change);
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.details.reason, 'VERSION_CONFLICT');
    const [audit] = await auditRows(t.database, 'service.updated', serviceId);
    assert.deepEqual((audit!.metadata as { fields: string[] }).fields.sort(), ['eligibilityDescription', 'eligibleSexes', 'kinds', 'languages', 'minimumAge', 'name'].sort());

    const capacity = await providerAdmin.request('PUT', url(provider, `/services/${serviceId}/capacity`), { maximum: 12, available: 0 });
    assert.equal(capacity.statusCode, 200, capacity.body);
    assert.equal(capacity.json().service.capacity.available, 0);
    assert.ok(capacity.json().service.capacity.updatedAt);
    assert.equal((await providerAdmin.request('PUT', url(provider, `/services/${serviceId}/capacity`), { maximum: 2, available: 5 })).statusCode, 400);
    assert.equal((await auditRows(t.database, 'service.capacityUpdated', serviceId)).length, 1);
  });

  test('every problem of a service is reported with its path; another organisation\'s provider record cannot be used', async () => {
    const { organizationId } = await listShelter();
    const bad = await providerAdmin.request('POST', url(provider, '/services'), {
      ...serviceBody(organizationId), kinds: [], languages: ['Romanian'], eligibility: { sexes: ['female'], minimumAge: 30, maximumAge: 18, nationalities: ['ROU'], description: null },
    });
    assert.equal(bad.statusCode, 400);
    const paths = bad.json().error.details.issues.map((i: { path: string }) => i.path);
    for (const path of ['body.kinds', 'body.languages.0', 'body.eligibility.maximumAge', 'body.eligibility.nationalities.0']) assert.ok(paths.includes(path), `${path} in ${paths}`);
    const foreign = await t.asSystem(async (ctx) => (await ctx.db.insertInto('directoryOrganizations').values({ orgId: other, name: 'Theirs', description: 'x', alternateName: null, email: null, website: null, externalId: null, createdAt: new Date(), updatedAt: new Date() }).returning('id').executeTakeFirstOrThrow()).id);
    const borrowed = await providerAdmin.request('POST', url(provider, '/services'), serviceBody(foreign));
    assert.equal(borrowed.statusCode, 400);
    assert.equal(borrowed.json().error.details.issues[0].path, 'body.organizationId');
  });
});
