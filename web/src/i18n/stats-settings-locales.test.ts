import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CTDC_LAYOUTS as CORE_CTDC_LAYOUTS } from '../../../core/ctdc/index.ts';
import { METRIC_UNITS } from '../../../core/metrics/index.ts';
import { ZJurisdictionProfile } from '../../../core/nrm/jurisdictions/schema.ts';
import { EVIDENCE_TAGS } from '../../../core/screening/evidence.ts';
import { CTDC_LAYOUTS, IMPORT_RUN_STATUSES } from '../features/stats/types.ts';
import { LANGUAGES } from './index.ts';
import { localeFileLanguages, missingLabels, parityProblems, sorted } from './locale-parity.test-support.ts';

/**
 * Guards the `stats` and `settings` namespaces (locales/{stats,settings}/*.json) like
 * locales.test.ts guards the main one: every language has exactly English's keys (plural keys by
 * the plural categories that language really has), no empty strings, the same {{variables}}; and
 * every value the API can send has a label.
 * Run: node --import tsx --test web/src/i18n/stats-settings-locales.test.ts
 */

const NAMESPACES = ['stats', 'settings'] as const;
const languages = LANGUAGES.map((l) => l.code);
const dirOf = (namespace: string) => new URL(`./locales/${namespace}/`, import.meta.url);

test('stats: the web mirror lists follow core, and English labels every status, layout and unit', () => {
  assert.deepEqual([...CTDC_LAYOUTS], [...CORE_CTDC_LAYOUTS], 'features/stats/types.ts CTDC_LAYOUTS is out of step with core/ctdc');
  assert.deepEqual(missingLabels(dirOf('stats'), [['runStatuses', IMPORT_RUN_STATUSES], ['import.done', IMPORT_RUN_STATUSES], ['layouts', CTDC_LAYOUTS], ['units', METRIC_UNITS]]), []);
});

test('settings: English labels every referral rule and evidence tag a profile can hold', () => {
  const whoMayRefer = ZJurisdictionProfile.shape.referral.shape.whoMayRefer.options;
  assert.deepEqual(missingLabels(dirOf('settings'), [['whoMayRefer', whoMayRefer], ['evidence', EVIDENCE_TAGS]]), []);
});

for (const namespace of NAMESPACES) {
  test(`${namespace}: every language in the menu has a locale file and every file is in the menu`, () => {
    assert.deepEqual(localeFileLanguages(dirOf(namespace)), sorted(languages));
  });

  for (const language of languages) {
    test(`${namespace} ${language}: same keys as English, no empty strings, same {{variables}}`, () => {
      // More than three sentences identical to English means the file was copied, not translated.
      assert.deepEqual(parityProblems(dirOf(namespace), language, { untranslatedLimit: 3 }), [], `${namespace}/${language}.json has problems`);
    });
  }
}
