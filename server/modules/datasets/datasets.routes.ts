import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { requireUser } from '../../authz/policy.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { sliceText } from './ctdc-upload.ts';
import { findImportRun, findImportRuns } from './datasets.repo.ts';
import { deleteCtdcImport, importCtdcFile } from './datasets.service.ts';
import {
  CTDC_UPLOAD_BODY_LIMIT_BYTES,
  IMPORT_RUN_LIST_LIMIT,
  presentImportRun,
  presentImportRunSummary,
  ZCtdcImportRequest,
  ZImportRunList,
  ZImportRunParams,
  ZImportRunResponse,
} from './datasets.schemas.ts';

const BASE = '/api/organisations/:orgId/datasets/ctdc-imports';

export function registerDatasetRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.post(BASE, {
    schema: {
      tags: ['datasets'],
      summary: 'Import a CTDC file (K-anonymized 2021, Global Dataset 2017-2020, synthetic 2024): every row validated; dry run; partial only when asked',
      params: ZOrgParams, body: ZCtdcImportRequest, response: { 201: ZImportRunResponse, ...ERROR_RESPONSES },
    },
    bodyLimit: CTDC_UPLOAD_BODY_LIMIT_BYTES,
    config: { access: { auth: 'user', permission: 'dataset.import' } },
  }, async (request, reply) => {
    const { orgId } = request.params;
    // Authorise before spending seconds of CPU on someone else's upload.
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), orgId, 'dataset.import');
    const { fileName, csv, dryRun, allowPartial } = request.body;
    const run = await importCtdcFile((work) => runUserUseCase(deps, request, work), deps.clock, orgId, {
      fileName, chunks: sliceText(csv), totalChars: csv.length, isDryRun: dryRun, isPartialAllowed: allowPartial,
    });
    return reply.status(201).send({ run: presentImportRun(run) });
  });

  api.get(BASE, {
    schema: { tags: ['datasets'], summary: 'The organisation\'s CTDC imports, newest first (summaries, no cell values)', params: ZOrgParams, response: { 200: ZImportRunList, ...ERROR_RESPONSES } },
    // Analysts and coordinators choose datasets for statistics; the reports with cell values need dataset.import.
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request) => {
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), request.params.orgId, 'stats.read');
    const runs = await findImportRuns(deps.database.db, request.params.orgId, IMPORT_RUN_LIST_LIMIT);
    return { runs: runs.map(presentImportRunSummary) };
  });

  api.get(`${BASE}/:runId`, {
    schema: { tags: ['datasets'], summary: 'One CTDC import with its report: every problem by row and column', params: ZImportRunParams, response: { 200: ZImportRunResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'dataset.import' } },
  }, async (request) => {
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), request.params.orgId, 'dataset.import');
    const run = await findImportRun(deps.database.db, request.params.orgId, request.params.runId);
    if (!run) throw new AppError('NOT_FOUND', 'Import not found.');
    return { run: presentImportRun(run) };
  });

  api.delete(`${BASE}/:runId`, {
    schema: { tags: ['datasets'], summary: 'Remove an import\'s records (the run stays in the history as deleted)', params: ZImportRunParams, response: { 200: ZImportRunResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'dataset.import' } },
  }, async (request) => {
    const run = await runUserUseCase(deps, request, (ctx) => deleteCtdcImport(ctx, request.params.orgId, request.params.runId));
    return { run: presentImportRun(run) };
  });
}
