import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.ts';
import { ZScreeningInput, ZScreeningResult } from '../../../core/screening/schemas.ts';
import type { TPermission } from '../../../core/authz/permissions.ts';
import type { TCtx } from '../../context.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import {
  ZAgeAssessmentRequest, ZBestInterestsRequest, ZCaseDetailQuery, ZCaseListQuery, ZCaseParams, ZCaseResponse, ZCaseSummary, ZClosureRequest,
  ZConsentRequest, ZCreateCaseRequest, ZDecisionRequest, ZGuardianRequest, ZLeadRequest, ZProtection, ZReconsiderationRequest, ZVersionRequest,
} from './cases.schemas.ts';
import { assignChildProtectionLead, recordAgeAssessment, recordBestInterestsDetermination, recordGuardian } from './use-cases/child-protection.ts';
import { createCase } from './use-cases/create-case.ts';
import { recordDecision, requestReconsideration } from './use-cases/decide-case.ts';
import { closeCase, withdrawCase } from './use-cases/end-case.ts';
import { caseTimeline, findCases } from './use-cases/find-cases.ts';
import { loadCaseDetail } from './use-cases/load-case.ts';
import { recordConsent, referCase } from './use-cases/refer-case.ts';
import { recordScreening } from './use-cases/record-screening.ts';
import { updateProtection } from './use-cases/update-protection.ts';

const CASE_URL = '/api/organisations/:orgId/cases/:caseId';
const ZTimeline = z.object({ events: z.array(z.object({ seq: z.number().int(), action: z.string(), actorLabel: z.string().nullable(), createdAt: z.string(), metadata: z.record(z.string(), z.unknown()) })) });

type TCaseAction<B> = (ctx: TCtx, orgId: string, caseId: string, body: B) => Promise<unknown>;

/**
 * Registers one state-changing case route: run the use case and return the case as it now is,
 * in the same transaction (so the answer is exactly what was committed).
 */
function caseCommand<S extends z.ZodType>(app: FastifyInstance, deps: TAppDeps, method: 'post' | 'put', path: string, summary: string, permission: TPermission, body: S, action: TCaseAction<z.infer<S>>, status: 200 | 201 = 200): void {
  // The plain (not zod-typed) route API: one helper serves routes whose status and body differ;
  // validation and serialisation still run through the zod compilers.
  app.route({
    method: method === 'post' ? 'POST' : 'PUT',
    url: `${CASE_URL}${path}`,
    schema: { tags: ['cases'], summary, params: ZCaseParams, body, response: { [status]: ZCaseResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission } },
    handler: async (request, reply) => {
    const { orgId, caseId } = request.params as z.infer<typeof ZCaseParams>;
    const detail = await runUserUseCase(deps, request, async (ctx) => {
      await action(ctx, orgId, caseId, request.body as z.infer<S>);
      return loadCaseDetail(ctx, orgId, caseId, 'case_action');
    });
    return reply.status(status as never).send({ case: detail } as never);
    },
  });
}

export function registerCaseRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.post('/api/organisations/:orgId/cases', {
    schema: { tags: ['cases'], summary: 'Register a person and open a draft NRM case', params: ZOrgParams, body: ZCreateCaseRequest, response: { 201: ZCaseResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.create' } },
  }, async (request, reply) => {
    const detail = await runUserUseCase(deps, request, async (ctx) => {
      const caseId = await createCase(ctx, request.params.orgId, request.body);
      return loadCaseDetail(ctx, request.params.orgId, caseId, 'case_action');
    });
    return reply.status(201).send({ case: detail });
  });

  api.get('/api/organisations/:orgId/cases', {
    schema: { tags: ['cases'], summary: 'Cases of the organisation (names only with identity access)', params: ZOrgParams, querystring: ZCaseListQuery, response: { 200: z.object({ cases: z.array(ZCaseSummary) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => {
    const { status, q, overdue, limit } = request.query;
    const cases = await runUserUseCase(deps, request, (ctx) => findCases(ctx, request.params.orgId, { status, q, overdue: overdue === 'true', limit }));
    return { cases };
  });

  api.get(CASE_URL, {
    schema: { tags: ['cases'], summary: 'One case with its clock, screenings, decisions and allowed actions (identity reads are audited, with ?purpose= when the security policy requires one)', params: ZCaseParams, querystring: ZCaseDetailQuery, response: { 200: ZCaseResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => ({ case: await runUserUseCase(deps, request, (ctx) => loadCaseDetail(ctx, request.params.orgId, request.params.caseId, 'case_view', request.query.purpose)) }));

  api.get(`${CASE_URL}/timeline`, {
    schema: { tags: ['cases'], summary: 'Everything that happened to the case, from the audit log', params: ZCaseParams, response: { 200: ZTimeline, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => {
    const events = await runUserUseCase(deps, request, (ctx) => caseTimeline(ctx, request.params.orgId, request.params.caseId));
    if (!events) throw new AppError('NOT_FOUND', 'Case not found.');
    return { events };
  });

  api.post(`${CASE_URL}/screenings`, {
    schema: { tags: ['cases'], summary: 'Screen against the ILO/EC indicators (the result is a recommendation)', params: ZCaseParams, body: ZScreeningInput, response: { 201: z.object({ screening: z.object({ id: z.string(), result: ZScreeningResult }) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'screening.record' } },
  }, async (request, reply) => {
    const screening = await runUserUseCase(deps, request, (ctx) => recordScreening(ctx, request.params.orgId, request.params.caseId, request.body));
    return reply.status(201).send({ screening });
  });

  caseCommand(app, deps, 'post', '/consent', 'Record informed consent (or its refusal) to an NRM referral', 'case.refer', ZConsentRequest, (ctx, o, c, b) => recordConsent(ctx, o, c, b), 201);
  caseCommand(app, deps, 'post', '/referral', 'Submit the referral into the NRM', 'case.refer', ZVersionRequest, (ctx, o, c, b) => referCase(ctx, o, c, b.expectedVersion));
  caseCommand(app, deps, 'post', '/decisions', 'Record a reasonable- or conclusive-grounds decision with reasons', 'decision.record', ZDecisionRequest, (ctx, o, c, b) => recordDecision(ctx, o, c, b), 201);
  caseCommand(app, deps, 'post', '/reconsideration', 'Request reconsideration of a negative decision', 'decision.record', ZReconsiderationRequest, (ctx, o, c, b) => requestReconsideration(ctx, o, c, b));
  caseCommand(app, deps, 'post', '/withdrawal', 'The person withdraws from the NRM', 'case.refer', ZVersionRequest, (ctx, o, c, b) => withdrawCase(ctx, o, c, b.expectedVersion));
  caseCommand(app, deps, 'post', '/closure', 'Close the case with a reason', 'case.close', ZClosureRequest, (ctx, o, c, b) => closeCase(ctx, o, c, b));
  caseCommand(app, deps, 'put', '/child-protection/lead', 'Assign the child-protection lead', 'child.manage', ZLeadRequest, (ctx, o, c, b) => assignChildProtectionLead(ctx, o, c, b.userId));
  caseCommand(app, deps, 'post', '/child-protection/age-assessment', 'Record an age assessment', 'child.manage', ZAgeAssessmentRequest, (ctx, o, c, b) => recordAgeAssessment(ctx, o, c, b.outcome));
  caseCommand(app, deps, 'put', '/child-protection/guardian', 'Record the guardian\'s appointment', 'child.manage', ZGuardianRequest, (ctx, o, c, b) => recordGuardian(ctx, o, c, b));
  caseCommand(app, deps, 'post', '/child-protection/best-interests-determination', 'Record the best-interests determination', 'child.manage', ZBestInterestsRequest, (ctx, o, c, b) => recordBestInterestsDetermination(ctx, o, c, b));
  caseCommand(app, deps, 'put', '/protection', 'Record non-punishment, residence/asylum and protection needs', 'case.refer', ZProtection, (ctx, o, c, b) => updateProtection(ctx, o, c, b));
}
