import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { CTDC_LAYOUTS as CORE_CTDC_LAYOUTS } from '../../../core/ctdc/index.ts';
import { METRIC_UNITS } from '../../../core/metrics/index.ts';
import { ZJurisdictionProfile } from '../../../core/nrm/jurisdictions/schema.ts';
import { EVIDENCE_TAGS } from '../../../core/screening/evidence.ts';
import { CTDC_LAYOUTS, IMPORT_RUN_STATUSES } from '../features/stats/types.ts';
import { LANGUAGES } from './index.ts';

/**
 * Guards the `stats` and `settings` namespaces (locales/{stats,settings}/*.json) like
 * locales.test.ts guards the main one: every language has exactly English's keys (plural keys by
 * the plural categories that language really has), no empty strings, the same {{variables}}; and
 * every value the API can send has a label.
 * Run: node --import tsx --test web/src/i18n/stats-settings-locales.test.ts
 */

const NAMESPACES = ['stats', 'settings'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type TFlat = Map<string, string>;

function load(namespace: string, language: string): TFlat {
  const json = JSON.parse(readFileSync(new URL(`./locales/${namespace}/${language}.json`, import.meta.url), 'utf8')) as unknown;
  const flat: TFlat = new Map();
  flatten(json, '', flat, `${namespace}/${language}`);
  return flat;
}

function flatten(value: unknown, prefix: string, into: TFlat, where: string): void {
  if (typeof value === 'string') {
    into.set(prefix, value);
    return;
  }
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${where}: "${prefix}" must be a string or an object`);
  for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into, where);
}

/** Groups keys by base name: `summary.days_one` and `summary.days_other` → `summary.days`. */
function byBaseKey(flat: TFlat): Map<string, { plural: boolean; forms: Map<string, string> }> {
  const groups = new Map<string, { plural: boolean; forms: Map<string, string> }>();
  for (const [key, text] of flat) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const group = groups.get(base) ?? { plural: Boolean(match), forms: new Map<string, string>() };
    group.forms.set(match?.[1] ?? '', text);
    groups.set(base, group);
  }
  return groups;
}

function variables(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? ''));
}

function union(forms: Map<string, string>): Set<string> {
  const all = new Set<string>();
  for (const text of forms.values()) for (const v of variables(text)) all.add(v);
  return all;
}

const sorted = (values: Iterable<string>) => [...values].sort();
const languages = LANGUAGES.map((l) => l.code);

function missingKeys(namespace: string, lists: [string, readonly string[]][]): string[] {
  const flat = load(namespace, 'en');
  return lists.flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`)).filter((key) => !flat.has(key));
}

test('stats: the web mirror lists follow core, and English labels every status, layout and unit', () => {
  assert.deepEqual([...CTDC_LAYOUTS], [...CORE_CTDC_LAYOUTS], 'features/stats/types.ts CTDC_LAYOUTS is out of step with core/ctdc');
  assert.deepEqual(missingKeys('stats', [['runStatuses', IMPORT_RUN_STATUSES], ['import.done', IMPORT_RUN_STATUSES], ['layouts', CTDC_LAYOUTS], ['units', METRIC_UNITS]]), []);
});

test('settings: English labels every referral rule and evidence tag a profile can hold', () => {
  const whoMayRefer = ZJurisdictionProfile.shape.referral.shape.whoMayRefer.options;
  assert.deepEqual(missingKeys('settings', [['whoMayRefer', whoMayRefer], ['evidence', EVIDENCE_TAGS]]), []);
});

for (const namespace of NAMESPACES) {
  const english = byBaseKey(load(namespace, 'en'));

  test(`${namespace}: every language in the menu has a locale file and every file is in the menu`, () => {
    const files = readdirSync(new URL(`./locales/${namespace}/`, import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual(sorted(files), sorted(languages));
  });

  for (const language of languages) {
    test(`${namespace} ${language}: same keys as English, no empty strings, same {{variables}}`, () => {
      const flat = load(namespace, language);
      const groups = byBaseKey(flat);
      const problems: string[] = [];
      for (const [key, text] of flat) if (text.trim() === '') problems.push(`empty string at "${key}"`);

      const missing = [...english.keys()].filter((k) => !groups.has(k));
      const extra = [...groups.keys()].filter((k) => !english.has(k));
      if (missing.length) problems.push(`missing keys: ${missing.join(', ')}`);
      if (extra.length) problems.push(`keys English does not have: ${extra.join(', ')}`);

      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
      for (const [base, group] of groups) {
        const reference = english.get(base);
        if (!reference) continue;
        if (reference.plural !== group.plural) {
          problems.push(`"${base}" is ${reference.plural ? '' : 'not '}plural in English but ${group.plural ? '' : 'not '}here`);
          continue;
        }
        if (group.plural && sorted(group.forms.keys()).join() !== sorted(categories).join()) {
          problems.push(`"${base}" has plural forms [${sorted(group.forms.keys()).join(', ')}] but ${language} needs [${sorted(categories).join(', ')}]`);
        }
        // Plural forms may leave out their number ("one day", Arabic "يومان"); every other variable must match.
        const ignore = group.plural ? new Set(['count']) : new Set<string>();
        const expected = sorted([...union(reference.forms)].filter((v) => !ignore.has(v)));
        const actual = sorted([...union(group.forms)].filter((v) => !ignore.has(v)));
        if (expected.join() !== actual.join()) problems.push(`"${base}" uses {{${actual.join('}}, {{')}}} but English uses {{${expected.join('}}, {{')}}}`);
      }
      // Translations are not the English text (a copied file would pass every check above).
      if (language !== 'en') {
        const english = load(namespace, 'en');
        const same = [...flat].filter(([key, text]) => english.get(key) === text && /[a-z]{4,}\s[a-z]{3,}/.test(text));
        if (same.length > 3) problems.push(`${same.length} strings are still in English, e.g. ${same.slice(0, 3).map(([k]) => k).join(', ')}`);
      }
      assert.deepEqual(problems, [], `${namespace}/${language}.json has problems`);
    });
  }
}
