import type { TDatabase } from '../../server/db/database.ts';
import type { TAuditEventRow } from '../../server/db/schema/foundation.ts';

/** Audit rows of one action, newest last, optionally narrowed by subject. */
export function auditRows(database: TDatabase, action: string, subjectId?: string): Promise<TAuditEventRow[]> {
  let query = database.db.selectFrom('auditEvents').selectAll().where('action', '=', action).orderBy('createdAt').orderBy('seq');
  if (subjectId) query = query.where('subjectId', '=', subjectId);
  return query.execute();
}
