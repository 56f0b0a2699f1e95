import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { GOAL_DOMAINS, GOAL_OWNER_KINDS, GOAL_STATUSES, PLAN_APPROVAL_STATUSES } from '../../../core/protection/plan.ts';
import { CLAIM_KINDS, CLAIM_STATUSES, PAYERS } from '../../../core/protection/remedies.ts';
import { CONSENT_BASES } from '../../../core/protection/consent.ts';
import { FIELD_GROUPS } from '../../../core/protection/field-groups.ts';
import { DECLINE_REASONS, REFERRAL_STATUSES } from '../../../core/protection/referral-status.ts';
import { ELIGIBLE_SEXES, LOCATION_TYPES, SERVICE_KINDS, SERVICE_STATUSES } from '../../../core/protection/service-taxonomy.ts';
import { DELIVERY_UNITS, INBOXES } from '../features/protection/types.ts';
import { LANGUAGES } from './index.ts';

/**
 * Guards the `protection` namespace (locales/protection/*.json) like locales.test.ts guards the main one:
 * every language has exactly English's keys (plural keys by the plural categories that language
 * really has), no empty strings, the same {{variables}}; and every value the API can send has a label.
 * Run: node --import tsx --test web/src/i18n/protection-locales.test.ts
 */

const LOCALES_DIR = new URL('./locales/protection/', import.meta.url);
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type TFlat = Map<string, string>;

function load(language: string): TFlat {
  const json = JSON.parse(readFileSync(new URL(`${language}.json`, LOCALES_DIR), 'utf8')) as unknown;
  const flat: TFlat = new Map();
  flatten(json, '', flat, language);
  return flat;
}

function flatten(value: unknown, prefix: string, into: TFlat, language: string): void {
  if (typeof value === 'string') {
    into.set(prefix, value);
    return;
  }
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${language}: "${prefix}" must be a string or an object`);
  for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into, language);
}

/** Groups keys by base name: `funnel.days_one` and `funnel.days_other` → `funnel.days`. */
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

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

const languages = LANGUAGES.map((l) => l.code);
const english = byBaseKey(load('en'));

test('protection: every language in the menu has a locale file and every file is in the menu', () => {
  const files = readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
  assert.deepEqual(sorted(files), sorted(languages));
});

test('protection: English labels every service kind, status, field group, reason, basis, unit and inbox', () => {
  const flat = load('en');
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
  const missing = lists.flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`)).filter((key) => !flat.has(key));
  assert.deepEqual(missing, [], 'keys missing from protection/en.json');
});

for (const language of languages) {
  test(`protection ${language}: same keys as English, no empty strings, same {{variables}}`, () => {
    const flat = load(language);
    const groups = byBaseKey(flat);
    const problems: string[] = [];

    for (const [key, text] of flat) {
      if (text.trim() === '') problems.push(`empty string at "${key}"`);
    }

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
      if (group.plural) {
        const forms = sorted(group.forms.keys());
        if (forms.join() !== sorted(categories).join()) {
          problems.push(`"${base}" has plural forms [${forms.join(', ')}] but ${language} needs [${sorted(categories).join(', ')}]`);
        }
      }
      // Plural forms may leave out their number ("one day", Arabic "يومان"); every other variable must match.
      const ignore = group.plural ? new Set(['count', 'months', 'days']) : new Set<string>();
      const expected = sorted([...union(reference.forms)].filter((v) => !ignore.has(v)));
      const actual = sorted([...union(group.forms)].filter((v) => !ignore.has(v)));
      if (expected.join() !== actual.join()) {
        problems.push(`"${base}" uses {{${actual.join('}}, {{')}}} but English uses {{${expected.join('}}, {{')}}}`);
      }
      for (const [form, text] of group.forms) {
        const unknown = [...variables(text)].filter((v) => !ignore.has(v) && !expected.includes(v));
        if (unknown.length) problems.push(`"${base}${form ? `_${form}` : ''}" uses unknown variables ${unknown.join(', ')}`);
      }
    }

    assert.deepEqual(problems, [], `protection/${language}.json has problems`);
  });
}
