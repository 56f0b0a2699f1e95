import type { TDb, TTx } from '../../db/database.ts';

export interface TAuditEventFilter {
  limit: number;
  /** Paging: events older than this sequence number (the last `seq` of the previous page). */
  beforeSeq?: number;
  action?: string;
  actorId?: string;
  caseId?: string;
  subjectId?: string;
  /** Inclusive lower and exclusive upper bound of `created_at`. */
  since?: Date;
  until?: Date;
}

/**
 * One page of an organisation's audit events, newest first. Rows are returned as stored (the
 * caller presents them); sequence order is the chain's order, so pages never overlap or skip.
 */
export function findAuditEvents(db: TDb | TTx, orgId: string, filter: TAuditEventFilter) {
  let query = db
    .selectFrom('auditEvents')
    .select(['id', 'seq', 'action', 'actorId', 'actorLabel', 'subjectType', 'subjectId', 'createdAt', 'metadata'])
    .where('orgId', '=', orgId)
    .orderBy('seq', 'desc')
    .limit(filter.limit);
  if (filter.beforeSeq) query = query.where('seq', '<', filter.beforeSeq);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
  if (filter.caseId) query = query.where('caseId', '=', filter.caseId);
  if (filter.subjectId) query = query.where('subjectId', '=', filter.subjectId);
  if (filter.since) query = query.where('createdAt', '>=', filter.since);
  if (filter.until) query = query.where('createdAt', '<', filter.until);
  return query.execute();
}
