import { AppError } from '../../../../core/errors/app-error.ts';
import { ATTRIBUTE_TERMS, PALERMO_TAXONOMY, SERVICE_KIND_TERMS, SERVICE_KINDS, type TAttributeTermKey, type TServiceKind } from '../../../../core/protection/service-taxonomy.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { can } from '../../../authz/policy.ts';
import type { TDirectoryLocationRow } from '../../../db/schema/protection.ts';
import { openOwnLocations } from '../services.service.ts';
import { findDirectoryOrganizations, findLocationLinks, findLocations, findServiceRows } from '../services.repo.ts';
import { presentLocation } from '../services.presenter.ts';
import { stableUuid } from './hsds-ids.ts';
import type { THsdsAttribute, THsdsDirectory, THsdsLocation, THsdsService } from './hsds.schemas.ts';

export const HSDS_PROFILE = 'palermo-anti-trafficking-services/1';

function taxonomyTerm(id: string, code: string, name: string) {
  return { id, code, name, description: name, parent_id: null, taxonomy: PALERMO_TAXONOMY.name, taxonomy_id: PALERMO_TAXONOMY.id, language: 'en', term_uri: null };
}

/** The Palermo taxonomy as HSDS taxonomy terms: one per service kind, one per attribute. */
export function palermoTaxonomyTerms() {
  return [
    ...SERVICE_KINDS.map((kind) => taxonomyTerm(SERVICE_KIND_TERMS[kind].id, kind, SERVICE_KIND_TERMS[kind].name)),
    ...(Object.keys(ATTRIBUTE_TERMS) as TAttributeTermKey[]).map((key) => taxonomyTerm(ATTRIBUTE_TERMS[key].id, ATTRIBUTE_TERMS[key].code, ATTRIBUTE_TERMS[key].name)),
  ];
}

function attribute(linkId: string, termId: string, linkEntity: string, value: string | null): THsdsAttribute {
  return { id: stableUuid(linkId, termId, value ?? ''), link_id: linkId, taxonomy_term_id: termId, link_type: null, link_entity: linkEntity, value, label: null };
}

function language(owner: 'service_id' | 'location_id', ownerId: string, code: string) {
  return { id: stableUuid(ownerId, 'language', code), [owner]: ownerId, code };
}

/**
 * The directory as an HSDS 3.0 document. Confidential locations are exported as HSDS allows
 * (only `id` and `location_type`, plus the confidentiality attribute) unless this
 * organisation exports its own in full, which needs service.manage and is audited.
 * @throws NOT_FOUND, FORBIDDEN (service.read; service.manage for includeConfidential)
 */
export async function exportDirectory(ctx: TCtx, orgId: string, options: { scope: 'own' | 'all'; includeConfidential: boolean; format?: 'json' | 'csv' }, generatedAt: Date): Promise<THsdsDirectory> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.read');
  if (options.includeConfidential && !can(ctx.actor, orgId, 'service.manage')) {
    throw new AppError('FORBIDDEN', 'Exporting confidential locations needs the permission service.manage.', { reason: 'MISSING_PERMISSION', permission: 'service.manage' });
  }
  const scopeOrg = options.scope === 'own' ? orgId : null;
  const organizations = await findDirectoryOrganizations(ctx.db, scopeOrg);
  const locations = await findLocations(ctx.db, scopeOrg);
  const services = await findServiceRows(ctx.db, scopeOrg ? { orgId: scopeOrg } : {});
  const links = await findLocationLinks(ctx.db, services.map((s) => s.id));
  const opened = options.includeConfidential ? await openOwnLocations(ctx, orgId, locations) : new Map();

  // Sorted by what people see (name, then address), so the same directory exports in the same order
  // wherever it was imported; withheld locations sort by id.
  const views = new Map(locations.map((row) => [row.id, presentLocation(row, opened.get(row.id) ?? null)]));
  const sortKey = (id: string) => { const v = views.get(id); return `${v?.name ?? ''}\u0000${v?.address?.address1 ?? ''}\u0000${v?.isWithheld ? id : ''}`; };
  locations.sort((a, b) => sortKey(a.id).localeCompare(sortKey(b.id)));
  const locationOrder = new Map(locations.map((row, index) => [row.id, index]));

  const exportLocation = (row: TDirectoryLocationRow): THsdsLocation => {
    const view = views.get(row.id)!;
    const attributes = row.isConfidential ? [attribute(row.id, ATTRIBUTE_TERMS.confidentialLocation.id, 'location', 'true')] : [];
    if (view.isWithheld) return { id: row.id, location_type: view.locationType, organization_id: row.organizationId, attributes };
    return {
      id: row.id, location_type: view.locationType, organization_id: row.organizationId, name: view.name, description: view.description,
      latitude: view.latitude, longitude: view.longitude,
      languages: row.languages.map((code) => language('location_id', row.id, code)),
      addresses: view.address ? [{
        id: stableUuid(row.id, 'address'), location_id: row.id, address_1: view.address.address1, address_2: view.address.address2, city: view.address.city,
        state_province: view.address.stateProvince ?? '', postal_code: view.address.postalCode ?? '', country: view.address.country, address_type: view.locationType,
      }] : [],
      attributes,
    };
  };

  const exportService = (row: (typeof services)[number]): THsdsService => {
    const attributes: THsdsAttribute[] = [
      ...(row.kinds as TServiceKind[]).map((kind) => attribute(row.id, SERVICE_KIND_TERMS[kind].id, 'service', null)),
      ...row.eligibleSexes.map((sex) => attribute(row.id, ATTRIBUTE_TERMS.eligibleSex.id, 'service', sex)),
      ...row.eligibleNationalities.map((country) => attribute(row.id, ATTRIBUTE_TERMS.eligibleNationality.id, 'service', country)),
      ...(row.capacityMaximum === null ? [] : [attribute(row.id, ATTRIBUTE_TERMS.capacityMaximum.id, 'service', String(row.capacityMaximum))]),
      ...(row.capacityAvailable === null ? [] : [attribute(row.id, ATTRIBUTE_TERMS.capacityAvailable.id, 'service', String(row.capacityAvailable))]),
    ];
    return {
      id: row.id, organization_id: row.organizationId, name: row.name, alternate_name: row.alternateName, description: row.description, url: row.url, email: row.email,
      status: row.status as THsdsService['status'], interpretation_services: row.interpretationServices, application_process: row.applicationProcess,
      fees_description: row.feesDescription, eligibility_description: row.eligibilityDescription, minimum_age: row.minimumAge, maximum_age: row.maximumAge,
      languages: row.languages.map((code) => language('service_id', row.id, code)),
      attributes,
      service_at_locations: links.filter((link) => link.serviceId === row.id)
        .sort((a, b) => (locationOrder.get(a.id) ?? 0) - (locationOrder.get(b.id) ?? 0))
        .map((link) => ({ id: link.serviceAtLocationId, service_id: row.id, location_id: link.id, description: link.serviceAtLocationDescription })),
    };
  };

  await ctx.audit.record('directory.exported', { orgId, subjectType: 'directory', metadata: { scope: options.scope, includeConfidential: options.includeConfidential, services: services.length, format: options.format ?? 'json' } });
  return withoutNulls({
    version: '3.0',
    profile: HSDS_PROFILE,
    generated_at: generatedAt.toISOString(),
    organizations: organizations.map((org) => ({
      id: org.id, name: org.name, alternate_name: org.alternateName, description: org.description, email: org.email, website: org.website,
      services: services.filter((s) => s.organizationId === org.id).map(exportService),
      locations: locations.filter((l) => l.organizationId === org.id).map(exportLocation),
    })),
    taxonomies: [{ id: PALERMO_TAXONOMY.id, name: PALERMO_TAXONOMY.name, description: PALERMO_TAXONOMY.description, uri: null, version: PALERMO_TAXONOMY.version }],
    taxonomy_terms: palermoTaxonomyTerms(),
  });
}

/**
 * HSDS 3.0 types every field as a string or a number (schema/*.json has no `null` type), so a
 * value Palermo does not have is left out rather than written as null; the import reads an absent
 * field as null again, which keeps export → import → export exact.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null).map(([key, field]) => [key, withoutNulls(field)])) as T;
  }
  return value;
}
