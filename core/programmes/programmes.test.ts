import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { METRICS } from '../metrics/index.ts';
import {
  achievementOf, canApproveValue, formatPeriod, frameworkIssues, indicatorStatus, indicatorUnitOfMetric, isWithin, LIGHT_RANK, newNodeIssues, nextPeriod, NRM_TEMPLATE,
  parsePeriod, PERIOD_KINDS, periodContaining, periodRange, periodsBetween, resolveComputedIndicator, targetIssues, type TFrameworkNode, type TPeriod, type TStatusInput,
  type TTemplateNode, type TTrafficLight,
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
    }
  }
  const metrics = all.flatMap((n) => n.indicators).map((i) => (i.definition.kind === 'computed' ? i.definition.metric : null));
  for (const required of ['cases.daysToSupport', 'cases.earlySupport', 'plans.inclusionOutcome', 'decisions.negative']) assert.ok(metrics.includes(required), required);
});
