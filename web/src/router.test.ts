import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchPath, safeNextPath } from './router.tsx';

// Run: node --import tsx --test web/src/router.test.ts

test('?next= only ever leads to a path of this app', () => {
  assert.equal(safeNextPath('/members'), '/members');
  assert.equal(safeNextPath('/audit?x=1'), '/audit?x=1');
  for (const hostile of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
    assert.equal(safeNextPath(hostile), '/', String(hostile));
  }
});

test('path patterns match whole segments and decode parameters', () => {
  assert.deepEqual(matchPath('/cases/:caseId', '/cases/abc-1'), { caseId: 'abc-1' });
  assert.deepEqual(matchPath('/cases/:caseId', '/cases/a%20b'), { caseId: 'a b' });
  assert.equal(matchPath('/cases/:caseId', '/cases'), null);
  assert.equal(matchPath('/cases/:caseId', '/cases/'), null);
  assert.equal(matchPath('/cases/:caseId', '/cases/x/y'), null);
  assert.equal(matchPath('/cases/:caseId', '/members/x'), null);
  assert.equal(matchPath('/cases/:caseId', '/cases/%E0%A4%A'), null);
});
