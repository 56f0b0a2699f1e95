import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { CASE_STATUSES } from '../nrm/case-status.ts';
import { assertTransferTransition, TRANSFER_ACTIONS, TRANSFER_STATUSES, transferRequirements, type TTransferFacts } from './case-transfer.ts';

const adult: TTransferFacts = { caseStatus: 'rg_positive', sendingOrgId: 'a', receivingOrgId: 'b', consentBasis: 'person', isChild: false, isUnaccompanied: null, hasGuardian: false };
const codes = (facts: Partial<TTransferFacts>) => transferRequirements({ ...adult, ...facts }).map((u) => u.code);

test('transfer requirements: open case, another organisation, and consent on the right basis', () => {
  const table: [Partial<TTransferFacts>, string[]][] = [
    [{}, []],
    [{ caseStatus: 'referred' }, []],
    [{ caseStatus: 'withdrawn' }, []],
    [{ caseStatus: 'draft' }, ['CASE_NOT_TRANSFERABLE']],
    [{ caseStatus: 'closed' }, ['CASE_NOT_TRANSFERABLE']],
    [{ receivingOrgId: 'a' }, ['TRANSFER_TO_SELF']],
    [{ consentBasis: 'guardian' }, ['CONSENT_BASIS_NOT_ALLOWED']],
    [{ isChild: true, consentBasis: 'person' }, ['CONSENT_BASIS_NOT_ALLOWED', 'GUARDIAN_REQUIRED']],
    [{ isChild: true, consentBasis: 'guardian', hasGuardian: true }, []],
    [{ isChild: true, isUnaccompanied: false, consentBasis: 'best_interests' }, []],
    [{ caseStatus: 'closed', receivingOrgId: 'a', consentBasis: 'guardian' }, ['CASE_NOT_TRANSFERABLE', 'TRANSFER_TO_SELF', 'CONSENT_BASIS_NOT_ALLOWED']],
  ];
  for (const [facts, expected] of table) assert.deepEqual(codes(facts), expected, JSON.stringify(facts));
});

test('only a requested transfer moves, and each action has one outcome', () => {
  assert.equal(assertTransferTransition('requested', 'accept'), 'accepted');
  assert.equal(assertTransferTransition('requested', 'reject'), 'rejected');
  assert.equal(assertTransferTransition('requested', 'cancel'), 'cancelled');
  fc.assert(fc.property(fc.constantFrom(...TRANSFER_STATUSES.filter((s) => s !== 'requested')), fc.constantFrom(...TRANSFER_ACTIONS), (from, action) => {
    assert.throws(() => assertTransferTransition(from, action), (error: unknown) => error instanceof AppError && error.code === 'INVALID_TRANSITION' && error.details.reason === 'TRANSFER_NOT_OPEN');
  }));
});

test('no open case status is refused for its status alone', () => {
  for (const status of CASE_STATUSES) {
    const refused = codes({ caseStatus: status }).includes('CASE_NOT_TRANSFERABLE');
    assert.equal(refused, status === 'draft' || status === 'closed', status);
  }
});
