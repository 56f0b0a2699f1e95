import type { FastifyInstance } from 'fastify';
import { NOT_RECORDED_LABELS } from '../../../core/metrics/index.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { zodApp } from '../../http/route-helpers.ts';
import { requireUser } from '../../authz/policy.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { runStatsQuery } from './stats.service.ts';
import { presentMetricCatalog, ZMetricCatalog, ZStatsQueryRequest, ZStatsQueryResult } from './stats.schemas.ts';
import { createWorkerTableProtector } from './table-protector.ts';

export function registerStatsRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  // One worker per app, started on the first query, stopped with the app.
  const protector = createWorkerTableProtector();
  app.addHook('onClose', () => protector.close());

  api.get('/api/organisations/:orgId/stats/metrics', {
    schema: { tags: ['stats'], summary: 'The metric catalog: metrics, dimensions and categories with labels in en/fr/es/ar', params: ZOrgParams, response: { 200: ZMetricCatalog, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request) => {
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), request.params.orgId, 'stats.read');
    return presentMetricCatalog(NOT_RECORDED_LABELS);
  });

  api.post('/api/organisations/:orgId/stats/query', {
    schema: {
      tags: ['stats'],
      summary: 'A metric by up to two dimensions over the organisation\'s data (scope national: every organisation, needs stats.readNational); every cell and total passes small-cell suppression (threshold 11) with secondary suppression; rates per 100,000 are computed from the protected counts',
      params: ZOrgParams, body: ZStatsQueryRequest, response: { 200: ZStatsQueryResult, ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request) => runStatsQuery({ db: deps.database.db, protector }, requireUser(request.actor), request.params.orgId, request.body));
}
