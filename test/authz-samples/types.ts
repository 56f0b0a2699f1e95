import type { TRole } from '../../core/authz/permissions.ts';
import type { TTestApp, TTestUser } from '../support/test-app.ts';

/** A valid request for one route, used by the authorization matrix. */
export interface TSampleContext {
  t: TTestApp;
  orgId: string;
  actor: TTestUser | null;
}

export interface TSample {
  /** Builds a valid request (fresh fixtures where the request consumes them). */
  build(context: TSampleContext): Promise<{ url: string; body?: unknown }>;
  /** For public routes: the status a valid request gets. */
  publicStatus?: number;
  /**
   * For routes whose rule needs more than the declared permission (e.g. access to a second
   * organisation's data): the status for a role, or undefined to use the declared permission.
   */
  expectForRole?(role: TRole, scope: 'own' | 'other'): number | 'ok' | undefined;
  /** What a permitted request answers when that is not a 2xx on this engine. */
  okStatus?: number | 'ok';
}

