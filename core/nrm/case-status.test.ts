import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import {
  assertCaseTransition,
  availableCaseActions,
  awaitedDecision,
  CASE_ACTIONS,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  type TCaseAction,
  type TCaseStatus,
} from './case-status.ts';
import { assertClosureReason, CLOSURE_REASONS, type TClosureReason } from './closure.ts';

// The whole table, written out independently of CASE_TRANSITIONS: every status × action pair not
// listed here must be refused.
const ALLOWED: readonly [TCaseStatus, TCaseAction, TCaseStatus][] = [
  ['draft', 'submit_referral', 'referred'],
  ['draft', 'close', 'closed'],
  ['referred', 'record_rg_positive', 'rg_positive'],
  ['referred', 'record_rg_negative', 'rg_negative'],
  ['referred', 'withdraw', 'withdrawn'],
  ['referred', 'close', 'closed'],
  ['rg_positive', 'record_cg_positive', 'cg_positive'],
  ['rg_positive', 'record_cg_negative', 'cg_negative'],
  ['rg_positive', 'withdraw', 'withdrawn'],
  ['rg_positive', 'close', 'closed'],
  ['rg_negative', 'request_rg_reconsideration', 'rg_reconsideration'],
  ['rg_negative', 'close', 'closed'],
  ['rg_reconsideration', 'record_rg_positive', 'rg_positive'],
  ['rg_reconsideration', 'record_rg_negative', 'rg_negative'],
  ['rg_reconsideration', 'withdraw', 'withdrawn'],
  ['rg_reconsideration', 'close', 'closed'],
  ['cg_positive', 'close', 'closed'],
  ['cg_negative', 'request_cg_reconsideration', 'cg_reconsideration'],
  ['cg_negative', 'close', 'closed'],
  ['cg_reconsideration', 'record_cg_positive', 'cg_positive'],
  ['cg_reconsideration', 'record_cg_negative', 'cg_negative'],
  ['cg_reconsideration', 'withdraw', 'withdrawn'],
  ['cg_reconsideration', 'close', 'closed'],
  ['withdrawn', 'close', 'closed'],
];

for (const from of CASE_STATUSES) {
  for (const action of CASE_ACTIONS) {
    const expected = ALLOWED.find(([f, a]) => f === from && a === action)?.[2];
    test(`${from} --${action}--> ${expected ?? 'refused'}`, () => {
      if (expected) {
        assert.equal(assertCaseTransition(from, action), expected);
        return;
      }
      assert.throws(
        () => assertCaseTransition(from, action),
        (e: unknown) =>
          e instanceof AppError &&
          e.code === 'INVALID_TRANSITION' &&
          e.details.reason === (from === 'closed' ? 'CASE_CLOSED' : 'ACTION_NOT_ALLOWED_FROM_STATUS') &&
          e.details.from === from &&
          e.details.action === action,
      );
    });
  }
}

test('the table has exactly the allowed transitions', () => {
  const count = Object.values(CASE_TRANSITIONS).reduce<number>((n, row) => n + Object.keys(row).length, 0);
  assert.equal(count, ALLOWED.length);
});

test('every action is reachable from some status, and every status but draft is entered by some action', () => {
  for (const action of CASE_ACTIONS) assert.ok(ALLOWED.some(([, a]) => a === action), action);
  for (const status of CASE_STATUSES) if (status !== 'draft') assert.ok(ALLOWED.some(([, , to]) => to === status), status);
});

test('every open status can be closed; closed is terminal', () => {
  for (const s of CASE_STATUSES) assert.equal(availableCaseActions(s).includes('close'), s !== 'closed', s);
  assert.deepEqual(availableCaseActions('closed'), []);
});

test('a full journey with a reconsidered negative RG', () => {
  const steps: TCaseAction[] = [
    'submit_referral',
    'record_rg_negative',
    'request_rg_reconsideration',
    'record_rg_positive',
    'record_cg_positive',
    'close',
  ];
  const end = steps.reduce<TCaseStatus>((status, action) => assertCaseTransition(status, action), 'draft');
  assert.equal(end, 'closed');
});

test('awaitedDecision names the pending decision', () => {
  const expected: Record<TCaseStatus, 'RG' | 'CG' | null> = {
    draft: null,
    referred: 'RG',
    rg_positive: 'CG',
    rg_negative: null,
    rg_reconsideration: 'RG',
    cg_positive: null,
    cg_negative: null,
    cg_reconsideration: 'CG',
    withdrawn: null,
    closed: null,
  };
  for (const s of CASE_STATUSES) assert.equal(awaitedDecision(s), expected[s], s);
});

// Closure reasons: those that describe how the procedure ended need the matching status.
const CLOSURE_ALLOWED: Record<TClosureReason, readonly TCaseStatus[]> = {
  draft_discarded: ['draft'],
  conclusive_decision_made: ['cg_positive', 'cg_negative'],
  negative_rg_not_challenged: ['rg_negative'],
  withdrawn: ['withdrawn'],
  duplicate: CASE_STATUSES.filter((s) => s !== 'closed'),
  transferred: CASE_STATUSES.filter((s) => s !== 'closed'),
  deceased: CASE_STATUSES.filter((s) => s !== 'closed'),
  lost_contact: CASE_STATUSES.filter((s) => s !== 'closed'),
  other: CASE_STATUSES.filter((s) => s !== 'closed'),
};

for (const reason of CLOSURE_REASONS) {
  test(`closure reason ${reason} is allowed exactly from ${CLOSURE_ALLOWED[reason].join(', ')}`, () => {
    for (const from of CASE_STATUSES) {
      if (CLOSURE_ALLOWED[reason].includes(from)) {
        assert.doesNotThrow(() => assertClosureReason(from, reason));
      } else {
        assert.throws(
          () => assertClosureReason(from, reason),
          (e: unknown) => e instanceof AppError && e.code === 'DOMAIN_RULE_VIOLATED' && e.details.reason === 'CLOSURE_REASON_NOT_ALLOWED',
        );
      }
    }
  });
}
