import assert from 'node:assert/strict';
import type { TAgent } from '../../../test/support/test-app.ts';
import { SHELTER_ADDRESS, serviceBody } from './directory-fixtures.test-support.ts';

/**
 * Two provider organizations, each with a confidential shelter, a public office, a shelter service
 * offered at both (eligibility, nationalities, capacity, languages) and a temporarily closed
 * advice service, created through the API by an admin of `orgId`.
 */
export async function seedHsdsDirectory(admin: TAgent, orgId: string): Promise<void> {
  const url = (path: string) => `/api/organisations/${orgId}${path}`;
  for (const [index, name] of ['Harbour Trust', 'Bridge Legal'].entries()) {
    const organizationId = (await admin.request('POST', url('/directory/organizations'), { name, description: `${name} helps survivors`, email: `info${index}@example.org`, website: 'https://example.org/' })).json().id;
    const shelter = (await admin.request('POST', url('/directory/locations'), { organizationId, locationType: 'physical', isConfidential: true, name: `${name} house`, address: SHELTER_ADDRESS, latitude: 51.5, longitude: -0.1, languages: ['en'] })).json().id;
    const office = (await admin.request('POST', url('/directory/locations'), { organizationId, locationType: 'physical', isConfidential: false, name: `${name} office`, description: 'Drop-in', address: { ...SHELTER_ADDRESS, address1: `${index + 1} Public Street`, stateProvince: 'Wessex' }, languages: ['en', 'ar'] })).json().id;
    const service = await admin.request('POST', url('/services'), serviceBody(organizationId, {
      name: `${name} refuge`, kinds: ['shelter', 'family_tracing'], languages: ['ar', 'en'],
      eligibility: { sexes: ['female', 'other'], minimumAge: 16, maximumAge: 65, nationalities: ['AL', 'VN'], description: 'Women and non-binary people' },
      capacity: { maximum: 8, available: 2 }, applicationProcess: 'Phone the duty line', url: 'https://example.org/refuge', email: 'refuge@example.org',
    }));
    assert.equal(service.statusCode, 201, service.body);
    const serviceId = service.json().service.id;
    for (const locationId of [shelter, office]) assert.equal((await admin.request('POST', url(`/services/${serviceId}/locations`), { locationId, description: 'Evenings' })).statusCode, 200);
    await admin.request('POST', url('/services'), serviceBody(organizationId, { name: `${name} advice`, kinds: ['legal_aid'], status: 'temporarily closed', capacity: { maximum: null, available: null } }));
  }
}

/** Replaces every UUID by its order of first appearance: two directories compare by content, not ids. */
export function withoutIds(document: unknown): unknown {
  const seen = new Map<string, string>();
  const { generated_at: _generatedAt, ...rest } = document as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!seen.has(id)) seen.set(id, `#${seen.size}`);
    return seen.get(id)!;
  }));
}
