import type { LightMyRequestResponse } from 'fastify';
import { ROLE_PERMISSIONS, ROLES, type TRole } from '../../core/authz/permissions.ts';
import type { TRouteEntry } from '../../server/http/app.ts';
import type { TSample } from '../authz-samples/types.ts';
import type { TTestApp, TTestUser } from '../support/test-app.ts';

/** A client that sends payloads byte for byte, with any content type, as a signed-in user or anonymously. */
export interface TRawClient {
  user: TTestUser | null;
  send(method: string, url: string, payload: string | Buffer | undefined, contentType: string | undefined): Promise<LightMyRequestResponse>;
}

export function anonymousClient(t: TTestApp): TRawClient {
  return {
    user: null,
    send: (method, url, payload, contentType) => t.app.inject({
      method: method as 'POST', url, headers: contentType ? { 'content-type': contentType } : {}, ...(payload === undefined ? {} : { payload }),
    }),
  };
}

export async function signedInClient(t: TTestApp, user: TTestUser): Promise<TRawClient> {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'palermo_session')!.value;
  const csrfToken = (login.json() as { csrfToken: string }).csrfToken;
  return {
    user,
    send: (method, url, payload, contentType) => t.app.inject({
      method: method as 'POST', url, cookies: { palermo_session: cookie },
      headers: { 'x-csrf-token': csrfToken, ...(contentType ? { 'content-type': contentType } : {}) }, ...(payload === undefined ? {} : { payload }),
    }),
  };
}

export type TActorKind = 'anonymous' | TRole | 'platform_admin';

/**
 * An actor the route lets through to its handler in its own organisation, as the authorization
 * matrix reckons it (declared access, role table, the sample's own exceptions), so that payloads
 * the schema accepts reach the use case and the database. Administrators first.
 */
export function permittedActor(route: TRouteEntry, sample: TSample): TActorKind {
  const { access } = route;
  if (access.auth === 'public') return 'anonymous';
  if (access.platformAdmin) return 'platform_admin';
  if (!access.permission) return 'admin';
  const permission = access.permission;
  for (const role of ['admin', ...ROLES.filter((r) => r !== 'admin')] as TRole[]) {
    const override = sample.expectForRole?.(role, 'own');
    if (override === 'ok' || (override === undefined && ROLE_PERMISSIONS[role].includes(permission))) return role;
  }
  return 'platform_admin';
}
