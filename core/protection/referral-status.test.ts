import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { assertReferralTransition, availableReferralActions, isSharingLive, REFERRAL_ACTION_SIDE, REFERRAL_ACTIONS, REFERRAL_STATUSES } from './referral-status.ts';

test('referral transitions: the table, row by row', () => {
  const cases: [from: (typeof REFERRAL_STATUSES)[number], action: (typeof REFERRAL_ACTIONS)[number], to: string | null][] = [
    ['sent', 'accept', 'accepted'], ['sent', 'decline', 'declined'], ['sent', 'revoke', 'revoked'], ['sent', 'complete', null],
    ['accepted', 'complete', 'completed'], ['accepted', 'revoke', 'revoked'], ['accepted', 'accept', null], ['accepted', 'decline', null],
    ['declined', 'revoke', null], ['completed', 'revoke', null], ['revoked', 'accept', null],
  ];
  for (const [from, action, to] of cases) {
    if (to === null) assert.throws(() => assertReferralTransition(from, action), (e: unknown) => e instanceof AppError && e.code === 'INVALID_TRANSITION', `${from} ${action}`);
    else assert.equal(assertReferralTransition(from, action), to, `${from} ${action}`);
  }
});

test('each side is offered only its own actions; sharing is live only while sent or accepted', () => {
  assert.deepEqual(availableReferralActions('sent', 'receiver'), ['accept', 'decline']);
  assert.deepEqual(availableReferralActions('sent', 'referrer'), ['revoke']);
  assert.deepEqual(availableReferralActions('accepted', 'receiver'), ['complete']);
  assert.deepEqual(REFERRAL_STATUSES.filter(isSharingLive), ['sent', 'accepted']);
  fc.assert(fc.property(fc.constantFrom(...REFERRAL_STATUSES), fc.constantFrom('referrer' as const, 'receiver' as const), (status, side) => {
    for (const action of availableReferralActions(status, side)) {
      assert.equal(REFERRAL_ACTION_SIDE[action], side);
      assert.ok(REFERRAL_STATUSES.includes(assertReferralTransition(status, action)));
    }
  }));
});

test('every path through the workflow ends in a terminal status that offers nothing and shares nothing (property)', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...REFERRAL_ACTIONS), { maxLength: 8 }), (actions) => {
    let status: (typeof REFERRAL_STATUSES)[number] = 'sent';
    for (const action of actions) {
      try { status = assertReferralTransition(status, action); } catch (error) { assert.equal((error as AppError).code, 'INVALID_TRANSITION'); }
    }
    const isTerminal = availableReferralActions(status, 'referrer').length + availableReferralActions(status, 'receiver').length === 0;
    assert.equal(isTerminal, !isSharingLive(status));
  }));
});
