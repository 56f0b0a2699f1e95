import type { TTestApp } from '../../../test/support/test-app.ts';
import { unique } from '../../../test/support/test-app.ts';
import type { TServiceKind } from '../../../core/protection/service-taxonomy.ts';
import { createDirectoryOrganization, createLocation, createService, linkServiceLocation } from './services.service.ts';
import type { TServiceInput } from './services.schemas.ts';

/** A complete service body as the API takes it. */
export function serviceBody(organizationId: string, overrides: Partial<TServiceInput> = {}): TServiceInput {
  return {
    organizationId, name: unique('Safe House'), alternateName: null, description: 'Emergency accommodation for survivors', url: null, email: null,
    status: 'active', kinds: ['shelter', 'psychological'] as TServiceKind[],
    eligibility: { sexes: [], minimumAge: null, maximumAge: null, nationalities: [], description: null },
    languages: ['en', 'ro'], capacity: { maximum: 12, available: 3 }, interpretationServices: null, applicationProcess: null, feesDescription: null,
    ...overrides,
  };
}

/** An address tests look for in responses and database dumps. */
export const SHELTER_ADDRESS = { address1: '42 Hidden Orchard Lane', address2: null, city: 'Quietbury', stateProvince: null, postalCode: 'QB1 9ZZ', country: 'GB' } as const;

/**
 * A provider organization in `orgId` with one active service at a confidential shelter location,
 * created through the use cases as the system actor.
 */
export async function providerWithService(t: TTestApp, orgId: string, overrides: Partial<TServiceInput> = {}): Promise<{ organizationId: string; serviceId: string; locationId: string; serviceAtLocationId: string }> {
  return t.asSystem(async (ctx) => {
    const organizationId = await createDirectoryOrganization(ctx, orgId, { name: unique('Provider'), alternateName: null, description: 'Support for survivors of trafficking', email: null, website: null });
    const locationId = await createLocation(ctx, orgId, {
      organizationId, locationType: 'physical', isConfidential: true, name: 'Orchard House', description: null, address: { ...SHELTER_ADDRESS }, latitude: 51.5, longitude: -0.12, languages: ['en'],
    });
    const serviceId = await createService(ctx, orgId, serviceBody(organizationId, overrides));
    const serviceAtLocationId = await linkServiceLocation(ctx, orgId, serviceId, { locationId, description: null });
    return { organizationId, serviceId, locationId, serviceAtLocationId };
  });
}
