import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commonPasswordCandidates, PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy.ts';

// A stand-in list for the rule itself; the bundled list is tested in server/security/.
const LIST = new Set(['password', 'qwertyuiop', 'iloveyou', 'correcthorsebatterystaple']);
const ACCOUNT = { email: 'maria.gonzalez@agency.example', displayName: 'María González' };

test('each rule, table-driven', () => {
  const cases: Array<[string, string[]]> = [
    ['correct horse battery staple', []],
    ['short pass', ['TOO_SHORT']],
    ['aaaaaaaaaaaaaaaa', ['TOO_FEW_DISTINCT']],
    ['QwertyUIOP', ['TOO_SHORT', 'COMMON_PASSWORD']],
    ['qwertyuiop2024!', ['COMMON_PASSWORD']],
    ['PASSWORD1234567', ['COMMON_PASSWORD']],
    ['correcthorsebatterystaple', ['COMMON_PASSWORD']],
    ['my gonzalez secret', ['CONTAINS_EMAIL', 'CONTAINS_NAME']],
    ['maria.gonzalez@agency.example', ['CONTAINS_EMAIL', 'CONTAINS_NAME']],
    ['MARIA loves the sea', ['CONTAINS_EMAIL', 'CONTAINS_NAME']],
    ['x'.repeat(3) + 'abcdefghij'.repeat(26), ['TOO_LONG']],
  ];
  for (const [password, expected] of cases) assert.deepEqual(passwordProblems(password, ACCOUNT, LIST), expected, password);
});

test('the name rule folds accents and ignores short name parts', () => {
  assert.deepEqual(passwordProblems('maría sings loudly', { email: 'x1@example.test', displayName: 'María' }, null), ['CONTAINS_NAME']);
  assert.deepEqual(passwordProblems('li went to the shop', { email: 'x1@example.test', displayName: 'Li Wu' }, null), []);
});

test('without a list only the list rule is skipped', () => {
  assert.deepEqual(passwordProblems('qwertyuiop2024!', ACCOUNT, null), []);
});

test('candidates: folded, and without trailing digits and symbols', () => {
  assert.deepEqual(commonPasswordCandidates('Password2024!'), ['password2024!', 'password']);
  assert.deepEqual(commonPasswordCandidates('Sésame'), ['sesame']);
});

test('property: any listed password, in any case and with any digits appended, is refused', () => {
  fc.assert(fc.property(fc.constantFrom(...LIST), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.stringMatching(/^[0-9!.]{0,6}$/), (word, upper, suffix) => {
    const password = [...word].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join('') + suffix;
    assert.ok(passwordProblems(password, { email: 'z@example.test' }, LIST).includes('COMMON_PASSWORD'));
  }));
});

test('property: long random passwords from a wide alphabet are accepted', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'bcdfghjkmnpqrstvwxz2345678#%'), minLength: PASSWORD_MIN_LENGTH, maxLength: 40 }).filter((p) => new Set(p).size >= 5), (password) => {
    assert.deepEqual(passwordProblems(password, { email: 'ab@example.test' }, LIST), []);
  }));
});
