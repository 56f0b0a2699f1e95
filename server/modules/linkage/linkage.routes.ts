import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZNoContent, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import {
  ZCandidateDetail, ZCandidateListQuery, ZCandidateParams, ZCandidateSummary, ZDecisionRequest, ZDuplicateCheckDecisionRequest, ZDuplicateCheckRequest, ZDuplicateMatch,
  ZJob, ZJobParams, ZMerge, ZMergeParams, ZMergeRequest, ZUniquePersons,
} from './linkage.schemas.ts';
import { getJob, findJobs, findCandidates, viewCandidate, decideCandidate, loadCandidateSummary } from './use-cases/review-queue.ts';
import { launchDedupeJob, startDedupeJob, stopAllJobs } from './use-cases/dedupe-job.ts';
import { checkForDuplicates } from './use-cases/duplicate-check.ts';
import { recordDuplicateCheckDecision } from './use-cases/duplicate-check-decision.ts';
import { scheduleBlockingKeySweep, stopBlockingKeySweeps, sweepAllOrganisations } from './blocking-keys/blocking-key-sweep.ts';
import { mergeCandidate, unmergePersons } from './use-cases/merge.ts';
import { countOrganisationUniquePersons } from './use-cases/unique-persons.ts';

const BASE = '/api/organisations/:orgId/linkage';

export function registerLinkageRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  // a job still computing must not write into a database that is closing
  app.addHook('onClose', async () => { await stopAllJobs(); await stopBlockingKeySweeps(); });
  // persons registered before blocking keys existed get them in the background (the check scans meanwhile)
  const logSweepError = (error: unknown) => app.log.error({ err: error }, 'blocking-key sweep failed');
  app.addHook('onReady', async () => { await sweepAllOrganisations(deps, logSweepError); });

  api.post(`${BASE}/dedupe-jobs`, {
    schema: { tags: ['linkage'], summary: 'Start de-duplicating the organisation\'s persons (runs in the background; poll the job)', params: ZOrgParams, response: { 202: z.object({ job: ZJob }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'linkage.run' } },
  }, async (request, reply) => {
    const { orgId } = request.params;
    const jobId = await runUserUseCase(deps, request, (ctx) => startDedupeJob(ctx, orgId));
    // started only once the job row has committed; failures are recorded on the job row
    launchDedupeJob(deps, request.actor, orgId, jobId).catch((error) => request.log.error(error, 'dedupe job failed'));
    const job = await runUserUseCase(deps, request, (ctx) => getJob(ctx, orgId, jobId));
    return reply.status(202).send({ job });
  });

  api.get(`${BASE}/dedupe-jobs`, {
    schema: { tags: ['linkage'], summary: 'The organisation\'s latest de-duplication jobs', params: ZOrgParams, response: { 200: z.object({ jobs: z.array(ZJob) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'linkage.run' } },
  }, async (request) => ({ jobs: await runUserUseCase(deps, request, (ctx) => findJobs(ctx, request.params.orgId)) }));

  api.get(`${BASE}/dedupe-jobs/:jobId`, {
    schema: { tags: ['linkage'], summary: 'One job with its stage and progress', params: ZJobParams, response: { 200: z.object({ job: ZJob }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'linkage.run' } },
  }, async (request) => ({ job: await runUserUseCase(deps, request, (ctx) => getJob(ctx, request.params.orgId, request.params.jobId)) }));

  api.get(`${BASE}/duplicate-candidates`, {
    schema: { tags: ['linkage'], summary: 'The review queue: candidate pairs with per-field weights (no identity)', params: ZOrgParams, querystring: ZCandidateListQuery, response: { 200: z.object({ candidates: z.array(ZCandidateSummary) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'duplicate.review' } },
  }, async (request) => ({ candidates: await runUserUseCase(deps, request, (ctx) => findCandidates(ctx, request.params.orgId, request.query)) }));

  api.get(`${BASE}/duplicate-candidates/:candidateId`, {
    schema: { tags: ['linkage'], summary: 'Both persons side by side (identity only with person.readIdentity; audited)', params: ZCandidateParams, response: { 200: z.object({ candidate: ZCandidateDetail }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'duplicate.review' } },
  }, async (request) => ({ candidate: await runUserUseCase(deps, request, (ctx) => viewCandidate(ctx, request.params.orgId, request.params.candidateId)) }));

  api.post(`${BASE}/duplicate-candidates/:candidateId/decision`, {
    schema: { tags: ['linkage'], summary: 'Decide a pair: match, not a match, or back to pending', params: ZCandidateParams, body: ZDecisionRequest, response: { 200: z.object({ candidate: ZCandidateSummary }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'duplicate.review' } },
  }, async (request) => ({
    candidate: await runUserUseCase(deps, request, async (ctx) => {
      await decideCandidate(ctx, request.params.orgId, request.params.candidateId, request.body.decision);
      return loadCandidateSummary(ctx, request.params.orgId, request.params.candidateId);
    }),
  }));

  api.post(`${BASE}/duplicate-candidates/:candidateId/merge`, {
    schema: { tags: ['linkage'], summary: 'Merge the pair: the other person\'s cases move to the surviving person (undo with unmerge)', params: ZCandidateParams, body: ZMergeRequest, response: { 201: z.object({ merge: ZMerge }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'duplicate.review' } },
  }, async (request, reply) => {
    const merge = await runUserUseCase(deps, request, (ctx) => mergeCandidate(ctx, request.params.orgId, request.params.candidateId, request.body.survivingPersonId));
    return reply.status(201).send({ merge });
  });

  api.post(`${BASE}/merges/:mergeId/unmerge`, {
    schema: { tags: ['linkage'], summary: 'Undo a merge exactly (cases back to the merged person, the pair\'s decision restored)', params: ZMergeParams, response: { 200: z.object({ merge: ZMerge }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'duplicate.review' } },
  }, async (request) => ({ merge: await runUserUseCase(deps, request, (ctx) => unmergePersons(ctx, request.params.orgId, request.params.mergeId)) }));

  api.post('/api/organisations/:orgId/persons/duplicate-check', {
    schema: { tags: ['linkage'], summary: 'Likely duplicates of a person about to be registered (ids, scores, per-field weights; names only with identity access)', params: ZOrgParams, body: ZDuplicateCheckRequest, response: { 200: z.object({ matches: z.array(ZDuplicateMatch) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.create' } },
  }, async (request) => {
    let notIndexed = false;
    const matches = await runUserUseCase(deps, request, (ctx) => checkForDuplicates(ctx, request.params.orgId, request.body, () => { notIndexed = true; }));
    // started outside the request's transaction, once it has committed
    if (notIndexed) scheduleBlockingKeySweep(deps, request.params.orgId, logSweepError);
    return { matches };
  });

  api.post('/api/organisations/:orgId/persons/duplicate-check/decision', {
    schema: { tags: ['linkage'], summary: 'Record what the user did about possible duplicates: registered a new person anyway, or opened an existing case (audited, ids only)', params: ZOrgParams, body: ZDuplicateCheckDecisionRequest, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.create' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => recordDuplicateCheckDecision(ctx, request.params.orgId, request.body));
    return reply.status(204).send(null);
  });

  api.get(`${BASE}/unique-persons`, {
    schema: { tags: ['linkage'], summary: 'Unique persons in the register after confirmed duplicates, with small-cell suppression', params: ZOrgParams, response: { 200: z.object({ uniquePersons: ZUniquePersons }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'stats.read' } },
  }, async (request) => ({ uniquePersons: await runUserUseCase(deps, request, (ctx) => countOrganisationUniquePersons(ctx, request.params.orgId)) }));
}
