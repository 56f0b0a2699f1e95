import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import { assertDecisionAllowed, decisionAction, ZDecisionRecord, type TDecisionRecord } from './decisions.ts';
import { COE_PROFILE, UK_PROFILE } from './jurisdictions/index.ts';

const decision = (overrides: Partial<TDecisionRecord> = {}): TDecisionRecord => ({
  kind: 'RG',
  outcome: 'positive',
  reasons: ['Consistent account of deceptive recruitment and coercion at destination.'],
  evidenceStandard: 'reasonable_grounds_to_believe',
  decisionMaker: { userId: 'u-1', orgId: 'org-sca', authority: 'competent_authority' },
  decidedAt: '2025-03-10T15:00:00Z',
  jurisdictionProfileId: 'uk',
  jurisdictionProfileVersion: '1.0.0',
  ...overrides,
});

const cg = (decidedAt: string, outcome: 'positive' | 'negative' = 'positive') =>
  decision({ kind: 'CG', outcome, evidenceStandard: 'balance_of_probabilities', decidedAt });

const rejects = (fn: () => unknown, code: string, reason: string) =>
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === code && e.details.reason === reason);

test('decision records need at least one non-blank reason', () => {
  assert.equal(ZDecisionRecord.safeParse(decision()).success, true);
  assert.equal(ZDecisionRecord.safeParse(decision({ reasons: [] })).success, false);
  assert.equal(ZDecisionRecord.safeParse(decision({ reasons: ['   '] })).success, false);
  assert.equal(ZDecisionRecord.safeParse({ ...decision(), decidedAt: '2025-03-10T15:00:00' }).success, false);
});

test('decisionAction maps kind and outcome to the case action', () => {
  assert.equal(decisionAction('RG', 'positive'), 'record_rg_positive');
  assert.equal(decisionAction('RG', 'negative'), 'record_rg_negative');
  assert.equal(decisionAction('CG', 'positive'), 'record_cg_positive');
  assert.equal(decisionAction('CG', 'negative'), 'record_cg_negative');
});

test('an RG decision on a referred case moves it to the recovery period', () => {
  assert.equal(assertDecisionAllowed(UK_PROFILE, 'referred', decision()), 'rg_positive');
  assert.equal(assertDecisionAllowed(UK_PROFILE, 'rg_reconsideration', decision({ outcome: 'negative' })), 'rg_negative');
});

test('a decision the case is not awaiting is an invalid transition', () => {
  rejects(() => assertDecisionAllowed(UK_PROFILE, 'draft', decision()), 'INVALID_TRANSITION', 'ACTION_NOT_ALLOWED_FROM_STATUS');
  rejects(() => assertDecisionAllowed(UK_PROFILE, 'referred', cg('2025-05-01T10:00:00Z')), 'INVALID_TRANSITION', 'ACTION_NOT_ALLOWED_FROM_STATUS');
  rejects(() => assertDecisionAllowed(UK_PROFILE, 'closed', decision()), 'INVALID_TRANSITION', 'CASE_CLOSED');
});

test('the evidence standard must be the profile’s standard for that kind', () => {
  rejects(
    () => assertDecisionAllowed(UK_PROFILE, 'referred', decision({ evidenceStandard: 'reasonable_grounds_to_suspect' })),
    'DOMAIN_RULE_VIOLATED',
    'EVIDENCE_STANDARD_MISMATCH',
  );
  rejects(
    () => assertDecisionAllowed(
        UK_PROFILE,
        'rg_positive',
        { ...cg('2025-05-01T10:00:00Z'), evidenceStandard: 'reasonable_grounds_to_believe' },
        { rgPositiveAt: '2025-03-10T15:00:00Z' },
      ),
    'DOMAIN_RULE_VIOLATED',
    'EVIDENCE_STANDARD_MISMATCH',
  );
});

test('a decision prepared under another profile is refused', () => {
  rejects(() => assertDecisionAllowed(COE_PROFILE, 'referred', decision()), 'DOMAIN_RULE_VIOLATED', 'PROFILE_MISMATCH');
});

test('a CG decision waits for the end of the minimum recovery period', () => {
  const rgPositiveAt = '2025-03-10T15:00:00Z';
  // earliest CG: 2025-04-10 00:00 BST = 2025-04-09T23:00Z
  rejects(() => assertDecisionAllowed(UK_PROFILE, 'rg_positive', cg('2025-04-09T22:59:59Z'), { rgPositiveAt }), 'DOMAIN_RULE_VIOLATED', 'CG_BEFORE_END_OF_RECOVERY_PERIOD');
  rejects(() => assertDecisionAllowed(UK_PROFILE, 'rg_positive', cg('2025-03-20T10:00:00Z', 'negative'), { rgPositiveAt }), 'DOMAIN_RULE_VIOLATED', 'CG_BEFORE_END_OF_RECOVERY_PERIOD');
  assert.equal(assertDecisionAllowed(UK_PROFILE, 'rg_positive', cg('2025-04-09T23:00:00Z'), { rgPositiveAt }), 'cg_positive');
  assert.equal(assertDecisionAllowed(UK_PROFILE, 'cg_reconsideration', cg('2025-09-01T10:00:00Z'), { rgPositiveAt }), 'cg_positive');
});

test('a CG decision needs the RG date', () => {
  rejects(() => assertDecisionAllowed(UK_PROFILE, 'rg_positive', cg('2025-05-01T10:00:00Z')), 'VALIDATION_FAILED', 'RG_DATE_REQUIRED');
});
