import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import {
  assertChildCase,
  assertChildClosure,
  assertChildReturn,
  childCaseRequirements,
  childClosureRequirements,
  childReturnRequirements,
  childStatus,
  type TAgeFacts,
  type TChildCaseFacts,
} from './child-pathway.ts';
import { UK_PROFILE } from './jurisdictions/index.ts';

const ASSESSED_AT = '2025-02-01T10:00:00Z';
const age = (ageStatus: TAgeFacts['ageStatus'], ageYears: number | null, assessed: 'child' | 'adult' | null = null): TAgeFacts => ({
  ageStatus,
  ageYears,
  ageAssessment: assessed ? { outcome: assessed, assessedAt: ASSESSED_AT } : null,
});

const AGE_CASES = [
  { facts: age('confirmed', 17), isChild: true, basis: 'confirmed_age' },
  { facts: age('confirmed', 18), isChild: false, basis: 'confirmed_age' },
  { facts: age('confirmed', 25, 'child'), isChild: false, basis: 'confirmed_age' },
  { facts: age('claimed', 16), isChild: true, basis: 'stated_age_under_majority' },
  { facts: age('claimed', 19), isChild: false, basis: 'stated_age_adult' },
  { facts: age('claimed', null), isChild: true, basis: 'presumption_pending_assessment' },
  { facts: age('disputed', 19), isChild: true, basis: 'presumption_pending_assessment' },
  { facts: age('disputed', 19, 'adult'), isChild: false, basis: 'age_assessment' },
  { facts: age('disputed', 22, 'child'), isChild: true, basis: 'age_assessment' },
  { facts: age('presumed_child', null), isChild: true, basis: 'presumption_pending_assessment' },
  { facts: age('presumed_child', 20), isChild: true, basis: 'presumption_pending_assessment' },
  { facts: age('presumed_child', null, 'adult'), isChild: false, basis: 'age_assessment' },
  { facts: age('confirmed', null), isChild: true, basis: 'presumption_pending_assessment' },
] as const;

for (const c of AGE_CASES) {
  const a = c.facts.ageAssessment ? `, assessed ${c.facts.ageAssessment.outcome}` : '';
  test(`childStatus: ${c.facts.ageStatus}, age ${c.facts.ageYears ?? 'unknown'}${a} → ${c.isChild ? 'child' : 'adult'} (${c.basis})`, () => {
    assert.deepEqual(childStatus(UK_PROFILE, c.facts), { isChild: c.isChild, basis: c.basis });
  });
}

test('the age of majority comes from the profile', () => {
  assert.equal(childStatus({ ageOfMajority: 21 }, age('confirmed', 19)).isChild, true);
});

const LEAD = { userId: 'u-cp', assignedAt: ASSESSED_AT };
const GUARDIAN = { kind: 'independent_child_trafficking_guardian' as const, guardianRef: 'g-1', appointedAt: ASSESSED_AT };
const BID_RETURN = {
  completedAt: ASSESSED_AT,
  outcome: 'return_in_best_interests' as const,
  riskAndSecurityAssessment: { completedAt: ASSESSED_AT },
};

const facts = (overrides: Partial<TChildCaseFacts> = {}): TChildCaseFacts => ({
  isChild: true,
  isUnaccompanied: true,
  childProtectionLead: LEAD,
  guardian: GUARDIAN,
  bestInterestsDetermination: BID_RETURN,
  ...overrides,
});

const codes = (list: { code: string }[]) => list.map((u) => u.code);

const GUARD_CASES = [
  { name: 'complete child case', f: facts(), lead: [], close: [], ret: [] },
  { name: 'no child-protection lead', f: facts({ childProtectionLead: null }), lead: ['CHILD_PROTECTION_LEAD_REQUIRED'], close: [], ret: [] },
  { name: 'unaccompanied, no guardian', f: facts({ guardian: null }), lead: [], close: ['GUARDIAN_REQUIRED'], ret: ['GUARDIAN_REQUIRED'] },
  { name: 'accompaniment unknown, no guardian', f: facts({ guardian: null, isUnaccompanied: null }), lead: [], close: ['GUARDIAN_REQUIRED'], ret: ['GUARDIAN_REQUIRED'] },
  { name: 'accompanied, no guardian', f: facts({ guardian: null, isUnaccompanied: false }), lead: [], close: [], ret: [] },
  {
    name: 'no best-interests determination',
    f: facts({ bestInterestsDetermination: null }),
    lead: [],
    close: [],
    ret: ['BEST_INTERESTS_DETERMINATION_REQUIRED', 'RISK_AND_SECURITY_ASSESSMENT_REQUIRED'],
  },
  {
    name: 'determination without risk and security assessment',
    f: facts({ bestInterestsDetermination: { ...BID_RETURN, riskAndSecurityAssessment: null } }),
    lead: [],
    close: [],
    ret: ['RISK_AND_SECURITY_ASSESSMENT_REQUIRED'],
  },
  {
    name: 'return found not in the best interests',
    f: facts({ bestInterestsDetermination: { ...BID_RETURN, outcome: 'return_not_in_best_interests' } }),
    lead: [],
    close: [],
    ret: ['RETURN_NOT_IN_BEST_INTERESTS'],
  },
  {
    name: 'nothing recorded',
    f: facts({ childProtectionLead: null, guardian: null, bestInterestsDetermination: null, isUnaccompanied: null }),
    lead: ['CHILD_PROTECTION_LEAD_REQUIRED'],
    close: ['GUARDIAN_REQUIRED'],
    ret: ['GUARDIAN_REQUIRED', 'BEST_INTERESTS_DETERMINATION_REQUIRED', 'RISK_AND_SECURITY_ASSESSMENT_REQUIRED'],
  },
  {
    name: 'an adult needs none of this',
    f: facts({ isChild: false, childProtectionLead: null, guardian: null, bestInterestsDetermination: null }),
    lead: [],
    close: [],
    ret: [],
  },
] as const;

for (const c of GUARD_CASES) {
  test(`child guards: ${c.name}`, () => {
    assert.deepEqual(codes(childCaseRequirements(c.f)), c.lead);
    assert.deepEqual(codes(childClosureRequirements(c.f)), c.close);
    assert.deepEqual(codes(childReturnRequirements(c.f)), c.ret);
  });
}

test('assert variants throw DOMAIN_RULE_VIOLATED with the first reason and every unmet code', () => {
  const f = facts({ childProtectionLead: null, guardian: null, bestInterestsDetermination: null });
  const check = (fn: () => void, reason: string, unmet: string[]) =>
    assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === 'DOMAIN_RULE_VIOLATED' && e.details.reason === reason && JSON.stringify(e.details.unmet) === JSON.stringify(unmet));
  check(() => assertChildCase(f), 'CHILD_PROTECTION_LEAD_REQUIRED', ['CHILD_PROTECTION_LEAD_REQUIRED']);
  check(() => assertChildClosure(f), 'GUARDIAN_REQUIRED', ['GUARDIAN_REQUIRED']);
  check(() => assertChildReturn(f), 'GUARDIAN_REQUIRED', ['GUARDIAN_REQUIRED', 'BEST_INTERESTS_DETERMINATION_REQUIRED', 'RISK_AND_SECURITY_ASSESSMENT_REQUIRED']);
  assert.doesNotThrow(() => {
    assertChildCase(facts());
    assertChildClosure(facts());
    assertChildReturn(facts());
  });
});
