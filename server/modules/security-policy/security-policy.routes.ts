import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_EMERGENCY_ACCESS_HOURS, TWO_FACTOR_REQUIREMENTS } from '../../../core/security/two-factor-policy.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { changeSecurityPolicy, getSecurityPolicy } from './security-policy.service.ts';

export const ZSecurityPolicy = z.object({
  twoFactorRequirement: z.enum(TWO_FACTOR_REQUIREMENTS),
  emergencyAccessHours: z.number().int().min(1).max(MAX_EMERGENCY_ACCESS_HOURS),
  /** Reading a person's identity needs `?purpose=<code>` (core/security/access-purpose.ts). */
  requireAccessPurpose: z.boolean(),
}).strict();

/** `requireAccessPurpose` left out keeps its current value. */
export const ZSecurityPolicyChange = ZSecurityPolicy.extend({ requireAccessPurpose: z.boolean().optional() }).strict();

export function registerSecurityPolicyRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  const URL = '/api/organisations/:orgId/security-policy';

  api.get(URL, {
    schema: { tags: ['security'], summary: 'Who must use two-factor sign-in here, how long emergency access lasts, whether identity reads need a purpose', params: ZOrgParams, response: { 200: ZSecurityPolicy, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => getSecurityPolicy(ctx, request.params.orgId)));

  api.put(URL, {
    schema: { tags: ['security'], summary: 'Require two-factor sign-in (all members, or roles that read identities); set the emergency access duration; require a purpose for identity reads', params: ZOrgParams, body: ZSecurityPolicyChange, response: { 200: ZSecurityPolicy, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.configure' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => changeSecurityPolicy(ctx, request.params.orgId, request.body)));
}
