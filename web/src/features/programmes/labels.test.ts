import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { filtersOf, NOT_RECORDED, suggestedChildCode } from './labels.ts';

test('filtersOf: ticked categories per allowed dimension; "not recorded" is null; nothing ticked is no filter', () => {
  assert.deepEqual(filtersOf({ sex: ['female', NOT_RECORDED], ageBand: [], form: ['labour'] }, ['sex', 'ageBand']), { sex: ['female', null] });
  assert.deepEqual(filtersOf({}, ['sex']), {});
});

test('suggestedChildCode: the next free number under the goal (O…) or under an outcome (O1.…)', () => {
  const goal = { level: 'goal' as const, code: 'G' };
  const outcome = { level: 'outcome' as const, code: 'O1' };
  assert.equal(suggestedChildCode(goal, []), 'O1');
  assert.equal(suggestedChildCode(goal, [{ code: 'O1' }, { code: 'O2' }]), 'O3');
  assert.equal(suggestedChildCode(goal, [{ code: 'O1' }, { code: 'O3' }]), 'O4');
  assert.equal(suggestedChildCode(outcome, [{ code: 'O1.1' }]), 'O1.2');
});

test('property: the suggested code is never one already taken', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 15 }), (numbers) => {
    const siblings = numbers.map((n) => ({ code: `O${n}` }));
    assert.ok(!siblings.some((s) => s.code === suggestedChildCode({ level: 'goal', code: 'G' }, siblings)));
  }));
});
