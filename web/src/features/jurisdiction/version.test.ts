import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVersions, isVersion, suggestNextVersion } from './version.ts';

// Run: node --import tsx --test web/src/features/jurisdiction/version.test.ts

test('the suggested version raises the minor number and resets the patch', () => {
  assert.equal(suggestNextVersion('1.0.0'), '1.1.0');
  assert.equal(suggestNextVersion('1.9.3'), '1.10.0');
  assert.equal(suggestNextVersion('not a version'), '1.0.0');
});

test('versions compare as numbers, not text', () => {
  assert.ok(compareVersions('1.10.0', '1.9.0') > 0);
  assert.ok(compareVersions('1.0.0', '1.0.1') < 0);
  assert.equal(compareVersions('2.0.0', '2.0.0'), 0);
  assert.ok(isVersion('1.2.3'));
  assert.ok(!isVersion('1.2'));
  assert.ok(!isVersion('v1.2.3'));
});
