import type { TServiceKind, TServiceStatus } from '../../../core/protection/service-taxonomy.ts';
import type { TDirectoryLocationRow, TDirectoryOrganizationRow } from '../../db/schema/protection.ts';
import type { TLocationDetails } from './confidential-location.ts';
import type { TServiceLocationLink, TServiceWithNames } from './services.repo.ts';
import type { TAddress, TLocationView, TServiceView } from './services.schemas.ts';

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/**
 * A location as the viewer may see it. A confidential one shows its details only when `opened`
 * is given, which the use cases do for members of the provider organisation alone.
 */
export function presentLocation(row: TDirectoryLocationRow, opened: TLocationDetails | null): TLocationView {
  const base = { id: row.id, organizationId: row.organizationId, locationType: row.locationType as TLocationView['locationType'], isConfidential: row.isConfidential, languages: row.languages };
  if (row.isConfidential) {
    return {
      ...base, isWithheld: opened === null, name: opened?.name ?? null, description: opened?.description ?? null,
      address: opened?.address ?? null, latitude: opened?.latitude ?? null, longitude: opened?.longitude ?? null,
    };
  }
  return {
    ...base, isWithheld: false, name: row.name, description: row.description, address: (row.address as TAddress | null) ?? null,
    latitude: toNumber(row.latitude), longitude: toNumber(row.longitude),
  };
}

export function presentService(row: TServiceWithNames, links: readonly TServiceLocationLink[], opened: ReadonlyMap<string, TLocationDetails>, abilities: Record<string, boolean>): TServiceView {
  return {
    id: row.id,
    providerOrgId: row.orgId,
    providerOrgName: row.providerOrgName,
    organization: { id: row.organizationId, name: row.organizationName },
    name: row.name,
    alternateName: row.alternateName,
    description: row.description,
    url: row.url,
    email: row.email,
    status: row.status as TServiceStatus,
    kinds: row.kinds as TServiceKind[],
    eligibility: { sexes: row.eligibleSexes, minimumAge: row.minimumAge, maximumAge: row.maximumAge, nationalities: row.eligibleNationalities, description: row.eligibilityDescription },
    languages: row.languages,
    capacity: { maximum: row.capacityMaximum, available: row.capacityAvailable, updatedAt: row.capacityUpdatedAt?.toISOString() ?? null },
    interpretationServices: row.interpretationServices,
    applicationProcess: row.applicationProcess,
    feesDescription: row.feesDescription,
    locations: links.filter((link) => link.serviceId === row.id).map((link) => ({
      ...presentLocation(link, opened.get(link.id) ?? null), serviceAtLocationId: link.serviceAtLocationId, serviceAtLocationDescription: link.serviceAtLocationDescription,
    })),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    abilities,
  };
}

export function presentDirectoryOrganization(row: TDirectoryOrganizationRow) {
  return { id: row.id, name: row.name, alternateName: row.alternateName, description: row.description, email: row.email, website: row.website };
}
