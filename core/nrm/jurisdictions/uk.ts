/**
 * PERSISTED REFERENCE DATA (see schema.ts). UK National Referral Mechanism, England and Wales,
 * under the Modern Slavery Act 2015 as amended by the Nationality and Borders Act 2022 (from
 * 30 January 2023). Earlier rules (45-day policy minimum, "suspect but cannot prove") need a
 * separate profile version with `validTo` 2023-01-29.
 */
import { ZJurisdictionProfile, type TJurisdictionProfile } from './schema.ts';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './uk-bank-holidays.ts';

const GUIDANCE = 'Modern Slavery Act 2015 s.49 statutory guidance for England and Wales (v3.x, 2023–2024)';

export const UK_PROFILE: TJurisdictionProfile = ZJurisdictionProfile.parse({
  id: 'uk',
  version: '1.0.0',
  name: 'United Kingdom NRM — England and Wales',
  validFrom: '2023-01-30',
  validTo: null,
  timeZone: 'Europe/London',
  ageOfMajority: 18,
  reasonableGrounds: {
    standard: 'reasonable_grounds_to_believe',
    standardText: 'There are reasonable grounds to believe that the person is a victim of modern slavery.',
    targetWorkingDays: 5,
    basis: {
      evidence: 'verified',
      source: `Nationality and Borders Act 2022 s.60 (amending MSA ss.49–50); ${GUIDANCE}`,
      note: 'Target of 5 working days from referral.',
    },
  },
  recoveryPeriod: {
    minDays: 30,
    basis: {
      evidence: 'verified',
      source: `Nationality and Borders Act 2022; ${GUIDANCE}`,
      note: 'Statutory minimum of 30 days since 30 Jan 2023 (policy minimum 45 days 2009–2023). In practice support continues until the CG decision [secondary].',
    },
  },
  conclusiveGrounds: {
    standard: 'balance_of_probabilities',
    standardText: 'On the balance of probabilities, the person is a victim of modern slavery.',
    targetWorkingDays: null,
    mayPrecedeEndOfMinimumRecovery: false,
    basis: { evidence: 'verified', source: `${GUIDANCE} (via guidance summaries)`, note: 'No fixed target; actual waits are often long.' },
    timingBasis: {
      evidence: 'unverified',
      source: GUIDANCE,
      note: 'Not before the end of the minimum recovery period (after day 30); the precise rule is unverified.',
    },
  },
  calendar: {
    weekendDays: [6, 7],
    holidays: [...ENGLAND_AND_WALES_BANK_HOLIDAYS],
    basis: { evidence: 'secondary', source: 'England and Wales bank holidays (gov.uk), via third-party reproductions' },
  },
  referral: {
    whoMayRefer: 'designated_first_responders',
    organisationKinds: ['police', 'government', 'labour_inspectorate', 'ngo'],
    designatedFirstResponders: [
      { name: 'Police forces', kind: 'police' },
      { name: 'National Crime Agency', kind: 'police' },
      { name: 'Home Office: UK Visas and Immigration, Border Force, Immigration Enforcement', kind: 'government' },
      { name: 'Local authorities', kind: 'government' },
      { name: 'Gangmasters and Labour Abuse Authority', kind: 'labour_inspectorate' },
      { name: 'The Salvation Army', kind: 'ngo' },
      { name: 'Migrant Help', kind: 'ngo' },
      { name: 'Medaille Trust', kind: 'ngo' },
      { name: 'Kalayaan', kind: 'ngo' },
      { name: "Barnardo's", kind: 'ngo' },
      { name: 'Unseen', kind: 'ngo' },
      { name: 'NSPCC (Child Trafficking Advice Centre)', kind: 'ngo' },
      { name: 'BAWSO', kind: 'ngo' },
      { name: 'New Pathways', kind: 'ngo' },
      { name: 'Refugee Council', kind: 'ngo' },
    ],
    adultConsentRequired: true,
    anonymousNotificationWhenAdultDeclines: true,
    basis: {
      evidence: 'secondary',
      source: `${GUIDANCE}; Modern Slavery Act 2015 s.52 (Duty to Notify)`,
      note: 'Consent rules and the Duty to Notify are verified; the list of designated NGOs is secondary and changes over time.',
    },
  },
  deadlines: { dueSoonHours: 48 },
});
