import { sql } from 'kysely';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TDb, TTx } from '../../db/database.ts';
import type { TDirectoryLocationRow, TDirectoryOrganizationRow, TDirectoryServiceRow } from '../../db/schema/protection.ts';

/** A directory service with the names of its provider (Palermo organisation) and HSDS organization. */
export type TServiceWithNames = TDirectoryServiceRow & { providerOrgName: string; organizationName: string };
export type TServiceLocationLink = TDirectoryLocationRow & { serviceAtLocationId: string; serviceId: string; serviceAtLocationDescription: string | null };

export interface TServiceFilter {
  ids?: readonly string[];
  orgId?: string | undefined;
  kind?: string | undefined;
  language?: string | undefined;
  q?: string | undefined;
  hasCapacity?: boolean | undefined;
  limit?: number;
}

/**
 * Directory services of every organisation (the directory is shared by the deployment), filtered.
 * Confidentiality concerns locations only: services themselves are readable by every member.
 */
export function findServiceRows(db: TDb | TTx, filter: TServiceFilter): Promise<TServiceWithNames[]> {
  let query = db.selectFrom('directoryServices')
    .innerJoin('organisations', 'organisations.id', 'directoryServices.orgId')
    .innerJoin('directoryOrganizations', 'directoryOrganizations.id', 'directoryServices.organizationId')
    .selectAll('directoryServices')
    .select(['organisations.name as providerOrgName', 'directoryOrganizations.name as organizationName'])
    .orderBy('directoryServices.name').orderBy('directoryServices.id');
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    query = query.where('directoryServices.id', 'in', filter.ids);
  }
  if (filter.orgId) query = query.where('directoryServices.orgId', '=', filter.orgId);
  if (filter.kind) query = query.where(sql<boolean>`directory_services.kinds @> array[${filter.kind}]::text[]`);
  if (filter.language) query = query.where(sql<boolean>`directory_services.languages @> array[${filter.language}]::text[]`);
  if (filter.q) query = query.where(sql<boolean>`(directory_services.name ilike ${`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or directory_organizations.name ilike ${`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`);
  if (filter.hasCapacity) query = query.where('directoryServices.capacityAvailable', '>', 0);
  if (filter.limit) query = query.limit(filter.limit);
  return query.execute();
}

/** One service, from any organisation. @throws NOT_FOUND */
export async function getServiceRow(db: TDb | TTx, serviceId: string): Promise<TServiceWithNames> {
  const [row] = await findServiceRows(db, { ids: [serviceId] });
  if (!row) throw new AppError('NOT_FOUND', 'Service not found.');
  return row;
}

/** A service of this organisation, for a change. @throws NOT_FOUND (also for another organisation's) */
export async function getOwnServiceForUpdate(tx: TTx, orgId: string, serviceId: string): Promise<TDirectoryServiceRow> {
  const row = await tx.selectFrom('directoryServices').selectAll().where('orgId', '=', orgId).where('id', '=', serviceId).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Service not found.');
  return row;
}

export function findLocationLinks(db: TDb | TTx, serviceIds: readonly string[]): Promise<TServiceLocationLink[]> {
  if (serviceIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('directoryServiceLocations')
    .innerJoin('directoryLocations', 'directoryLocations.id', 'directoryServiceLocations.locationId')
    .selectAll('directoryLocations')
    .select(['directoryServiceLocations.id as serviceAtLocationId', 'directoryServiceLocations.serviceId', 'directoryServiceLocations.description as serviceAtLocationDescription'])
    .where('directoryServiceLocations.serviceId', 'in', serviceIds)
    .orderBy('directoryServiceLocations.createdAt').orderBy('directoryServiceLocations.id')
    .execute();
}

export function findDirectoryOrganizations(db: TDb | TTx, orgId: string | null): Promise<TDirectoryOrganizationRow[]> {
  let query = db.selectFrom('directoryOrganizations').selectAll().orderBy('name').orderBy('id');
  if (orgId) query = query.where('orgId', '=', orgId);
  return query.execute();
}

export function findLocations(db: TDb | TTx, orgId: string | null): Promise<TDirectoryLocationRow[]> {
  let query = db.selectFrom('directoryLocations').selectAll().orderBy('createdAt').orderBy('id');
  if (orgId) query = query.where('orgId', '=', orgId);
  return query.execute();
}

/** @throws VALIDATION_FAILED when the HSDS organization is not one of this organisation's */
export async function assertOwnDirectoryOrganization(db: TDb | TTx, orgId: string, organizationId: string, path: string): Promise<void> {
  const row = await db.selectFrom('directoryOrganizations').select('id').where('orgId', '=', orgId).where('id', '=', organizationId).executeTakeFirst();
  if (!row) throw new AppError('VALIDATION_FAILED', 'Unknown provider organization.', { issues: [{ path, message: 'No such directory organization in this organisation' }] });
}
