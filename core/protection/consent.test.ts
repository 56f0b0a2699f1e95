import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { assertConsentBasis, consentBasisRequirements, coveringConsent, type TConsentRecord } from './consent.ts';
import { FIELD_GROUPS } from './field-groups.ts';

const codes = (list: { code: string }[]) => list.map((u) => u.code);

test('who may consent: adults themselves; children through a guardian or best interests, a guardian first if unaccompanied', () => {
  const adult = { isChild: false, isUnaccompanied: null, hasGuardian: false };
  const lone = { isChild: true, isUnaccompanied: null, hasGuardian: false };
  const withParents = { isChild: true, isUnaccompanied: false, hasGuardian: false };
  const guarded = { isChild: true, isUnaccompanied: true, hasGuardian: true };
  assert.deepEqual(codes(consentBasisRequirements(adult, 'person')), []);
  assert.deepEqual(codes(consentBasisRequirements(adult, 'guardian')), ['CONSENT_BASIS_NOT_ALLOWED']);
  assert.deepEqual(codes(consentBasisRequirements(lone, 'guardian')), ['GUARDIAN_REQUIRED'], 'unknown accompaniment counts as unaccompanied');
  assert.deepEqual(codes(consentBasisRequirements(lone, 'person')), ['CONSENT_BASIS_NOT_ALLOWED', 'GUARDIAN_REQUIRED']);
  assert.deepEqual(codes(consentBasisRequirements(withParents, 'guardian')), []);
  assert.deepEqual(codes(consentBasisRequirements(withParents, 'best_interests')), []);
  assert.deepEqual(codes(consentBasisRequirements(guarded, 'best_interests')), []);
  assert.throws(() => assertConsentBasis(lone, 'guardian'), (e: unknown) => e instanceof AppError && e.details.reason === 'GUARDIAN_REQUIRED');
});

const record = (overrides: Partial<TConsentRecord>): TConsentRecord => ({
  id: 'c', receivingOrgId: 'ngo', purposes: ['shelter'], fieldGroups: ['identity_basic', 'needs'], decision: 'given', recordedAt: new Date('2026-01-01T10:00:00Z'), seq: 1, withdrawnAt: null, ...overrides,
});
const request = { receivingOrgId: 'ngo', purpose: 'shelter' as const, fieldGroups: ['needs' as const] };

test('which consent a referral relies on: the latest for that agency and purpose, covering every shared group', () => {
  assert.deepEqual(codes(coveringConsent([], request).unmet), ['CONSENT_REQUIRED']);
  assert.equal(coveringConsent([record({})], request).consent?.id, 'c');
  assert.deepEqual(codes(coveringConsent([record({ receivingOrgId: 'other' })], request).unmet), ['CONSENT_REQUIRED']);
  assert.deepEqual(codes(coveringConsent([record({ purposes: ['medical'] })], request).unmet), ['CONSENT_REQUIRED']);
  assert.deepEqual(codes(coveringConsent([record({ fieldGroups: ['identity_basic'] })], request).unmet), ['CONSENT_DOES_NOT_COVER_FIELDS']);
  assert.deepEqual(codes(coveringConsent([record({ withdrawnAt: new Date() })], request).unmet), ['CONSENT_REQUIRED']);
  const later = new Date('2026-01-02T10:00:00Z');
  assert.deepEqual(codes(coveringConsent([record({}), record({ id: 'd', decision: 'declined', recordedAt: later })], request).unmet), ['CONSENT_DECLINED']);
  assert.equal(coveringConsent([record({ decision: 'declined' }), record({ id: 'd', recordedAt: later })], request).consent?.id, 'd');
  assert.equal(coveringConsent([record({ id: 'a', decision: 'declined', seq: 1 }), record({ id: 'b', seq: 2 })], request).consent?.id, 'b', 'same instant: the later record wins');
});

test('a referral is allowed exactly when the latest live decision is a consent covering its groups (property)', () => {
  const arbitraryRecord = fc.record({
    decision: fc.constantFrom('given' as const, 'declined' as const),
    fieldGroups: fc.subarray([...FIELD_GROUPS]),
    minutes: fc.integer({ min: 0, max: 100 }),
    withdrawn: fc.boolean(),
  });
  fc.assert(fc.property(fc.array(arbitraryRecord, { maxLength: 6 }), fc.subarray([...FIELD_GROUPS], { minLength: 1 }), (records, groups) => {
    const consents = records.map((r, index) => record({ id: String(index), seq: index, decision: r.decision, fieldGroups: r.fieldGroups, recordedAt: new Date(Date.UTC(2026, 0, 1, 0, r.minutes)), withdrawnAt: r.withdrawn ? new Date() : null }));
    const found = coveringConsent(consents, { ...request, fieldGroups: groups });
    const live = consents.filter((c) => c.withdrawnAt === null).sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || b.seq - a.seq);
    const expected = live[0] !== undefined && live[0].decision === 'given' && groups.every((g) => live[0]!.fieldGroups.includes(g));
    assert.equal(found.consent !== null, expected);
    assert.equal(found.unmet.length === 0, expected);
  }));
});
