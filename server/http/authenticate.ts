import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors/app-error.ts';
import { ROLES, type TRole } from '../../core/authz/permissions.ts';
import type { TActor, TRequestInfo } from '../context.ts';
import type { TAppDeps } from './app-deps.ts';
import { findRolesOfUser } from '../modules/members/members.repo.ts';
import { deleteSession, findSessionByTokenHash, touchSession } from '../modules/auth/sessions.repo.ts';
import { digestToken, SESSION_COOKIE, tokensEqual } from '../modules/auth/session-tokens.ts';

export interface TRequestSession {
  id: string;
  csrfToken: string;
  /** The earlier of the absolute expiry and the idle expiry. */
  expiresAt: Date;
  /** Signed in with a temporary password: only choosing a new one is allowed (password-change-gate.ts). */
  passwordChangeRequired: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: TActor;
    session: TRequestSession | null;
  }
}

/** Only touch `last_seen_at` once a minute: idle expiry needs no finer grain, and reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requestInfo(request: FastifyRequest): TRequestInfo {
  const userAgent = request.headers['user-agent'];
  return { requestId: request.id, ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null };
}

/**
 * Resolves the session cookie into an actor for every API request, enforcing idle and absolute
 * expiry, and refuses state-changing requests of a session that lack its CSRF token.
 */
export function installAuthentication(app: FastifyInstance, deps: TAppDeps): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    request.actor = { type: 'anonymous' };
    request.session = null;
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await findSessionByTokenHash(deps.database.db, digestToken(token));
    if (!found) return;
    const now = deps.clock();
    const idleExpiry = new Date(found.lastSeenAt.getTime() + deps.config.sessionIdleMinutes * 60_000);
    if (found.expiresAt <= now || idleExpiry <= now || found.disabledAt) {
      await deleteSession(deps.database.db, found.sessionId);
      return;
    }
    if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(deps.database.db, found.sessionId, now);
    const rolesByOrg = await findRolesOfUser(deps.database.db, found.userId);
    const roles = new Map<string, TRole>();
    for (const [orgId, role] of rolesByOrg) if ((ROLES as readonly string[]).includes(role)) roles.set(orgId, role as TRole);
    request.actor = {
      type: 'user', userId: found.userId, email: found.email, displayName: found.displayName,
      isPlatformAdmin: found.isPlatformAdmin, roles, sessionId: found.sessionId,
    };
    const seenAt = now.getTime() - found.lastSeenAt.getTime() > TOUCH_INTERVAL_MS ? now : found.lastSeenAt;
    const idleEnd = seenAt.getTime() + deps.config.sessionIdleMinutes * 60_000;
    request.session = { id: found.sessionId, csrfToken: found.csrfToken, expiresAt: new Date(Math.min(idleEnd, found.expiresAt.getTime())), passwordChangeRequired: found.temporaryPasswordExpiresAt !== null };
  });
  app.addHook('preValidation', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.session) return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !tokensEqual(sent, request.session.csrfToken)) {
      throw new AppError('FORBIDDEN', 'The request lacks a valid CSRF token. Reload the page and try again.', { reason: 'CSRF_TOKEN_INVALID' });
    }
  });
}
