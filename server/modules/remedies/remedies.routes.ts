import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { changeClaimStatus, findClaims, openClaim, recordMoneyEntry } from './remedies.service.ts';
import { ZCaseParams, ZClaimParams, ZClaimStatusChange, ZClaimView, ZMoneyEntry, ZOpenClaim } from './remedies.schemas.ts';

const BASE = '/api/organisations/:orgId';
const ZClaimsResponse = z.object({ claims: z.array(ZClaimView) });

export function registerRemedyRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get(`${BASE}/cases/:caseId/remedies`, {
    schema: { tags: ['remedies'], summary: 'Compensation claims of the case with awards, payments and what is still owed', params: ZCaseParams, response: { 200: ZClaimsResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => ({ claims: await runUserUseCase(deps, request, (ctx) => findClaims(ctx, request.params.orgId, request.params.caseId)) }));

  api.post(`${BASE}/cases/:caseId/remedies`, {
    schema: { tags: ['remedies'], summary: 'Open a compensation claim (criminal court, civil, state fund, employment / unpaid wages)', params: ZCaseParams, body: ZOpenClaim, response: { 201: ZClaimsResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'plan.manage' } },
  }, async (request, reply) => {
    const claims = await runUserUseCase(deps, request, async (ctx) => {
      await openClaim(ctx, request.params.orgId, request.params.caseId, request.body);
      return findClaims(ctx, request.params.orgId, request.params.caseId);
    });
    return reply.status(201).send({ claims });
  });

  api.post(`${BASE}/remedies/:claimId/status`, {
    schema: { tags: ['remedies'], summary: 'Move a claim along: filed, rejected, withdrawn, closed', params: ZClaimParams, body: ZClaimStatusChange, response: { 200: ZClaimsResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'plan.manage' } },
  }, async (request) => ({
    claims: await runUserUseCase(deps, request, async (ctx) => findClaims(ctx, request.params.orgId, await changeClaimStatus(ctx, request.params.orgId, request.params.claimId, request.body))),
  }));

  for (const kind of ['award', 'payment'] as const) {
    api.post(`${BASE}/remedies/:claimId/${kind}s`, {
      schema: { tags: ['remedies'], summary: kind === 'award' ? 'Record an award on the claim' : 'Record a payment actually received', params: ZClaimParams, body: ZMoneyEntry, response: { 201: ZClaimsResponse, ...ERROR_RESPONSES } },
      config: { access: { auth: 'user', permission: 'plan.manage' } },
    }, async (request, reply) => {
      const claims = await runUserUseCase(deps, request, async (ctx) => findClaims(ctx, request.params.orgId, await recordMoneyEntry(ctx, request.params.orgId, request.params.claimId, kind, request.body)));
      return reply.status(201).send({ claims });
    });
  }
}
