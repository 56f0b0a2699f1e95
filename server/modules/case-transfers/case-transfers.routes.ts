import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZNoContent, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { ZCaseParams } from '../cases/cases.schemas.ts';
import { ZExpectedVersion, ZRejectTransfer, ZRequestTransfer, ZTransferBox, ZTransferParams, ZTransferPolicy, ZTransferView } from './case-transfers.schemas.ts';
import { cancelTransfer } from './use-cases/cancel-transfer.ts';
import { findCaseTransfers, findTransfers, loadTransfer } from './use-cases/find-transfers.ts';
import { requestTransfer } from './use-cases/request-transfer.ts';
import { acceptTransfer, rejectTransfer } from './use-cases/respond-transfer.ts';
import { changeTransferPolicy, findTransferReceivers, getTransferPolicy } from './use-cases/transfer-policy.ts';

const BASE = '/api/organisations/:orgId';
const ONE = `${BASE}/case-transfers/:transferId`;

export function registerCaseTransferRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.post(`${BASE}/cases/:caseId/transfers`, {
    schema: { tags: ['case transfers'], summary: 'Ask another organisation to take over the case (with the person\'s consent)', params: ZCaseParams, body: ZRequestTransfer, response: { 201: z.object({ id: z.string() }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.transfer' } },
  }, async (request, reply) => {
    const id = await runUserUseCase(deps, request, (ctx) => requestTransfer(ctx, request.params.orgId, request.params.caseId, request.body));
    return reply.code(201).send({ id });
  });

  api.get(`${BASE}/cases/:caseId/transfers`, {
    schema: { tags: ['case transfers'], summary: 'The transfers of one case', params: ZCaseParams, response: { 200: z.object({ transfers: z.array(ZTransferView) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.read' } },
  }, async (request) => ({ transfers: await runUserUseCase(deps, request, (ctx) => findCaseTransfers(ctx, request.params.orgId, request.params.caseId)) }));

  api.get(`${BASE}/case-transfers`, {
    schema: { tags: ['case transfers'], summary: 'Incoming (to answer) or outgoing (sent) transfers', params: ZOrgParams, querystring: ZTransferBox, response: { 200: z.object({ transfers: z.array(ZTransferView) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.transfer' } },
  }, async (request) => ({ transfers: await runUserUseCase(deps, request, (ctx) => findTransfers(ctx, request.params.orgId, request.query)) }));

  api.get(ONE, {
    schema: { tags: ['case transfers'], summary: 'One transfer; the receiver also reads the sender\'s note (audited)', params: ZTransferParams, response: { 200: ZTransferView, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.transfer' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => loadTransfer(ctx, request.params.orgId, request.params.transferId)));

  api.post(`${ONE}/accept`, {
    schema: { tags: ['case transfers'], summary: 'Take the case over: a new case here, the sender\'s case closed as transferred', params: ZTransferParams, body: ZExpectedVersion, response: { 200: z.object({ caseId: z.string() }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.transfer' } },
  }, async (request) => ({ caseId: await runUserUseCase(deps, request, (ctx) => acceptTransfer(ctx, request.params.orgId, request.params.transferId, request.body.expectedVersion)) }));

  api.post(`${ONE}/reject`, {
    schema: { tags: ['case transfers'], summary: 'Turn the transfer down, with a reason', params: ZTransferParams, body: ZRejectTransfer, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.transfer' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => rejectTransfer(ctx, request.params.orgId, request.params.transferId, request.body));
    return reply.code(204).send(null);
  });

  api.post(`${ONE}/cancel`, {
    schema: { tags: ['case transfers'], summary: 'Withdraw a transfer that was not answered yet', params: ZTransferParams, body: ZExpectedVersion, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.transfer' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => cancelTransfer(ctx, request.params.orgId, request.params.transferId, request.body.expectedVersion));
    return reply.code(204).send(null);
  });

  api.get(`${BASE}/transfer-receivers`, {
    schema: { tags: ['case transfers'], summary: 'Organisations a case can be transferred to (names and kinds)', params: ZOrgParams, response: { 200: z.object({ organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'case.transfer' } },
  }, async (request) => ({ organisations: await runUserUseCase(deps, request, (ctx) => findTransferReceivers(ctx, request.params.orgId)) }));

  api.get(`${BASE}/transfer-policy`, {
    schema: { tags: ['case transfers'], summary: 'Whether this organisation keeps read access to cases it transferred', params: ZOrgParams, response: { 200: ZTransferPolicy, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.read' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => getTransferPolicy(ctx, request.params.orgId)));

  api.put(`${BASE}/transfer-policy`, {
    schema: { tags: ['case transfers'], summary: 'Keep (or stop keeping) read access to cases transferred from now on', params: ZOrgParams, body: ZTransferPolicy, response: { 200: ZTransferPolicy, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.configure' } },
  }, async (request) => runUserUseCase(deps, request, (ctx) => changeTransferPolicy(ctx, request.params.orgId, request.body)));
}
