import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZAnonymousNotification } from '../../../core/nrm/anonymous-notification.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { findOrganisationById } from '../organisations/organisations.repo.ts';
import { getOrganisationProfile } from '../cases/jurisdiction.ts';

/**
 * An adult who declines referral is still counted: the notification holds statistical codes
 * only. The request schema is the core one minus what the server fills in, and strict, so an
 * identifying field cannot even be sent.
 */
const ZNotificationRequest = z.strictObject(ZAnonymousNotification.shape)
  .omit({ jurisdictionProfileId: true, referringOrgKind: true })
  .refine((n) => new Set(n.exploitationTypes).size === n.exploitationTypes.length, { message: 'an exploitation type repeats', path: ['exploitationTypes'] });

export function registerAnonymousNotificationRoutes(app: FastifyInstance, deps: TAppDeps): void {
  zodApp(app).post('/api/organisations/:orgId/anonymous-notifications', {
    schema: {
      tags: ['cases'], summary: 'Count an adult who declined referral, without any identifying field',
      params: ZOrgParams, body: ZNotificationRequest, response: { 201: z.object({ notification: z.object({ id: z.string() }) }), ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', permission: 'case.refer' } },
  }, async (request, reply) => {
    const { orgId } = request.params;
    const id = await runUserUseCase(deps, request, async (ctx) => {
      await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.refer');
      const profile = await getOrganisationProfile(ctx.db, orgId);
      const organisation = await findOrganisationById(ctx.db, orgId);
      const body = request.body;
      const row = await ctx.db.insertInto('anonymousNotifications').values({
        orgId, jurisdictionProfileId: profile.id, notifiedOn: body.notifiedOn, sex: body.sex, ageBand: body.ageBand,
        ageAtExploitation: body.ageAtExploitation, nationality: body.nationality, exploitationTypes: body.exploitationTypes,
        exploitationLocation: body.exploitationLocation, locationRegion: body.locationRegion, referringOrgKind: organisation!.kind,
      }).returning('id').executeTakeFirstOrThrow();
      await ctx.audit.record('anonymousNotification.recorded', { orgId, subjectType: 'anonymous-notification', subjectId: row.id, metadata: { notificationId: row.id } });
      return row.id;
    });
    return reply.status(201).send({ notification: { id } });
  });
}
