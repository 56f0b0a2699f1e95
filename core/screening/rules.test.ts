import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyOutcome, ILO_2009_RULES, isDimensionPositive, meetsOperationalDefinition, ZScreeningRules } from './rules.ts';

// domain.md a.4, step 1: every row of the reference table.
const DIMENSION_TABLE = [
  { s: 2, m: 0, w: 0, positive: true, by: 'rule 1' },
  { s: 1, m: 1, w: 0, positive: true, by: 'rule 2' },
  { s: 1, m: 0, w: 1, positive: true, by: 'rule 2' },
  { s: 0, m: 3, w: 0, positive: true, by: 'rule 3' },
  { s: 0, m: 2, w: 1, positive: true, by: 'rule 4' },
  { s: 1, m: 0, w: 0, positive: false, by: 'a single strong is not enough' },
  { s: 0, m: 2, w: 0, positive: false, by: 'two medium alone are not enough' },
  { s: 0, m: 1, w: 5, positive: false, by: 'one medium plus weak is not enough' },
  { s: 0, m: 0, w: 9, positive: false, by: 'weak alone is never enough' },
] as const;

for (const row of DIMENSION_TABLE) {
  test(`dimension rule: S=${row.s} M=${row.m} W=${row.w} is ${row.positive ? 'positive' : 'negative'} (${row.by})`, () => {
    assert.equal(isDimensionPositive({ strong: row.s, medium: row.m, weak: row.w }), row.positive);
  });
}

test('dimension rule data agrees with the closed form on every small count', () => {
  for (let s = 0; s <= 4; s++)
    for (let m = 0; m <= 6; m++)
      for (let w = 0; w <= 12; w++) {
        const closedForm = (s >= 1 && s + m + w >= 2) || (m >= 2 && m + w >= 3);
        assert.equal(isDimensionPositive({ strong: s, medium: m, weak: w }), closedForm, `S=${s} M=${m} W=${w}`);
      }
});

test('weak indicators alone never make a dimension positive, however many', () => {
  for (let w = 0; w <= 100; w += 7) assert.equal(isDimensionPositive({ strong: 0, medium: 0, weak: w }), false);
});

test('one medium plus any number of weak is never positive', () => {
  for (let w = 0; w <= 100; w += 7) assert.equal(isDimensionPositive({ strong: 0, medium: 1, weak: w }), false);
});

const g = (recruitmentMeans: boolean, exploitation: boolean, destinationMeans: boolean) => ({
  recruitmentMeans,
  exploitation,
  destinationMeans,
});

// domain.md a.4, step 2: the adult outcome taxonomy, row by row.
const ADULT_TAXONOMY = [
  { groups: g(false, false, false), outcome: 'not_indicated', label: 'Not exploited ("successful migrant")' },
  { groups: g(false, true, false), outcome: 'exploitation_only', label: 'Labour exploitation only' },
  { groups: g(true, true, false), outcome: 'exploited_not_trafficked', label: 'Deceived/coerced and exploited' },
  { groups: g(true, true, true), outcome: 'trafficking', label: 'Trafficking (adult)' },
] as const;

for (const row of ADULT_TAXONOMY) {
  test(`adult taxonomy: ${row.label} → ${row.outcome}`, () => {
    assert.equal(classifyOutcome(row.groups, 'adult', false), row.outcome);
  });
}

// Combinations the published table leaves out, mapped as documented in outcomes.ts.
const ADULT_OTHER = [
  { groups: g(true, false, false), outcome: 'means_without_exploitation' },
  { groups: g(false, false, true), outcome: 'means_without_exploitation' },
  { groups: g(true, false, true), outcome: 'means_without_exploitation' },
  { groups: g(false, true, true), outcome: 'exploited_not_trafficked' },
] as const;

for (const row of ADULT_OTHER) {
  test(`adult, combination outside the table: ${JSON.stringify(row.groups)} → ${row.outcome}`, () => {
    assert.equal(classifyOutcome(row.groups, 'adult', false), row.outcome);
  });
}

test('adult rule: (DR ∨ CR ∨ RV) ∧ EX ∧ (CD ∨ VD) over all 8 group combinations', () => {
  for (const r of [false, true])
    for (const e of [false, true])
      for (const d of [false, true]) {
        assert.equal(meetsOperationalDefinition(g(r, e, d), 'adult', false), r && e && d);
        // a recorded act never counts for an adult
        assert.equal(meetsOperationalDefinition(g(r, e, d), 'adult', true), r && e && d);
      }
});

// domain.md a.4, children: (DR ∨ CR ∨ RV ∨ actRecorded) ∧ EX; CD/VD not required.
const CHILD_TABLE = [
  { groups: g(true, true, false), act: false, trafficking: true, why: 'recruitment means + EX, no destination means needed' },
  { groups: g(false, true, false), act: true, trafficking: true, why: 'recorded act + EX suffices (Palermo 3(c))' },
  { groups: g(true, true, true), act: true, trafficking: true, why: 'everything present' },
  { groups: g(false, true, true), act: false, trafficking: false, why: 'no act and no recruitment dimension' },
  { groups: g(true, false, true), act: true, trafficking: false, why: 'EX is required' },
  { groups: g(false, false, false), act: true, trafficking: false, why: 'an act alone is not exploitation' },
] as const;

for (const row of CHILD_TABLE) {
  test(`child rule: ${row.why}`, () => {
    assert.equal(meetsOperationalDefinition(row.groups, 'child', row.act), row.trafficking);
    assert.equal(classifyOutcome(row.groups, 'child', row.act) === 'trafficking', row.trafficking);
  });
}

test('child: exploitation without act or means is "exploitation only"', () => {
  assert.equal(classifyOutcome(g(false, true, false), 'child', false), 'exploitation_only');
});

test('the shipped rules parse against their own schema and carry evidence tags', () => {
  const parsed = ZScreeningRules.parse(ILO_2009_RULES);
  assert.equal(parsed.evidence.dimensionRule, 'secondary');
  assert.equal(parsed.evidence.adultCombination, 'unverified');
  assert.equal(parsed.evidence.childCombination, 'unverified');
});

test('a rule with a negative threshold is rejected', () => {
  const broken = structuredClone(ILO_2009_RULES) as { dimensionRule: { anyOf: { minStrong: number }[] } };
  broken.dimensionRule.anyOf[0]!.minStrong = -1;
  assert.equal(ZScreeningRules.safeParse(broken).success, false);
});
