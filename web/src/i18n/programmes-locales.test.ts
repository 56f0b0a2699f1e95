import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INDICATOR_UNITS } from '../../../core/programmes/indicators.ts';
import { PERIOD_KINDS } from '../../../core/programmes/periods.ts';
import { RATIO_GAPS } from '../../../core/programmes/ratio.ts';
import { INDICATOR_STATUSES } from '../../../core/programmes/status.ts';
import { LANGUAGES } from './index.ts';
import { localeFileLanguages, missingLabels, parityProblems, sorted } from './locale-parity.test-support.ts';

/**
 * Guards the `programmes` namespace (locales/programmes/*.json) like locales.test.ts guards the
 * main one: every language has exactly English's keys, no empty strings, the same {{variables}};
 * and every status, unit, frequency and ratio gap the API can send has a label and a help text.
 * Run: node --import tsx --test web/src/i18n/programmes-locales.test.ts
 */

const languages = LANGUAGES.map((l) => l.code);
const dir = new URL('./locales/programmes/', import.meta.url);

test('programmes: English labels every status, unit, frequency and ratio gap the API sends', () => {
  assert.deepEqual(missingLabels(dir, [
    ['statuses', INDICATOR_STATUSES], ['statusHelp', INDICATOR_STATUSES], ['units', INDICATOR_UNITS], ['frequencies', PERIOD_KINDS],
    ['targets.hint', PERIOD_KINDS], ['report.ratioGap', RATIO_GAPS],
  ]), []);
});

test('programmes: every language in the menu has a locale file and every file is in the menu', () => {
  assert.deepEqual(localeFileLanguages(dir), sorted(languages));
});

for (const language of languages) {
  test(`programmes ${language}: same keys as English, no empty strings, same {{variables}}`, () => {
    // More than three sentences identical to English means the file was copied, not translated.
    assert.deepEqual(parityProblems(dir, language, { untranslatedLimit: 3 }), [], `programmes/${language}.json has problems`);
  });
}
