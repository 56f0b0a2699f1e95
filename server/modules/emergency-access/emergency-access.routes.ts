import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZNoContent, ZUuid } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { endEmergencyAccess, findEmergencyAccessOfCase, requestEmergencyAccess } from './emergency-access.service.ts';

const ZCaseParams = z.object({ orgId: ZUuid, caseId: ZUuid }).strict();
const ZGrantParams = z.object({ orgId: ZUuid, grantId: ZUuid }).strict();
/** A real sentence, not "urgent": the justification is what a later review reads. */
export const ZEmergencyAccessRequest = z.object({ justification: z.string().trim().min(20).max(2000) }).strict();
const ZGrant = z.object({
  id: z.string(), caseId: z.string(), user: z.object({ id: z.string(), displayName: z.string(), email: z.string() }), justification: z.string(),
  grantedAt: z.string(), expiresAt: z.string(), endedAt: z.string().nullable(), status: z.enum(['active', 'expired', 'ended']),
});

export function registerEmergencyAccessRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  const CASE = '/api/organisations/:orgId/cases/:caseId/emergency-access';

  api.post(CASE, {
    schema: { tags: ['security'], summary: 'Break the glass: time-limited read access to a case you cannot otherwise read, with a written justification (audited, owners notified)', params: ZCaseParams, body: ZEmergencyAccessRequest, response: { 201: z.object({ grant: ZGrant }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.emergencyAccess' } },
  }, async (request, reply) => {
    const grant = await runUserUseCase(deps, request, (ctx) => requestEmergencyAccess(ctx, request.params.orgId, request.params.caseId, request.body));
    return reply.status(201).send({ grant });
  });

  api.get(CASE, {
    schema: { tags: ['security'], summary: 'Who had emergency access to the case, when and why', params: ZCaseParams, response: { 200: z.object({ grants: z.array(ZGrant) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => ({ grants: await runUserUseCase(deps, request, (ctx) => findEmergencyAccessOfCase(ctx, request.params.orgId, request.params.caseId)) }));

  api.post('/api/organisations/:orgId/emergency-access/:grantId/end', {
    schema: { tags: ['security'], summary: 'End emergency access early (its holder or an administrator)', params: ZGrantParams, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.read' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => endEmergencyAccess(ctx, request.params.orgId, request.params.grantId));
    return reply.status(204).send(null);
  });
}
