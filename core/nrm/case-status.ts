/**
 * PERSISTED VALUES: statuses and actions are stored on cases and in the audit log (snake_case
 * because analysts query them). Add values; never rename or reuse one.
 *
 * The NRM case workflow (domain.md d.5, our design):
 *
 *   draft ──submit_referral──▶ referred ──record_rg_positive──▶ rg_positive (recovery period)
 *                                  │                                 │
 *                          record_rg_negative              record_cg_positive / _negative
 *                                  ▼                                 ▼
 *   rg_negative ◀─record_rg_negative── rg_reconsideration      cg_positive | cg_negative
 *        └──request_rg_reconsideration──▲  └─record_rg_positive─▶ rg_positive
 *   cg_negative ──request_cg_reconsideration──▶ cg_reconsideration ──record_cg_*──▶ cg_*
 *   withdraw: from referred, rg_positive and the two reconsiderations ──▶ withdrawn
 *   close (with a reason code, see closure.ts): from every status but closed ──▶ closed
 *
 * `closed` is terminal: a new referral of the same person is a new case (one case per episode).
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

export const CASE_STATUSES = [
  'draft',
  'referred',
  'rg_positive',
  'rg_negative',
  'rg_reconsideration',
  'cg_positive',
  'cg_negative',
  'cg_reconsideration',
  'withdrawn',
  'closed',
] as const;
export const ZCaseStatus = z.enum(CASE_STATUSES);
export type TCaseStatus = z.infer<typeof ZCaseStatus>;

export const CASE_ACTIONS = [
  'submit_referral',
  'record_rg_positive',
  'record_rg_negative',
  'request_rg_reconsideration',
  'record_cg_positive',
  'record_cg_negative',
  'request_cg_reconsideration',
  'withdraw',
  'close',
] as const;
export const ZCaseAction = z.enum(CASE_ACTIONS);
export type TCaseAction = z.infer<typeof ZCaseAction>;

/**
 * Every status must appear here (the `satisfies` makes a new status a compile error until its
 * row is written); an action missing from a row is not allowed from that status.
 */
export const CASE_TRANSITIONS = {
  draft: { submit_referral: 'referred', close: 'closed' },
  referred: { record_rg_positive: 'rg_positive', record_rg_negative: 'rg_negative', withdraw: 'withdrawn', close: 'closed' },
  rg_positive: { record_cg_positive: 'cg_positive', record_cg_negative: 'cg_negative', withdraw: 'withdrawn', close: 'closed' },
  rg_negative: { request_rg_reconsideration: 'rg_reconsideration', close: 'closed' },
  rg_reconsideration: { record_rg_positive: 'rg_positive', record_rg_negative: 'rg_negative', withdraw: 'withdrawn', close: 'closed' },
  cg_positive: { close: 'closed' },
  cg_negative: { request_cg_reconsideration: 'cg_reconsideration', close: 'closed' },
  cg_reconsideration: { record_cg_positive: 'cg_positive', record_cg_negative: 'cg_negative', withdraw: 'withdrawn', close: 'closed' },
  withdrawn: { close: 'closed' },
  closed: {},
} as const satisfies Record<TCaseStatus, Partial<Record<TCaseAction, TCaseStatus>>>;

/**
 * The status a case moves to when `action` is taken from `from`.
 * @throws AppError INVALID_TRANSITION with `{ reason: 'ACTION_NOT_ALLOWED_FROM_STATUS', from, action }`
 *   (or `reason: 'CASE_CLOSED'` when the case is closed).
 */
export function assertCaseTransition(from: TCaseStatus, action: TCaseAction): TCaseStatus {
  const row: Partial<Record<TCaseAction, TCaseStatus>> = CASE_TRANSITIONS[from];
  const next = row[action];
  if (next === undefined) {
    throw new AppError('INVALID_TRANSITION', `A case in status ${from} cannot take action ${action}`, {
      reason: from === 'closed' ? 'CASE_CLOSED' : 'ACTION_NOT_ALLOWED_FROM_STATUS',
      from,
      action,
    });
  }
  return next;
}

/** Actions allowed from a status, in catalogue order, for the UI's buttons. Never throws. */
export function availableCaseActions(from: TCaseStatus): TCaseAction[] {
  const row: Partial<Record<TCaseAction, TCaseStatus>> = CASE_TRANSITIONS[from];
  return CASE_ACTIONS.filter((action) => row[action] !== undefined);
}

/** The decision a case is waiting for, if any; drives which deadline is live. Never throws. */
export function awaitedDecision(status: TCaseStatus): 'RG' | 'CG' | null {
  switch (status) {
    case 'referred':
    case 'rg_reconsideration':
      return 'RG';
    case 'rg_positive':
    case 'cg_reconsideration':
      return 'CG';
    case 'draft':
    case 'rg_negative':
    case 'cg_positive':
    case 'cg_negative':
    case 'withdrawn':
    case 'closed':
      return null;
    default:
      return assertNever(status);
  }
}

/** Whether a decision taken from this status is a reconsideration of an earlier negative one. */
export function isReconsideration(status: TCaseStatus): boolean {
  return status === 'rg_reconsideration' || status === 'cg_reconsideration';
}

function assertNever(value: never): never {
  throw new AppError('INTERNAL', `Unhandled case status ${String(value)}`);
}
