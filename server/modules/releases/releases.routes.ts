import type { FastifyInstance } from 'fastify';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { requireUser } from '../../authz/policy.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { createWorkerTableProtector } from '../stats/table-protector.ts';
import { findReleaseFiles, findReleases, getRelease } from './releases.repo.ts';
import { presentRelease } from './releases.presenter.ts';
import {
  RELEASE_LIMITS,
  ZBudgetParams,
  ZPrepareReleaseRequest,
  ZPrivacyBudgetList,
  ZReleaseFileParams,
  ZReleaseList,
  ZReleaseParams,
  ZReleaseResponse,
  ZSetBudgetRequest,
} from './releases.schemas.ts';
import { computeRelease, recordPreparedRelease } from './use-cases/prepare-release.ts';
import { listPrivacyBudgets, setPrivacyBudget } from './use-cases/privacy-budgets.ts';
import { publishRenderedRelease, rejectRelease, renderReleaseForApproval } from './use-cases/publish-release.ts';
import { getReleaseFile } from './use-cases/release-access.ts';

const BASE = '/api/organisations/:orgId/releases';

export function registerReleaseRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  // Releases protect tables in their own suppression worker, started on the first release.
  const protector = createWorkerTableProtector();
  app.addHook('onClose', () => protector.close());

  const viewOf = async (request: { actor: Parameters<typeof requireUser>[0] }, orgId: string, releaseId: string) => {
    const release = await getRelease(deps.database.db, orgId, releaseId);
    return { release: presentRelease(release, await findReleaseFiles(deps.database.db, orgId, [releaseId]), request.actor) };
  };

  api.get(BASE, {
    schema: { tags: ['releases'], summary: 'The organisation\'s statistical releases, newest first', params: ZOrgParams, response: { 200: ZReleaseList, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request) => {
    const { orgId } = request.params;
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), orgId, 'stats.read');
    const releases = await findReleases(deps.database.db, orgId, RELEASE_LIMITS.list);
    const files = await findReleaseFiles(deps.database.db, orgId, releases.map((r) => r.id));
    return {
      releases: releases.map((r) => {
        const { parameters: _p, result: _r, ...summary } = presentRelease(r, files.filter((f) => f.releaseId === r.id), request.actor);
        return summary;
      }),
    };
  });

  api.post(BASE, {
    schema: {
      tags: ['releases'],
      summary: 'Prepare a draft release: statistics tables with suppression, rounding or differential privacy, or k-anonymous CTDC records',
      params: ZOrgParams, body: ZPrepareReleaseRequest, response: { 201: ZReleaseResponse, ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', permission: 'release.prepare' } },
  }, async (request, reply) => {
    const { orgId } = request.params;
    const prepared = await computeRelease(deps.database.db, protector, request.actor, orgId, request.body);
    const releaseId = await runUserUseCase(deps, request, (ctx) => recordPreparedRelease(ctx, orgId, prepared));
    return reply.status(201).send(await viewOf(request, orgId, releaseId));
  });

  api.get(`${BASE}/:releaseId`, {
    schema: { tags: ['releases'], summary: 'One release: parameters, method, protected values, files and their checksums', params: ZReleaseParams, response: { 200: ZReleaseResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request) => {
    await authorizeInOrganisation(deps.database.db, requireUser(request.actor), request.params.orgId, 'stats.read');
    return viewOf(request, request.params.orgId, request.params.releaseId);
  });

  api.post(`${BASE}/:releaseId/approve`, {
    schema: { tags: ['releases'], summary: 'Approve and publish a draft prepared by someone else: files generated and stored, privacy budget spent', params: ZReleaseParams, response: { 200: ZReleaseResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'release.approve' } },
  }, async (request) => {
    // Rendering (Chromium) happens before the transaction, which then only checks and stores.
    const rendered = await renderReleaseForApproval(deps.database.db, request.actor, request.params.orgId, request.params.releaseId, deps.clock());
    await runUserUseCase(deps, request, (ctx) => publishRenderedRelease(ctx, rendered));
    return viewOf(request, request.params.orgId, request.params.releaseId);
  });

  api.post(`${BASE}/:releaseId/reject`, {
    schema: { tags: ['releases'], summary: 'Reject a draft release (it can no longer be published)', params: ZReleaseParams, response: { 200: ZReleaseResponse, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'release.approve' } },
  }, async (request) => {
    await runUserUseCase(deps, request, (ctx) => rejectRelease(ctx, request.params.orgId, request.params.releaseId));
    return viewOf(request, request.params.orgId, request.params.releaseId);
  });

  api.get(`${BASE}/:releaseId/files/:format`, {
    schema: { tags: ['releases'], summary: 'Download a release file (published: the stored bytes; draft: a marked preview for the preparer and approvers)', params: ZReleaseFileParams, response: { ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request, reply) => {
    const { orgId, releaseId, format } = request.params;
    const file = await runUserUseCase(deps, request, (ctx) => getReleaseFile(ctx, orgId, releaseId, format));
    if (file.sha256) void reply.header('x-content-sha256', file.sha256);
    // RFC 6266 percent-encoding keeps any title safe in the header; files never render inline.
    return reply.type(file.mediaType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(Buffer.from(file.bytes) as never);
  });

  api.get('/api/organisations/:orgId/privacy-budgets', {
    schema: { tags: ['releases'], summary: 'Privacy budget ledger of every dataset: total, spent and remaining ε and δ, every spend', params: ZOrgParams, response: { 200: ZPrivacyBudgetList, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request) => ({ budgets: await listPrivacyBudgets(deps.database.db, requireUser(request.actor), request.params.orgId) }));

  api.put('/api/organisations/:orgId/privacy-budgets/:runId', {
    schema: { tags: ['releases'], summary: 'Set a dataset\'s lifetime privacy budget (once, before the first differentially private release)', params: ZBudgetParams, body: ZSetBudgetRequest, response: { 200: ZPrivacyBudgetList, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'release.approve' } },
  }, async (request) => {
    await runUserUseCase(deps, request, (ctx) => setPrivacyBudget(ctx, request.params.orgId, request.params.runId, request.body));
    return { budgets: await listPrivacyBudgets(deps.database.db, requireUser(request.actor), request.params.orgId) };
  });
}
