import { INDICATOR_LISTS } from '../../core/screening/indicators/index.ts';

/** A person whose identifying values tests look for in database dumps. */
export const SEEDED_IDENTITY = {
  givenName: 'Zenobia',
  familyName: 'Quillfeather',
  otherNames: ['Зиновия Квиллфезер'],
  dateOfBirth: '1994-07-23',
  documentNumbers: ['PX9981237Q'],
  phone: '+44 7700 900461',
  address: '17 Larkspur Close, Nowhereton',
};

export function adultCaseBody(identity: Record<string, unknown> = SEEDED_IDENTITY) {
  return {
    person: { identity, sex: 'female', ageYears: 29, ageStatus: 'confirmed', citizenship: 'RO' },
    details: { countryOfExploitation: 'GB', exploitationForms: ['labour'], isUnaccompanied: null, source: 'case_management' },
  };
}

export function childCaseBody(identity: Record<string, unknown> = { givenName: 'Amir', familyName: 'Haddad' }) {
  return {
    person: { identity, sex: 'male', ageYears: null, ageStatus: 'disputed', citizenship: 'SY' },
    details: { countryOfExploitation: 'GB', exploitationForms: ['criminal'], isUnaccompanied: null, source: 'hotline' },
  };
}

/** Every indicator of the adult labour list observed present: a clear positive recommendation. */
export function strongAdultLabourScreening() {
  return { listId: 'AL', observations: INDICATOR_LISTS.AL.indicators.map((indicator) => ({ indicatorId: indicator.id, status: 'present' })) };
}

export const FULL_CONSENT = { decision: 'given', topicsExplained: ['nrm_purpose', 'support_available', 'possible_outcomes', 'information_sharing'], language: 'ro', interpreterUsed: true };
