import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors/app-error.ts';
import { evaluateScreening } from './evaluate.ts';
import { INDICATOR_LISTS } from './indicators/index.ts';
import { ZScreeningInput, ZScreeningResult, type TScreeningResult } from './schemas.ts';
import { observe } from './test-helpers.ts';

const { AL, AS, CL } = INDICATOR_LISTS;
const dim = (r: TScreeningResult, d: string) => r.dimensions.find((x) => x.dimension === d)!;

const ADULT_TRAFFICKING = { DR01: 'present', DR08: 'present', EX01: 'present', EX04: 'present', CD01: 'present', CD14: 'present' } as const;

test('adult labour: positive DR, EX and CD meet the operational definition', () => {
  const r = evaluateScreening(AL, observe(AL, ADULT_TRAFFICKING, 'absent'));
  assert.equal(r.kind, 'recommendation');
  assert.equal(r.outcome, 'trafficking');
  assert.equal(r.meetsOperationalDefinition, true);
  assert.deepEqual(r.groups, { recruitmentMeans: true, exploitation: true, destinationMeans: true });
  assert.deepEqual(dim(r, 'DR').present, { strong: 1, medium: 1, weak: 0 });
  assert.equal(dim(r, 'DR').absent, 8);
  assert.equal(r.gaps.couldOutcomeChange, false);
  assert.equal(r.actRecorded, null);
  assert.deepEqual(r.warnings, []);
});

test('the result carries list and rule versions and satisfies ZScreeningResult', () => {
  const r = evaluateScreening(AL, observe(AL, ADULT_TRAFFICKING));
  assert.equal(r.listId, 'AL');
  assert.equal(r.listVersion, AL.version);
  assert.equal(r.listSourceVersion, AL.sourceVersion);
  assert.equal(r.rulesId, 'ilo-ec-2009');
  assert.equal(r.rulesVersion, '1.0.0');
  assert.deepEqual(ZScreeningResult.parse(r), r);
  assert.deepEqual(r.dimensions.map((d) => d.dimension), ['DR', 'CR', 'RV', 'EX', 'CD', 'VD']);
});

test('deceived and exploited without destination means is "exploited, not trafficked"', () => {
  const r = evaluateScreening(AL, observe(AL, { DR01: 'present', DR02: 'present', EX01: 'present', EX02: 'present' }, 'absent'));
  assert.equal(r.outcome, 'exploited_not_trafficked');
  assert.equal(r.meetsOperationalDefinition, false);
});

test('an unknown indicator is a gap, not an absence: the outcome could change', () => {
  const observations = observe(AL, { DR01: 'present', DR02: 'unknown', EX01: 'present', EX04: 'present', CD01: 'present', CD02: 'present' }, 'absent');
  const r = evaluateScreening(AL, observations);
  assert.equal(dim(r, 'DR').isPositive, false);
  assert.equal(dim(r, 'DR').isPositiveIfUnknownsPresent, true);
  assert.deepEqual(dim(r, 'DR').unknown, { strong: 0, medium: 1, weak: 0 });
  assert.equal(dim(r, 'DR').notRecorded, 0);
  assert.equal(r.outcome, 'exploited_not_trafficked');
  assert.equal(r.gaps.couldOutcomeChange, true);
  assert.equal(r.gaps.outcomeIfUnknownsPresent, 'trafficking');
  assert.deepEqual(r.gaps.dimensionsThatCouldTurnPositive, ['DR']);
  assert.deepEqual(r.gaps.unknownIndicatorIds, ['AL-DR02']);
});

test('the same screening with the gap answered "absent" has no gap left', () => {
  const observations = observe(AL, { DR01: 'present', EX01: 'present', EX04: 'present', CD01: 'present', CD02: 'present' }, 'absent');
  const r = evaluateScreening(AL, observations);
  assert.equal(r.outcome, 'exploited_not_trafficked');
  assert.equal(r.gaps.couldOutcomeChange, false);
  assert.deepEqual(r.gaps.unknownIndicatorIds, []);
});

test('indicators with no observation count as unknown and not recorded', () => {
  const r = evaluateScreening(AL, []);
  assert.equal(r.outcome, 'not_indicated');
  assert.equal(r.gaps.outcomeIfUnknownsPresent, 'trafficking');
  assert.equal(r.gaps.unknownIndicatorIds.length, 67);
  assert.equal(dim(r, 'CD').notRecorded, 15);
  assert.deepEqual(dim(r, 'CD').unknown, { strong: 4, medium: 10, weak: 1 });
});

test('observations outside the list and duplicates are all reported at once', () => {
  const bad = [
    { indicatorId: 'CL-DR01', status: 'present' as const },
    { indicatorId: 'AL-DR01', status: 'present' as const },
    { indicatorId: 'AL-DR01', status: 'absent' as const },
  ];
  assert.throws(
    () => evaluateScreening(AL, bad),
    (e: unknown) =>
      e instanceof AppError &&
      e.code === 'VALIDATION_FAILED' &&
      e.details.reason === 'OBSERVATIONS_DO_NOT_MATCH_LIST' &&
      e.details.issues?.length === 2 &&
      e.details.issues[0]?.path === 'observations.0.indicatorId',
  );
});

test('ZScreeningInput rejects foreign ids and duplicates with every issue', () => {
  const parsed = ZScreeningInput.safeParse({
    listId: 'AL',
    observations: [
      { indicatorId: 'CL-DR01', status: 'present' },
      { indicatorId: 'AL-DR01', status: 'present' },
      { indicatorId: 'AL-DR01', status: 'absent' },
    ],
  });
  assert.equal(parsed.success, false);
  assert.equal(parsed.error?.issues.length, 2);
  assert.equal(ZScreeningInput.safeParse({ listId: 'AL', observations: [{ indicatorId: 'AL-DR01', status: 'maybe' }] }).success, false);
});

test('child: a recorded act plus positive EX meets the definition without recruitment means', () => {
  const obs = observe(CL, { EX01: 'present', EX02: 'present' }, 'absent');
  const withAct = evaluateScreening(CL, obs, { actRecorded: 'present' });
  assert.equal(withAct.outcome, 'trafficking');
  assert.equal(withAct.actRecorded, 'present');

  const actUnknown = evaluateScreening(CL, obs);
  assert.equal(actUnknown.actRecorded, 'unknown', 'the act defaults to unknown, never to absent');
  assert.equal(actUnknown.outcome, 'exploitation_only');
  assert.equal(actUnknown.gaps.isActUnknown, true);
  assert.equal(actUnknown.gaps.couldOutcomeChange, true);
  assert.equal(actUnknown.gaps.outcomeIfUnknownsPresent, 'trafficking');

  const noAct = evaluateScreening(CL, obs, { actRecorded: 'absent' });
  assert.equal(noAct.outcome, 'exploitation_only');
  assert.equal(noAct.gaps.couldOutcomeChange, false);
});

test('child: destination means are supporting evidence, not required', () => {
  const r = evaluateScreening(CL, observe(CL, { CR01: 'present', CR02: 'present', EX01: 'present', EX02: 'present' }, 'absent'));
  assert.equal(r.groups.destinationMeans, false);
  assert.equal(r.outcome, 'trafficking');
});

test('a child weight differs from the adult one: DR10 alone with DR02 is positive for a child only', () => {
  const adult = evaluateScreening(AL, observe(AL, { DR10: 'present', DR02: 'present' }, 'absent'));
  const child = evaluateScreening(CL, observe(CL, { DR10: 'present', DR02: 'present' }, 'absent'));
  assert.equal(dim(adult, 'DR').isPositive, false);
  assert.equal(dim(child, 'DR').isPositive, true);
});

test('a provisional list is flagged on the result', () => {
  const r = evaluateScreening(AS, []);
  assert.equal(r.isListProvisional, true);
  assert.ok(r.warnings.includes('LIST_PROVISIONAL'));
});

test('a disputed weight that would change a dimension is flagged', () => {
  const affected = evaluateScreening(AL, observe(AL, { RV01: 'present', RV14: 'present', RV15: 'present' }, 'absent'));
  assert.equal(dim(affected, 'RV').isPositive, false);
  assert.deepEqual(affected.warnings, ['DISPUTED_WEIGHT_AFFECTS_RESULT']);

  const unaffected = evaluateScreening(AL, observe(AL, { RV01: 'present', RV02: 'present', RV14: 'present' }, 'absent'));
  assert.equal(dim(unaffected, 'RV').isPositive, true);
  assert.deepEqual(unaffected.warnings, []);
});
