import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES } from '../../i18n/index.ts';
import { localeFileLanguages, loadLocale, parityProblems, sorted } from '../../i18n/locale-parity.test-support.ts';
import { PARTY_STATUSES, PROJECT_ERROR_REASONS, PROJECT_STATUSES } from './types.ts';
import { PARTY_STATUSES as SERVER_PARTY_STATUSES, PROJECT_STATUSES as SERVER_PROJECT_STATUSES } from '../../../../server/modules/linkage-projects/linkage-projects.schemas.ts';

/**
 * Guards the `linkageProjects` namespace (locales/linkage-projects/*.json) like locales.test.ts
 * guards the main one, and checks every status and refusal the API sends has a label.
 */
const LOCALES_DIR = new URL('../../i18n/locales/linkage-projects/', import.meta.url);
const languages = LANGUAGES.map((l) => l.code);

test('linkage projects: a locale file per language in the menu', () => {
  assert.deepEqual(localeFileLanguages(LOCALES_DIR), sorted(languages));
});

test('linkage projects: the web knows the server\'s statuses, and English labels them and every refusal', () => {
  assert.deepEqual([...PROJECT_STATUSES], [...SERVER_PROJECT_STATUSES]);
  assert.deepEqual([...PARTY_STATUSES], [...SERVER_PARTY_STATUSES]);
  const flat = loadLocale(LOCALES_DIR, 'en');
  const missing = [
    ...PROJECT_STATUSES.map((s) => `projectStatus.${s}`),
    ...PARTY_STATUSES.map((s) => `partyStatus.${s}`),
    ...PROJECT_ERROR_REASONS.map((r) => `errors.${r}`),
  ].filter((key) => !flat.has(key));
  assert.deepEqual(missing, []);
});

for (const language of languages) {
  test(`linkage projects, ${language}: same keys as English, no empty strings, same {{variables}}`, () => {
    assert.deepEqual(parityProblems(LOCALES_DIR, language), []);
  });
}
