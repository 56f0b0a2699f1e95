import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { METRICS } from '../metrics/index.ts';
import {
  achievementOf, canApproveValue, formatPeriod, frameworkIssues, indicatorStatus, indicatorUnitOfMetric, isWithin, LIGHT_RANK, newNodeIssues, nextPeriod, NRM_TEMPLATE,
  parsePeriod, PERIOD_KINDS, periodContaining, periodRange, periodsBetween, protectReportedValue, RATIO_GAPS, ratioOf, resolveComputedIndicator, resolveRatioIndicator, targetIssues,
  type TFrameworkNode, type TIndicatorUnit, type TPeriod, type TProtectedCell, type TRatioCell, type TRatioDefinition, type TStatusInput, type TTemplateNode, type TTrafficLight,
} from './index.ts';

// Periods

const PERIOD_CASES: { key: string; period: TPeriod | null; range?: { from: string; to: string } }[] = [
  { key: '2026', period: { kind: 'year', year: 2026, index: 1 }, range: { from: '2026-01-01', to: '2027-01-01' } },
  { key: '2026-Q1', period: { kind: 'quarter', year: 2026, index: 1 }, range: { from: '2026-01-01', to: '2026-04-01' } },
  { key: '2026-Q4', period: { kind: 'quarter', year: 2026, index: 4 }, range: { from: '2026-10-01', to: '2027-01-01' } },
  { key: '2026-02', period: { kind: 'month', year: 2026, index: 2 }, range: { from: '2026-02-01', to: '2026-03-01' } },
  { key: '2026-12', period: { kind: 'month', year: 2026, index: 12 }, range: { from: '2026-12-01', to: '2027-01-01' } },
  { key: '2026-Q5', period: null },
  { key: '2026-13', period: null },
  { key: '2026-00', period: null },
  { key: '26', period: null },
  { key: '1800', period: null },
  { key: '2026-1', period: null },
  { key: ' 2026', period: null },
];

for (const c of PERIOD_CASES) {
  test(`period ${JSON.stringify(c.key)}`, () => {
    assert.deepEqual(parsePeriod(c.key), c.period);
    if (c.period) {
      assert.equal(formatPeriod(c.period), c.key);
      assert.deepEqual(periodRange(c.period), c.range);
    }
  });
}

test('periodContaining, isWithin, periodsBetween', () => {
  assert.equal(formatPeriod(periodContaining('quarter', '2026-05-31')), '2026-Q2');
  assert.equal(formatPeriod(periodContaining('month', '2026-12-31T23:59:59Z')), '2026-12');
  assert.equal(isWithin(parsePeriod('2026-05')!, parsePeriod('2026-Q2')!), true);
  assert.equal(isWithin(parsePeriod('2026-07')!, parsePeriod('2026-Q2')!), false);
  assert.deepEqual(periodsBetween('quarter', '2025-11-15', '2026-04-01').map(formatPeriod), ['2025-Q4', '2026-Q1', '2026-Q2']);
  assert.deepEqual(periodsBetween('year', '2026-01-01', '2026-12-31').map(formatPeriod), ['2026']);
  assert.throws(() => periodsBetween('year', '2027-01-01', '2026-01-01'), (e: unknown) => e instanceof AppError && e.details.reason === 'PERIODS_REVERSED');
  assert.throws(() => periodsBetween('month', '2000-01-01', '2099-01-01'), (e: unknown) => e instanceof AppError && e.details.reason === 'TOO_MANY_PERIODS');
});

const arbitraryPeriod = fc.constantFrom(...PERIOD_KINDS).chain((kind) => fc.record({
  kind: fc.constant(kind),
  year: fc.integer({ min: 1990, max: 2099 }),
  index: fc.integer({ min: 1, max: kind === 'year' ? 1 : kind === 'quarter' ? 4 : 12 }),
}));

test('property: a period round-trips through its key, the next period starts where it ends, and contains its own first day', () => {
  fc.assert(fc.property(arbitraryPeriod, (generated) => {
    const period: TPeriod = { ...generated };
    assert.deepEqual(parsePeriod(formatPeriod(period)), period);
    assert.equal(periodRange(nextPeriod(period)).from, periodRange(period).to);
    assert.deepEqual(periodContaining(period.kind, periodRange(period).from), period);
    assert.ok(periodRange(period).from < periodRange(period).to);
  }), { numRuns: 1_000, seed: 9 });
});

// Traffic lights

const STATUS_CASES: { input: TStatusInput; status: string; why: string }[] = [
  { input: { direction: 'increase', baseline: null, target: 20, actual: 20 }, status: 'green', why: 'target met' },
  { input: { direction: 'increase', baseline: null, target: 20, actual: 27 }, status: 'green', why: 'target exceeded' },
  { input: { direction: 'increase', baseline: null, target: 20, actual: 15 }, status: 'amber', why: '75 % of the way' },
  { input: { direction: 'increase', baseline: null, target: 20, actual: 14 }, status: 'red', why: '70 %' },
  { input: { direction: 'increase', baseline: 10, target: 50, actual: 25 }, status: 'red', why: '15 of the planned 40 more' },
  { input: { direction: 'increase', baseline: 10, target: 50, actual: 40 }, status: 'amber', why: '30 of 40 more' },
  { input: { direction: 'decrease', baseline: 30, target: 10, actual: 10 }, status: 'green', why: 'down to the target' },
  { input: { direction: 'decrease', baseline: 30, target: 10, actual: 15 }, status: 'amber', why: '15 of 20 days less' },
  { input: { direction: 'decrease', baseline: 30, target: 10, actual: 35 }, status: 'red', why: 'worse than the baseline' },
  { input: { direction: 'decrease', baseline: null, target: 2, actual: 11 }, status: 'red', why: 'no baseline, above the ceiling' },
  { input: { direction: 'decrease', baseline: null, target: 2, actual: 1 }, status: 'green', why: 'no baseline, under the ceiling' },
  { input: { direction: 'increase', baseline: 50, target: 50, actual: 49 }, status: 'red', why: 'hold the line, missed' },
  { input: { direction: 'increase', baseline: null, target: 0, actual: 0 }, status: 'green', why: 'zero target' },
  { input: { direction: 'increase', baseline: null, target: null, actual: 5 }, status: 'noTarget', why: 'no target for the period' },
  { input: { direction: 'increase', baseline: null, target: 5, actual: null }, status: 'noData', why: 'nothing approved or computed' },
  { input: { direction: 'increase', baseline: null, target: 5, actual: 'suppressed' }, status: 'suppressed', why: 'a hidden value gets no colour' },
];

for (const c of STATUS_CASES) {
  test(`indicatorStatus: ${c.why}`, () => assert.equal(indicatorStatus(c.input), c.status));
}

const finite = fc.integer({ min: -1_000, max: 1_000 });

test('property: a better actual never gets a worse light; meeting the target is always green; achievement is a number', () => {
  fc.assert(fc.property(fc.constantFrom('increase' as const, 'decrease' as const), fc.option(finite, { nil: null }), finite, finite, finite, (direction, baseline, target, a, b) => {
    const [worse, better] = direction === 'increase' ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
    const light = (actual: number) => indicatorStatus({ direction, baseline, target, actual }) as TTrafficLight;
    assert.ok(LIGHT_RANK[light(better)] >= LIGHT_RANK[light(worse)]);
    assert.equal(light(target), 'green');
    assert.ok(Number.isFinite(achievementOf(direction, baseline, target, a)));
  }), { numRuns: 3_000, seed: 9 });
});

// Results framework

const node = (id: string, parentId: string | null, level: TFrameworkNode['level'], code = id): TFrameworkNode => ({ id, parentId, level, code });

test('frameworkIssues: one goal, each level under the one above, unique codes', () => {
  assert.deepEqual(frameworkIssues([node('g', null, 'goal'), node('o', 'g', 'outcome'), node('p', 'o', 'output')]), []);
  const cases: [TFrameworkNode[], string[]][] = [
    [[], ['nodes']],
    [[node('g', null, 'goal'), node('h', null, 'goal')], ['nodes']],
    [[node('g', null, 'goal'), node('p', 'g', 'output')], ['nodes.1.parentId']],
    [[node('g', null, 'goal'), node('o', 'x', 'outcome')], ['nodes.1.parentId']],
    [[node('g', 'g', 'goal'), node('o', 'g', 'outcome')], ['nodes.0.parentId']],
    [[node('g', null, 'goal'), node('o', 'g', 'outcome', 'X'), node('q', 'g', 'outcome', 'X')], ['nodes.2.code']],
  ];
  for (const [nodes, paths] of cases) assert.deepEqual(frameworkIssues(nodes).map((i) => i.path), paths, JSON.stringify(nodes));
  const existing = [node('g', null, 'goal'), node('o', 'g', 'outcome')];
  assert.deepEqual(newNodeIssues(existing, { parentId: 'o', level: 'output', code: 'O.a' }), []);
  assert.deepEqual(newNodeIssues(existing, { parentId: 'g', level: 'output', code: 'o' }).map((i) => i.path), ['body.parentId', 'body.code']);
});

test('targetIssues: one target per period of the indicator\'s frequency', () => {
  assert.deepEqual(targetIssues('year', [{ period: '2026', value: 1 }, { period: '2027', value: 2 }]), []);
  assert.deepEqual(targetIssues('quarter', [{ period: '2026', value: 1 }, { period: '2026-Q1', value: 2 }, { period: '2026-Q1', value: 3 }]).map((i) => i.path), ['targets.0.period', 'targets.2.period']);
});

test('canApproveValue: pending values only, never by their author', () => {
  assert.deepEqual(canApproveValue({ status: 'pending', enteredBy: 'a' }, 'b'), { ok: true });
  assert.deepEqual(canApproveValue({ status: 'pending', enteredBy: 'a' }, 'a'), { ok: false, reason: 'SELF_APPROVAL' });
  assert.deepEqual(canApproveValue({ status: 'approved', enteredBy: 'a' }, 'b'), { ok: false, reason: 'VALUE_NOT_PENDING' });
});

// Indicator definitions and the NRM template

test('computed indicators resolve against the catalog with the metric\'s unit (shares are percentages)', () => {
  assert.equal(resolveComputedIndicator({ kind: 'computed', metric: 'decisions.all', filters: {}, dimensions: ['decisionKind'] }, 'decisions').metric.id, 'decisions.all');
  assert.throws(() => resolveComputedIndicator({ kind: 'computed', metric: 'decisions.all', filters: {}, dimensions: [] }, 'persons'), (e: unknown) => e instanceof AppError && e.details.reason === 'UNIT_MISMATCH');
  assert.throws(() => resolveComputedIndicator({ kind: 'computed', metric: 'nope', filters: {}, dimensions: [] }, 'persons'), (e: unknown) => e instanceof AppError && e.details.reason === 'INVALID_STATS_QUERY');
  for (const metric of METRICS) assert.ok(['persons', 'cases', 'decisions', 'days', 'percent', 'number'].includes(indicatorUnitOfMetric(metric)));
  // Rates per 100,000 need a population per cell: not an indicator (stats evidence metrics).
  assert.throws(() => resolveComputedIndicator({ kind: 'computed', metric: 'cases.identifiedPer100k', filters: {}, dimensions: [] }, 'number'), (e: unknown) => e instanceof AppError && e.details.reason === 'UNIT_MISMATCH');
  assert.equal(indicatorUnitOfMetric({ unit: 'persons', measure: 'shareWithinTarget' }), 'percent');
});

test('the NRM template: a valid framework whose computed indicators all resolve, titles in four languages', () => {
  const all: TTemplateNode[] = [NRM_TEMPLATE.goal, ...NRM_TEMPLATE.outcomes, ...NRM_TEMPLATE.outcomes.flatMap((o) => o.outputs ?? [])];
  const framework: TFrameworkNode[] = [node('G', null, 'goal'), ...NRM_TEMPLATE.outcomes.flatMap((o) => [node(o.code, 'G', 'outcome'), ...(o.outputs ?? []).map((p) => node(p.code, o.code, 'output'))])];
  assert.deepEqual(frameworkIssues(framework), []);
  const codes = all.flatMap((n) => n.indicators.map((i) => i.code));
  assert.equal(new Set(codes).size, codes.length);
  for (const n of all) {
    for (const language of ['en', 'fr', 'es', 'ar'] as const) assert.ok(n.titles[language].length > 0);
    for (const indicator of n.indicators) {
      for (const language of ['en', 'fr', 'es', 'ar'] as const) assert.ok(indicator.names[language].length > 0, indicator.code);
      if (indicator.definition.kind === 'computed') assert.doesNotThrow(() => resolveComputedIndicator(indicator.definition as never, indicator.unit), indicator.code);
      if (indicator.definition.kind === 'ratio') assert.doesNotThrow(() => resolveRatioIndicator(indicator.definition as TRatioDefinition, indicator.unit), indicator.code);
    }
  }
  const metrics = all.flatMap((n) => n.indicators).map((i) => (i.definition.kind === 'computed' ? i.definition.metric : null));
  for (const required of ['cases.daysToSupport', 'cases.earlySupport', 'plans.inclusionOutcome', 'decisions.negative', 'decisions.withinTarget', 'decisions.daysToDecision', 'cases.shelterWithin7Days']) assert.ok(metrics.includes(required), required);
  const withinTarget = all.flatMap((n) => n.indicators).find((i) => i.definition.kind === 'computed' && i.definition.metric === 'decisions.withinTarget')!;
  assert.deepEqual([withinTarget.unit, (withinTarget.definition as { filters: unknown }).filters], ['percent', { decisionKind: ['RG'] }]);
  const ratio = NRM_TEMPLATE.goal.indicators.find((i) => i.definition.kind === 'ratio')!.definition as TRatioDefinition;
  assert.deepEqual([ratio.numerator.metric, ratio.denominator.metric, ratio.scale], ['justice.funnel', 'cases.identified', 100]);
});

// Ratio indicators

const CONVICTIONS_PER_100: TRatioDefinition = { kind: 'ratio', numerator: { metric: 'justice.funnel', filters: { justiceStage: ['convictedTrafficking'] } }, denominator: { metric: 'cases.identified', filters: {} }, scale: 100 };
const issuePaths = (fn: () => unknown): { reason: unknown; paths: string[] } => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { reason: error.details.reason, paths: (error.details.issues ?? []).map((i) => i.path) };
    throw error;
  }
  return { reason: null, paths: [] };
};

const RATIO_DEFINITION_CASES: { why: string; definition: TRatioDefinition; unit: TIndicatorUnit; reason: string | null; paths: string[] }[] = [
  { why: 'convictions per 100 identified', definition: CONVICTIONS_PER_100, unit: 'number', reason: null, paths: [] },
  { why: 'a percentage per 100', definition: CONVICTIONS_PER_100, unit: 'percent', reason: null, paths: [] },
  { why: 'a percentage must be per 100', definition: { ...CONVICTIONS_PER_100, scale: 1000 }, unit: 'percent', reason: 'INVALID_RATIO', paths: ['body.unit'] },
  { why: 'a ratio is not a count of persons', definition: CONVICTIONS_PER_100, unit: 'persons', reason: 'INVALID_RATIO', paths: ['body.unit'] },
  { why: 'a zero scale', definition: { ...CONVICTIONS_PER_100, scale: 0 }, unit: 'number', reason: 'INVALID_RATIO', paths: ['body.definition.scale'] },
  { why: 'a median is not a term', definition: { ...CONVICTIONS_PER_100, denominator: { metric: 'cases.daysToSupport', filters: {} } }, unit: 'number', reason: 'INVALID_RATIO', paths: ['body.definition.denominator.metric'] },
  { why: 'a rate is not a term', definition: { ...CONVICTIONS_PER_100, numerator: { metric: 'cases.identifiedPer100k', filters: {} } }, unit: 'number', reason: 'INVALID_RATIO', paths: ['body.definition.numerator.metric'] },
  {
    why: 'every problem of both terms is listed', unit: 'number', reason: 'INVALID_RATIO', paths: ['body.definition.numerator.metric', 'body.definition.denominator.filters.justiceStage', 'body.definition.scale'],
    definition: { kind: 'ratio', numerator: { metric: 'nope', filters: {} }, denominator: { metric: 'cases.identified', filters: { justiceStage: ['charged'] } }, scale: -1 },
  },
];

for (const c of RATIO_DEFINITION_CASES) {
  test(`resolveRatioIndicator: ${c.why}`, () => {
    const outcome = issuePaths(() => resolveRatioIndicator(c.definition, c.unit));
    assert.deepEqual(outcome, { reason: c.reason, paths: c.paths });
  });
}

test('resolveRatioIndicator returns both terms as statistics queries without dimensions', () => {
  const { numerator, denominator } = resolveRatioIndicator(CONVICTIONS_PER_100, 'number');
  assert.deepEqual([numerator.metric.id, numerator.dimensions, numerator.filters], ['justice.funnel', [], [{ dimension: 'justiceStage', keys: ['convictedTrafficking'] }]]);
  assert.deepEqual([denominator.metric.id, denominator.filters], ['cases.identified', []]);
});

const RATIO_CASES: { numerator: TProtectedCell; denominator: TProtectedCell; scale: number; expected: TRatioCell }[] = [
  { numerator: { value: 12 }, denominator: { value: 240 }, scale: 100, expected: { value: 5 } },
  { numerator: { value: 13 }, denominator: { value: 17 }, scale: 100, expected: { value: 76.5 } },
  { numerator: { value: 11 }, denominator: { value: 30 }, scale: 1000, expected: { value: 366.7 } },
  { numerator: { suppressed: true, reason: 'primary' }, denominator: { value: 240 }, scale: 100, expected: { value: null, reason: 'numeratorSuppressed' } },
  { numerator: { value: 12 }, denominator: { suppressed: true, reason: 'secondary' }, scale: 100, expected: { value: null, reason: 'denominatorSuppressed' } },
  { numerator: { suppressed: true, reason: 'primary' }, denominator: { suppressed: true, reason: 'primary' }, scale: 100, expected: { value: null, reason: 'numeratorSuppressed' } },
  { numerator: { value: 12 }, denominator: { value: 0 }, scale: 100, expected: { value: null, reason: 'denominatorZero' } },
];

for (const c of RATIO_CASES) {
  test(`ratioOf ${JSON.stringify([c.numerator, c.denominator, c.scale])}`, () => assert.deepEqual(ratioOf(c.numerator, c.denominator, c.scale), c.expected));
}

const cell = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map((value): TProtectedCell => ({ value })),
  fc.constantFrom<TProtectedCell>({ suppressed: true, reason: 'primary' }, { suppressed: true, reason: 'secondary' }),
);

test('property: a ratio has a value exactly when both terms are published and the denominator is not 0, and then it is scale × n / d to one decimal', () => {
  fc.assert(fc.property(cell, cell, fc.constantFrom(1, 100, 1000, 100_000), (numerator, denominator, scale) => {
    const ratio = ratioOf(numerator, denominator, scale);
    const computable = 'value' in numerator && 'value' in denominator && denominator.value > 0;
    assert.equal(ratio.value !== null, computable);
    if (ratio.value !== null && 'value' in numerator && 'value' in denominator) {
      assert.ok(Math.abs(ratio.value - (scale * numerator.value) / denominator.value) <= 0.05 + 1e-9);
      assert.ok(Number.isFinite(ratio.value) && ratio.value >= 0);
    } else {
      assert.ok('reason' in ratio && RATIO_GAPS.includes(ratio.reason));
    }
  }), { numRuns: 3_000, seed: 9 });
});

// Disclosure control of manual values and baselines

const HIDDEN = { suppressed: true, reason: 'primary' } as const;
const DISCLOSURE_CASES: { unit: TIndicatorUnit; value: number; basis: number | null; expected: TProtectedCell; why: string }[] = [
  { unit: 'persons', value: 10, basis: null, expected: HIDDEN, why: 'a small count of persons' },
  { unit: 'persons', value: 0, basis: null, expected: HIDDEN, why: 'zeros are sensitive' },
  { unit: 'decisions', value: 11, basis: null, expected: { value: 11 }, why: 'a count at the threshold' },
  { unit: 'number', value: 3, basis: null, expected: { value: 3 }, why: 'not about persons (staff trained)' },
  { unit: 'percent', value: 50, basis: 30, expected: { value: 50 }, why: '15 and 15 on each side' },
  { unit: 'percent', value: 50, basis: 10, expected: HIDDEN, why: 'a share of 10 persons' },
  { unit: 'percent', value: 100, basis: 40, expected: HIDDEN, why: '100 % of 40 describes each of them' },
  { unit: 'percent', value: 70, basis: 30, expected: HIDDEN, why: '21 within, 9 outside' },
  { unit: 'percent', value: 72, basis: null, expected: { value: 72 }, why: 'no basis stated: published as approved' },
  { unit: 'days', value: 4.5, basis: 10, expected: HIDDEN, why: 'a median over 10 persons' },
  { unit: 'days', value: 4.5, basis: 11, expected: { value: 4.5 }, why: 'a median over 11 persons' },
];

for (const c of DISCLOSURE_CASES) {
  test(`protectReportedValue: ${c.why}`, () => assert.deepEqual(protectReportedValue(c.unit, c.value, c.basis, 11), c.expected));
}

test('property: a published percentage always has at least k persons on each side of it; a published count is at least k', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (basis, within) => {
    const k = Math.min(within, basis);
    const percent = (100 * k) / basis || 0;
    const published = protectReportedValue('percent', percent, basis, 11);
    if ('value' in published) assert.ok(k >= 11 && basis - k >= 11, JSON.stringify({ basis, k }));
    const count = protectReportedValue('persons', basis, null, 11);
    assert.equal('value' in count, basis >= 11);
  }), { numRuns: 3_000, seed: 9 });
});
