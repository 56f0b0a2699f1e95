import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { commonPasswords, COMMON_PASSWORDS_FILE, parseCommonPasswords } from './common-passwords.ts';

test('the list format: header lines skipped, entries folded to lower case without accents', () => {
  const list = parseCommonPasswords('# source: example\n# licence: example\nPassword\n\nqwerty\r\nSÉSAME\n');
  assert.deepEqual([...list], ['password', 'qwerty', 'sesame']);
});

const bundled = existsSync(COMMON_PASSWORDS_FILE);
test('the bundled list names its source and licence, and holds the most common passwords', { skip: bundled ? false : 'common-passwords.txt is not bundled yet (see server/security/README.md)' }, () => {
  const header = readFileSync(COMMON_PASSWORDS_FILE, 'utf8').split('\n').filter((line) => line.startsWith('#')).join('\n');
  assert.match(header, /source/i);
  assert.match(header, /licen[cs]e/i);
  const list = commonPasswords();
  assert.ok(list && list.size >= 1000);
  for (const password of ['123456', 'password', 'qwerty', 'iloveyou']) assert.ok(list.has(password), password);
});
