import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { requireUser } from '../../authz/policy.ts';
import { computeBackupManifest } from './backup-manifest.ts';

/**
 * Online backup of the embedded database, taken through the running server (which holds the
 * data-folder lock). The body is the gzipped data folder; the manifest travels in a header so
 * `palermo backup` can store it beside the file. PostgreSQL deployments use pg_dump instead.
 */
export function registerBackupRoutes(app: FastifyInstance, deps: TAppDeps): void {
  zodApp(app).get('/api/admin/backup', {
    schema: { tags: ['admin'], summary: 'Download a consistent backup of the embedded database (platform administrators)', response: { ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', platformAdmin: true } },
  }, async (request, reply) => {
    const user = requireUser(request.actor);
    if (!user.isPlatformAdmin) throw new AppError('FORBIDDEN', 'Only platform administrators take backups.', { reason: 'NOT_PLATFORM_ADMIN' });
    const dump = deps.database.dumpEmbedded;
    if (!dump) throw new AppError('DOMAIN_RULE_VIOLATED', 'This server uses PostgreSQL: back it up with pg_dump (see the README).', { reason: 'USE_PG_DUMP' });
    // Record the backup first, so the manifest (taken with the dump) includes this event.
    await runUserUseCase(deps, request, (ctx) => ctx.audit.record('backup.created', { orgId: null, metadata: {} }));
    // Manifest and snapshot from the same moment: the embedded pool's only connection is held
    // for both, so no write can land between the row counts and the dump (it waits instead).
    const { manifest, bytes } = await deps.database.transaction(async (tx) => ({ manifest: await computeBackupManifest(tx, deps.clock()), bytes: await dump() }));
    return reply
      .type('application/gzip')
      .header('content-disposition', `attachment; filename="palermo-${manifest.takenAt.slice(0, 10)}.tar.gz"`)
      .header('x-palermo-manifest', Buffer.from(JSON.stringify(manifest)).toString('base64url'))
      .send(bytes as never);
  });
}
