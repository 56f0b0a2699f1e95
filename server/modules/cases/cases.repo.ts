import { sql } from 'kysely';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TDb, TTx } from '../../db/database.ts';
import type { TCaseRow, TPersonRow } from '../../db/schema/nrm.ts';
import { assertCaseNotTransferredAway } from '../case-transfers/transfer-access.ts';

/** Everything the case page shows, loaded in a handful of org-scoped queries. */
export interface TCaseBundle {
  caseRow: TCaseRow;
  person: TPersonRow;
  screenings: { id: string; listId: string; outcome: string; result: unknown; recordedAt: Date; recordedBy: string | null }[];
  decisions: { id: string; kind: string; outcome: string; reasonsCiphertext: string; keyVersion: number; evidenceStandard: string; decidedAt: Date; decidedBy: string | null; isReconsideration: boolean }[];
  deadlines: { id: string; kind: string; dueAt: Date; status: string }[];
  leadDisplayName: string | null;
  /** Investigations this victim is linked to: case workers learn that one exists, nothing more. */
  linkedInvestigationCount: number;
}

/** The case row, org-scoped; another organisation's case does not exist. @throws NOT_FOUND */
export async function getCaseRow(db: TDb | TTx, orgId: string, caseId: string, options: { forUpdate?: boolean } = {}): Promise<TCaseRow> {
  let query = db.selectFrom('cases').selectAll().where('orgId', '=', orgId).where('id', '=', caseId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Case not found.');
  await assertCaseNotTransferredAway(db, row);
  return row;
}

export async function getCaseBundle(db: TDb | TTx, orgId: string, caseId: string): Promise<TCaseBundle> {
  const caseRow = await getCaseRow(db, orgId, caseId);
  const person = await db.selectFrom('persons').selectAll().where('orgId', '=', orgId).where('id', '=', caseRow.personId).executeTakeFirstOrThrow();
  const screenings = await db.selectFrom('screenings').select(['id', 'listId', 'outcome', 'result', 'recordedAt', 'recordedBy'])
    .where('orgId', '=', orgId).where('caseId', '=', caseId).orderBy('recordedAt').execute();
  const decisions = await db.selectFrom('decisions')
    .select(['id', 'kind', 'outcome', 'reasonsCiphertext', 'keyVersion', 'evidenceStandard', 'decidedAt', 'decidedBy', 'isReconsideration'])
    .where('orgId', '=', orgId).where('caseId', '=', caseId).orderBy('decidedAt').execute();
  const deadlines = await db.selectFrom('deadlines').select(['id', 'kind', 'dueAt', 'status'])
    .where('orgId', '=', orgId).where('caseId', '=', caseId).orderBy('dueAt').execute();
  const lead = caseRow.childProtectionLeadId
    ? await db.selectFrom('users').select('displayName').where('id', '=', caseRow.childProtectionLeadId).executeTakeFirst()
    : undefined;
  const links = await db.selectFrom('victimLinks').select((eb) => eb.fn.countAll<number>().as('n')).where('caseId', '=', caseId).executeTakeFirstOrThrow();
  return { caseRow, person, screenings, decisions, deadlines, leadDisplayName: lead?.displayName ?? null, linkedInvestigationCount: Number(links.n) };
}

/**
 * Applies a change only if nobody changed the case since the caller read it.
 * @throws CONFLICT (VERSION_CONFLICT) when the version moved on
 */
export async function updateCaseVersioned(tx: TTx, orgId: string, caseId: string, expectedVersion: number, changes: Record<string, unknown>, now: Date): Promise<void> {
  const result = await tx.updateTable('cases')
    .set({ ...changes, version: sql`version + 1`, updatedAt: now } as never)
    .where('orgId', '=', orgId).where('id', '=', caseId).where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', 'Someone else changed this case meanwhile. Reload it and try again.', { reason: 'VERSION_CONFLICT' });
  }
}

/** The next human-readable reference of an organisation, e.g. `NRM-2026-000042` or `INV-2026-000007`. */
export async function nextReference(tx: TTx, orgId: string, prefix: 'NRM' | 'INV', year: number): Promise<string> {
  const counterName = `${prefix.toLowerCase()}_reference_${year}`;
  const row = await tx.insertInto('organisationCounters').values({ orgId, counterName, value: 1 })
    .onConflict((conflict) => conflict.columns(['orgId', 'counterName']).doUpdateSet({ value: sql`organisation_counters.value + 1` }))
    .returning('value').executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.value).padStart(6, '0')}`;
}

/** Closes the open deadlines of a kind (met when decided in time or not, cancelled on closure). */
export function closeOpenDeadlines(tx: TTx, orgId: string, caseId: string, kinds: string[], status: 'met' | 'cancelled', now: Date): Promise<unknown> {
  // A breached deadline stays breached (the statistics count it) but stops being open work.
  return tx.updateTable('deadlines').set({ status: sql`case when status = 'open' then ${status} else status end`, closedAt: now } as never)
    .where('orgId', '=', orgId).where('caseId', '=', caseId).where('kind', 'in', kinds).where('status', 'in', ['open', 'breached'])
    .execute();
}
