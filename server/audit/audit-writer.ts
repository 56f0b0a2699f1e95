import { randomUUID } from 'node:crypto';
import { AUDIT_EVENT_CATALOG, type TAuditAction, type TAuditMetadata } from '../../core/audit/events.ts';
import type { TActor, TCtx } from '../context.ts';
import { GENESIS_HASH, hashAuditRow } from './audit-hash.ts';

/** Events outside any organisation (logins, platform administration) form this chain. */
export const SYSTEM_CHAIN_KEY = 'system';

export interface TAuditEntry<A extends TAuditAction> {
  /** The organisation whose chain receives the event; null for platform-level events. */
  orgId: string | null;
  subjectType?: string;
  subjectId?: string;
  caseId?: string;
  /** Field diff of allow-listed fields: never identifying values. */
  changes?: Record<string, unknown>;
  metadata: TAuditMetadata<A>;
}

export interface TAuditWriter {
  record<A extends TAuditAction>(action: A, entry: TAuditEntry<A>): Promise<void>;
}

export function chainKeyFor(orgId: string | null): string {
  return orgId ?? SYSTEM_CHAIN_KEY;
}

function describeActor(actor: TActor): { actorType: string; actorId: string | null; actorLabel: string | null } {
  switch (actor.type) {
    case 'user':
      return { actorType: 'user', actorId: actor.userId, actorLabel: actor.email };
    case 'cli':
      return { actorType: 'cli', actorId: null, actorLabel: `cli:${actor.osUser}` };
    case 'system':
      return { actorType: 'system', actorId: null, actorLabel: 'system' };
    case 'anonymous':
      return { actorType: 'anonymous', actorId: null, actorLabel: null };
  }
}

/**
 * The only writer of `audit_events`. It appends to the organisation's hash chain inside the
 * caller's transaction: the chain head row is locked, so concurrent writers of one chain queue up
 * and the chain never forks; if the change rolls back, so does its audit row.
 */
export function createAuditWriter(ctx: Pick<TCtx, 'db' | 'actor' | 'now' | 'request'>): TAuditWriter {
  return {
    async record(action, entry) {
      const metadata = AUDIT_EVENT_CATALOG[action].parse(entry.metadata) as Record<string, unknown>;
      const chainKey = chainKeyFor(entry.orgId);
      await ctx.db
        .insertInto('auditChainHeads')
        .values({ chainKey, lastSeq: 0, lastHash: GENESIS_HASH })
        .onConflict((conflict) => conflict.column('chainKey').doNothing())
        .execute();
      const head = await ctx.db
        .selectFrom('auditChainHeads')
        .select(['lastSeq', 'lastHash'])
        .where('chainKey', '=', chainKey)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const fields = {
        chainKey,
        seq: head.lastSeq + 1,
        prevHash: head.lastHash,
        id: randomUUID(),
        orgId: entry.orgId,
        action,
        ...describeActor(ctx.actor),
        subjectType: entry.subjectType ?? null,
        subjectId: entry.subjectId ?? null,
        caseId: entry.caseId ?? null,
        changes: entry.changes ?? null,
        metadata,
        ip: ctx.request.ip,
        userAgent: ctx.request.userAgent,
        requestId: ctx.request.requestId,
        createdAt: ctx.now(),
      };
      const hash = hashAuditRow(fields);
      await ctx.db
        .insertInto('auditEvents')
        .values({
          ...fields,
          changes: fields.changes === null ? null : JSON.stringify(fields.changes),
          metadata: JSON.stringify(fields.metadata),
          hash,
        })
        .execute();
      await ctx.db
        .updateTable('auditChainHeads')
        .set({ lastSeq: fields.seq, lastHash: hash })
        .where('chainKey', '=', chainKey)
        .execute();
    },
  };
}
