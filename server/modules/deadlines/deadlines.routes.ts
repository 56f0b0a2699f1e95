import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { deadlineState } from '../cases/cases.presenter.ts';
import { getOrganisationProfile } from '../cases/jurisdiction.ts';

const ZDeadlineList = z.object({
  deadlines: z.array(z.object({ id: z.string(), caseId: z.string(), caseReference: z.string(), kind: z.string(), dueAt: z.string(), state: z.enum(['due', 'dueSoon', 'breached', 'met', 'elapsed', 'cancelled']) })),
});

export function registerDeadlineRoutes(app: FastifyInstance, deps: TAppDeps): void {
  zodApp(app).get('/api/organisations/:orgId/deadlines', {
    schema: {
      tags: ['deadlines'], summary: 'Open decision deadlines (state=open) or only the overdue ones (state=overdue), earliest first',
      params: ZOrgParams, querystring: z.strictObject({ state: z.enum(['open', 'overdue']).default('open') }),
      response: { 200: ZDeadlineList, ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', permission: 'deadline.read' } },
  }, async (request) => {
    const { orgId } = request.params;
    return runUserUseCase(deps, request, async (ctx) => {
      await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'deadline.read');
      const now = ctx.now();
      let query = ctx.db.selectFrom('deadlines').innerJoin('cases', 'cases.id', 'deadlines.caseId')
        .select(['deadlines.id', 'deadlines.caseId', 'cases.reference', 'deadlines.kind', 'deadlines.dueAt', 'deadlines.status'])
        .where('deadlines.orgId', '=', orgId).orderBy('deadlines.dueAt').limit(500);
      query = request.query.state === 'overdue'
        ? query.where('deadlines.kind', '=', 'rg_decision').where((eb) => eb.or([eb('deadlines.status', '=', 'breached').and('deadlines.closedAt', 'is', null), eb('deadlines.status', '=', 'open').and('deadlines.dueAt', '<', now)]))
        : query.where((eb) => eb.or([eb('deadlines.status', '=', 'open'), eb('deadlines.status', '=', 'breached').and('deadlines.closedAt', 'is', null)]));
      const rows = await query.execute();
      const profile = await getOrganisationProfile(ctx.db, orgId);
      return {
        deadlines: rows.map((row) => ({ id: row.id, caseId: row.caseId, caseReference: row.reference, kind: row.kind, dueAt: row.dueAt.toISOString(), state: deadlineState(profile, row, now) })),
      };
    });
  });
}
