import type { FastifyRequest } from 'fastify';
import type { AppError } from '../../../core/errors/app-error.ts';
import type { TCtx } from '../../context.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { runUserUseCase } from '../../http/route-helpers.ts';

/**
 * A refusal whose bookkeeping must survive: a wrong code is counted (throttle) and audited, and
 * throwing inside the transaction would roll that back. The use case returns this instead, the
 * transaction commits, and the caller throws the error afterwards.
 */
export class DeferredFailure {
  constructor(readonly error: AppError) {}
}

export async function throwIfFailed<T>(result: T | DeferredFailure): Promise<T> {
  if (result instanceof DeferredFailure) throw result.error;
  return result;
}

/** runUserUseCase for use cases that may return a DeferredFailure. */
export async function runUserUseCaseKeepingFailures<T>(deps: TAppDeps, request: FastifyRequest, work: (ctx: TCtx) => Promise<T | DeferredFailure>): Promise<T> {
  return throwIfFailed(await runUserUseCase(deps, request, work));
}
