import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isKnownKind, subjectPath } from './subjects.ts';

test('a notification links to the page of its subject, or nowhere', () => {
  const cases: [string, string | null, string | null][] = [
    ['caseTransfer', 'a1', '/case-transfers/a1'],
    ['case', 'c/2', '/cases/c%2F2'],
    ['serviceReferral', 'r3', '/service-referrals/r3'],
    ['linkageProject', 'p5', '/linkage-projects/p5'],
    ['emergencyAccess', 'e4', null],
    ['case', null, null],
  ];
  for (const [subjectType, subjectId, expected] of cases) assert.equal(subjectPath({ subjectType, subjectId }), expected, `${subjectType}/${subjectId}`);
});

test('only the kinds with their own sentence are known; others are labelled generically', () => {
  assert.equal(isKnownKind('caseTransfer.requested'), true);
  assert.equal(isKnownKind('emergencyAccess.granted'), true);
  assert.equal(isKnownKind('plan.reviewed'), false);
  assert.equal(isKnownKind('caseTransfer'), false);
});
