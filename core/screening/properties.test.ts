import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateScreening } from './evaluate.ts';
import { INDICATOR_LIST_IDS, INDICATOR_LISTS } from './indicators/index.ts';
import { OUTCOME_RANK } from './outcomes.ts';
import { isDimensionPositive } from './rules.ts';
import { OBSERVATION_STATUSES, type TObservationStatus, type TScreeningResult } from './schemas.ts';

const RUNS = 300;
const arbStatus = fc.constantFrom<TObservationStatus>(...OBSERVATION_STATUSES);
const arbCounts = fc.record({ strong: fc.nat(6), medium: fc.nat(6), weak: fc.nat(10) });
const arbStrength = fc.constantFrom('strong', 'medium', 'weak' as const);

/** A list, one status per indicator (some left unrecorded), an act status and one index to change. */
const arbScreening = fc
  .constantFrom(...INDICATOR_LIST_IDS)
  .chain((listId) => {
    const n = INDICATOR_LISTS[listId].indicators.length;
    return fc.record({
      listId: fc.constant(listId),
      statuses: fc.array(fc.option(arbStatus, { nil: undefined }), { minLength: n, maxLength: n }),
      act: arbStatus,
      index: fc.nat(n - 1),
    });
  });

function run(listId: keyof typeof INDICATOR_LISTS, statuses: (TObservationStatus | undefined)[], act: TObservationStatus) {
  const list = INDICATOR_LISTS[listId];
  const observations = list.indicators.flatMap((i, k) => {
    const status = statuses[k];
    return status ? [{ indicatorId: i.id, status }] : [];
  });
  return evaluateScreening(list, observations, { actRecorded: act });
}

const rank = (r: TScreeningResult) => OUTCOME_RANK[r.outcome];

test('dimension rule is monotone: one more present indicator never turns positive into negative', () => {
  fc.assert(
    fc.property(arbCounts, arbStrength, (counts, strength) => {
      const more = { ...counts, [strength]: counts[strength] + 1 };
      assert.ok(!isDimensionPositive(counts) || isDimensionPositive(more));
    }),
    { numRuns: 1000 },
  );
});

test('screening is monotone: marking one indicator present never un-positives a dimension or lowers the outcome', () => {
  fc.assert(
    fc.property(arbScreening, ({ listId, statuses, act, index }) => {
      const before = run(listId, statuses, act);
      const after = run(listId, statuses.with(index, 'present'), act);
      before.dimensions.forEach((d, k) => assert.ok(!d.isPositive || after.dimensions[k]!.isPositive, d.dimension));
      assert.ok(rank(after) >= rank(before), `${before.outcome} → ${after.outcome}`);
      if (before.outcome === 'trafficking') assert.equal(after.outcome, 'trafficking');
    }),
    { numRuns: RUNS },
  );
});

test('recording the act never lowers a child outcome', () => {
  fc.assert(
    fc.property(arbScreening, ({ listId, statuses, act }) => {
      assert.ok(rank(run(listId, statuses, 'present')) >= rank(run(listId, statuses, act)));
    }),
    { numRuns: RUNS },
  );
});

test('changing an unknown to absent never creates a positive', () => {
  fc.assert(
    fc.property(arbScreening, ({ listId, statuses, act, index }) => {
      fc.pre(statuses[index] !== 'present' && statuses[index] !== 'absent');
      const before = run(listId, statuses, act);
      const after = run(listId, statuses.with(index, 'absent'), act);
      before.dimensions.forEach((d, k) => {
        const a = after.dimensions[k]!;
        assert.ok(d.isPositive || !a.isPositive, `${d.dimension} became positive`);
        assert.ok(d.isPositiveIfUnknownsPresent || !a.isPositiveIfUnknownsPresent);
      });
      assert.ok(rank(after) <= rank(before));
      assert.ok(OUTCOME_RANK[after.gaps.outcomeIfUnknownsPresent] <= OUTCOME_RANK[before.gaps.outcomeIfUnknownsPresent]);
    }),
    { numRuns: RUNS },
  );
});

test('the outcome never exceeds the outcome if unknowns were present, and gaps agree with it', () => {
  fc.assert(
    fc.property(arbScreening, ({ listId, statuses, act }) => {
      const r = run(listId, statuses, act);
      assert.ok(rank(r) <= OUTCOME_RANK[r.gaps.outcomeIfUnknownsPresent]);
      assert.equal(r.gaps.couldOutcomeChange, r.outcome !== r.gaps.outcomeIfUnknownsPresent);
      const unknowns = r.dimensions.reduce((n, d) => n + d.unknown.strong + d.unknown.medium + d.unknown.weak, 0);
      assert.equal(unknowns, r.gaps.unknownIndicatorIds.length);
    }),
    { numRuns: RUNS },
  );
});
