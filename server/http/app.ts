import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { TAppDeps } from './app-deps.ts';
import type { TRouteAccess } from './route-access.ts';
import { installAuthentication } from './authenticate.ts';
import { answerFrameworkError, installErrorHandling } from './error-handler.ts';
import { installOpenApi, renderApiDocsPage } from './openapi.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { installTextGuard } from './text-guard.ts';
import { registerAuditRoutes } from '../modules/audit/audit.routes.ts';
import { registerAuthRoutes } from '../modules/auth/auth.routes.ts';
import { registerHealthRoutes } from '../modules/health/health.routes.ts';
import { registerMemberRoutes } from '../modules/members/members.routes.ts';
import { registerOrganisationRoutes } from '../modules/organisations/organisations.routes.ts';
import { registerSetupRoutes } from '../modules/setup/setup.routes.ts';
import { registerCaseRoutes } from '../modules/cases/cases.routes.ts';
import { registerDeadlineRoutes } from '../modules/deadlines/deadlines.routes.ts';
import { registerAnonymousNotificationRoutes } from '../modules/anonymous-notifications/anonymous-notifications.routes.ts';
import { registerReferralDraftRoutes } from '../modules/referral-drafts/referral-drafts.routes.ts';
import { registerReferenceDataRoutes } from '../modules/reference-data/reference-data.routes.ts';
import { registerJusticeRoutes } from '../modules/justice/justice.routes.ts';
import { registerDocumentRoutes } from '../modules/documents/documents.routes.ts';
import { registerBackupRoutes } from '../modules/backup/backup.routes.ts';
import { registerDatasetRoutes } from '../modules/datasets/datasets.routes.ts';
import { registerStatsRoutes } from '../modules/stats/stats.routes.ts';
import { registerServiceRoutes } from '../modules/services/services.routes.ts';
import { registerServiceReferralRoutes } from '../modules/service-referrals/service-referrals.routes.ts';
import { registerPlanRoutes } from '../modules/plans/plans.routes.ts';
import { registerRemedyRoutes } from '../modules/remedies/remedies.routes.ts';
import { registerProgrammeRoutes } from '../modules/programmes/programmes.routes.ts';
import { registerReleaseRoutes } from '../modules/releases/releases.routes.ts';
import { registerLinkageRoutes } from '../modules/linkage/linkage.routes.ts';
import { registerLinkageProjectRoutes } from '../modules/linkage-projects/linkage-projects.routes.ts';
import { registerTwoFactorRoutes } from '../modules/two-factor/two-factor.routes.ts';
import { registerSecurityPolicyRoutes } from '../modules/security-policy/security-policy.routes.ts';
import { registerEmergencyAccessRoutes } from '../modules/emergency-access/emergency-access.routes.ts';
import { registerPopulationRoutes } from '../modules/populations/populations.routes.ts';
import { registerNotificationRoutes } from '../modules/notifications/notifications.routes.ts';
import { registerCaseTransferRoutes } from '../modules/case-transfers/case-transfers.routes.ts';
import { registerRetentionRoutes } from '../modules/retention/retention.routes.ts';
import { registerExportRoutes } from '../modules/exports/exports.routes.ts';
import { registerKeyManagementRoutes } from '../modules/key-management/key-management.routes.ts';

export interface TRouteEntry {
  method: string;
  url: string;
  access: TRouteAccess;
  schema: { body?: unknown; params?: unknown; querystring?: unknown; hide?: boolean } | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access, for the authorization matrix and fuzzing. */
    routeTable: TRouteEntry[];
  }
}

/** JSON bodies above this are refused with 413; nothing in the foundation needs more. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

/** Every feature module's routes, in one list so nothing is registered by accident elsewhere. */
const ROUTE_MODULES = [
  registerHealthRoutes,
  registerSetupRoutes,
  registerAuthRoutes,
  registerOrganisationRoutes,
  registerMemberRoutes,
  registerAuditRoutes,
  registerReferenceDataRoutes,
  registerCaseRoutes,
  registerDeadlineRoutes,
  registerAnonymousNotificationRoutes,
  registerReferralDraftRoutes,
  registerJusticeRoutes,
  registerDocumentRoutes,
  registerBackupRoutes,
  registerDatasetRoutes,
  registerStatsRoutes,
  registerServiceRoutes,
  registerServiceReferralRoutes,
  registerPlanRoutes,
  registerRemedyRoutes,
  registerProgrammeRoutes,
  registerReleaseRoutes,
  registerLinkageRoutes,
  registerLinkageProjectRoutes,
  registerNotificationRoutes,
  registerCaseTransferRoutes,
  registerRetentionRoutes,
  registerExportRoutes,
  registerKeyManagementRoutes,
  registerTwoFactorRoutes,
  registerSecurityPolicyRoutes,
  registerEmergencyAccessRoutes,
  registerPopulationRoutes,
];

/** Builds the HTTP app (API, OpenAPI, and the web app when `webDir` is given). Does not listen. */
export async function buildApp(deps: TAppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    trustProxy: deps.config.behindTls,
    // Request ids end up in audit rows; random ones do not reveal request volumes.
    genReqId: () => crypto.randomUUID(),
    // Malformed URLs the router refuses itself still get the one error shape.
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON is accepted: other bodies get 415 instead of reaching a validator as strings.
  app.removeContentTypeParser('text/plain');
  const serveSinglePage = Boolean(deps.webDir && existsSync(deps.webDir));
  installErrorHandling(app, { serveSinglePage });
  installSecurityHeaders(app, { behindTls: deps.config.behindTls });
  await app.register(cookie);
  await installOpenApi(app);
  installAuthentication(app, deps);
  installTextGuard(app);
  const routeTable: TRouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const access = route.config?.access;
    // Every API route must say who may call it; a route that forgets cannot be registered.
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no config.access`);
    for (const method of [route.method].flat()) routeTable.push({ method: String(method), url: route.url, access, schema: route.schema as TRouteEntry['schema'] });
  });
  app.decorate('routeTable', routeTable);
  for (const register of ROUTE_MODULES) register(app, deps);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { auth: 'public' } } }, async () => app.swagger());
  app.get('/api/docs', { schema: { hide: true }, config: { access: { auth: 'public' } } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderApiDocsPage(app.swagger() as Parameters<typeof renderApiDocsPage>[0])));

  if (serveSinglePage && deps.webDir) {
    await app.register(fastifyStatic, { root: deps.webDir, wildcard: false, index: ['index.html'] });
  }
  return app;
}
