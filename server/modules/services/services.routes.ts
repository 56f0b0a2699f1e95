import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { HSDS_CSV_LIMITS } from './hsds/hsds-csv-package.ts';
import { exportDirectoryCsv, importDirectoryCsv } from './hsds/hsds-csv.ts';
import { exportDirectory } from './hsds/hsds-export.ts';
import { importDirectory } from './hsds/hsds-import.ts';
import { ZHsdsDirectory, ZHsdsEnvelope } from './hsds/hsds.schemas.ts';
import {
  createDirectoryOrganization, createLocation, createService, findDirectoryServices, getDirectoryService, getOwnDirectory, linkServiceLocation, updateCapacity, updateService,
} from './services.service.ts';
import {
  ZCapacity, ZCreateDirectoryOrganization, ZCreateLocation, ZCreateService, ZExportQuery, ZLinkLocation, ZOwnDirectory, ZServiceListQuery, ZServiceParams, ZServiceView, ZUpdateService,
} from './services.schemas.ts';

const BASE = '/api/organisations/:orgId';
const ZServiceResponse = z.object({ service: ZServiceView });
const ZCreated = z.object({ id: z.string() });
const ZImportSummary = z.object({ organizations: z.number(), services: z.number(), locations: z.number(), serviceAtLocations: z.number(), created: z.number(), updated: z.number() });
/** The ZIP of an HSDS tabular data package, base64 in JSON like every other body of the API. */
const ZHsdsCsvImport = z.strictObject({ zipBase64: z.base64().min(1).max(Math.ceil(HSDS_CSV_LIMITS.zipBytes / 3) * 4) });

export function registerServiceRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get(`${BASE}/services`, {
    schema: { tags: ['services'], summary: 'The service directory of the whole deployment (confidential locations withheld outside their provider)', params: ZOrgParams, querystring: ZServiceListQuery, response: { 200: z.object({ services: z.array(ZServiceView) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.read' } },
  }, async (request) => ({ services: await runUserUseCase(deps, request, (ctx) => findDirectoryServices(ctx, request.params.orgId, request.query)) }));

  api.get(`${BASE}/services/:serviceId`, {
    schema: { tags: ['services'], summary: 'One directory service with its locations', params: ZServiceParams, response: { 200: ZServiceResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.read' } },
  }, async (request) => ({ service: await runUserUseCase(deps, request, (ctx) => getDirectoryService(ctx, request.params.orgId, request.params.serviceId)) }));

  api.post(`${BASE}/services`, {
    schema: { tags: ['services'], summary: 'List a service this organisation provides', params: ZOrgParams, body: ZCreateService, response: { 201: ZServiceResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.manage' } },
  }, async (request, reply) => {
    const service = await runUserUseCase(deps, request, async (ctx) => getDirectoryService(ctx, request.params.orgId, await createService(ctx, request.params.orgId, request.body)));
    return reply.status(201).send({ service });
  });

  api.put(`${BASE}/services/:serviceId`, {
    schema: { tags: ['services'], summary: 'Change a service (kinds, eligibility, languages, capacity)', params: ZServiceParams, body: ZUpdateService, response: { 200: ZServiceResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.manage' } },
  }, async (request) => ({
    service: await runUserUseCase(deps, request, async (ctx) => {
      await updateService(ctx, request.params.orgId, request.params.serviceId, request.body);
      return getDirectoryService(ctx, request.params.orgId, request.params.serviceId);
    }),
  }));

  api.put(`${BASE}/services/:serviceId/capacity`, {
    schema: { tags: ['services'], summary: 'Update the places available', params: ZServiceParams, body: ZCapacity, response: { 200: ZServiceResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.manage' } },
  }, async (request) => ({
    service: await runUserUseCase(deps, request, async (ctx) => {
      await updateCapacity(ctx, request.params.orgId, request.params.serviceId, request.body);
      return getDirectoryService(ctx, request.params.orgId, request.params.serviceId);
    }),
  }));

  api.post(`${BASE}/services/:serviceId/locations`, {
    schema: { tags: ['services'], summary: 'Offer the service at one of the organisation\'s locations (HSDS service_at_location)', params: ZServiceParams, body: ZLinkLocation, response: { 200: ZServiceResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.manage' } },
  }, async (request) => ({
    service: await runUserUseCase(deps, request, async (ctx) => {
      await linkServiceLocation(ctx, request.params.orgId, request.params.serviceId, request.body);
      return getDirectoryService(ctx, request.params.orgId, request.params.serviceId);
    }),
  }));

  api.get(`${BASE}/directory`, {
    schema: { tags: ['services'], summary: 'This organisation\'s own directory entries, confidential details included', params: ZOrgParams, response: { 200: ZOwnDirectory, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => getOwnDirectory(ctx, request.params.orgId)));

  api.post(`${BASE}/directory/organizations`, {
    schema: { tags: ['services'], summary: 'Add a provider organization (HSDS organization) to this organisation\'s directory', params: ZOrgParams, body: ZCreateDirectoryOrganization, response: { 201: ZCreated, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.manage' } },
  }, async (request, reply) => reply.status(201).send({ id: await runUserUseCase(deps, request, (ctx) => createDirectoryOrganization(ctx, request.params.orgId, request.body)) }));

  api.post(`${BASE}/directory/locations`, {
    schema: { tags: ['services'], summary: 'Add a location (a confidential one keeps its details sealed and visible only here)', params: ZOrgParams, body: ZCreateLocation, response: { 201: ZCreated, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.manage' } },
  }, async (request, reply) => reply.status(201).send({ id: await runUserUseCase(deps, request, (ctx) => createLocation(ctx, request.params.orgId, request.body)) }));

  api.get(`${BASE}/directory/export`, {
    schema: { tags: ['services'], summary: 'The directory as an Open Referral HSDS 3.0 document (audited)', params: ZOrgParams, querystring: ZExportQuery, response: { 200: ZHsdsDirectory, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) =>
    exportDirectory(ctx, request.params.orgId, { scope: request.query.scope, includeConfidential: request.query.includeConfidential === 'true' }, ctx.now())));

  api.post(`${BASE}/directory/import`, {
    schema: {
      tags: ['services'], summary: 'Import an HSDS 3.0 document: every problem reported with its path, nothing written unless all is valid', params: ZOrgParams, body: ZHsdsEnvelope,
      response: { 200: ZImportSummary, ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', permission: 'service.manage' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => importDirectory(ctx, request.params.orgId, request.body)));

  api.get(`${BASE}/directory/export/csv`, {
    schema: { tags: ['services'], summary: 'The directory as an Open Referral HSDS 3.0 tabular data package: a ZIP of datapackage.json and one CSV per table (audited)', params: ZOrgParams, querystring: ZExportQuery, response: { ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'service.read' } },
  }, async (request, reply) => {
    const zip = await runUserUseCase(deps, request, (ctx) =>
      exportDirectoryCsv(ctx, request.params.orgId, { scope: request.query.scope, includeConfidential: request.query.includeConfidential === 'true' }, ctx.now()));
    return reply.type('application/zip').header('content-disposition', 'attachment; filename="hsds-directory.zip"').send(Buffer.from(zip) as never);
  });

  api.post(`${BASE}/directory/import/csv`, {
    schema: {
      tags: ['services'], summary: 'Import an HSDS 3.0 tabular data package (ZIP, base64): every problem reported with file, row and column, nothing written unless all is valid',
      params: ZOrgParams, body: ZHsdsCsvImport, response: { 200: ZImportSummary, ...ERROR_RESPONSES },
    },
    // A zipped package of a few hundred providers does not fit the 256 KiB JSON default once in base64.
    bodyLimit: Math.ceil(HSDS_CSV_LIMITS.zipBytes / 3) * 4 + 64 * 1024,
    config: { access: { auth: 'user', permission: 'service.manage' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => importDirectoryCsv(ctx, request.params.orgId, Buffer.from(request.body.zipBase64, 'base64'))));
}
