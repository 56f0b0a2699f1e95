import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementOf, duplicateProbeOf, matchStrengthOf, type TDuplicateMatch } from './duplicate-check.ts';
import { emptyIntake } from './intake-data.ts';

// Run: node --import tsx --test web/src/features/intake/duplicate-check.test.ts

const person = (part: Partial<ReturnType<typeof emptyIntake>['person']>) => ({ ...emptyIntake('en').person, ...part });

test('the check waits for both names and one more comparable field', () => {
  const cases: [Partial<ReturnType<typeof emptyIntake>['person']>, boolean][] = [
    [{ givenName: 'Muhammad' }, false],
    [{ givenName: 'Muhammad', familyName: 'Alhasan' }, false],
    [{ givenName: 'Muhammad', familyName: 'Alhasan', sex: 'not_known' }, false],
    [{ givenName: 'Muhammad', familyName: 'Alhasan', dateOfBirth: '1991-03' }, false],
    [{ givenName: 'Muhammad', familyName: 'Alhasan', dateOfBirth: '1991-03-14' }, true],
    [{ givenName: 'Muhammad', familyName: 'Alhasan', sex: 'male' }, true],
    [{ givenName: 'Muhammad', familyName: 'Alhasan', documentNumbers: ' , ' }, false],
    [{ givenName: 'Muhammad', familyName: 'Alhasan', documentNumbers: 'P123, X9' }, true],
    [{ givenName: ' ', familyName: 'Alhasan', phone: '+40 712' }, false],
    [{ givenName: 'Muhammad', familyName: 'Alhasan', phone: '+40 712' }, true],
  ];
  for (const [part, ready] of cases) assert.equal(duplicateProbeOf(person(part)) !== null, ready, JSON.stringify(part));
});

test('the probe holds what the server compares, trimmed, and no address', () => {
  assert.deepEqual(duplicateProbeOf(person({ givenName: ' Muhammad ', familyName: 'Alhasan', dateOfBirth: '1991-03-14', documentNumbers: 'P123, X9', address: 'Strada 1', sex: 'male', citizenship: 'SY' })), {
    identity: { givenName: 'Muhammad', familyName: 'Alhasan', dateOfBirth: '1991-03-14', documentNumbers: ['P123', 'X9'] },
    sex: 'male',
    citizenship: 'SY',
  });
});

test('match strength and agreement in words: exact, close, different; missing fields left out', () => {
  assert.deepEqual([0.995, 0.95, 0.6].map(matchStrengthOf), ['veryStrong', 'strong', 'possible']);
  const match: TDuplicateMatch = {
    personId: 'p', cases: [], probability: 0.99, matchWeight: 8, displayName: null,
    explanation: {
      namesSwapped: false,
      comparisons: [
        { comparison: 'given_name', level: 2, label: 'same phonetic key' },
        { comparison: 'surname', level: 1, label: 'Jaro–Winkler ≥ 0.92' },
        { comparison: 'name_order', level: 0, label: 'as written' },
        { comparison: 'date_of_birth', level: 0, label: 'exact' },
        { comparison: 'sex', level: 1, label: 'different' },
        { comparison: 'citizenship', level: -1, label: 'missing' },
        { comparison: 'document_number', level: 2, label: 'different' },
        { comparison: 'phone', level: -1, label: 'missing' },
      ],
    },
  };
  assert.deepEqual(agreementOf(match), { agree: ['date_of_birth'], similar: ['given_name', 'surname'], differ: ['sex', 'document_number'] });
});
