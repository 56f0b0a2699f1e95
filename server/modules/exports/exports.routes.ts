import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { MIN_ARCHIVE_PASSWORD_LENGTH } from '../../files/encrypted-zip.ts';
import { EXPORT_PURPOSES } from '../../../core/audit/catalog/retention.ts';
import { exportCasesWithIdentity } from './cases-export.ts';

const ZCaseExport = z.strictObject({
  /** Encrypts the archive (AES-256); shared with the recipient by another channel. Never stored. */
  password: z.string().min(MIN_ARCHIVE_PASSWORD_LENGTH).max(200),
  purpose: z.enum(EXPORT_PURPOSES),
});

export function registerExportRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.post('/api/organisations/:orgId/exports/cases', {
    schema: {
      tags: ['exports'], summary: 'Cases with identity as a CSV in a password-protected (AES-256) ZIP; audited with its purpose',
      params: ZOrgParams, body: ZCaseExport, response: { 200: z.any().describe('application/zip'), ...ERROR_RESPONSES },
    },
    config: { access: { auth: 'user', permission: 'export.identifying' } },
  }, async (request, reply) => {
    const { zip } = await runUserUseCase(deps, request, (ctx) => exportCasesWithIdentity(ctx, request.params.orgId, request.body));
    return reply.header('content-type', 'application/zip').header('content-disposition', 'attachment; filename="palermo-cases.zip"').send(Buffer.from(zip));
  });
}
