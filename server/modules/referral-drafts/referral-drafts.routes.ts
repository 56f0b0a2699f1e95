import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZNoContent, ZOrgParams, ZUuid } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { requireUser } from '../../authz/policy.ts';
import { openJson, sealJson } from '../../crypto/field-encryption.ts';

/**
 * Half-finished referrals, saved by the intake form after each step so nothing typed is lost
 * when a session expires. A draft belongs to the user who wrote it and is encrypted (it holds
 * identity). Its shape is the form's business; only its size is bounded.
 */
const MAX_DRAFT_BYTES = 64 * 1024;
const ZDraftParams = z.object({ orgId: ZUuid, draftId: ZUuid }).strict();
const ZDraftData = z.record(z.string(), z.unknown()).refine((data) => JSON.stringify(data).length <= MAX_DRAFT_BYTES, { message: `at most ${MAX_DRAFT_BYTES} bytes` });
const ZDraft = z.object({ id: z.string(), step: z.number().int(), data: z.record(z.string(), z.unknown()), updatedAt: z.string() });
export const draftContext = (orgId: string, draftId: string) => `palermo/referral-draft/${orgId}/${draftId}`;

export function registerReferralDraftRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get('/api/organisations/:orgId/referral-drafts', {
    schema: { tags: ['cases'], summary: 'Your saved, unfinished referrals', params: ZOrgParams, response: { 200: z.object({ drafts: z.array(ZDraft) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.create' } },
  }, async (request) => runUserUseCase(deps, request, async (ctx) => {
    const { orgId } = request.params;
    await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.create');
    const rows = await ctx.db.selectFrom('referralDrafts').selectAll().where('orgId', '=', orgId).where('userId', '=', requireUser(ctx.actor).userId).orderBy('updatedAt', 'desc').execute();
    const drafts = [];
    for (const row of rows) {
      const key = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
      drafts.push({ id: row.id, step: row.step, data: openJson<Record<string, unknown>>(key.dataKey, row.dataCiphertext, draftContext(orgId, row.id)), updatedAt: row.updatedAt.toISOString() });
    }
    return { drafts };
  }));

  api.put('/api/organisations/:orgId/referral-drafts/:draftId', {
    schema: {
      tags: ['cases'], summary: 'Save a step of an unfinished referral (the id is chosen by the client)', params: ZDraftParams,
      body: z.strictObject({ step: z.int().min(0).max(20), data: ZDraftData }), response: { 200: z.object({ draft: ZDraft }), ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', permission: 'case.create' } },
  }, async (request) => runUserUseCase(deps, request, async (ctx) => {
    const { orgId, draftId } = request.params;
    await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.create');
    const userId = requireUser(ctx.actor).userId;
    const existing = await ctx.db.selectFrom('referralDrafts').select(['orgId', 'userId']).where('id', '=', draftId).executeTakeFirst();
    // Someone else's draft id (or another organisation's) is simply not there for this user.
    if (existing && (existing.orgId !== orgId || existing.userId !== userId)) throw new AppError('NOT_FOUND', 'Draft not found.');
    const now = ctx.now();
    const key = await ctx.keyring.currentKey(ctx.db, orgId, now);
    const values = { step: request.body.step, dataCiphertext: sealJson(key.dataKey, request.body.data, draftContext(orgId, draftId)), keyVersion: key.version, updatedAt: now };
    await ctx.db.insertInto('referralDrafts').values({ orgId, id: draftId, userId, ...values })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(values)).execute();
    await ctx.audit.record('referralDraft.saved', { orgId, subjectType: 'referral-draft', subjectId: draftId, metadata: { draftId, step: request.body.step } });
    return { draft: { id: draftId, step: request.body.step, data: request.body.data, updatedAt: now.toISOString() } };
  }));

  api.delete('/api/organisations/:orgId/referral-drafts/:draftId', {
    schema: { tags: ['cases'], summary: 'Discard an unfinished referral', params: ZDraftParams, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.create' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, async (ctx) => {
      const { orgId, draftId } = request.params;
      await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.create');
      const deleted = await ctx.db.deleteFrom('referralDrafts').where('orgId', '=', orgId).where('id', '=', draftId).where('userId', '=', requireUser(ctx.actor).userId).executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) throw new AppError('NOT_FOUND', 'Draft not found.');
      await ctx.audit.record('referralDraft.deleted', { orgId, subjectType: 'referral-draft', subjectId: draftId, metadata: { draftId } });
    });
    return reply.status(204).send(null);
  });
}
