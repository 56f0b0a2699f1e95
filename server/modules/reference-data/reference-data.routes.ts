import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.ts';
import { INDICATOR_LISTS } from '../../../core/screening/indicators/index.ts';
import { ZJurisdictionProfile } from '../../../core/nrm/jurisdictions/index.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { requireUser } from '../../authz/policy.ts';
import { compareVersions, findProfileVersion, getLatestProfile, getOrganisationProfile, listLatestProfiles } from '../cases/jurisdiction.ts';

const ZLabels = z.object({ en: z.string(), fr: z.string(), es: z.string(), ar: z.string() });
const ZScreeningLists = z.object({
  lists: z.array(z.object({
    id: z.string(), ageGroup: z.enum(['adult', 'child']), form: z.enum(['labour', 'sexual']), title: z.string(), version: z.string(), isProvisional: z.boolean(),
    indicators: z.array(z.object({ id: z.string(), dimension: z.string(), strength: z.string(), labels: ZLabels })),
  })),
});

export function registerReferenceDataRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get('/api/screening-lists', {
    schema: { tags: ['reference data'], summary: 'The ILO/EC operational indicator lists with labels in four languages', response: { 200: ZScreeningLists, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => {
    requireUser(request.actor);
    return {
      lists: Object.values(INDICATOR_LISTS).map((list) => ({
        id: list.id, ageGroup: list.ageGroup, form: list.form, title: list.title, version: list.version, isProvisional: list.isProvisional,
        indicators: list.indicators.map((indicator) => ({ id: indicator.id, dimension: indicator.dimension, strength: indicator.strength, labels: indicator.labels })),
      })),
    };
  });

  api.get('/api/jurisdiction-profiles', {
    schema: { tags: ['reference data'], summary: 'Jurisdiction profiles (newest version of each)', response: { 200: z.object({ profiles: z.array(ZJurisdictionProfile) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => {
    requireUser(request.actor);
    return { profiles: await listLatestProfiles(deps.database.db) };
  });

  api.post('/api/jurisdiction-profiles', {
    schema: { tags: ['reference data'], summary: 'Add a new version of a jurisdiction profile (platform administrators); versions are immutable', body: ZJurisdictionProfile, response: { 201: z.object({ profile: ZJurisdictionProfile }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', platformAdmin: true } },
  }, async (request, reply) => {
    const user = requireUser(request.actor);
    if (!user.isPlatformAdmin) throw new AppError('FORBIDDEN', 'Only platform administrators change jurisdiction profiles.', { reason: 'NOT_PLATFORM_ADMIN' });
    const profile = request.body;
    await runUserUseCase(deps, request, async (ctx) => {
      if (await findProfileVersion(ctx.db, profile.id, profile.version)) {
        throw new AppError('CONFLICT', `Version ${profile.version} of ${profile.id} exists; profiles are never edited in place, add a new version.`, { reason: 'PROFILE_VERSION_EXISTS' });
      }
      // The newest version governs new cases: an older number would be stored and never used.
      const current = await getLatestProfile(ctx.db, profile.id).catch(() => null);
      if (current && compareVersions(profile.version, current.version) <= 0) {
        throw new AppError('CONFLICT', `Version ${profile.version} is not newer than ${current.version}, which new cases use.`, { reason: 'PROFILE_VERSION_NOT_NEWER', current: current.version });
      }
      await ctx.db.insertInto('jurisdictionProfiles').values({ id: profile.id, version: profile.version, profile: JSON.stringify(profile), createdAt: ctx.now() }).execute();
      await ctx.audit.record('jurisdictionProfile.added', { orgId: null, subjectType: 'jurisdiction-profile', subjectId: `${profile.id}@${profile.version}`, metadata: { id: profile.id, version: profile.version } });
    });
    return reply.status(201).send({ profile });
  });

  api.get('/api/organisations/:orgId/nrm-settings', {
    schema: { tags: ['reference data'], summary: 'The jurisdiction profile governing the organisation\'s new cases', params: ZOrgParams, response: { 200: z.object({ jurisdictionProfile: ZJurisdictionProfile }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.read' } },
  }, async (request) => {
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), request.params.orgId, 'org.read');
    return { jurisdictionProfile: await getOrganisationProfile(deps.database.db, request.params.orgId) };
  });

  api.put('/api/organisations/:orgId/nrm-settings', {
    schema: { tags: ['reference data'], summary: 'Choose the jurisdiction profile for new cases (existing cases keep theirs)', params: ZOrgParams, body: z.strictObject({ jurisdictionProfileId: z.string().min(1).max(50) }), response: { 200: z.object({ jurisdictionProfile: ZJurisdictionProfile }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.configure' } },
  }, async (request) => runUserUseCase(deps, request, async (ctx) => {
    const { orgId } = request.params;
    await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'org.configure');
    const before = await getOrganisationProfile(ctx.db, orgId);
    const profile = await getLatestProfile(ctx.db, request.body.jurisdictionProfileId);
    const now = ctx.now();
    await ctx.db.insertInto('organisationSettings').values({ orgId, jurisdictionProfileId: profile.id, updatedAt: now })
      .onConflict((conflict) => conflict.column('orgId').doUpdateSet({ jurisdictionProfileId: profile.id, updatedAt: now })).execute();
    await ctx.audit.record('organisation.jurisdictionChanged', { orgId, subjectType: 'organisation', subjectId: orgId, metadata: { from: before.id, to: profile.id } });
    return { jurisdictionProfile: profile };
  }));
}
