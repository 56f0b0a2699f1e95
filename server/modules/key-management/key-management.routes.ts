import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { listKeyRotations, runKeyRotation, startKeyRotation } from './key-rotations.ts';

const ZRotation = z.object({
  id: z.string(), toVersion: z.number().int(), status: z.enum(['running', 'finished', 'failed']), rowsReencrypted: z.number().int(), error: z.string().nullable(),
  startedAt: z.string(), finishedAt: z.string().nullable(),
});

export function registerKeyManagementRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.post('/api/organisations/:orgId/key-rotations', {
    schema: { tags: ['key management'], summary: 'Rotate the organisation\'s data key: new writes use the new key at once, older data is re-encrypted in the background', params: ZOrgParams, response: { 202: z.object({ id: z.string(), toVersion: z.number().int() }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.configure' } },
  }, async (request, reply) => {
    const started = await runUserUseCase(deps, request, (ctx) => startKeyRotation(ctx, request.params.orgId));
    // After the commit: the job reads its own row.
    void runKeyRotation(deps, started.id).catch((error: unknown) => request.log.error({ err: error }, 'key rotation failed'));
    return reply.code(202).send(started);
  });

  api.get('/api/organisations/:orgId/key-rotations', {
    schema: { tags: ['key management'], summary: 'Key rotations of the organisation with their progress', params: ZOrgParams, response: { 200: z.object({ rotations: z.array(ZRotation) }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'org.configure' } },
  }, async (request) => ({ rotations: await runUserUseCase(deps, request, (ctx) => listKeyRotations(ctx, request.params.orgId)) }));
}
