import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withContext, type TCtx } from '../context.ts';
import { requireUser } from '../authz/policy.ts';
import type { TAppDeps } from './app-deps.ts';
import { requestInfo } from './authenticate.ts';
import { SESSION_COOKIE, type TNewSessionCookie } from '../modules/auth/session-cookie.ts';

export type TZodApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export function zodApp(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Runs a use case for the request's actor in one transaction (handler recipe step 5). */
export function runUseCase<T>(deps: TAppDeps, request: FastifyRequest, work: (ctx: TCtx) => Promise<T>): Promise<T> {
  return withContext(deps, request.actor, requestInfo(request), work);
}

/** Runs a use case that needs a signed-in user; anonymous requests get UNAUTHENTICATED. */
export function runUserUseCase<T>(deps: TAppDeps, request: FastifyRequest, work: (ctx: TCtx) => Promise<T>): Promise<T> {
  requireUser(request.actor);
  return runUseCase(deps, request, work);
}

export function setSessionCookie(reply: FastifyReply, deps: TAppDeps, session: TNewSessionCookie): void {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.behindTls,
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: TAppDeps): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: deps.config.behindTls, path: '/' });
}
