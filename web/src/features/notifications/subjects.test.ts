import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isKnownKind, openLinkKey, subjectPath } from './subjects.ts';

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

test('a revoked referral no longer exists for its receiver: its notice leads to the inboxes; each link is labelled after where it leads', () => {
  assert.equal(subjectPath({ kind: 'serviceReferral.revoked', subjectType: 'serviceReferral', subjectId: 'r3' }), '/service-referrals');
  assert.equal(subjectPath({ kind: 'serviceReferral.responded', subjectType: 'serviceReferral', subjectId: 'r3' }), '/service-referrals/r3');
  assert.equal(isKnownKind('serviceReferral.received'), true);
  const labels: [string, string, string][] = [
    ['caseTransfer.requested', 'caseTransfer', 'notifications.openTransfer'],
    ['emergencyAccess.granted', 'case', 'notifications.openCase'],
    ['serviceReferral.received', 'serviceReferral', 'notifications.openReferral'],
    ['serviceReferral.revoked', 'serviceReferral', 'notifications.openReferrals'],
    ['linkageProject.invited', 'linkageProject', 'notifications.open'],
  ];
  for (const [kind, subjectType, key] of labels) assert.equal(openLinkKey({ kind, subjectType }), key, kind);
});
