import type { TPermission } from '../../core/authz/permissions.ts';

/**
 * Declared on every route (`config.access`) so the route table itself says who may call what.
 * The authorization-matrix test reads it: a route without a declaration fails the suite.
 */
export type TRouteAccess =
  | { auth: 'public' }
  | { auth: 'user'; permission?: TPermission; platformAdmin?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: TRouteAccess;
  }
}
