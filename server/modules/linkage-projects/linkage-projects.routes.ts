import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { encodeInWorker } from './encode-runner.ts';
import {
  MAX_ENCODINGS_CHARS, ZCreateProjectRequest, ZExternalSubmitRequest, ZOwnResult, ZPartner, ZPartyParams, ZProject, ZProjectParams, ZProjectStatistics, ZSubmitRequest,
} from './linkage-projects.schemas.ts';
import { answerInvitation, cancelProject, createProject, findPartnerOrganisations, getProject, listProjects } from './use-cases/projects.ts';
import { readSubmissionRecords, storeRegisterSubmission, submitExternalEncodings } from './use-cases/submit.ts';
import { launchMatch, startMatch, stopAllMatches } from './use-cases/match-job.ts';
import { externalPartyResult, projectStatistics, viewOwnResult } from './use-cases/results.ts';

const BASE = '/api/organisations/:orgId/linkage-projects';
const ONE = `${BASE}/:projectId`;
const access = { auth: 'user', permission: 'linkage.run' } as const;
const tags = ['linkage projects'];

export function registerLinkageProjectRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);
  // a match still computing must not write into a database that is closing
  app.addHook('onClose', async () => { await stopAllMatches(); });
  const projectOf = (request: Parameters<typeof runUserUseCase>[1], orgId: string, projectId: string) => runUserUseCase(deps, request, (ctx) => getProject(ctx, orgId, projectId));

  api.get('/api/organisations/:orgId/linkage-project-partners', {
    schema: { tags, summary: 'Other organisations of this deployment that can be invited to a linkage project (names and kinds)', params: ZOrgParams, response: { 200: z.object({ organisations: z.array(ZPartner) }), ...ERROR_RESPONSES } },
    config: { access },
  }, async (request) => ({ organisations: await runUserUseCase(deps, request, (ctx) => findPartnerOrganisations(ctx, request.params.orgId)) }));

  api.get(BASE, {
    schema: { tags, summary: 'Linkage projects of the organisation: its own and those it is invited to', params: ZOrgParams, response: { 200: z.object({ projects: z.array(ZProject) }), ...ERROR_RESPONSES } },
    config: { access },
  }, async (request) => ({ projects: await runUserUseCase(deps, request, (ctx) => listProjects(ctx, request.params.orgId)) }));

  api.post(BASE, {
    schema: { tags, summary: 'Create a linkage project and invite parties', params: ZOrgParams, body: ZCreateProjectRequest, response: { 201: z.object({ project: ZProject }), ...ERROR_RESPONSES } },
    config: { access },
  }, async (request, reply) => {
    const { orgId } = request.params;
    const projectId = await runUserUseCase(deps, request, (ctx) => createProject(ctx, orgId, request.body));
    return reply.status(201).send({ project: await projectOf(request, orgId, projectId) });
  });

  api.get(ONE, {
    schema: { tags, summary: 'One project with its parties and their status', params: ZProjectParams, response: { 200: z.object({ project: ZProject }), ...ERROR_RESPONSES } },
    config: { access },
  }, async (request) => ({ project: await projectOf(request, request.params.orgId, request.params.projectId) }));

  for (const [verb, answer] of [['accept', 'accepted'], ['decline', 'declined']] as const) {
    api.post(`${ONE}/${verb}`, {
      schema: { tags, summary: `${verb === 'accept' ? 'Accept' : 'Decline'} the invitation (invited organisations)`, params: ZProjectParams, response: { 200: z.object({ project: ZProject }), ...ERROR_RESPONSES } },
      config: { access },
    }, async (request) => {
      const { orgId, projectId } = request.params;
      await runUserUseCase(deps, request, (ctx) => answerInvitation(ctx, orgId, projectId, answer));
      return { project: await projectOf(request, orgId, projectId) };
    });
  }

  api.post(`${ONE}/cancel`, {
    schema: { tags, summary: 'Cancel the project (its creator; submitted encodings are deleted)', params: ZProjectParams, response: { 200: z.object({ project: ZProject }), ...ERROR_RESPONSES } },
    config: { access },
  }, async (request) => {
    const { orgId, projectId } = request.params;
    await runUserUseCase(deps, request, (ctx) => cancelProject(ctx, orgId, projectId));
    return { project: await projectOf(request, orgId, projectId) };
  });

  api.post(`${ONE}/submission`, {
    schema: {
      tags, summary: 'Encode the organisation\'s own persons with the linkage secret and submit the encodings (the secret is not stored)',
      params: ZProjectParams, body: ZSubmitRequest, response: { 200: z.object({ project: ZProject }), ...ERROR_RESPONSES },
    },
    config: { access },
  }, async (request) => {
    const { orgId, projectId } = request.params;
    const { schema, records } = await runUserUseCase(deps, request, (ctx) => readSubmissionRecords(ctx, orgId, projectId));
    // no transaction open while encoding; the secret goes to the worker and nowhere else
    const encoded = await encodeInWorker(records, request.body.secret, schema);
    await runUserUseCase(deps, request, (ctx) => storeRegisterSubmission(ctx, orgId, projectId, encoded));
    return { project: await projectOf(request, orgId, projectId) };
  });

  api.post(`${ONE}/parties/:partyId/encodings`, {
    schema: {
      tags, summary: 'Submit an external party\'s encodings file (made with `palermo link encode`; the project\'s creator)',
      params: ZPartyParams, body: ZExternalSubmitRequest, response: { 200: z.object({ project: ZProject }), ...ERROR_RESPONSES },
    },
    config: { access },
    bodyLimit: MAX_ENCODINGS_CHARS + 64 * 1024,
  }, async (request) => {
    const { orgId, projectId, partyId } = request.params;
    await runUserUseCase(deps, request, (ctx) => submitExternalEncodings(ctx, orgId, projectId, partyId, request.body.encodings));
    return { project: await projectOf(request, orgId, projectId) };
  });

  api.post(`${ONE}/match`, {
    schema: { tags, summary: 'Start the match once every party has submitted (runs in the background; poll the project)', params: ZProjectParams, response: { 202: z.object({ project: ZProject }), ...ERROR_RESPONSES } },
    config: { access },
  }, async (request, reply) => {
    const { orgId, projectId } = request.params;
    await runUserUseCase(deps, request, (ctx) => startMatch(ctx, orgId, projectId));
    // started only once the status has committed; failures are recorded on the project
    launchMatch(deps, request.actor, orgId, projectId).catch((error) => request.log.error(error, 'linkage project match failed'));
    return reply.status(202).send({ project: await projectOf(request, orgId, projectId) });
  });

  api.get(`${ONE}/result`, {
    schema: { tags, summary: 'The organisation\'s own persons held by other parties too (audited; cases only with case.read)', params: ZProjectParams, response: { 200: z.object({ result: ZOwnResult }), ...ERROR_RESPONSES } },
    config: { access },
  }, async (request) => ({ result: await runUserUseCase(deps, request, (ctx) => viewOwnResult(ctx, request.params.orgId, request.params.projectId)) }));

  api.get(`${ONE}/statistics`, {
    schema: { tags, summary: 'Unique persons across the parties, with small-cell suppression', params: ZProjectParams, response: { 200: z.object({ statistics: ZProjectStatistics }), ...ERROR_RESPONSES } },
    config: { access },
  }, async (request) => ({ statistics: await runUserUseCase(deps, request, (ctx) => projectStatistics(ctx, request.params.orgId, request.params.projectId)) }));

  api.get(`${ONE}/parties/:partyId/result`, {
    schema: { tags, summary: 'An external party\'s result file (its random ids with cluster ids) to send back (the creator; audited)', params: ZPartyParams, response: { 200: z.string(), ...ERROR_RESPONSES } },
    config: { access },
  }, async (request, reply) => {
    const { orgId, projectId, partyId } = request.params;
    const csv = await runUserUseCase(deps, request, (ctx) => externalPartyResult(ctx, orgId, projectId, partyId));
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="linkage-result-${partyId}.csv"`).send(csv);
  });
}
