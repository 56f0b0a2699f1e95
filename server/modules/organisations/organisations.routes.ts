import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, presentOrganisation, ZName, ZOrganisation, ZOrganisationKind, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { requireUser } from '../../authz/policy.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { findOrganisationById, findOrganisations } from './organisations.repo.ts';
import { createOrganisation } from './organisations.service.ts';

const ZCreateOrganisationRequest = z.object({ name: ZName, kind: ZOrganisationKind }).strict();

export function registerOrganisationRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get('/api/organisations', {
    schema: { tags: ['organisations'], summary: 'Organisations you belong to (all of them for platform administrators)', response: { 200: z.object({ organisations: z.array(ZOrganisation) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => {
    const user = requireUser(request.actor);
    const rows = await findOrganisations(deps.database.db, user.isPlatformAdmin ? undefined : [...user.roles.keys()]);
    return { organisations: rows.map(presentOrganisation) };
  });

  api.post('/api/organisations', {
    schema: { tags: ['organisations'], summary: 'Create an organisation (platform administrators)', body: ZCreateOrganisationRequest, response: { 201: z.object({ organisation: ZOrganisation }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', platformAdmin: true } },
  }, async (request, reply) => {
    const user = requireUser(request.actor);
    if (!user.isPlatformAdmin) throw new AppError('FORBIDDEN', 'Only platform administrators create organisations.', { reason: 'NOT_PLATFORM_ADMIN' });
    const organisation = await runUserUseCase(deps, request, (ctx) => createOrganisation(ctx, request.body));
    return reply.status(201).send({ organisation: presentOrganisation(organisation) });
  });

  api.get('/api/organisations/:orgId', {
    schema: { tags: ['organisations'], summary: 'One organisation', params: ZOrgParams, response: { 200: z.object({ organisation: ZOrganisation }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.read' } },
  }, async (request) => {
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), request.params.orgId, 'org.read');
    const organisation = await findOrganisationById(deps.database.db, request.params.orgId);
    if (!organisation) throw new AppError('NOT_FOUND', 'Organisation not found.');
    return { organisation: presentOrganisation(organisation) };
  });
}
