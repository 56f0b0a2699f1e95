import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIMENSION_LABELS, DIMENSIONS } from './dimensions.ts';
import { LABEL_LANGUAGES } from './labels.ts';
import {
  getIndicatorList,
  INDICATOR_CATALOGUE,
  INDICATOR_LIST_IDS,
  INDICATOR_LISTS,
  indicatorListIdFor,
  ZIndicatorList,
} from './indicators/index.ts';
import { AppError } from '../errors/app-error.ts';

const ALL_LISTS = INDICATOR_LIST_IDS.map((id) => INDICATOR_LISTS[id]);

test('every indicator id is unique across all four lists', () => {
  const ids = ALL_LISTS.flatMap((l) => l.indicators.map((i) => i.id));
  assert.equal(new Set(ids).size, ids.length);
});

for (const list of ALL_LISTS) {
  test(`${list.id}: every indicator has non-empty en, fr, es and ar labels`, () => {
    for (const indicator of list.indicators)
      for (const lang of LABEL_LANGUAGES) {
        assert.ok(indicator.labels[lang].trim().length > 0, `${indicator.id} ${lang}`);
      }
  });

  test(`${list.id}: parses against ZIndicatorList and carries source, sourceVersion, version`, () => {
    const parsed = ZIndicatorList.parse(list);
    assert.ok(parsed.source.includes('WCMS_105023'));
    assert.ok(parsed.sourceVersion.length > 0);
    assert.match(parsed.version, /^\d+\.\d+\.\d+$/);
  });

  test(`${list.id}: every dimension has a strong or medium item, so it can become positive`, () => {
    for (const d of DIMENSIONS) {
      assert.ok(list.indicators.some((i) => i.dimension === d && i.strength !== 'weak'), `${list.id} ${d}`);
    }
  });
}

test('dimension labels are non-empty in every language', () => {
  for (const d of DIMENSIONS) for (const lang of LABEL_LANGUAGES) assert.ok(DIMENSION_LABELS[d][lang].length > 0);
});

test('Arabic labels are written in Arabic script', () => {
  for (const list of ALL_LISTS) for (const i of list.indicators) assert.match(i.labels.ar, /[\u0600-\u06FF]/, i.id);
});

test('translations are not English copied across', () => {
  for (const [code, labels] of Object.entries(INDICATOR_CATALOGUE)) {
    assert.notEqual(labels.fr, labels.en, `${code} fr`);
    assert.notEqual(labels.es, labels.en, `${code} es`);
  }
});

const count = (listId: 'AL' | 'CL', dimension: string) =>
  INDICATOR_LISTS[listId].indicators.filter((i) => i.dimension === dimension).length;

test('adult-labour has 67 indicators: DR 10, CR 10, RV 16, EX 9, CD 15, VD 7', () => {
  assert.equal(INDICATOR_LISTS.AL.indicators.length, 67);
  assert.deepEqual(
    DIMENSIONS.map((d) => count('AL', d)),
    [10, 10, 16, 9, 15, 7],
  );
});

test('child-labour has 65 indicators, lacks RV07 and EX06, and has no weak tier', () => {
  const cl = INDICATOR_LISTS.CL;
  assert.equal(cl.indicators.length, 65);
  assert.ok(!cl.indicators.some((i) => i.code === 'RV07' || i.code === 'EX06'));
  assert.ok(cl.indicators.every((i) => i.strength !== 'weak'));
});

test('the same concept carries list-specific weights (CR04 debt bondage: M for adults, S for children)', () => {
  const weight = (listId: 'AL' | 'CL', code: string) => INDICATOR_LISTS[listId].indicators.find((i) => i.code === code)?.strength;
  assert.equal(weight('AL', 'CR04'), 'medium');
  assert.equal(weight('AL', 'CD02'), 'strong');
  assert.equal(weight('CL', 'CR04'), 'strong');
  assert.equal(weight('AL', 'DR10'), 'weak');
  assert.equal(weight('CL', 'DR10'), 'strong');
});

test('disputed weights RV14 and RV15 are tagged unverified with the alternative recorded', () => {
  for (const code of ['RV14', 'RV15']) {
    const i = INDICATOR_LISTS.AL.indicators.find((x) => x.code === code);
    assert.equal(i?.strength, 'weak');
    assert.equal(i?.alternativeStrength, 'medium');
    assert.equal(i?.evidence, 'unverified');
  }
});

test('the sexual lists are provisional, unverified, and apply the known facts', () => {
  for (const id of ['AS', 'CS'] as const) {
    const list = INDICATOR_LISTS[id];
    assert.equal(list.isProvisional, true);
    assert.equal(list.evidence, 'unverified');
    const cd06 = list.indicators.find((i) => i.code === 'CD06');
    assert.equal(cd06?.strength, 'strong');
    assert.equal(cd06?.evidence, 'secondary');
  }
  assert.ok(INDICATOR_LISTS.AS.indicators.filter((i) => i.dimension === 'EX').every((i) => i.strength !== 'strong'));
  assert.equal(INDICATOR_LISTS.CS.indicators.find((i) => i.code === 'EX03')?.strength, 'strong');
  assert.equal(INDICATOR_LISTS.AL.isProvisional, false);
  assert.equal(INDICATOR_LISTS.CL.isProvisional, false);
});

test('a list with a duplicate id or a foreign id is rejected by the schema', () => {
  const al = INDICATOR_LISTS.AL;
  const dup = { ...al, indicators: [...al.indicators, al.indicators[0]] };
  assert.equal(ZIndicatorList.safeParse(dup).success, false);
  const foreign = { ...al, indicators: [...al.indicators.slice(1), { ...INDICATOR_LISTS.CL.indicators[0] }] };
  assert.equal(ZIndicatorList.safeParse(foreign).success, false);
});

test('indicatorListIdFor picks by age group and form; getIndicatorList rejects unknown ids', () => {
  assert.equal(indicatorListIdFor('adult', 'labour'), 'AL');
  assert.equal(indicatorListIdFor('adult', 'sexual'), 'AS');
  assert.equal(indicatorListIdFor('child', 'labour'), 'CL');
  assert.equal(indicatorListIdFor('child', 'sexual'), 'CS');
  assert.equal(getIndicatorList('CL').id, 'CL');
  assert.throws(() => getIndicatorList('XX'), (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND');
});
