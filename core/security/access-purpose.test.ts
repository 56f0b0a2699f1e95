import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ACCESS_PURPOSES, isAccessPurpose } from './access-purpose.ts';

test('purpose codes: lower snake case, unique, short enough for a query parameter', () => {
  assert.equal(new Set(ACCESS_PURPOSES).size, ACCESS_PURPOSES.length);
  for (const code of ACCESS_PURPOSES) assert.match(code, /^[a-z]+(_[a-z]+)*$/);
});

test('property: only listed codes are purposes', () => {
  for (const code of ACCESS_PURPOSES) assert.equal(isAccessPurpose(code), true);
  fc.assert(fc.property(fc.anything(), (value) => {
    assert.equal(isAccessPurpose(value), typeof value === 'string' && (ACCESS_PURPOSES as readonly string[]).includes(value));
  }));
  for (const value of ['', 'Casework', 'casework ', 'other', null, 1]) assert.equal(isAccessPurpose(value), false);
});
