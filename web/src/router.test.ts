import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNextPath } from './router.tsx';

// Run: node --import tsx --test web/src/router.test.ts

test('?next= only ever leads to a path of this app', () => {
  assert.equal(safeNextPath('/members'), '/members');
  assert.equal(safeNextPath('/audit?x=1'), '/audit?x=1');
  for (const hostile of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
    assert.equal(safeNextPath(hostile), '/', String(hostile));
  }
});
