import type { FastifyInstance } from 'fastify';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZNoContent, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { ZCaseParams } from '../cases/cases.schemas.ts';
import { changeRetentionPolicy, eraseOnRequest, getLegalHold, getRetentionPolicy, liftLegalHold, placeLegalHold } from './retention.service.ts';
import { ZErasureRequest, ZLegalHold, ZLegalHoldRequest, ZRetentionPolicy } from './retention.schemas.ts';

const BASE = '/api/organisations/:orgId';

export function registerRetentionRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get(`${BASE}/retention-policy`, {
    schema: { tags: ['retention'], summary: 'When identifying data is anonymised after a person\'s cases close', params: ZOrgParams, response: { 200: ZRetentionPolicy, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => getRetentionPolicy(ctx, request.params.orgId)));

  api.put(`${BASE}/retention-policy`, {
    schema: { tags: ['retention'], summary: 'Set the retention rule (null: never anonymise automatically)', params: ZOrgParams, body: ZRetentionPolicy, response: { 200: ZRetentionPolicy, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.configure' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => changeRetentionPolicy(ctx, request.params.orgId, request.body)));

  api.get(`${BASE}/cases/:caseId/legal-hold`, {
    schema: { tags: ['retention'], summary: 'The case\'s legal hold, if any', params: ZCaseParams, response: { 200: ZLegalHold, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => getLegalHold(ctx, request.params.orgId, request.params.caseId)));

  api.put(`${BASE}/cases/:caseId/legal-hold`, {
    schema: { tags: ['retention'], summary: 'Place a legal hold: retention will not anonymise this person', params: ZCaseParams, body: ZLegalHoldRequest, response: { 200: ZLegalHold, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.legalHold' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => placeLegalHold(ctx, request.params.orgId, request.params.caseId, request.body.reason)));

  api.delete(`${BASE}/cases/:caseId/legal-hold`, {
    schema: { tags: ['retention'], summary: 'Lift the legal hold', params: ZCaseParams, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.legalHold' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => liftLegalHold(ctx, request.params.orgId, request.params.caseId));
    return reply.code(204).send(null);
  });

  api.post(`${BASE}/cases/:caseId/erasure`, {
    schema: { tags: ['retention'], summary: 'Erase the person\'s identifying data now (right to erasure); statistics are kept', params: ZCaseParams, body: ZErasureRequest, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'person.erase' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => eraseOnRequest(ctx, request.params.orgId, request.params.caseId, request.body.confirmReference));
    return reply.code(204).send(null);
  });
}
