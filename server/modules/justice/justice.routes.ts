import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TPermission } from '../../../core/authz/permissions.ts';
import type { TCtx } from '../../context.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { requireUser } from '../../authz/policy.ts';
import { computeFunnel } from './attrition-funnel.ts';
import * as justice from './justice.service.ts';
import {
  ZAddSuspect, ZCharge, ZChargeParams, ZCompensationOrder, ZConfiscation, ZCooperationRequest, ZCourtDecision, ZCreateInvestigation, ZCreateOperation,
  ZFunnelQuery, ZInvestigationDetail, ZInvestigationParams, ZInvestigationStatus, ZInvestigationSummary, ZOperationParams, ZProsecution, ZSentence,
  ZShareOperation, ZSuspectParams, ZVictimLink,
} from './justice.schemas.ts';
import { findInvestigations, loadInvestigation } from './load-investigation.ts';

const BASE = '/api/organisations/:orgId';
const ZInvestigationResponse = z.object({ investigation: ZInvestigationDetail });

/**
 * One state-changing route on the investigation file: run the use case (it returns the
 * investigation it touched) and answer with the file as it now is, in the same transaction.
 */
function investigationCommand(app: FastifyInstance, deps: TAppDeps, url: string, params: z.ZodType, body: z.ZodType, summary: string, permission: TPermission,
  action: (ctx: TCtx, params: Record<string, string>, body: never) => Promise<string>): void {
  app.route({
    method: 'POST', url: `${BASE}${url}`,
    schema: { tags: ['justice'], summary, params, body, response: { 201: ZInvestigationResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission } },
    handler: async (request, reply) => {
      const routeParams = request.params as Record<string, string>;
      const investigation = await runUserUseCase(deps, request, async (ctx) => {
        const investigationId = await action(ctx, routeParams, request.body as never);
        return loadInvestigation(ctx, routeParams.orgId!, investigationId);
      });
      return reply.status(201 as never).send({ investigation } as never);
    },
  });
}

export function registerJusticeRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.post(`${BASE}/operations`, {
    schema: { tags: ['justice'], summary: 'Open an operation: one trafficking activity or network', params: ZOrgParams, body: ZCreateOperation, response: { 201: z.object({ operation: z.object({ id: z.string() }) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'investigation.manage' } },
  }, async (request, reply) => {
    const id = await runUserUseCase(deps, request, (ctx) => justice.createOperation(ctx, request.params.orgId, request.body));
    return reply.status(201).send({ operation: { id } });
  });

  api.get(`${BASE}/operations`, {
    schema: {
      tags: ['justice'], summary: 'Operations with how many investigations, suspects and linked victims concern each', params: ZOrgParams,
      response: { 200: z.object({ operations: z.array(z.object({ id: z.string(), codeName: z.string(), countries: z.array(z.string()), openedOn: z.string(), investigations: z.number(), suspects: z.number(), victims: z.number() })) }), ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', permission: 'investigation.read' } },
  }, async (request) => runUserUseCase(deps, request, async (ctx) => {
    await authorizeInOrganisation(ctx.db, ctx.actor, request.params.orgId, 'investigation.read');
    const rows = await ctx.db.selectFrom('operations').select((eb) => [
      'operations.id', 'operations.codeName', 'operations.countries', 'operations.openedOn',
      eb.selectFrom('investigations').whereRef('investigations.operationId', '=', 'operations.id').select((e) => e.fn.countAll<number>().as('n')).as('investigations'),
      eb.selectFrom('suspects').innerJoin('investigations', 'investigations.id', 'suspects.investigationId').whereRef('investigations.operationId', '=', 'operations.id').select((e) => e.fn.countAll<number>().as('n')).as('suspects'),
      eb.selectFrom('victimLinks').innerJoin('investigations', 'investigations.id', 'victimLinks.investigationId').whereRef('investigations.operationId', '=', 'operations.id').select((e) => e.fn.count<number>('victimLinks.caseId').distinct().as('n')).as('victims'),
    ]).where('operations.orgId', '=', request.params.orgId).orderBy('operations.openedOn', 'desc').execute();
    return { operations: rows.map((row) => ({ ...row, investigations: Number(row.investigations ?? 0), suspects: Number(row.suspects ?? 0), victims: Number(row.victims ?? 0) })) };
  }));

  api.post(`${BASE}/operations/:operationId/shares`, {
    schema: { tags: ['justice'], summary: 'Share an operation (and its investigations) with another organisation; audited', params: ZOperationParams, body: ZShareOperation, response: { 204: z.null(), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'investigation.manage' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => justice.shareOperation(ctx, request.params.orgId, request.params.operationId, request.body.organisationId));
    return reply.status(204).send(null);
  });

  api.get(`${BASE}/investigations`, {
    schema: { tags: ['justice'], summary: 'Investigations of the organisation and those shared with it', params: ZOrgParams, response: { 200: z.object({ investigations: z.array(ZInvestigationSummary) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'investigation.read' } },
  }, async (request) => ({ investigations: await runUserUseCase(deps, request, (ctx) => findInvestigations(ctx, request.params.orgId)) }));

  api.get(`${BASE}/investigations/:investigationId`, {
    schema: { tags: ['justice'], summary: 'The investigation file (suspect names only for those who manage it; audited)', params: ZInvestigationParams, response: { 200: ZInvestigationResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'investigation.read' } },
  }, async (request) => ({ investigation: await runUserUseCase(deps, request, (ctx) => loadInvestigation(ctx, request.params.orgId, request.params.investigationId)) }));

  api.get(`${BASE}/justice/funnel`, {
    schema: {
      tags: ['justice'], summary: 'Attrition funnel in persons, by cohort (year investigations opened) or period (calendar year)', params: ZOrgParams, querystring: ZFunnelQuery,
      response: {
        200: z.object({
          mode: z.enum(['cohort', 'period']), groupBy: z.enum(['none', 'exploitationForm', 'sex']),
          rows: z.array(z.object({ year: z.number(), group: z.string().nullable(), suspects: z.number(), charged: z.number(), prosecuted: z.number(), convictedTrafficking: z.number(), convictedOtherOnly: z.number(), custodial: z.number() })),
          medianDays: z.object({ identifiedToCharge: z.number().nullable(), chargeToProsecution: z.number().nullable(), prosecutionToConviction: z.number().nullable(), convictionToCustody: z.number().nullable() }),
        }),
        ...ERROR_RESPONSES,
      },
    },
    config: { access: { auth: 'user', permission: 'investigation.read' } },
  }, async (request) => {
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), request.params.orgId, 'investigation.read');
    return computeFunnel(deps.database.db, request.params.orgId, request.query.mode, request.query.groupBy);
  });

  app.route({
    method: 'POST', url: `${BASE}/investigations`,
    schema: { tags: ['justice'], summary: 'Open an investigation', params: ZOrgParams, body: ZCreateInvestigation, response: { 201: ZInvestigationResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'investigation.manage' } },
    handler: async (request, reply) => {
      const { orgId } = request.params as { orgId: string };
      const investigation = await runUserUseCase(deps, request, async (ctx) => loadInvestigation(ctx, orgId, await justice.openInvestigation(ctx, orgId, request.body as never)));
      return reply.status(201 as never).send({ investigation } as never);
    },
  });
  investigationCommand(app, deps, '/investigations/:investigationId/status', ZInvestigationParams, ZInvestigationStatus, 'Change the investigation\'s status', 'investigation.manage',
    (ctx, p, b) => justice.changeInvestigationStatus(ctx, p.orgId!, p.investigationId!, b));
  investigationCommand(app, deps, '/investigations/:investigationId/cooperation-requests', ZInvestigationParams, ZCooperationRequest, 'Record a mutual legal assistance, extradition or JIT request', 'investigation.manage',
    (ctx, p, b) => justice.addCooperationRequest(ctx, p.orgId!, p.investigationId!, b));
  investigationCommand(app, deps, '/investigations/:investigationId/suspects', ZInvestigationParams, ZAddSuspect, 'Add a suspect (identity encrypted)', 'investigation.manage',
    (ctx, p, b) => justice.addSuspect(ctx, p.orgId!, p.investigationId!, b));
  investigationCommand(app, deps, '/investigations/:investigationId/confiscations', ZInvestigationParams, ZConfiscation, 'Record an asset freeze or confiscation', 'investigation.read',
    (ctx, p, b) => justice.recordConfiscation(ctx, p.orgId!, p.investigationId!, b));
  investigationCommand(app, deps, '/investigations/:investigationId/victim-links', ZInvestigationParams, ZVictimLink, 'Link a victim\'s NRM case as victim or witness (need to know)', 'investigation.manage',
    (ctx, p, b) => justice.linkVictim(ctx, p.orgId!, p.investigationId!, b));
  investigationCommand(app, deps, '/suspects/:suspectId/charges', ZSuspectParams, ZCharge, 'Charge a suspect (trafficking, a lesser related offence, or other)', 'investigation.read',
    (ctx, p, b) => justice.fileCharge(ctx, p.orgId!, p.suspectId!, b));
  investigationCommand(app, deps, '/suspects/:suspectId/prosecutions', ZSuspectParams, ZProsecution, 'Start a prosecution', 'investigation.read',
    (ctx, p, b) => justice.startProsecution(ctx, p.orgId!, p.suspectId!, b));
  investigationCommand(app, deps, '/suspects/:suspectId/sentences', ZSuspectParams, ZSentence, 'Record a sentence', 'investigation.read',
    (ctx, p, b) => justice.recordSentence(ctx, p.orgId!, p.suspectId!, b));
  investigationCommand(app, deps, '/suspects/:suspectId/compensation-orders', ZSuspectParams, ZCompensationOrder, 'Record a compensation order to a victim', 'investigation.read',
    (ctx, p, b) => justice.recordCompensationOrder(ctx, p.orgId!, p.suspectId!, b));
  investigationCommand(app, deps, '/charges/:chargeId/decisions', ZChargeParams, ZCourtDecision, 'Record a court decision on a charge (appeals included)', 'investigation.read',
    (ctx, p, b) => justice.recordCourtDecision(ctx, p.orgId!, p.chargeId!, b));
}
