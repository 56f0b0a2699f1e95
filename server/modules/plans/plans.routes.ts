import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { findGoalOwnerCandidates } from './goal-owners.ts';
import { changePlanSettings, findPlanVersions, getPlanSettings, loadPlan, reviewPlanVersion, savePlanVersion } from './plans.service.ts';
import { ZCaseParams, ZGoalOwnerCandidates, ZPlanResponse, ZPlanSettings, ZPlanVersionView, ZReviewPlan, ZSavePlan, ZVersionParams } from './plans.schemas.ts';

const BASE = '/api/organisations/:orgId';
const PLAN = `${BASE}/cases/:caseId/plan`;

export function registerPlanRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get(`${BASE}/plan-settings`, {
    schema: { tags: ['plans'], summary: 'Whether recovery plans need a supervisor\'s approval here', params: ZOrgParams, response: { 200: ZPlanSettings, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => getPlanSettings(ctx, request.params.orgId)));

  api.put(`${BASE}/plan-settings`, {
    schema: { tags: ['plans'], summary: 'Require (or stop requiring) supervisor approval of plans', params: ZOrgParams, body: ZPlanSettings, response: { 200: ZPlanSettings, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.configure' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => changePlanSettings(ctx, request.params.orgId, request.body)));

  api.get(`${BASE}/plan-goal-owners`, {
    schema: { tags: ['plans'], summary: 'Members who can be named as a goal\'s owner (names only)', params: ZOrgParams, response: { 200: ZGoalOwnerCandidates, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'plan.manage' } },
  }, async (request) => ({ owners: await runUserUseCase(deps, request, (ctx) => findGoalOwnerCandidates(ctx, request.params.orgId)) }));

  api.get(PLAN, {
    schema: { tags: ['plans'], summary: 'The recovery and social-inclusion plan of the case (latest version; the read is audited)', params: ZCaseParams, response: { 200: ZPlanResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => loadPlan(ctx, request.params.orgId, request.params.caseId, { audit: true })));

  api.put(PLAN, {
    schema: { tags: ['plans'], summary: 'Save the plan as a new version (needs, goals in the survivor\'s chosen domains and words)', params: ZCaseParams, body: ZSavePlan, response: { 200: ZPlanResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'plan.manage' } },
  }, async (request) => runUserUseCase(deps, request, async (ctx) => {
    await savePlanVersion(ctx, request.params.orgId, request.params.caseId, request.body);
    return loadPlan(ctx, request.params.orgId, request.params.caseId);
  }));

  api.get(`${PLAN}/versions`, {
    schema: { tags: ['plans'], summary: 'Plan history: every version, newest first (the read is audited)', params: ZCaseParams, response: { 200: z.object({ versions: z.array(ZPlanVersionView) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => ({ versions: await runUserUseCase(deps, request, (ctx) => findPlanVersions(ctx, request.params.orgId, request.params.caseId)) }));

  api.post(`${PLAN}/versions/:version/review`, {
    schema: { tags: ['plans'], summary: 'A supervisor approves the latest version or returns it', params: ZVersionParams, body: ZReviewPlan, response: { 200: ZPlanResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'plan.approve' } },
  }, async (request) => runUserUseCase(deps, request, async (ctx) => {
    await reviewPlanVersion(ctx, request.params.orgId, request.params.caseId, request.params.version, request.body.decision);
    return loadPlan(ctx, request.params.orgId, request.params.caseId);
  }));
}
