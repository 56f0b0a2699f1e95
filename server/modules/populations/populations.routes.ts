import type { FastifyInstance } from 'fastify';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { requireUser } from '../../authz/policy.ts';
import { assertCanImportPopulations, assertCanReadPopulations } from './populations.policy.ts';
import { findPopulationImports, findPopulationPage } from './populations.repo.ts';
import { presentPopulationDenominator, presentPopulationImport } from './populations.presenter.ts';
import {
  IMPORT_LIST_LIMIT,
  POPULATION_UPLOAD_BODY_LIMIT_BYTES,
  ZPopulationImportList,
  ZPopulationImportReport,
  ZPopulationImportRequest,
  ZPopulationList,
  ZPopulationListQuery,
} from './populations.schemas.ts';
import { checkPopulationFile, importPopulations } from './use-cases/import-populations.ts';

export function registerPopulationRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.post('/api/populations/imports', {
    schema: {
      tags: ['populations'],
      summary: 'Import population denominators from CSV (platform administrators): every row checked, any problem → 422 and nothing written; dry run reports what would change',
      body: ZPopulationImportRequest, response: { 200: ZPopulationImportReport, 201: ZPopulationImportReport, ...ERROR_RESPONSES },
    },
    bodyLimit: POPULATION_UPLOAD_BODY_LIMIT_BYTES,
    config: { access: { auth: 'user', platformAdmin: true } },
  }, async (request, reply) => {
    // Authorise before spending CPU on the file.
    assertCanImportPopulations(requireUser(request.actor));
    const { fileName, csv, dryRun, sourceNote } = request.body;
    const file = checkPopulationFile(fileName, csv);
    const report = await runUserUseCase(deps, request, (ctx) => importPopulations(ctx, file, { isDryRun: dryRun, sourceNote: sourceNote ?? null }));
    return reply.status(dryRun ? 200 : 201).send(report);
  });

  api.get('/api/populations', {
    schema: { tags: ['populations'], summary: 'Stored population denominators, filtered by country and year, one page at a time', querystring: ZPopulationListQuery, response: { 200: ZPopulationList, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request) => {
    assertCanReadPopulations(requireUser(request.actor));
    const { country, year, offset, limit } = request.query;
    const page = await findPopulationPage(deps.database.db, { countryCode: country, year, offset, limit });
    return { denominators: page.rows.map(presentPopulationDenominator), total: page.total, offset, limit };
  });

  api.get('/api/populations/imports', {
    schema: { tags: ['populations'], summary: 'Population imports, newest first', response: { 200: ZPopulationImportList, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request) => {
    assertCanReadPopulations(requireUser(request.actor));
    return { imports: (await findPopulationImports(deps.database.db, IMPORT_LIST_LIMIT)).map(presentPopulationImport) };
  });
}
