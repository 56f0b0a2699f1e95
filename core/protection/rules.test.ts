import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { eligibilityRequirements } from './eligibility.ts';
import { fitsCurrency, isIsoCurrency, minorUnits, subtractAmounts, sumAmounts } from './money.ts';
import { assertReviewable, GOAL_DOMAINS, planIssues } from './plan.ts';
import { assertClaimTransition, CLAIM_STATUSES, CLAIM_TRANSITIONS } from './remedies.ts';
import { ATTRIBUTE_TERMS, SERVICE_KIND_TERMS, SERVICE_KINDS, serviceKindOfTerm } from './service-taxonomy.ts';
import { FIELD_GROUPS } from './field-groups.ts';
import { DECLINE_REASONS } from './referral-status.ts';

const open = { sexes: [], minimumAge: null, maximumAge: null, nationalities: [] };

test('eligibility: listed restrictions only; unknown facts never exclude', () => {
  const codes = (e: Parameters<typeof eligibilityRequirements>[0], p: Parameters<typeof eligibilityRequirements>[1]) => eligibilityRequirements(e, p).map((u) => u.code);
  assert.deepEqual(codes(open, { sex: 'male', ageYears: 40, citizenship: 'AL' }), []);
  assert.deepEqual(codes({ ...open, sexes: ['female'] }, { sex: 'male', ageYears: null, citizenship: null }), ['SEX_NOT_ELIGIBLE']);
  assert.deepEqual(codes({ ...open, sexes: ['female'] }, { sex: 'not_known', ageYears: null, citizenship: null }), []);
  assert.deepEqual(codes({ ...open, minimumAge: 18, maximumAge: 25 }, { sex: 'female', ageYears: 17, citizenship: null }), ['BELOW_MINIMUM_AGE']);
  assert.deepEqual(codes({ ...open, minimumAge: 18, maximumAge: 25 }, { sex: 'female', ageYears: 26, citizenship: null }), ['ABOVE_MAXIMUM_AGE']);
  assert.deepEqual(codes({ ...open, minimumAge: 18 }, { sex: 'female', ageYears: null, citizenship: null }), []);
  assert.deepEqual(codes({ ...open, nationalities: ['VN'] }, { sex: 'female', ageYears: 30, citizenship: 'AL' }), ['NATIONALITY_NOT_ELIGIBLE']);
  assert.deepEqual(codes({ ...open, nationalities: ['VN'] }, { sex: 'female', ageYears: 30, citizenship: null }), []);
});

test('money: ISO 4217 codes, minor units, exact sums (property)', () => {
  assert.ok(isIsoCurrency('EUR') && isIsoCurrency('JPY') && isIsoCurrency('KWD'));
  assert.ok(!isIsoCurrency('EUX') && !isIsoCurrency('eur') && !isIsoCurrency('EURO'));
  assert.deepEqual([minorUnits('EUR'), minorUnits('JPY'), minorUnits('KWD')], [2, 0, 3]);
  assert.ok(fitsCurrency('10.5', 'EUR') && !fitsCurrency('10.5', 'JPY') && fitsCurrency('1.234', 'KWD'));
  assert.equal(sumAmounts(['0.10', '0.20'], 'EUR'), '0.30');
  assert.equal(subtractAmounts('10', '12.5', 'EUR'), '-2.50');
  fc.assert(fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { maxLength: 20 }), (cents) => {
    const amounts = cents.map((c) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`);
    const total = cents.reduce((a, b) => a + b, 0n);
    assert.equal(sumAmounts(amounts, 'EUR'), `${total / 100n}.${(total % 100n).toString().padStart(2, '0')}`);
  }));
});

test('plans: goals only in chosen domains; reviews only of the latest pending version, never by its author', () => {
  const goal = { domain: 'housing' as const };
  assert.deepEqual(planIssues({ chosenDomains: ['housing'], needsAssessment: { needs: [] }, goals: [goal] }), []);
  assert.deepEqual(planIssues({ chosenDomains: ['health'], needsAssessment: { needs: [{ domain: 'health' }, { domain: 'health' }] }, goals: [goal, { id: 'x', domain: 'health' }, { id: 'x', domain: 'health' }] }).map((i) => i.path),
    ['goals.0.domain', 'needsAssessment.needs.1.domain', 'goals.2.id']);
  const reason = (fn: () => void) => { try { fn(); return null; } catch (e) { return (e as AppError).details.reason; } };
  assert.equal(reason(() => assertReviewable({ version: 2, approvalStatus: 'pending', createdBy: 'a' }, 2, 'b')), null);
  assert.equal(reason(() => assertReviewable({ version: 1, approvalStatus: 'pending', createdBy: 'a' }, 2, 'b')), 'PLAN_VERSION_SUPERSEDED');
  assert.equal(reason(() => assertReviewable({ version: 2, approvalStatus: 'approved', createdBy: 'a' }, 2, 'b')), 'PLAN_VERSION_NOT_PENDING');
  assert.equal(reason(() => assertReviewable({ version: 2, approvalStatus: 'pending', createdBy: 'a' }, 2, 'a')), 'SELF_APPROVAL');
});

test('claims: the transition table is closed over the statuses', () => {
  for (const from of CLAIM_STATUSES) {
    for (const to of CLAIM_STATUSES) {
      const allowed = (CLAIM_TRANSITIONS[from] as readonly string[]).includes(to);
      if (allowed) assertClaimTransition(from, to);
      else assert.throws(() => assertClaimTransition(from, to), (e: unknown) => e instanceof AppError && e.code === 'INVALID_TRANSITION');
    }
  }
});

test('taxonomy: fixed, distinct UUIDs; every kind has a term; nothing in the vocabularies conditions assistance', () => {
  const ids = [...Object.values(SERVICE_KIND_TERMS).map((t) => t.id), ...Object.values(ATTRIBUTE_TERMS).map((t) => t.id)];
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  for (const kind of SERVICE_KINDS) assert.equal(serviceKindOfTerm({ id: SERVICE_KIND_TERMS[kind].id }), kind);
  const vocabulary = [...SERVICE_KINDS, ...GOAL_DOMAINS, ...FIELD_GROUPS, ...DECLINE_REASONS];
  assert.deepEqual(vocabulary.filter((word) => /cooperat|police|statement|testif|prosecut|investigat|witness/.test(word)), []);
});
