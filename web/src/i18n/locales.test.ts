import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { AUDIT_ACTIONS } from '../../../core/audit/events.ts';
import { ROLES } from '../../../core/authz/permissions.ts';
import { ERROR_CODES } from '../../../core/errors/app-error.ts';
import { ORGANISATION_KINDS } from '../../../core/organisations/kinds.ts';
import { KNOWN_REASONS } from '../components/errors.ts';
import { LANGUAGES } from './index.ts';

/**
 * Guards the translation files: every language has exactly English's keys (plural keys by the
 * plural categories that language really has), no empty strings, and the same {{variables}}.
 * Run: node --import tsx --test web/src/i18n/locales.test.ts
 */

const LOCALES_DIR = new URL('./locales/', import.meta.url);
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

/** Groups keys by base name: `audit.verifyOk_one` and `audit.verifyOk_other` → `audit.verifyOk`. */
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

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

const languages = LANGUAGES.map((l) => l.code);
const english = byBaseKey(load('en'));

test('every language in the menu has a locale file and every locale file is in the menu', () => {
  const files = readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
  assert.deepEqual(sorted(files), sorted(languages));
});

test('English labels every role, organisation kind, error code, audit action and known error reason', () => {
  const flat = load('en');
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
      // Plural forms may leave out {{count}} ("one event", Arabic "حدثان"); every other variable must match.
      const ignore = group.plural ? new Set(['count']) : new Set<string>();
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

    assert.deepEqual(problems, [], `${language}.json has problems`);
  });
}

function union(forms: Map<string, string>): Set<string> {
  const all = new Set<string>();
  for (const text of forms.values()) for (const v of variables(text)) all.add(v);
  return all;
}
