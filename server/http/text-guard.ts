import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors/app-error.ts';

/**
 * NUL and unpaired UTF-16 surrogates are valid in a JSON string but in no stored text: PostgreSQL
 * refuses NUL in text columns, and a lone surrogate either fails to encode (PGlite) or is silently
 * replaced (node-postgres). No field of the API needs them, so they are refused for every route,
 * in body, query and path, before the route's schema runs — one rule instead of one per field.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (or key) holding an unstorable character, or null. Iterative: bodies may nest deeply. */
export function findUnstorableText(root: unknown, rootPath: string): string | null {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, `${path}.${index}`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) return path;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}

export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const where = findUnstorableText(request.params, 'params') ?? findUnstorableText(request.query, 'querystring') ?? findUnstorableText(request.body, 'body');
    if (where) {
      throw new AppError('VALIDATION_FAILED', 'Text may not contain NUL characters or unpaired surrogates.', {
        issues: [{ path: where, message: 'Contains a NUL character or an unpaired surrogate' }],
      });
    }
  });
}
