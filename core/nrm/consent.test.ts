import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import { assertReferralConsent, CONSENT_TOPICS, referralConsentRequirements, referralRoute, ZInformedConsent, type TInformedConsent } from './consent.ts';
import { COE_PROFILE, UK_PROFILE } from './jurisdictions/index.ts';
import { assertMayRefer, referrerRequirements } from './referral-eligibility.ts';

const consent = (overrides: Partial<TInformedConsent> = {}): TInformedConsent => ({
  decision: 'given',
  topicsExplained: [...CONSENT_TOPICS],
  explainedAt: '2025-03-01T10:00:00Z',
  explainedBy: { userId: 'u-fr', orgId: 'org-police' },
  language: 'ro',
  interpreterUsed: true,
  ...overrides,
});

const CASES = [
  { name: 'child, no consent', isChild: true, c: null, unmet: [], route: 'nrm_referral' },
  { name: 'child who declines is still referred', isChild: true, c: consent({ decision: 'declined' }), unmet: [], route: 'nrm_referral' },
  { name: 'adult with informed consent', isChild: false, c: consent(), unmet: [], route: 'nrm_referral' },
  { name: 'adult, consent not yet recorded', isChild: false, c: null, unmet: ['CONSENT_REQUIRED'], route: 'awaiting_consent' },
  { name: 'adult who declines', isChild: false, c: consent({ decision: 'declined' }), unmet: ['CONSENT_DECLINED'], route: 'anonymous_notification' },
  {
    name: 'adult not told about information sharing',
    isChild: false,
    c: consent({ topicsExplained: ['nrm_purpose', 'support_available', 'possible_outcomes'] }),
    unmet: ['CONSENT_NOT_INFORMED'],
    route: 'awaiting_consent',
  },
] as const;

for (const c of CASES) {
  test(`consent: ${c.name} → ${c.route}`, () => {
    const subject = { isChild: c.isChild, consent: c.c };
    assert.deepEqual(referralConsentRequirements(UK_PROFILE, subject).map((u) => u.code), c.unmet);
    assert.equal(referralRoute(UK_PROFILE, subject), c.route);
    if (c.unmet.length > 0) {
      assert.throws(() => assertReferralConsent(UK_PROFILE, subject), (e: unknown) => e instanceof AppError && e.code === 'DOMAIN_RULE_VIOLATED' && e.details.reason === c.unmet[0]);
    } else {
      assert.doesNotThrow(() => assertReferralConsent(UK_PROFILE, subject));
    }
  });
}

test('a profile without anonymous notifications sends a declining adult nowhere', () => {
  const profile = { referral: { ...UK_PROFILE.referral, anonymousNotificationWhenAdultDeclines: false } };
  assert.equal(referralRoute(profile, { isChild: false, consent: consent({ decision: 'declined' }) }), 'no_referral');
});

test('the consent record says what was explained, when and by whom', () => {
  assert.equal(ZInformedConsent.safeParse(consent()).success, true);
  const { explainedBy: _by, ...noWho } = consent();
  assert.equal(ZInformedConsent.safeParse(noWho).success, false);
  assert.equal(ZInformedConsent.safeParse(consent({ topicsExplained: [] })).success, false);
  assert.equal(ZInformedConsent.safeParse({ ...consent(), explainedAt: 'last Tuesday' }).success, false);
});

test('who may refer: UK needs a designated first responder of an eligible kind; the default lets any organisation refer', () => {
  const codes = (p: typeof UK_PROFILE, kind: 'ngo' | 'prosecution', designated: boolean) =>
    referrerRequirements(p, { kind, isDesignatedFirstResponder: designated }).map((u) => u.code);
  assert.deepEqual(codes(UK_PROFILE, 'ngo', true), []);
  assert.deepEqual(codes(UK_PROFILE, 'ngo', false), ['NOT_A_DESIGNATED_FIRST_RESPONDER']);
  assert.deepEqual(codes(UK_PROFILE, 'prosecution', false), ['ORGANISATION_KIND_MAY_NOT_REFER', 'NOT_A_DESIGNATED_FIRST_RESPONDER']);
  assert.deepEqual(codes(COE_PROFILE, 'prosecution', false), []);
  assert.throws(() => assertMayRefer(UK_PROFILE, { kind: 'ngo', isDesignatedFirstResponder: false }), (e: unknown) => e instanceof AppError && e.details.reason === 'NOT_A_DESIGNATED_FIRST_RESPONDER');
});
