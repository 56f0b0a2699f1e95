import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ZAnonymousNotification, type TAnonymousNotification } from './anonymous-notification.ts';

const VALID: TAnonymousNotification = {
  jurisdictionProfileId: 'uk',
  notifiedOn: '2025-03-01',
  sex: 'female',
  ageBand: '21--23',
  ageAtExploitation: 'child',
  nationality: 'VN',
  exploitationTypes: ['labour', 'criminal'],
  exploitationLocation: 'in_country',
  locationRegion: 'GB-ENG',
  referringOrgKind: 'police',
};

const IDENTIFYING_KEYS = [
  'name',
  'firstName',
  'lastName',
  'fullName',
  'alias',
  'nickname',
  'dateOfBirth',
  'birthDate',
  'age',
  'documentNumber',
  'passportNumber',
  'nationalId',
  'phone',
  'phoneNumber',
  'email',
  'address',
  'postcode',
  'contact',
  'photo',
  'personId',
  'caseId',
  'notes',
  'description',
  'exploiterName',
  'ipAddress',
  'latitude',
  'longitude',
];

test('a notification with only statistical fields is accepted', () => {
  assert.deepEqual(ZAnonymousNotification.parse(VALID), VALID);
  assert.equal(ZAnonymousNotification.safeParse({ ...VALID, nationality: 'not_known', locationRegion: 'not_known' }).success, true);
});

for (const key of IDENTIFYING_KEYS) {
  test(`identifying key "${key}" is rejected`, () => {
    const result = ZAnonymousNotification.safeParse({ ...VALID, [key]: key === 'age' ? 22 : 'x' });
    assert.equal(result.success, false);
    assert.ok(result.error?.issues.some((i) => i.code === 'unrecognized_keys'));
  });
}

test('the schema holds only the agreed statistical fields', () => {
  assert.deepEqual(Object.keys(ZAnonymousNotification.shape).sort(), Object.keys(VALID).sort());
});

test('no field accepts free text: region, nationality and date are coded', () => {
  for (const bad of [
    { locationRegion: '12 High Street, Leeds' },
    { locationRegion: 'Leeds' },
    { nationality: 'Vietnamese' },
    { notifiedOn: '2025-03-01T10:15:00Z' },
    { ageBand: '9--17' },
    { exploitationTypes: [] },
    { exploitationTypes: ['labour', 'labour'] },
    { jurisdictionProfileId: '' },
  ]) {
    assert.equal(ZAnonymousNotification.safeParse({ ...VALID, ...bad }).success, false, JSON.stringify(bad));
  }
});
