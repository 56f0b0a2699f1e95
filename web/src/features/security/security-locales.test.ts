import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TWO_FACTOR_REQUIREMENTS } from '../../../../core/security/two-factor-policy.ts';
import { GRANT_STATES } from './types.ts';

/**
 * The `security` namespace (i18n/locales/security/*.json): every language has exactly English's
 * keys, no empty strings, the same {{variables}}; every requirement and grant state has a label.
 */
const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;

function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') return into.set(prefix, value);
  for (const [key, child] of Object.entries(value as object)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

const load = (language: string) => flatten(JSON.parse(readFileSync(new URL(`../../i18n/locales/security/${language}.json`, import.meta.url), 'utf8')));
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

test('every language has English\'s keys, no empty text and the same variables', () => {
  const english = load('en');
  assert.ok(english.size > 50);
  for (const language of LANGUAGES) {
    const strings = load(language);
    assert.deepEqual([...strings.keys()].sort(), [...english.keys()].sort(), language);
    for (const [key, text] of strings) {
      assert.ok(text.trim().length > 0, `${language} ${key} is empty`);
      assert.deepEqual(variables(text), variables(english.get(key)!), `${language} ${key}`);
      if (language !== 'en' && text === english.get(key) && text.length > 4) assert.fail(`${language} ${key} is not translated`);
    }
  }
});

test('every value the API can send has a label', () => {
  const english = load('en');
  for (const requirement of TWO_FACTOR_REQUIREMENTS) assert.ok(english.has(`policy.requirements.${requirement}`), requirement);
  for (const state of GRANT_STATES) assert.ok(english.has(`emergency.states.${state}`), state);
});
