import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TScreeningList } from '../../api/case-types.ts';
import { ageBandFor, anonymousNotificationFrom, emptyIntake, looksLikeChild, mergeIntakeData, parseAge, toCreateCaseRequest, toScreeningRequest, type TIntakeData } from './intake-data.ts';

// Run: node --import tsx --test web/src/features/intake/intake-data.test.ts

function filled(): TIntakeData {
  const data = emptyIntake('en');
  data.person = {
    givenName: ' Elena ', familyName: 'Popescu', otherNames: 'Lena, , E. P.', dateOfBirth: '1996-04-02', documentNumbers: 'RO123',
    phone: '+40 700 000 000', address: 'Strada 1', sex: 'female', ageYears: '29', ageStatus: 'claimed', citizenship: 'RO',
  };
  data.circumstances = { countryOfExploitation: 'GB', exploitationForms: ['labour'], isUnaccompanied: 'unknown', source: 'hotline' };
  return data;
}

test('the create request trims, splits lists, drops empty identity fields and maps "not known" to null', () => {
  const request = toCreateCaseRequest(filled());
  assert.deepEqual(request.person.identity.otherNames, ['Lena', 'E. P.']);
  assert.equal(request.person.identity.givenName, 'Elena');
  assert.equal(request.person.ageYears, 29);
  assert.equal(request.details.isUnaccompanied, null);

  const sparse = toCreateCaseRequest(emptyIntake('en'));
  assert.deepEqual(sparse.person.identity, {});
  assert.equal(sparse.person.sex, 'not_known');
  assert.equal(sparse.person.citizenship, null);
  assert.equal(sparse.details.countryOfExploitation, null);
});

test('ages: whole years only; adult age bands follow the CTDC bands', () => {
  assert.equal(parseAge('17'), 17);
  assert.equal(parseAge(' 40 '), 40);
  for (const bad of ['', 'x', '17.5', '-3', '131', '1000']) assert.equal(parseAge(bad), null, bad);
  assert.equal(ageBandFor(null), 'not_known');
  assert.equal(ageBandFor(17), 'not_known');
  assert.equal(ageBandFor(18), '18--20');
  assert.equal(ageBandFor(29), '27--29');
  assert.equal(ageBandFor(30), '30--38');
  assert.equal(ageBandFor(47), '39--47');
  assert.equal(ageBandFor(48), '48+');
  assert.equal(ageBandFor(90), '48+');
});

test('uncertain ages are presumed children (the same rule as the server), a claimed adult age is not', () => {
  const person = filled().person;
  assert.equal(looksLikeChild(person), false);
  assert.equal(looksLikeChild({ ...person, ageStatus: 'disputed' }), true);
  assert.equal(looksLikeChild({ ...person, ageStatus: 'presumed_child' }), true);
  assert.equal(looksLikeChild({ ...person, ageYears: '16' }), true);
  assert.equal(looksLikeChild({ ...person, ageYears: '' }), true);
});

test('the anonymous notification carries statistical categories only, never identity', () => {
  const notification = anonymousNotificationFrom(filled(), new Date(2026, 4, 3, 22, 30));
  assert.deepEqual(notification, {
    notifiedOn: '2026-05-03',
    sex: 'female',
    ageBand: '27--29',
    ageAtExploitation: 'not_known',
    nationality: 'RO',
    exploitationTypes: ['labour'],
    exploitationLocation: 'not_known',
    locationRegion: 'GB',
  });
  const serialised = JSON.stringify(notification);
  for (const secret of ['Elena', 'Popescu', 'Lena', '1996', 'RO123', '+40', 'Strada']) assert.ok(!serialised.includes(secret), secret);
  assert.deepEqual(anonymousNotificationFrom(emptyIntake('en')).exploitationTypes, ['not_known']);
});

test('a screening sends every indicator, unanswered ones explicitly unknown', () => {
  const list: TScreeningList = {
    id: 'AL', ageGroup: 'adult', form: 'labour', version: '1.0.0', isProvisional: false,
    indicators: ['AL-DR01', 'AL-DR02', 'AL-EX01'].map((id) => ({ id, dimension: 'DR', strength: 'strong', labels: { en: id, fr: id, es: id, ar: id } })),
  };
  assert.deepEqual(toScreeningRequest(list, { 'AL-DR01': 'present', 'AL-EX01': 'absent' }).observations, [
    { indicatorId: 'AL-DR01', status: 'present' },
    { indicatorId: 'AL-DR02', status: 'unknown' },
    { indicatorId: 'AL-EX01', status: 'absent' },
  ]);
});

test("a draft saved by an older version gets today's defaults for what it lacks", () => {
  const merged = mergeIntakeData({ person: { ...emptyIntake('en').person, givenName: 'Mira' } } as Partial<TIntakeData>, 'fr');
  assert.equal(merged.person.givenName, 'Mira');
  assert.equal(merged.consent.language, 'fr');
  assert.deepEqual(merged.screening, { listId: '', observations: {} });
  assert.equal(merged.submission, undefined);
  assert.deepEqual(mergeIntakeData(null, 'en'), emptyIntake('en'));
});
