import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson, GENESIS_HASH, hashAuditRow, type THashedAuditFields } from './audit-hash.ts';

const base: THashedAuditFields = {
  chainKey: 'org', seq: 1, prevHash: GENESIS_HASH, id: '00000000-0000-4000-8000-000000000000', orgId: null, action: 'user.loggedIn',
  actorType: 'user', actorId: null, actorLabel: 'a@example.test', subjectType: null, subjectId: null, caseId: null,
  changes: null, metadata: { email: 'a@example.test' }, ip: null, userAgent: null, requestId: null, createdAt: new Date('2026-01-01T00:00:00Z'),
};

test('canonical JSON ignores key order at every depth (jsonb reorders keys)', () => {
  fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
    const reversed = Object.fromEntries(Object.entries(value).reverse());
    assert.equal(canonicalJson(value), canonicalJson(reversed));
  }));
});

test('every field is covered by the hash', () => {
  const original = hashAuditRow(base);
  const variants: Partial<THashedAuditFields>[] = [
    { chainKey: 'other' }, { seq: 2 }, { prevHash: 'f'.repeat(64) }, { action: 'user.loggedOut' }, { actorLabel: 'b@example.test' },
    { metadata: { email: 'b@example.test' } }, { changes: { role: 'x' } }, { ip: '127.0.0.1' }, { createdAt: new Date('2026-01-01T00:00:00.001Z') },
  ];
  for (const variant of variants) assert.notEqual(hashAuditRow({ ...base, ...variant }), original, JSON.stringify(variant));
});
