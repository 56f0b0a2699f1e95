import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { can } from '../../authz/policy.ts';
import type { TDirectoryLocationRow } from '../../db/schema/protection.ts';
import { openLocationDetails, sealLocationDetails, type TLocationDetails } from './confidential-location.ts';
import { presentDirectoryOrganization, presentLocation, presentService } from './services.presenter.ts';
import {
  assertOwnDirectoryOrganization, findDirectoryOrganizations, findLocationLinks, findLocations, findServiceRows, getOwnServiceForUpdate, getServiceRow,
  type TServiceFilter, type TServiceWithNames,
} from './services.repo.ts';
import type { TCapacity, TCreateDirectoryOrganization, TCreateLocation, TServiceInput, TServiceListQuery, TServiceView } from './services.schemas.ts';

/**
 * The details of confidential locations the viewer may see: those of the viewer's own
 * organisation, and nobody else's.
 */
export async function openOwnLocations(ctx: TCtx, viewerOrgId: string, rows: readonly TDirectoryLocationRow[]): Promise<Map<string, TLocationDetails>> {
  const opened = new Map<string, TLocationDetails>();
  for (const row of rows) {
    if (row.isConfidential && row.orgId === viewerOrgId) opened.set(row.id, await openLocationDetails(ctx.keyring, ctx.db, row));
  }
  return opened;
}

async function presentServices(ctx: TCtx, viewerOrgId: string, rows: TServiceWithNames[]): Promise<TServiceView[]> {
  const links = await findLocationLinks(ctx.db, rows.map((row) => row.id));
  const opened = await openOwnLocations(ctx, viewerOrgId, links);
  const mayManage = can(ctx.actor, viewerOrgId, 'service.manage');
  return rows.map((row) => presentService(row, links, opened, { 'service.manage': mayManage && row.orgId === viewerOrgId }));
}

/** The deployment's directory as this organisation's member sees it. @throws NOT_FOUND / FORBIDDEN (service.read) */
export async function findDirectoryServices(ctx: TCtx, viewerOrgId: string, query: TServiceListQuery): Promise<TServiceView[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, viewerOrgId, 'service.read');
  const filter: TServiceFilter = { orgId: query.providerOrgId, kind: query.kind, language: query.language, q: query.q, hasCapacity: query.hasCapacity === 'true', limit: query.limit };
  return presentServices(ctx, viewerOrgId, await findServiceRows(ctx.db, filter));
}

/** @throws NOT_FOUND, FORBIDDEN (service.read) */
export async function getDirectoryService(ctx: TCtx, viewerOrgId: string, serviceId: string): Promise<TServiceView> {
  await authorizeInOrganisation(ctx.db, ctx.actor, viewerOrgId, 'service.read');
  const [view] = await presentServices(ctx, viewerOrgId, [await getServiceRow(ctx.db, serviceId)]);
  return view!;
}

/** Everything this organisation lists, confidential details included (it is theirs). */
export async function getOwnDirectory(ctx: TCtx, orgId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.read');
  const organizations = await findDirectoryOrganizations(ctx.db, orgId);
  const locations = await findLocations(ctx.db, orgId);
  const opened = await openOwnLocations(ctx, orgId, locations);
  return {
    organizations: organizations.map(presentDirectoryOrganization),
    locations: locations.map((row) => presentLocation(row, opened.get(row.id) ?? null)),
    services: await presentServices(ctx, orgId, await findServiceRows(ctx.db, { orgId })),
  };
}

export async function createDirectoryOrganization(ctx: TCtx, orgId: string, input: TCreateDirectoryOrganization, externalId: string | null = null): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.manage');
  const now = ctx.now();
  const row = await ctx.db.insertInto('directoryOrganizations').values({ orgId, externalId, ...input, createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('directoryOrganization.created', { orgId, subjectType: 'directoryOrganization', subjectId: row.id, metadata: { directoryOrganizationId: row.id } });
  return row.id;
}

/** The stored columns of a location: a confidential one keeps its details only in the ciphertext. */
export async function locationColumns(ctx: TCtx, orgId: string, locationId: string, input: TCreateLocation) {
  const details: TLocationDetails = { name: input.name, description: input.description, address: input.address, latitude: input.latitude, longitude: input.longitude };
  if (!input.isConfidential) {
    return {
      ...details, address: details.address === null ? null : JSON.stringify(details.address), confidentialCiphertext: null, keyVersion: null,
    };
  }
  const sealed = await sealLocationDetails(ctx.keyring, ctx.db, orgId, locationId, details, ctx.now());
  return { name: null, description: null, address: null, latitude: null, longitude: null, ...sealed };
}

export async function createLocation(ctx: TCtx, orgId: string, input: TCreateLocation, externalId: string | null = null): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.manage');
  await assertOwnDirectoryOrganization(ctx.db, orgId, input.organizationId, 'body.organizationId');
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.insertInto('directoryLocations').values({
    orgId, id, externalId, organizationId: input.organizationId, locationType: input.locationType, isConfidential: input.isConfidential,
    languages: input.languages, ...(await locationColumns(ctx, orgId, id, input)), createdAt: now, updatedAt: now,
  }).execute();
  await ctx.audit.record('directoryLocation.created', { orgId, subjectType: 'directoryLocation', subjectId: id, metadata: { locationId: id, isConfidential: input.isConfidential } });
  return id;
}

/** The stored columns of a service. */
export function serviceColumns(input: TServiceInput) {
  return {
    organizationId: input.organizationId, name: input.name, alternateName: input.alternateName, description: input.description, url: input.url, email: input.email,
    status: input.status, kinds: input.kinds, interpretationServices: input.interpretationServices, applicationProcess: input.applicationProcess,
    feesDescription: input.feesDescription, eligibilityDescription: input.eligibility.description, minimumAge: input.eligibility.minimumAge,
    maximumAge: input.eligibility.maximumAge, eligibleSexes: input.eligibility.sexes, eligibleNationalities: input.eligibility.nationalities,
    languages: input.languages, capacityMaximum: input.capacity.maximum, capacityAvailable: input.capacity.available,
  };
}

export async function createService(ctx: TCtx, orgId: string, input: TServiceInput, externalId: string | null = null): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.manage');
  await assertOwnDirectoryOrganization(ctx.db, orgId, input.organizationId, 'body.organizationId');
  const now = ctx.now();
  const hasCapacity = input.capacity.maximum !== null || input.capacity.available !== null;
  const row = await ctx.db.insertInto('directoryServices').values({
    orgId, externalId, ...serviceColumns(input), capacityUpdatedAt: hasCapacity ? now : null, version: 1, createdAt: now, updatedAt: now,
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('service.created', { orgId, subjectType: 'service', subjectId: row.id, metadata: { serviceId: row.id, kinds: input.kinds } });
  return row.id;
}

/**
 * Replaces a service's description, kinds, eligibility and capacity.
 * @throws NOT_FOUND (another organisation's service), CONFLICT (VERSION_CONFLICT)
 */
export async function updateService(ctx: TCtx, orgId: string, serviceId: string, input: TServiceInput & { expectedVersion: number }): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.manage');
  const before = await getOwnServiceForUpdate(ctx.db, orgId, serviceId);
  if (before.version !== input.expectedVersion) throw new AppError('CONFLICT', 'Someone else changed this service meanwhile. Reload it and try again.', { reason: 'VERSION_CONFLICT' });
  await assertOwnDirectoryOrganization(ctx.db, orgId, input.organizationId, 'body.organizationId');
  const columns = serviceColumns(input);
  const fields = Object.keys(columns).filter((key) => JSON.stringify(columns[key as keyof typeof columns]) !== JSON.stringify(before[key as keyof typeof before]));
  const capacityChanged = fields.includes('capacityMaximum') || fields.includes('capacityAvailable');
  const now = ctx.now();
  await ctx.db.updateTable('directoryServices').set({ ...columns, ...(capacityChanged ? { capacityUpdatedAt: now } : {}), version: before.version + 1, updatedAt: now })
    .where('id', '=', serviceId).execute();
  await ctx.audit.record('service.updated', { orgId, subjectType: 'service', subjectId: serviceId, metadata: { serviceId, fields } });
}

/** Places free right now, updated by the provider as people arrive and leave. */
export async function updateCapacity(ctx: TCtx, orgId: string, serviceId: string, capacity: TCapacity): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.manage');
  const before = await getOwnServiceForUpdate(ctx.db, orgId, serviceId);
  const now = ctx.now();
  await ctx.db.updateTable('directoryServices').set({ capacityMaximum: capacity.maximum, capacityAvailable: capacity.available, capacityUpdatedAt: now, version: before.version + 1, updatedAt: now })
    .where('id', '=', serviceId).execute();
  await ctx.audit.record('service.capacityUpdated', { orgId, subjectType: 'service', subjectId: serviceId, metadata: { serviceId, maximum: capacity.maximum, available: capacity.available } });
}

/** Offers a service at one of the organisation's locations (HSDS service_at_location). */
export async function linkServiceLocation(ctx: TCtx, orgId: string, serviceId: string, input: { locationId: string; description: string | null }): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'service.manage');
  await getOwnServiceForUpdate(ctx.db, orgId, serviceId);
  const location = await ctx.db.selectFrom('directoryLocations').select('id').where('orgId', '=', orgId).where('id', '=', input.locationId).executeTakeFirst();
  if (!location) throw new AppError('VALIDATION_FAILED', 'Unknown location.', { issues: [{ path: 'body.locationId', message: 'No such location in this organisation' }] });
  const row = await ctx.db.insertInto('directoryServiceLocations').values({ orgId, serviceId, locationId: input.locationId, description: input.description, externalId: null, createdAt: ctx.now() })
    .onConflict((conflict) => conflict.columns(['serviceId', 'locationId']).doUpdateSet({ description: input.description }))
    .returning('id').executeTakeFirstOrThrow();
  await ctx.audit.record('service.locationLinked', { orgId, subjectType: 'service', subjectId: serviceId, metadata: { serviceId, locationId: input.locationId, serviceAtLocationId: row.id } });
  return row.id;
}
