import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sql } from 'kysely';
import type { TAppDeps } from '../../http/app-deps.ts';
import { zodApp } from '../../http/route-helpers.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: TAppDeps): void {
  zodApp(app).get('/api/health', {
    schema: { tags: ['health'], summary: 'Liveness: answers once migrations ran and the database responds', response: { 200: z.object({ status: z.literal('ok') }) } },
    config: { access: { auth: 'public' } },
  }, async () => {
    // The server only listens after migrations, so a database answer is the remaining check.
    await sql`select 1`.execute(deps.database.db);
    return { status: 'ok' as const };
  });
}
