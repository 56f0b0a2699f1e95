import type { TRole } from '../core/authz/permissions.ts';
import type { TDatabase, TTx } from './db/database.ts';
import { createAuditWriter, type TAuditWriter } from './audit/audit-writer.ts';
import type { TKeyring } from './crypto/keyring.ts';

/** Who is acting. Every service call and every audit row knows this. */
export type TActor =
  | {
      type: 'user';
      userId: string;
      email: string;
      displayName: string;
      isPlatformAdmin: boolean;
      /** Role per organisation id. */
      roles: ReadonlyMap<string, TRole>;
      sessionId: string;
    }
  | { type: 'cli'; osUser: string }
  | { type: 'system' }
  | { type: 'anonymous' };

export interface TRequestInfo {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** The one object passed to every use case: actor, transaction, clock and audit writer. */
export interface TCtx {
  actor: TActor;
  /** The open transaction. Repos take it from here and never reach for a global handle. */
  db: TTx;
  now(): Date;
  request: TRequestInfo;
  audit: TAuditWriter;
  /** Organisation data keys for identity encryption. */
  keyring: TKeyring;
}

export type TClock = () => Date;

export interface TContextDeps {
  database: TDatabase;
  clock: TClock;
  keyring: TKeyring;
}

/**
 * Runs `work` in a transaction with a fresh context. HTTP handlers, jobs, the CLI and tests all
 * come through here, so every change and its audit row commit or roll back together.
 */
export function withContext<T>(
  deps: TContextDeps,
  actor: TActor,
  request: TRequestInfo,
  work: (ctx: TCtx) => Promise<T>,
): Promise<T> {
  return deps.database.transaction(async (tx) => {
    const ctx: TCtx = { actor, db: tx, now: deps.clock, request, audit: undefined as unknown as TAuditWriter, keyring: deps.keyring };
    ctx.audit = createAuditWriter(ctx);
    return work(ctx);
  });
}

export const NO_REQUEST: TRequestInfo = { requestId: null, ip: null, userAgent: null };
