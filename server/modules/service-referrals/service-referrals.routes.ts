import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TPermission } from '../../../core/authz/permissions.ts';
import type { TCtx } from '../../context.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import {
  ZCaseDelivery, ZCaseParams, ZConsentParams, ZConsentView, ZDeclineReferral, ZDeliveryView, ZEmergencyReferral, ZInboxQuery, ZRecordConsent, ZReferralDelivery,
  ZReferralParams, ZReferralSummary, ZReferralView, ZSendReferral, ZVersionRequest,
} from './service-referrals.schemas.ts';
import { findServiceConsents, recordServiceConsent, withdrawServiceConsent } from './use-cases/consents.ts';
import { findCaseDeliveries, recordCaseDelivery, recordReferralDelivery } from './use-cases/deliveries.ts';
import { findReferrals, loadReferral } from './use-cases/load-referral.ts';
import { acceptReferral, completeReferral, declineReferral, revokeReferral } from './use-cases/respond-referral.ts';
import { sendServiceReferral } from './use-cases/send-referral.ts';

const BASE = '/api/organisations/:orgId';
const CASE = `${BASE}/cases/:caseId`;
const ZReferralResponse = z.object({ referral: ZReferralView });
const ZConsentsResponse = z.object({ consents: z.array(ZConsentView) });

/**
 * One state-changing route on a referral: run the use case, answer with the referral as the
 * viewer now sees it, in the same transaction.
 */
function referralCommand(app: FastifyInstance, deps: TAppDeps, path: string, summary: string, permission: TPermission, params: z.ZodType, body: z.ZodType, status: 200 | 201,
  action: (ctx: TCtx, params: Record<string, string>, body: never) => Promise<string>): void {
  app.route({
    method: 'POST', url: `${BASE}${path}`,
    schema: { tags: ['service-referrals'], summary, params, body, response: { [status]: ZReferralResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission } },
    handler: async (request, reply) => {
      const routeParams = request.params as Record<string, string>;
      const referral = await runUserUseCase(deps, request, async (ctx) => loadReferral(ctx, routeParams.orgId!, await action(ctx, routeParams, request.body as never), permission));
      return reply.status(status as never).send({ referral } as never);
    },
  });
}

export function registerServiceReferralRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get(`${CASE}/service-consents`, {
    schema: { tags: ['service-referrals'], summary: 'Consents to share this case, per receiving organisation and purpose', params: ZCaseParams, response: { 200: ZConsentsResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'serviceReferral.manage' } },
  }, async (request) => ({ consents: await runUserUseCase(deps, request, (ctx) => findServiceConsents(ctx, request.params.orgId, request.params.caseId)) }));

  api.post(`${CASE}/service-consents`, {
    schema: { tags: ['service-referrals'], summary: 'Record consent (or its refusal) to share the case with one organisation, for purposes and field groups', params: ZCaseParams, body: ZRecordConsent, response: { 201: ZConsentsResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'serviceReferral.manage' } },
  }, async (request, reply) => {
    const consents = await runUserUseCase(deps, request, async (ctx) => {
      await recordServiceConsent(ctx, request.params.orgId, request.params.caseId, request.body);
      return findServiceConsents(ctx, request.params.orgId, request.params.caseId);
    });
    return reply.status(201).send({ consents });
  });

  api.post(`${CASE}/service-consents/:consentId/withdrawal`, {
    schema: { tags: ['service-referrals'], summary: 'Withdraw a consent; live referrals relying on it are revoked at once', params: ZConsentParams, body: z.strictObject({}), response: { 200: ZConsentsResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'serviceReferral.manage' } },
  }, async (request) => ({
    consents: await runUserUseCase(deps, request, async (ctx) => {
      await withdrawServiceConsent(ctx, request.params.orgId, request.params.caseId, request.params.consentId);
      return findServiceConsents(ctx, request.params.orgId, request.params.caseId);
    }),
  }));

  referralCommand(app, deps, '/cases/:caseId/service-referrals', 'Refer the case to a service, sharing the chosen field groups (consent required)', 'serviceReferral.manage', ZCaseParams, ZSendReferral, 201,
    (ctx, p, b) => sendServiceReferral(ctx, p.orgId!, p.caseId!, b));
  referralCommand(app, deps, '/cases/:caseId/service-referrals/emergency', 'Emergency referral without consent: written justification, separate permission, audited', 'serviceReferral.override', ZCaseParams, ZEmergencyReferral, 201,
    (ctx, p, b: z.infer<typeof ZEmergencyReferral>) => {
      const { justification, ...referral } = b;
      return sendServiceReferral(ctx, p.orgId!, p.caseId!, referral, { justification });
    });

  api.get(`${BASE}/service-referrals`, {
    schema: { tags: ['service-referrals'], summary: 'Inboxes: shared with me, action needed, sent', params: ZOrgParams, querystring: ZInboxQuery, response: { 200: z.object({ referrals: z.array(ZReferralSummary) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'serviceReferral.manage' } },
  }, async (request) => ({
    referrals: await runUserUseCase(deps, request, (ctx) => findReferrals(ctx, request.params.orgId, request.query.box, { caseId: request.query.caseId, limit: request.query.limit })),
  }));

  api.get(`${BASE}/service-referrals/:referralId`, {
    schema: { tags: ['service-referrals'], summary: 'One referral; the receiver sees exactly the shared field groups (audited)', params: ZReferralParams, response: { 200: ZReferralResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'serviceReferral.manage' } },
  }, async (request) => ({ referral: await runUserUseCase(deps, request, (ctx) => loadReferral(ctx, request.params.orgId, request.params.referralId)) }));

  referralCommand(app, deps, '/service-referrals/:referralId/accept', 'The receiving organisation accepts', 'serviceReferral.manage', ZReferralParams, ZVersionRequest, 200,
    async (ctx, p, b: z.infer<typeof ZVersionRequest>) => { await acceptReferral(ctx, p.orgId!, p.referralId!, b.expectedVersion); return p.referralId!; });
  referralCommand(app, deps, '/service-referrals/:referralId/decline', 'The receiving organisation declines, with a reason', 'serviceReferral.manage', ZReferralParams, ZDeclineReferral, 200,
    async (ctx, p, b: z.infer<typeof ZDeclineReferral>) => { await declineReferral(ctx, p.orgId!, p.referralId!, b); return p.referralId!; });
  referralCommand(app, deps, '/service-referrals/:referralId/complete', 'The receiving organisation has provided the service', 'serviceReferral.manage', ZReferralParams, ZVersionRequest, 200,
    async (ctx, p, b: z.infer<typeof ZVersionRequest>) => { await completeReferral(ctx, p.orgId!, p.referralId!, b.expectedVersion); return p.referralId!; });
  referralCommand(app, deps, '/service-referrals/:referralId/revoke', 'The referrer revokes: the receiver\'s access ends at once', 'serviceReferral.manage', ZReferralParams, ZVersionRequest, 200,
    async (ctx, p, b: z.infer<typeof ZVersionRequest>) => { await revokeReferral(ctx, p.orgId!, p.referralId!, b.expectedVersion); return p.referralId!; });
  referralCommand(app, deps, '/service-referrals/:referralId/deliveries', 'The receiving organisation logs a delivery under an accepted referral', 'serviceReferral.manage', ZReferralParams, ZReferralDelivery, 201,
    (ctx, p, b: z.infer<typeof ZReferralDelivery>) => recordReferralDelivery(ctx, p.orgId!, p.referralId!, b));

  api.get(`${CASE}/deliveries`, {
    schema: { tags: ['service-referrals'], summary: 'The service delivery log of the case (own and referred services)', params: ZCaseParams, response: { 200: z.object({ deliveries: z.array(ZDeliveryView) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => ({ deliveries: await runUserUseCase(deps, request, (ctx) => findCaseDeliveries(ctx, request.params.orgId, request.params.caseId)) }));

  api.post(`${CASE}/deliveries`, {
    schema: { tags: ['service-referrals'], summary: 'Log a service this organisation provided to the person', params: ZCaseParams, body: ZCaseDelivery, response: { 201: z.object({ deliveries: z.array(ZDeliveryView) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'plan.manage' } },
  }, async (request, reply) => {
    const deliveries = await runUserUseCase(deps, request, async (ctx) => {
      await recordCaseDelivery(ctx, request.params.orgId, request.params.caseId, request.body);
      return findCaseDeliveries(ctx, request.params.orgId, request.params.caseId);
    });
    return reply.status(201).send({ deliveries });
  });
}
