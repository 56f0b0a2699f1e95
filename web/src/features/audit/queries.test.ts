import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_PAGE_SIZE, auditEventsQuery, NO_AUDIT_FILTERS } from './queries.ts';

test('no filter: only the page size; paging adds the cursor', () => {
  assert.equal(auditEventsQuery(NO_AUDIT_FILTERS, null), `limit=${AUDIT_PAGE_SIZE}`);
  assert.equal(new URLSearchParams(auditEventsQuery(NO_AUDIT_FILTERS, 120)).get('beforeSeq'), '120');
});

test('a day range covers whole local days: "to" is included, as the next midnight (the server bound is exclusive)', () => {
  const params = new URLSearchParams(auditEventsQuery({ ...NO_AUDIT_FILTERS, from: '2026-03-30', to: '2026-03-30' }, null));
  const since = new Date(params.get('since')!);
  const until = new Date(params.get('until')!);
  assert.deepEqual([since.getFullYear(), since.getMonth(), since.getDate(), since.getHours()], [2026, 2, 30, 0]);
  assert.deepEqual([until.getFullYear(), until.getMonth(), until.getDate(), until.getHours()], [2026, 2, 31, 0]);
  const endOfMonth = new Date(new URLSearchParams(auditEventsQuery({ ...NO_AUDIT_FILTERS, to: '2026-12-31' }, null)).get('until')!);
  assert.deepEqual([endOfMonth.getFullYear(), endOfMonth.getMonth(), endOfMonth.getDate()], [2027, 0, 1]);
});

test('every other filter is passed as is', () => {
  const params = new URLSearchParams(auditEventsQuery({ ...NO_AUDIT_FILTERS, action: 'person.identityViewed', actorId: 'a', caseId: 'c', subjectId: 's' }, null));
  assert.deepEqual([params.get('action'), params.get('actorId'), params.get('caseId'), params.get('subjectId'), params.get('since')], ['person.identityViewed', 'a', 'c', 's', null]);
});
