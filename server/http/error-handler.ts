import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type TErrorIssue } from '../../core/errors/app-error.ts';

/** Fastify's own error codes for malformed requests, mapped onto the platform's closed set. */
const FASTIFY_CODE_MAP: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('VALIDATION_FAILED', 'The body is not valid JSON.', { issues: [{ path: '', message: 'Malformed JSON' }] }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError('VALIDATION_FAILED', 'The body is empty but JSON was declared.', { issues: [{ path: '', message: 'Empty JSON body' }] }),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('PAYLOAD_TOO_LARGE', 'The body is larger than this endpoint accepts.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError('VALIDATION_FAILED', 'The Content-Length header does not match the body.'),
  FST_ERR_CTP_INVALID_TYPE: () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'The Content-Type header is invalid.'),
};

function issuePath(instancePath: string | undefined, params: Record<string, unknown> | undefined): string {
  const fromInstance = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  return fromInstance || String((params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path?.join('.') ?? '');
}

/** Turns any thrown value into an AppError, logging only what is a fault of ours. */
export function toAppError(error: unknown): { appError: AppError; isFault: boolean } {
  if (error instanceof AppError) return { appError: error, isFault: error.code === 'INTERNAL' };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues: TErrorIssue[] = error.validation.map((issue) => {
      const path = issuePath(issue.instancePath, issue.params as Record<string, unknown>);
      return { path: path ? `${where}.${path}` : where, message: issue.message ?? 'Invalid value' };
    });
    return { appError: new AppError('VALIDATION_FAILED', `The request ${where} is invalid.`, { issues }), isFault: false };
  }
  if (isResponseSerializationError(error)) {
    return { appError: new AppError('INTERNAL', 'The server produced an invalid response.'), isFault: true };
  }
  // Two requests raced for the same unique slot (e.g. two jobs started in the same instant) or a
  // serializable transaction lost: the loser gets a conflict to retry, not a server fault.
  const pgCode = (error as { code?: unknown }).code;
  if (pgCode === '23505' || pgCode === '40001' || pgCode === '40P01') {
    return { appError: new AppError('CONFLICT', 'Someone else changed this at the same moment. Try again.', { reason: 'CONCURRENT_CHANGE' }), isFault: false };
  }
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code ? FASTIFY_CODE_MAP[fastifyError.code] : undefined;
  if (mapped) return { appError: mapped(), isFault: false };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = fastifyError.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : fastifyError.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED';
    return { appError: new AppError(code, fastifyError.message ?? 'Bad request'), isFault: false };
  }
  return { appError: new AppError('INTERNAL', 'Something went wrong on the server. The error has been logged.'), isFault: true };
}

/**
 * Fastify's router answers a few malformed URLs before any hook or handler runs (bad
 * percent-encoding, a path parameter over the router's length limit): the `frameworkErrors`
 * option sends those in the one error shape too, instead of Fastify's own body.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { appError, isFault } = toAppError(error);
  if (isFault) request.log.error({ err: error }, 'request failed');
  void reply.status(appError.httpStatus).type('application/json').send(appError.toBody());
}

/** Installs the one error shape `{ error: { code, message, details } }` for every failure. */
export function installErrorHandling(app: FastifyInstance, options: { serveSinglePage: boolean }): void {
  app.setErrorHandler((error, request, reply) => {
    const { appError, isFault } = toAppError(error);
    if (isFault) request.log.error({ err: error }, 'request failed');
    void reply.status(appError.httpStatus).type('application/json').send(appError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/members, /audit, …) all load the single page of the web app.
    if (options.serveSinglePage && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const appError = new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`);
    void reply.status(404).type('application/json').send(appError.toBody());
  });
}
