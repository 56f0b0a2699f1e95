import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** Registers OpenAPI generation from the zod route schemas. Must run before routes are added. */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Palermo API',
        version: '0.1.0',
        description: 'National Referral Mechanism, criminal justice chain, disclosure-safe statistics and cooperation between agencies. ' +
          'Authenticate with POST /api/auth/login (session cookie); send the returned csrfToken as the x-csrf-token header on every state-changing request.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'palermo_session' } } },
    },
    transform: jsonSchemaTransform,
  });
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

interface TOperation { summary?: string; tags?: string[]; requestBody?: unknown; parameters?: unknown }

/**
 * A browsable, script-free page of the API (a script-based viewer would need a looser CSP):
 * every operation with its summary, parameters and request body schema.
 */
export function renderApiDocsPage(document: { info?: { title?: string; description?: string }; paths?: Record<string, Record<string, TOperation>> }): string {
  const sections = Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const details = [operation.parameters, operation.requestBody]
        .filter(Boolean)
        .map((part) => `<pre>${escapeHtml(JSON.stringify(part, null, 2))}</pre>`)
        .join('');
      return `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2><p>${escapeHtml(operation.summary ?? '')}</p>${details ? `<details><summary>Parameters and body</summary>${details}</details>` : ''}</section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info?.title ?? 'API')}</title></head>` +
    `<body><main><h1>${escapeHtml(document.info?.title ?? 'API')}</h1><p>${escapeHtml(document.info?.description ?? '')}</p>` +
    `<p><a href="/api/openapi.json">OpenAPI 3.1 document (JSON)</a></p>${sections.join('')}</main></body></html>`;
}
