import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_ACTIONS } from '../../../core/audit/events.ts';
import { ROLES } from '../../../core/authz/permissions.ts';
import { ERROR_CODES } from '../../../core/errors/app-error.ts';
import { ORGANISATION_KINDS } from '../../../core/organisations/kinds.ts';
import { KNOWN_REASONS } from '../components/errors.ts';
import { LANGUAGES } from './index.ts';
import { loadLocale, localeFileLanguages, parityProblems, sorted } from './locale-parity.test-support.ts';

/**
 * Guards the translation files: every language has exactly English's keys (plural keys by the
 * plural categories that language really has), no empty strings, and the same {{variables}}.
 * Run: node --import tsx --test web/src/i18n/locales.test.ts
 */

const LOCALES_DIR = new URL('./locales/', import.meta.url);
const languages = LANGUAGES.map((l) => l.code);

test('every language in the menu has a locale file and every locale file is in the menu', () => {
  assert.deepEqual(localeFileLanguages(LOCALES_DIR), sorted(languages));
});

test('English labels every role, organisation kind, error code, audit action and known error reason', () => {
  const flat = loadLocale(LOCALES_DIR, 'en');
  const missing = [
    ...ROLES.map((r) => `roles.${r}`),
    ...ORGANISATION_KINDS.map((k) => `organisationKinds.${k}`),
    ...ERROR_CODES.map((c) => `errors.codes.${c}`),
    ...AUDIT_ACTIONS.map((a) => `auditActions.${a}`),
    ...KNOWN_REASONS.map((r) => `errors.reasons.${r}`),
  ].filter((key) => !flat.has(key));
  assert.deepEqual(missing, [], 'keys missing from en.json');
});

for (const language of languages) {
  test(`${language}: same keys as English, no empty strings, same {{variables}}`, () => {
    assert.deepEqual(parityProblems(LOCALES_DIR, language), [], `${language}.json has problems`);
  });
}
