import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOAL_DOMAINS, GOAL_OWNER_KINDS, GOAL_STATUSES, PLAN_APPROVAL_STATUSES } from '../../../core/protection/plan.ts';
import { CLAIM_KINDS, CLAIM_STATUSES, PAYERS } from '../../../core/protection/remedies.ts';
import { CONSENT_BASES } from '../../../core/protection/consent.ts';
import { FIELD_GROUPS } from '../../../core/protection/field-groups.ts';
import { DECLINE_REASONS, REFERRAL_STATUSES } from '../../../core/protection/referral-status.ts';
import { ELIGIBLE_SEXES, LOCATION_TYPES, SERVICE_KINDS, SERVICE_STATUSES } from '../../../core/protection/service-taxonomy.ts';
import { DELIVERY_UNITS, INBOXES } from '../features/protection/types.ts';
import { LANGUAGES } from './index.ts';
import { localeFileLanguages, missingLabels, parityProblems, sorted } from './locale-parity.test-support.ts';

/**
 * Guards the `protection` namespace (locales/protection/*.json) like locales.test.ts guards the main one:
 * every language has exactly English's keys (plural keys by the plural categories that language
 * really has), no empty strings, the same {{variables}}; and every value the API can send has a label.
 * Run: node --import tsx --test web/src/i18n/protection-locales.test.ts
 */

const LOCALES_DIR = new URL('./locales/protection/', import.meta.url);
const languages = LANGUAGES.map((l) => l.code);

test('protection: every language in the menu has a locale file and every file is in the menu', () => {
  assert.deepEqual(localeFileLanguages(LOCALES_DIR), sorted(languages));
});

test('protection: English labels every service kind, status, field group, reason, basis, unit and inbox', () => {
  const lists: [string, readonly string[]][] = [
    ['kinds', SERVICE_KINDS],
    ['serviceStatus', SERVICE_STATUSES],
    ['locationTypes', LOCATION_TYPES],
    ['sexes', ELIGIBLE_SEXES],
    ['fieldGroups', FIELD_GROUPS],
    ['referralStatus', REFERRAL_STATUSES],
    ['declineReasons', DECLINE_REASONS],
    ['bases', CONSENT_BASES],
    ['units', DELIVERY_UNITS],
    ['inbox.boxes', INBOXES],
    ['claimKinds', CLAIM_KINDS],
    ['claimStatus', CLAIM_STATUSES],
    ['payers', PAYERS],
    ['domains', GOAL_DOMAINS],
    ['goalStatus', GOAL_STATUSES],
    ['owners', GOAL_OWNER_KINDS],
    ['approval', PLAN_APPROVAL_STATUSES],
  ];
  assert.deepEqual(missingLabels(LOCALES_DIR, lists), [], 'keys missing from protection/en.json');
});

for (const language of languages) {
  test(`protection ${language}: same keys as English, no empty strings, same {{variables}}`, () => {
    assert.deepEqual(parityProblems(LOCALES_DIR, language, { pluralMayOmit: ['count', 'months', 'days'] }), [], `protection/${language}.json has problems`);
  });
}
