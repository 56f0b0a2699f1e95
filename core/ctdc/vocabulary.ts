/**
 * CTDC vocabularies: the value lists of the categorical variables and, for every group of 0/1
 * indicator columns, the column name, our record key and CTDC's label as it appears in the
 * `*Concatenated` summary columns. Sources: the K-anonymized data dictionary (20210825, sheets
 * `Main` and `Lookups`) and codebook v7, checked against the values in the real 2021 file.
 * Where they differ the file wins (codebook v7 lists e.g. "Takes/Withholds Earnings", the
 * file writes "Takes earnings"), because the labels exist to reproduce the file.
 */

export const CTDC_DATA_SOURCES = ['caseManagement', 'hotline'] as const;
export type TCtdcDataSource = (typeof CTDC_DATA_SOURCES)[number];
export const CTDC_DATA_SOURCE_LABELS: Record<TCtdcDataSource, string> = {
  caseManagement: 'Case Management',
  hotline: 'Hotline',
};

/** CTDC records gender identity; the 2024 synthetic file says Man / Woman instead of Male / Female. */
export const CTDC_GENDERS = ['female', 'male', 'transgenderNonConforming'] as const;
export type TCtdcGender = (typeof CTDC_GENDERS)[number];
export const CTDC_GENDER_LABELS: Record<TCtdcGender, string> = {
  female: 'Female',
  male: 'Male',
  transgenderNonConforming: 'Transgender/NonConforming',
};

/** CTDC "Age range 2", age at registration. The double hyphen is CTDC's spelling and our code. */
export const CTDC_AGE_BANDS = ['0--8', '9--17', '18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+'] as const;
export type TCtdcAgeBand = (typeof CTDC_AGE_BANDS)[number];

export const CTDC_MAJORITY = ['adult', 'minor'] as const;
export type TCtdcMajority = (typeof CTDC_MAJORITY)[number];
export const CTDC_MAJORITY_LABELS: Record<TCtdcMajority, string> = { adult: 'Adult', minor: 'Minor' };

/** Synthetic 2024 only: duration of trafficking. */
export const CTDC_TRAFFICK_MONTHS = ['0--12', '13--24', '25+'] as const;
export type TCtdcTraffickMonths = (typeof CTDC_TRAFFICK_MONTHS)[number];
export const CTDC_TRAFFICK_MONTHS_LABELS: Record<TCtdcTraffickMonths, string> = {
  '0--12': '0--12 (0-1 yr)',
  '13--24': '13--24 (1-2 yrs)',
  '25+': '25+ (2+ yrs)',
};

/** Labels of the multi-valued `RecruiterRelationship` text column (Polaris rows), joined by `; `. */
export const CTDC_RECRUITER_RELATIONSHIP_LABELS = [
  'Family/Relative',
  'Friend/Acquaintance',
  'Intimate Partner',
  'Not Specified',
  'Other',
] as const;
export type TCtdcRecruiterRelationshipLabel = (typeof CTDC_RECRUITER_RELATIONSHIP_LABELS)[number];

export interface TFlagSpec<K extends string> {
  key: K;
  column: string;
  /** Label used in the matching `*Concatenated` column. */
  label: string;
}

export const MEANS_OF_CONTROL_KEYS = [
  'debtBondage',
  'takesEarnings',
  'restrictsFinancialAccess',
  'threats',
  'psychologicalAbuse',
  'physicalAbuse',
  'sexualAbuse',
  'falsePromises',
  'psychoactiveSubstances',
  'restrictsMovement',
  'restrictsMedicalCare',
  'excessiveWorkingHours',
  'usesChildren',
  'threatOfLawEnforcement',
  'withholdsNecessities',
  'withholdsDocuments',
  'other',
  'notSpecified',
] as const;
export type TMeansOfControlKey = (typeof MEANS_OF_CONTROL_KEYS)[number];

export const MEANS_OF_CONTROL: readonly TFlagSpec<TMeansOfControlKey>[] = [
  { key: 'debtBondage', column: 'meansOfControlDebtBondage', label: 'Debt bondage' },
  { key: 'takesEarnings', column: 'meansOfControlTakesEarnings', label: 'Takes earnings' },
  { key: 'restrictsFinancialAccess', column: 'meansOfControlRestrictsFinancialAccess', label: 'Restricts financial access' },
  { key: 'threats', column: 'meansOfControlThreats', label: 'Threats' },
  { key: 'psychologicalAbuse', column: 'meansOfControlPsychologicalAbuse', label: 'Psychological abuse' },
  { key: 'physicalAbuse', column: 'meansOfControlPhysicalAbuse', label: 'Physical abuse' },
  { key: 'sexualAbuse', column: 'meansOfControlSexualAbuse', label: 'Sexual abuse' },
  { key: 'falsePromises', column: 'meansOfControlFalsePromises', label: 'False promises' },
  { key: 'psychoactiveSubstances', column: 'meansOfControlPsychoactiveSubstances', label: 'Psychoactive substances' },
  { key: 'restrictsMovement', column: 'meansOfControlRestrictsMovement', label: 'Restricts movement' },
  { key: 'restrictsMedicalCare', column: 'meansOfControlRestrictsMedicalCare', label: 'Restricts medical care' },
  { key: 'excessiveWorkingHours', column: 'meansOfControlExcessiveWorkingHours', label: 'Excessive working hours' },
  { key: 'usesChildren', column: 'meansOfControlUsesChildren', label: 'Uses children' },
  { key: 'threatOfLawEnforcement', column: 'meansOfControlThreatOfLawEnforcement', label: 'Threat of law enforcement' },
  { key: 'withholdsNecessities', column: 'meansOfControlWithholdsNecessities', label: 'Withholds necessities' },
  { key: 'withholdsDocuments', column: 'meansOfControlWithholdsDocuments', label: 'Withholds documents' },
  { key: 'other', column: 'meansOfControlOther', label: 'Other' },
  { key: 'notSpecified', column: 'meansOfControlNotSpecified', label: 'Not specified' },
];

/**
 * The 2024 synthetic file merges several means of control into one column each (codebook v2,
 * variables 7-14). A merged flag cannot be split back into its parts.
 */
export const MEANS_OF_CONTROL_GROUP_KEYS = ['debtBondageOrEarnings', 'threatsAny', 'abuseAny', 'denyBasicNeeds'] as const;
export type TMeansOfControlGroupKey = (typeof MEANS_OF_CONTROL_GROUP_KEYS)[number];
export const MEANS_OF_CONTROL_GROUP_PARTS: Record<TMeansOfControlGroupKey, readonly TMeansOfControlKey[]> = {
  debtBondageOrEarnings: ['debtBondage', 'takesEarnings'],
  threatsAny: ['threats', 'usesChildren', 'threatOfLawEnforcement'],
  abuseAny: ['psychologicalAbuse', 'physicalAbuse', 'sexualAbuse'],
  denyBasicNeeds: ['restrictsFinancialAccess', 'restrictsMovement', 'restrictsMedicalCare', 'withholdsNecessities'],
};

export const EXPLOITATION_KEYS = [
  'forcedLabour',
  'sexual',
  'other',
  'sexAndLabour',
  'forcedMarriage',
  'forcedMilitary',
  'organRemoval',
  'slaveryAndPractices',
] as const;
export type TExploitationKey = (typeof EXPLOITATION_KEYS)[number];

export const EXPLOITATION: readonly TFlagSpec<TExploitationKey>[] = [
  { key: 'forcedLabour', column: 'isForcedLabour', label: 'Forced labour' },
  { key: 'sexual', column: 'isSexualExploit', label: 'Sexual exploitation' },
  { key: 'other', column: 'isOtherExploit', label: 'Other' },
  { key: 'sexAndLabour', column: 'isSexAndLabour', label: 'Combined sexual and labour exploitation' },
  { key: 'forcedMarriage', column: 'isForcedMarriage', label: 'Forced marriage' },
  /** Our label: never 1 in the file, and codebook v7 lists no summary component for it. */
  { key: 'forcedMilitary', column: 'isForcedMilitary', label: 'Forced military' },
  /** Our label: never 1 in the file, and codebook v7 lists no summary component for it. */
  { key: 'organRemoval', column: 'isOrganRemoval', label: 'Organ removal' },
  { key: 'slaveryAndPractices', column: 'isSlaveryAndPractices', label: 'Slavery and similar practices' },
];

export const LABOUR_SECTOR_KEYS = [
  'agriculture',
  'aquafarming',
  'begging',
  'construction',
  'domesticWork',
  'hospitality',
  'illicitActivities',
  'manufacturing',
  'miningOrDrilling',
  'peddling',
  'transportation',
  'other',
  'notSpecified',
] as const;
export type TLabourSectorKey = (typeof LABOUR_SECTOR_KEYS)[number];

export const LABOUR_SECTORS: readonly TFlagSpec<TLabourSectorKey>[] = [
  { key: 'agriculture', column: 'typeOfLabourAgriculture', label: 'Agriculture' },
  { key: 'aquafarming', column: 'typeOfLabourAquafarming', label: 'Aquafarming' },
  { key: 'begging', column: 'typeOfLabourBegging', label: 'Begging' },
  { key: 'construction', column: 'typeOfLabourConstruction', label: 'Construction' },
  { key: 'domesticWork', column: 'typeOfLabourDomesticWork', label: 'Domestic work' },
  { key: 'hospitality', column: 'typeOfLabourHospitality', label: 'Hospitality' },
  { key: 'illicitActivities', column: 'typeOfLabourIllicitActivities', label: 'Illicit activities' },
  { key: 'manufacturing', column: 'typeOfLabourManufacturing', label: 'Manufacturing' },
  /** Label from codebook v7 (never 1 in the file). */
  { key: 'miningOrDrilling', column: 'typeOfLabourMiningOrDrilling', label: 'Mining or drilling' },
  { key: 'peddling', column: 'typeOfLabourPeddling', label: 'Peddling' },
  { key: 'transportation', column: 'typeOfLabourTransportation', label: 'Transportation' },
  { key: 'other', column: 'typeOfLabourOther', label: 'Other' },
  { key: 'notSpecified', column: 'typeOfLabourNotSpecified', label: 'Not specified' },
];

export const SEXUAL_EXPLOITATION_KEYS = ['prostitution', 'pornography', 'remoteInteractiveServices', 'privateSexualServices'] as const;
export type TSexualExploitationKey = (typeof SEXUAL_EXPLOITATION_KEYS)[number];

export const SEXUAL_EXPLOITATION_TYPES: readonly TFlagSpec<TSexualExploitationKey>[] = [
  { key: 'prostitution', column: 'typeOfSexProstitution', label: 'Prostitution' },
  { key: 'pornography', column: 'typeOfSexPornography', label: 'Pornography' },
  { key: 'remoteInteractiveServices', column: 'typeOfSexRemoteInteractiveServices', label: 'Remote interactive services' },
  { key: 'privateSexualServices', column: 'typeOfSexPrivateSexualServices', label: 'Private sexual services' },
];

export const RECRUITER_RELATION_KEYS = ['intimatePartner', 'friend', 'family', 'other', 'unknown'] as const;
export type TRecruiterRelationKey = (typeof RECRUITER_RELATION_KEYS)[number];

export const RECRUITER_RELATIONS: readonly TFlagSpec<TRecruiterRelationKey>[] = [
  { key: 'intimatePartner', column: 'recruiterRelationIntimatePartner', label: 'Intimate Partner' },
  { key: 'friend', column: 'recruiterRelationFriend', label: 'Friend/Acquaintance' },
  { key: 'family', column: 'recruiterRelationFamily', label: 'Family/Relative' },
  { key: 'other', column: 'recruiterRelationOther', label: 'Other' },
  { key: 'unknown', column: 'recruiterRelationUnknown', label: 'Not Specified' },
];
