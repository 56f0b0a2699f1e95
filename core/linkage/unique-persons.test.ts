import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countUniquePersons, publishUniquePersons } from './unique-persons.ts';

test('unique persons: across parties by the parties holding each person, in one register by records', () => {
  const cases: { memberships: [string, string][]; unique: number; byBucket: number[]; byParty: [string, number, number][] }[] = [
    { memberships: [], unique: 0, byBucket: [0, 0, 0], byParty: [] },
    { memberships: [['a', '1'], ['a', '1'], ['a', '2'], ['a', '3'], ['a', '3'], ['a', '3']], unique: 3, byBucket: [1, 1, 1], byParty: [['a', 3, 0]] },
    { memberships: [['police', 'x'], ['shelter', 'x'], ['hotline', 'x'], ['police', 'y'], ['shelter', 'z'], ['shelter', 'y']], unique: 3, byBucket: [1, 1, 1],
      byParty: [['hotline', 0, 1], ['police', 0, 2], ['shelter', 1, 2]] },
  ];
  for (const c of cases) {
    const counts = countUniquePersons(c.memberships.map(([party, clusterId]) => ({ party, clusterId })));
    assert.equal(counts.uniquePersons, c.unique);
    assert.deepEqual(counts.byBucket, c.byBucket);
    assert.deepEqual(counts.byParty.map((p) => [p.party, p.only, p.shared]), c.byParty);
  }
});

test('published unique-person counts never show a count below the threshold', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 60 })), { maxLength: 300 }), (raw) => {
    const counts = countUniquePersons(raw.map(([party, id]) => ({ party, clusterId: String(id) })));
    const published = publishUniquePersons(counts, { threshold: 5 });
    const cells = [published.uniquePersons, ...published.byBucket.map((b) => b.persons), ...published.byParty.flatMap((p) => [p.only, p.shared])];
    for (const cell of cells) if ('value' in cell) assert.ok(cell.value === 0 || cell.value >= 5, `published ${cell.value}`);
    if ('value' in published.uniquePersons) assert.equal(published.uniquePersons.value, counts.uniquePersons);
  }), { numRuns: 60 });
});

test('with two parties there is no "three or more" bucket to hide the others', () => {
  const memberships = Array.from({ length: 40 }, (_, k) => ({ party: k % 2 === 0 ? 'a' : 'b', clusterId: String(k < 30 ? Math.floor(k / 2) : k) }));
  const counts = countUniquePersons(memberships);
  assert.deepEqual(counts.byBucket, [10, 15, 0]);
  const published = publishUniquePersons(counts, { threshold: 5 });
  assert.deepEqual(published.byBucket.map((b) => [b.bucket, b.persons]), [['1', { value: 10 }], ['2', { value: 15 }]]);
  assert.deepEqual(published.uniquePersons, { value: 25 });
});
