import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { LABOUR_SECTOR_KEYS, type TCtdcRecord } from '../ctdc/index.ts';
import {
  countryLabels,
  CTDC_FLAG_FIELDS,
  deriveLabourType,
  DIMENSION_IDS,
  DIMENSIONS,
  findMetric,
  METRIC_LANGUAGES,
  METRICS,
  resolveStatsQuery,
  type TLabels,
} from './index.ts';

function assertLabels(labels: TLabels, where: string): void {
  for (const language of METRIC_LANGUAGES) assert.ok(labels[language]?.trim().length > 0, `${where}: no ${language} label`);
}

test('every metric: unique id named after its source, labels and descriptions in four languages, known dimensions and conditions', () => {
  assert.ok(METRICS.length >= 8);
  assert.equal(new Set(METRICS.map((m) => m.id)).size, METRICS.length);
  for (const metric of METRICS) {
    assert.ok(metric.id.startsWith(`${metric.source}.`), metric.id);
    assertLabels(metric.labels, metric.id);
    assertLabels(metric.descriptions, metric.id);
    assert.ok(metric.dimensions.every((d) => DIMENSION_IDS.includes(d)));
    assert.ok(metric.filters.every((d) => DIMENSION_IDS.includes(d)));
    if (metric.condition?.kind === 'flag') assert.ok((CTDC_FLAG_FIELDS as readonly string[]).includes(metric.condition.field), metric.id);
    if (metric.condition?.kind === 'category') {
      const { dimension, keys } = metric.condition;
      assert.ok(keys.every((k) => DIMENSIONS[dimension].isValidKey(k)), metric.id);
    }
    assert.equal(findMetric(metric.id), metric);
  }
  // Labels differ between metrics in every language (a copy-paste slip would show here).
  for (const language of METRIC_LANGUAGES) assert.equal(new Set(METRICS.map((m) => m.labels[language])).size, METRICS.length, language);
});

test('every dimension: labels in four languages; fixed categories unique and labelled', () => {
  for (const id of DIMENSION_IDS) {
    const dimension = DIMENSIONS[id];
    assert.equal(dimension.id, id);
    assertLabels(dimension.labels, id);
    if (dimension.kind === 'fixed') {
      assert.ok(dimension.categories.length > 0, id);
      assert.equal(new Set(dimension.categories.map((c) => c.key)).size, dimension.categories.length, id);
      for (const category of dimension.categories) {
        assertLabels(category.labels, `${id}.${category.key}`);
        assert.ok(dimension.isValidKey(category.key));
      }
    } else assert.equal(dimension.categories.length, 0);
  }
  assert.equal(DIMENSIONS.year.isValidKey('2019'), true);
  assert.equal(DIMENSIONS.year.isValidKey('19'), false);
  assert.equal(DIMENSIONS.citizenship.isValidKey('NA'), true, 'Namibia');
  assert.equal(DIMENSIONS.citizenship.isValidKey('XX'), false);
  assert.equal(DIMENSIONS.ageBand.labelsOf('18--20').en, '18–20');
});

test('country labels: CTDC name in English, the runtime\'s names elsewhere, CTDC\'s name for non-ISO codes', () => {
  const france = countryLabels('FR');
  assert.equal(france.en, 'France');
  assert.ok(france.ar.length > 0 && france.ar !== 'France', 'Arabic name from ICU');
  const kosovo = countryLabels('Y1');
  assert.equal(kosovo.fr, kosovo.en);
});

test('resolveStatsQuery accepts a valid query and normalises filters', () => {
  const query = resolveStatsQuery({ metric: 'ctdc.victims', dimensions: ['year', 'sex'], filters: { sex: ['female', 'female', null], citizenshipRegion: ['asia'] } });
  assert.equal(query.metric.id, 'ctdc.victims');
  assert.deepEqual(query.dimensions, ['year', 'sex']);
  assert.deepEqual(query.filters, [{ dimension: 'sex', keys: ['female', null] }, { dimension: 'citizenshipRegion', keys: ['asia'] }]);
  assert.deepEqual(resolveStatsQuery({ metric: 'ctdc.victims', dimensions: [], filters: {} }).dimensions, []);
});

test('resolveStatsQuery reports every problem with its path', () => {
  const cases: [Parameters<typeof resolveStatsQuery>[0], string[]][] = [
    [{ metric: 'nope', dimensions: [], filters: {} }, ['body.metric']],
    [{ metric: 'ctdc.victims', dimensions: ['year', 'sex', 'ageBand'], filters: {} }, ['body.dimensions']],
    [{ metric: 'ctdc.victims', dimensions: ['year', 'year'], filters: {} }, ['body.dimensions.1']],
    [{ metric: 'ctdc.victims', dimensions: ['height'], filters: {} }, ['body.dimensions.0']],
    [{ metric: 'ctdc.victims', dimensions: [], filters: { sex: [] } }, ['body.filters.sex']],
    [{ metric: 'ctdc.victims', dimensions: [], filters: { sex: ['woman', 'female', 'man'] } }, ['body.filters.sex.0', 'body.filters.sex.2']],
    [{ metric: 'ctdc.victims', dimensions: [], filters: { planet: ['mars'] } }, ['body.filters.planet']],
    [{ metric: 'nope', dimensions: ['height'], filters: { year: ['soon'] } }, ['body.metric', 'body.dimensions.0', 'body.filters.year.0']],
  ];
  for (const [input, paths] of cases) {
    assert.throws(() => resolveStatsQuery(input), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.equal(error.details.reason, 'INVALID_STATS_QUERY');
      assert.deepEqual(error.details.issues?.map((i) => i.path), paths, JSON.stringify(input));
      return true;
    });
  }
});

const sectors = (on: readonly string[], off: readonly string[] = []): TCtdcRecord['labourSector'] =>
  Object.fromEntries(LABOUR_SECTOR_KEYS.map((k) => [k, on.includes(k) ? true : off.includes(k) ? false : null])) as TCtdcRecord['labourSector'];

test('deriveLabourType: one sector, several, "not specified", nothing', () => {
  assert.equal(deriveLabourType(sectors([])), null);
  assert.equal(deriveLabourType(sectors([], [...LABOUR_SECTOR_KEYS])), null, 'all recorded as absent: no type');
  assert.equal(deriveLabourType(sectors(['agriculture'])), 'agriculture');
  assert.equal(deriveLabourType(sectors(['agriculture', 'construction'])), 'multiple');
  assert.equal(deriveLabourType(sectors(['notSpecified'])), 'notSpecified');
  assert.equal(deriveLabourType(sectors(['notSpecified', 'domesticWork'])), 'domesticWork');
});

test('deriveLabourType property: the type names a present sector, "multiple" exactly when several specific ones are', () => {
  const flag = fc.constantFrom(true, false, null);
  fc.assert(fc.property(fc.tuple(...LABOUR_SECTOR_KEYS.map(() => flag)), (values) => {
    const record = Object.fromEntries(LABOUR_SECTOR_KEYS.map((k, i) => [k, values[i]])) as TCtdcRecord['labourSector'];
    const specific = LABOUR_SECTOR_KEYS.filter((k) => k !== 'notSpecified' && record[k] === true);
    const type = deriveLabourType(record);
    if (specific.length >= 2) return type === 'multiple';
    if (specific.length === 1) return type === specific[0];
    return type === (record.notSpecified === true ? 'notSpecified' : null);
  }), { numRuns: 2_000, seed: 6 });
});

test('evidence metrics: timing over decisions, notifications, the justice funnel and rates have the right shape', () => {
  const cases: [string, string, string, string, string[]][] = [
    // id, source, unit, measure, dimensions it must offer
    ['decisions.daysToDecision', 'decisions', 'days', 'median', ['decisionKind', 'organisation']],
    ['decisions.daysToDecisionP90', 'decisions', 'days', 'p90', ['decisionKind']],
    ['decisions.withinTarget', 'decisions', 'decisions', 'shareWithinTarget', ['decisionKind']],
    ['notifications.anonymous', 'notifications', 'persons', 'count', ['year', 'sex', 'ageBand', 'majority', 'citizenship', 'exploitationForm', 'organisation']],
    ['justice.funnel', 'justice', 'persons', 'count', ['justiceStage', 'year', 'sex', 'organisation']],
    ['ctdc.victimsPer100k', 'ctdc', 'per100k', 'rate', ['countryOfExploitation', 'year', 'sex', 'majority']],
    ['cases.identifiedPer100k', 'cases', 'per100k', 'rate', ['countryOfExploitation', 'year', 'sex', 'majority', 'organisation']],
  ];
  for (const [id, source, unit, measure, dimensions] of cases) {
    const metric = findMetric(id);
    assert.ok(metric, id);
    assert.deepEqual([metric.source, metric.unit, metric.measure], [source, unit, measure], id);
    for (const d of dimensions) assert.ok(metric.dimensions.includes(d as never), `${id} by ${d}`);
  }
  // The decision share's target comes from the stored deadline, not from a number of days.
  assert.equal(findMetric('decisions.withinTarget')!.targetDays, undefined);
  // Only NRM-side sources know which organisation holds a record; only the funnel has stages.
  for (const metric of METRICS) {
    assert.equal(metric.dimensions.includes('organisation'), metric.source !== 'ctdc', metric.id);
    assert.equal(metric.dimensions.includes('justiceStage'), metric.source === 'justice', metric.id);
  }
  assert.deepEqual(DIMENSIONS.justiceStage.categories.map((c) => c.key), ['suspects', 'charged', 'prosecuted', 'convictedTrafficking', 'convictedOtherOnly', 'custodial']);
  assert.equal(DIMENSIONS.organisation.isValidKey('0b6f3c1e-8a4e-4d7e-9f49-3f1c2a5b6d7e'), true);
  assert.equal(DIMENSIONS.organisation.isValidKey('Agency'), false);
  assert.throws(() => resolveStatsQuery({ metric: 'notifications.anonymous', dimensions: ['decisionKind'], filters: {} }), AppError);
});
