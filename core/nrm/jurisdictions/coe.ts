/**
 * PERSISTED REFERENCE DATA (see schema.ts). The default profile: the minimum the Council of
 * Europe Convention on Action against Trafficking in Human Beings (CETS 197) requires, for a
 * deployment to copy and complete with its national rules, holidays and time zone.
 */
import { ORGANISATION_KINDS } from '../../organisations/kinds.ts';
import { ZJurisdictionProfile, type TJurisdictionProfile } from './schema.ts';

const CETS_197 = 'Council of Europe Convention on Action against Trafficking in Human Beings (CETS 197, 2005)';

export const COE_PROFILE: TJurisdictionProfile = ZJurisdictionProfile.parse({
  id: 'coe',
  version: '1.0.0',
  name: 'Council of Europe Convention (CETS 197) — default',
  validFrom: '2008-02-01',
  validTo: null,
  // The Convention has no zone; a deployment sets its own. UTC keeps the default neutral.
  timeZone: 'UTC',
  ageOfMajority: 18,
  reasonableGrounds: {
    standard: 'reasonable_grounds_to_believe',
    standardText: 'There are reasonable grounds to believe that the person has been a victim of trafficking in human beings.',
    targetWorkingDays: null,
    basis: { evidence: 'verified', source: `${CETS_197}, arts. 10(2) and 13`, note: 'The Convention sets no time limit for this decision.' },
  },
  recoveryPeriod: {
    minDays: 30,
    basis: { evidence: 'verified', source: `${CETS_197}, art. 13`, note: 'At least 30 days, granted once there are reasonable grounds to believe.' },
  },
  conclusiveGrounds: {
    standard: 'balance_of_probabilities',
    standardText: 'On the balance of probabilities, the person is a victim of trafficking in human beings.',
    targetWorkingDays: null,
    mayPrecedeEndOfMinimumRecovery: false,
    basis: {
      evidence: 'unverified',
      source: 'Palermo default',
      note: 'CETS 197 sets no standard for conclusive identification; placeholder for the deployment to set.',
    },
    timingBasis: {
      evidence: 'unverified',
      source: 'Palermo default',
      note: 'Conclusive decision only after the minimum recovery period, so the period serves its purpose.',
    },
  },
  calendar: {
    weekendDays: [6, 7],
    holidays: [],
    basis: { evidence: 'unverified', source: 'Palermo default', note: 'Add national public holidays per deployment.' },
  },
  referral: {
    whoMayRefer: 'any_organisation',
    organisationKinds: [...ORGANISATION_KINDS],
    designatedFirstResponders: [],
    adultConsentRequired: true,
    anonymousNotificationWhenAdultDeclines: true,
    basis: {
      evidence: 'unverified',
      source: 'Palermo default, after the UK model (domain.md d.3)',
      note: 'CETS 197 does not regulate consent to referral; informed consent for adults is a survivor-centred default.',
    },
  },
  deadlines: { dueSoonHours: 48 },
});
