import type { z } from 'zod';
import { AppError, type TErrorIssue } from '../../../../core/errors/app-error.ts';
import { ATTRIBUTE_TERMS, attributeTermOf, ELIGIBLE_SEXES, serviceKindOfTerm, type TServiceKind } from '../../../../core/protection/service-taxonomy.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { createDirectoryOrganization, createLocation, createService, locationColumns, serviceColumns } from '../services.service.ts';
import { ZCreateDirectoryOrganization, ZCreateLocation, ZCreateService, type TCreateDirectoryOrganization, type TCreateLocation, type TServiceInput } from '../services.schemas.ts';
import { ZHsdsLocation, ZHsdsOrganizationShell, ZHsdsService, ZHsdsTaxonomy, ZHsdsTaxonomyTerm, type THsdsAttribute, type THsdsEnvelope, type THsdsLocation, type THsdsService } from './hsds.schemas.ts';

/** Placeholder for ids that are only known once the parent is written. */
const PENDING_ID = '00000000-0000-4000-8000-000000000000';

export interface TImportSummary {
  organizations: number;
  services: number;
  locations: number;
  serviceAtLocations: number;
  created: number;
  updated: number;
}

interface TPlannedService { fileId: string; input: TServiceInput; links: { fileId: string; locationFileId: string; description: string | null }[] }
export interface TPlannedOrganization {
  fileId: string;
  input: TCreateDirectoryOrganization;
  locations: { fileId: string; input: TCreateLocation }[];
  services: TPlannedService[];
}

const blankToNull = (value: string | null | undefined): string | null => (value === undefined || value === null || value.trim() === '' ? null : value);

/** Where our API field lives in an HSDS record, so every problem is reported at the file's own path. */
const SERVICE_PATHS: Record<string, string> = {
  name: 'name', alternateName: 'alternate_name', description: 'description', url: 'url', email: 'email', status: 'status', kinds: 'attributes',
  'eligibility.sexes': 'attributes', 'eligibility.minimumAge': 'minimum_age', 'eligibility.maximumAge': 'maximum_age', 'eligibility.nationalities': 'attributes',
  'eligibility.description': 'eligibility_description', languages: 'languages', capacity: 'attributes', 'capacity.available': 'attributes', 'capacity.maximum': 'attributes',
  interpretationServices: 'interpretation_services', applicationProcess: 'application_process', feesDescription: 'fees_description',
};
const LOCATION_PATHS: Record<string, string> = {
  name: 'name', description: 'description', latitude: 'latitude', longitude: 'longitude', languages: 'languages', locationType: 'location_type',
  'address.address1': 'addresses.0.address_1', 'address.address2': 'addresses.0.address_2', 'address.city': 'addresses.0.city',
  'address.stateProvince': 'addresses.0.state_province', 'address.postalCode': 'addresses.0.postal_code', 'address.country': 'addresses.0.country',
};
const ORGANIZATION_PATHS: Record<string, string> = { name: 'name', alternateName: 'alternate_name', description: 'description', email: 'email', website: 'website' };

/** Parses a converted record with the API's own schema: imported rows obey the same rules as typed ones. */
function parseWith<S extends z.ZodType>(schema: S, value: unknown, basePath: string, paths: Record<string, string>, issues: TErrorIssue[]): z.infer<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const apiPath = issue.path.map(String).join('.');
    const filePath = paths[apiPath] ?? paths[apiPath.split('.').slice(0, 2).join('.')] ?? paths[apiPath.split('.')[0] ?? ''] ?? apiPath;
    issues.push({ path: `${basePath}.${filePath}`, message: issue.message });
  }
  return null;
}

function termOf(attribute: THsdsAttribute) {
  return { id: attribute.taxonomy_term_id ?? attribute.taxonomy_term?.id, code: attribute.taxonomy_term?.code };
}

function planService(service: THsdsService, orgFileId: string, path: string, issues: TErrorIssue[]): TPlannedService | null {
  if (service.organization_id && service.organization_id !== orgFileId) issues.push({ path: `${path}.organization_id`, message: 'Must be the id of the organization the service is listed under' });
  const kinds: TServiceKind[] = [];
  const sexes: string[] = [];
  const nationalities: string[] = [];
  const capacity: { maximum: number | null; available: number | null } = { maximum: null, available: null };
  (service.attributes ?? []).forEach((attribute, index) => {
    const at = `${path}.attributes.${index}`;
    if (attribute.link_id && attribute.link_id !== service.id) issues.push({ path: `${at}.link_id`, message: 'Must be the id of the service it is listed under' });
    const kind = serviceKindOfTerm(termOf(attribute));
    if (kind) {
      if (!kinds.includes(kind)) kinds.push(kind);
      return;
    }
    const key = attributeTermOf(termOf(attribute));
    if (!key || ATTRIBUTE_TERMS[key].linkEntity !== 'service') {
      issues.push({ path: `${at}.taxonomy_term_id`, message: 'Not a service term of the Palermo anti-trafficking taxonomy' });
      return;
    }
    const value = attribute.value ?? '';
    if (key === 'eligibleSex') {
      if ((ELIGIBLE_SEXES as readonly string[]).includes(value)) sexes.push(value);
      else issues.push({ path: `${at}.value`, message: `One of ${ELIGIBLE_SEXES.join(', ')}` });
    } else if (key === 'eligibleNationality') {
      nationalities.push(value);
    } else if (/^\d{1,6}$/.test(value)) {
      capacity[key === 'capacityMaximum' ? 'maximum' : 'available'] = Number(value);
    } else {
      issues.push({ path: `${at}.value`, message: 'A whole number of places' });
    }
  });
  if (kinds.length === 0) issues.push({ path: `${path}.attributes`, message: 'A service needs at least one service-kind term of the Palermo taxonomy' });
  const input = parseWith(ZCreateService, {
    organizationId: PENDING_ID, name: service.name, alternateName: blankToNull(service.alternate_name), description: blankToNull(service.description),
    url: blankToNull(service.url), email: blankToNull(service.email), status: service.status, kinds: kinds.length ? kinds : ['shelter'],
    eligibility: { sexes, minimumAge: service.minimum_age ?? null, maximumAge: service.maximum_age ?? null, nationalities, description: blankToNull(service.eligibility_description) },
    languages: [...new Set((service.languages ?? []).map((l) => l.code))], capacity,
    interpretationServices: blankToNull(service.interpretation_services), applicationProcess: blankToNull(service.application_process), feesDescription: blankToNull(service.fees_description),
  }, path, SERVICE_PATHS, issues);
  const links = (service.service_at_locations ?? []).map((link, index) => {
    if (link.service_id && link.service_id !== service.id) issues.push({ path: `${path}.service_at_locations.${index}.service_id`, message: 'Must be the id of the service it is listed under' });
    return { fileId: link.id, locationFileId: link.location_id, description: blankToNull(link.description) };
  });
  return input ? { fileId: service.id, input, links } : null;
}

function planLocation(location: THsdsLocation, orgFileId: string, path: string, issues: TErrorIssue[]): TCreateLocation | null {
  if (location.organization_id && location.organization_id !== orgFileId) issues.push({ path: `${path}.organization_id`, message: 'Must be the id of the organization the location is listed under' });
  let isConfidential = false;
  (location.attributes ?? []).forEach((attribute, index) => {
    const at = `${path}.attributes.${index}`;
    if (attributeTermOf(termOf(attribute)) !== 'confidentialLocation') {
      issues.push({ path: `${at}.taxonomy_term_id`, message: 'Not a location term of the Palermo anti-trafficking taxonomy' });
    } else if (attribute.value === 'true' || attribute.value === 'false') {
      isConfidential = attribute.value === 'true';
    } else {
      issues.push({ path: `${at}.value`, message: 'true or false' });
    }
  });
  const address = location.addresses?.[0];
  return parseWith(ZCreateLocation, {
    organizationId: PENDING_ID, locationType: location.location_type, isConfidential, name: blankToNull(location.name), description: blankToNull(location.description),
    address: address ? { address1: address.address_1, address2: blankToNull(address.address_2), city: address.city, stateProvince: blankToNull(address.state_province), postalCode: blankToNull(address.postal_code), country: address.country } : null,
    latitude: location.latitude ?? null, longitude: location.longitude ?? null, languages: [...new Set((location.languages ?? []).map((l) => l.code))],
  }, path, LOCATION_PATHS, issues);
}

/** Schema problems of one record, at the record's path; the parsed record when there are none. */
function parseRecord<S extends z.ZodType>(schema: S, value: unknown, path: string, issues: TErrorIssue[]): z.infer<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) issues.push({ path: [path, ...issue.path.map(String)].join('.'), message: issue.message });
  return null;
}

const idOf = (value: unknown): string | null => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
};

/**
 * Checks a whole HSDS document, record by record, and returns what to write or every problem
 * with its path: schema problems of each organization, service and location, then what only the
 * whole file shows (ids used twice, links to locations that are not in the file, terms outside
 * the Palermo taxonomy, rules of our API such as age ranges and e-mail addresses).
 * Never throws; writes nothing.
 */
export function planImport(document: THsdsEnvelope): { plan: TPlannedOrganization[]; issues: TErrorIssue[] } {
  const issues: TErrorIssue[] = [];
  const seen = new Set<string>();
  const once = (id: string | null, path: string) => {
    if (id === null) return;
    if (seen.has(id)) issues.push({ path: `${path}.id`, message: 'This id is used twice in the file' });
    seen.add(id);
  };
  (document.taxonomies ?? []).forEach((taxonomy, index) => parseRecord(ZHsdsTaxonomy, taxonomy, `body.taxonomies.${index}`, issues));
  (document.taxonomy_terms ?? []).forEach((term, index) => parseRecord(ZHsdsTaxonomyTerm, term, `body.taxonomy_terms.${index}`, issues));
  const locationIds = new Set(document.organizations.flatMap((org) => {
    const locations = (org as { locations?: unknown } | null)?.locations;
    return Array.isArray(locations) ? locations.map(idOf).filter((id): id is string => id !== null) : [];
  }));
  const plan: TPlannedOrganization[] = [];
  document.organizations.forEach((raw, orgIndex) => {
    const orgPath = `body.organizations.${orgIndex}`;
    once(idOf(raw), orgPath);
    // A malformed organization still has its services and locations checked, so nothing hides behind it.
    const organization = parseRecord(ZHsdsOrganizationShell, raw, orgPath, issues);
    const orgFileId = idOf(raw) ?? '';
    const children = (key: 'services' | 'locations'): unknown[] => {
      const list = (raw as Record<string, unknown> | null)?.[key];
      return Array.isArray(list) ? list : [];
    };
    const input = organization && parseWith(ZCreateDirectoryOrganization, {
      name: organization.name, alternateName: blankToNull(organization.alternate_name), description: organization.description,
      email: blankToNull(organization.email), website: blankToNull(organization.website),
    }, orgPath, ORGANIZATION_PATHS, issues);
    const locations = children('locations').map((rawLocation, index) => {
      const path = `${orgPath}.locations.${index}`;
      once(idOf(rawLocation), path);
      const location = parseRecord(ZHsdsLocation, rawLocation, path, issues);
      const planned = location && planLocation(location, orgFileId, path, issues);
      return planned ? { fileId: location.id, input: planned } : null;
    });
    const services = children('services').map((rawService, index) => {
      const path = `${orgPath}.services.${index}`;
      once(idOf(rawService), path);
      const service = parseRecord(ZHsdsService, rawService, path, issues);
      if (!service) return null;
      (service.service_at_locations ?? []).forEach((link, linkIndex) => {
        once(link.id, `${path}.service_at_locations.${linkIndex}`);
        if (!locationIds.has(link.location_id)) issues.push({ path: `${path}.service_at_locations.${linkIndex}.location_id`, message: 'No location with this id in the file' });
      });
      return planService(service, orgFileId, path, issues);
    });
    if (organization && input) plan.push({ fileId: organization.id, input, locations: locations.filter((l) => l !== null), services: services.filter((s) => s !== null) });
  });
  return { plan, issues };
}

type TDirectoryTable = 'directoryOrganizations' | 'directoryLocations' | 'directoryServices' | 'directoryServiceLocations';

/** The row a file record stands for: this organisation's row with that id, or imported from it. */
async function matchingRow(ctx: TCtx, table: TDirectoryTable, orgId: string, fileId: string): Promise<string | null> {
  const row = await ctx.db.selectFrom(table).select('id').where('orgId', '=', orgId)
    .where((eb) => eb.or([eb('id', '=', fileId), eb('externalId', '=', fileId)])).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Imports an HSDS document into this organisation's directory: all or nothing. Records the
 * organisation already holds (its own export, or an earlier import of the same file) are
 * updated; the rest are created through the same use cases as the API, with new ids.
 * @throws VALIDATION_FAILED with every problem (path + message); NOT_FOUND / FORBIDDEN (service.manage)
 */
export async function importDirectory(ctx: TCtx, orgId: string, document: THsdsEnvelope): Promise<TImportSummary> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.manage');
  const { plan, issues } = planImport(document);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', `The HSDS file has ${issues.length} problem(s); nothing was imported.`, { issues });
  return writeImport(ctx, orgId, plan, 'json');
}

/**
 * Writes a checked import plan (see {@link planImport}) and records `directory.imported`. The
 * caller has authorised service.manage and refused the file on any problem.
 */
export async function writeImport(ctx: TCtx, orgId: string, plan: TPlannedOrganization[], format: 'json' | 'csv'): Promise<TImportSummary> {
  const summary: TImportSummary = { organizations: 0, services: 0, locations: 0, serviceAtLocations: 0, created: 0, updated: 0 };
  const now = ctx.now();
  const locationIds = new Map<string, string>();
  for (const organization of plan) {
    let organizationId = await matchingRow(ctx, 'directoryOrganizations', orgId, organization.fileId);
    if (organizationId) {
      await ctx.db.updateTable('directoryOrganizations').set({ ...organization.input, updatedAt: now }).where('id', '=', organizationId).execute();
      summary.updated += 1;
    } else {
      organizationId = await createDirectoryOrganization(ctx, orgId, organization.input, organization.fileId);
      summary.created += 1;
    }
    summary.organizations += 1;
    for (const location of organization.locations) {
      const input = { ...location.input, organizationId };
      let locationId = await matchingRow(ctx, 'directoryLocations', orgId, location.fileId);
      if (locationId) {
        // An export without confidential details carries a confidential location with no name or
        // address: importing it back must keep the sealed details, not overwrite them with nothing.
        const detailsWithheld = input.isConfidential && input.name === null && input.description === null && input.address === null && input.latitude === null && input.longitude === null;
        await ctx.db.updateTable('directoryLocations').set({
          organizationId, locationType: input.locationType, isConfidential: input.isConfidential, languages: input.languages,
          ...(detailsWithheld ? {} : await locationColumns(ctx, orgId, locationId, input)), updatedAt: now,
        }).where('id', '=', locationId).execute();
        summary.updated += 1;
      } else {
        locationId = await createLocation(ctx, orgId, input, location.fileId);
        summary.created += 1;
      }
      locationIds.set(location.fileId, locationId);
      summary.locations += 1;
    }
  }
  for (const organization of plan) {
    const organizationId = (await matchingRow(ctx, 'directoryOrganizations', orgId, organization.fileId))!;
    for (const service of organization.services) {
      const input = { ...service.input, organizationId };
      let serviceId = await matchingRow(ctx, 'directoryServices', orgId, service.fileId);
      if (serviceId) {
        const before = await ctx.db.selectFrom('directoryServices').select('version').where('id', '=', serviceId).forUpdate().executeTakeFirstOrThrow();
        await ctx.db.updateTable('directoryServices').set({ ...serviceColumns(input), capacityUpdatedAt: now, version: before.version + 1, updatedAt: now }).where('id', '=', serviceId).execute();
        summary.updated += 1;
      } else {
        serviceId = await createService(ctx, orgId, input, service.fileId);
        summary.created += 1;
      }
      summary.services += 1;
      for (const link of service.links) {
        await ctx.db.insertInto('directoryServiceLocations').values({
          orgId, externalId: link.fileId, serviceId, locationId: locationIds.get(link.locationFileId)!, description: link.description, createdAt: now,
        }).onConflict((conflict) => conflict.columns(['serviceId', 'locationId']).doUpdateSet({ description: link.description })).execute();
        summary.serviceAtLocations += 1;
      }
    }
  }
  await ctx.audit.record('directory.imported', { orgId, subjectType: 'directory', metadata: { created: summary.created, updated: summary.updated, services: summary.services, locations: summary.locations, format } });
  return summary;
}
