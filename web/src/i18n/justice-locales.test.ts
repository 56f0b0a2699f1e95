import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONFISCATION_KINDS, COOPERATION_KINDS, COOPERATION_STATUSES, COURT_OUTCOMES, EXPLOITATION_FORMS, FUNNEL_GROUPS, FUNNEL_MODES, FUNNEL_STAGES,
  INVESTIGATION_STATUSES, OFFENCE_CATEGORIES, PARTICIPATION, SEXES, SPECIAL_TECHNIQUES, SUSPECT_ROLES, VICTIM_ROLES,
} from '../features/justice/types.ts';
import { LANGUAGES } from './index.ts';
import { localeFileLanguages, missingLabels, parityProblems, sorted } from './locale-parity.test-support.ts';

/**
 * Guards the `justice` namespace (locales/justice/*.json) like locales.test.ts guards the main one:
 * every language has exactly English's keys (plural keys by the plural categories that language
 * really has), no empty strings, the same {{variables}}; and every value the API can send has a label.
 * Run: node --import tsx --test web/src/i18n/justice-locales.test.ts
 */

const LOCALES_DIR = new URL('./locales/justice/', import.meta.url);
const languages = LANGUAGES.map((l) => l.code);

test('justice: every language in the menu has a locale file and every file is in the menu', () => {
  assert.deepEqual(localeFileLanguages(LOCALES_DIR), sorted(languages));
});

test('justice: English labels every status, form, technique, role, sex, category, outcome, kind and funnel stage', () => {
  const lists: [string, readonly string[]][] = [
    ['investigationStatus', INVESTIGATION_STATUSES],
    ['exploitationForms', EXPLOITATION_FORMS],
    ['techniques', SPECIAL_TECHNIQUES],
    ['suspectRoles', SUSPECT_ROLES],
    ['sexes', SEXES],
    ['offenceCategories', OFFENCE_CATEGORIES],
    ['courtOutcomes', COURT_OUTCOMES],
    ['cooperationKinds', COOPERATION_KINDS],
    ['cooperationStatuses', COOPERATION_STATUSES],
    ['confiscationKinds', CONFISCATION_KINDS],
    ['victimRoles', VICTIM_ROLES],
    ['participation', PARTICIPATION],
    ['funnelModes', FUNNEL_MODES],
    ['funnelGroups', FUNNEL_GROUPS],
    ['funnelStages', FUNNEL_STAGES],
  ];
  assert.deepEqual(missingLabels(LOCALES_DIR, lists), [], 'keys missing from justice/en.json');
});

for (const language of languages) {
  test(`justice ${language}: same keys as English, no empty strings, same {{variables}}`, () => {
    // Plural forms may leave out their number ("one day", Arabic "يومان").
    assert.deepEqual(parityProblems(LOCALES_DIR, language, { pluralMayOmit: ['months', 'days'] }), [], `justice/${language}.json has problems`);
  });
}
