import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { requireUser } from '../../authz/policy.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { chainKeyFor } from '../../audit/audit-writer.ts';
import { verifyAuditChain } from '../../audit/verify-chain.ts';
import { findAuditEvents } from './audit.repo.ts';

const ZAuditEvent = z.object({
  id: z.string(), seq: z.number().int(), action: z.string(), actorId: z.string().nullable(), actorLabel: z.string().nullable(),
  subjectType: z.string().nullable(), subjectId: z.string().nullable(), createdAt: z.string(), metadata: z.record(z.string(), z.unknown()),
});
const ZAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Paging: the `nextBeforeSeq` of the previous page. */
  beforeSeq: z.coerce.number().int().min(1).optional(),
  /** Exact event name, e.g. `person.identityViewed`: who looked at identities. */
  action: z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/).optional(),
  actorId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  subjectId: z.string().min(1).max(100).optional(),
  /** Time window: `since` inclusive, `until` exclusive (ISO 8601 with offset). */
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
}).strict();
const ZVerification = z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenSeq: z.number().int().nullable(), reason: z.string().nullable() });

export function registerAuditRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get('/api/organisations/:orgId/audit-events', {
    schema: { tags: ['audit'], summary: 'The organisation\'s audit events, newest first, a page at a time; filter by action, actor, case, subject or time (the access log)', params: ZOrgParams, querystring: ZAuditQuery, response: { 200: z.object({ events: z.array(ZAuditEvent), nextBeforeSeq: z.number().int().nullable() }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'audit.read' } },
  }, async (request) => {
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), request.params.orgId, 'audit.read');
    const { since, until, ...filter } = request.query;
    const rows = await findAuditEvents(deps.database.db, request.params.orgId, { ...filter, since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined });
    // A full page may have older events behind it; a short one is the end.
    const nextBeforeSeq = rows.length === filter.limit ? rows.at(-1)!.seq : null;
    return { events: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })), nextBeforeSeq };
  });

  api.get('/api/organisations/:orgId/audit-verification', {
    schema: { tags: ['audit'], summary: 'Recompute the organisation\'s audit hash chain and report the first broken link', params: ZOrgParams, response: { 200: ZVerification, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'audit.verify' } },
  }, async (request) => {
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), request.params.orgId, 'audit.verify');
    const result = await verifyAuditChain(deps.database.db, chainKeyFor(request.params.orgId));
    // Recording the check itself is what lets an auditor prove the log was verified and when.
    await runUserUseCase(deps, request, (ctx) => ctx.audit.record('audit.verified', {
      orgId: request.params.orgId, metadata: { ok: result.ok, checked: result.checked, firstBrokenSeq: result.firstBrokenSeq },
    }));
    return { ok: result.ok, checked: result.checked, firstBrokenSeq: result.firstBrokenSeq, reason: result.reason };
  });
}
