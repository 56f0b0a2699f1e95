/**
 * PERSISTED SHAPE: the normalised CTDC victim record, stored as JSON with imported external
 * datasets. Add optional fields only; a change of meaning needs a new codec version.
 *
 * Rules that make records from the three CTDC layouts comparable:
 * - `null` always means "not recorded" (empty cell, `-99`, `Unknown`, `NULL`); it is never
 *   read as zero or false. A flag is `true` (1), `false` (0) or `null`.
 * - Flags are authoritative. The `*Concatenated` summary columns are kept verbatim in
 *   `sourceSummaries` only so that a file can be written back byte for byte: in the 2021 file
 *   they disagree with the flags in tens of thousands of rows (see README).
 * - Countries are ISO 3166-1 alpha-2 (CTDC's own list, see countries.ts).
 */
import { z } from 'zod';
import { isCtdcCountryCode } from './countries.ts';
import {
  CTDC_AGE_BANDS,
  CTDC_DATA_SOURCES,
  CTDC_GENDERS,
  CTDC_MAJORITY,
  CTDC_RECRUITER_RELATIONSHIP_LABELS,
  CTDC_TRAFFICK_MONTHS,
  EXPLOITATION_KEYS,
  LABOUR_SECTOR_KEYS,
  MEANS_OF_CONTROL_GROUP_KEYS,
  MEANS_OF_CONTROL_KEYS,
  RECRUITER_RELATION_KEYS,
  SEXUAL_EXPLOITATION_KEYS,
} from './vocabulary.ts';

export const CTDC_LAYOUTS = ['kAnon2021', 'globalDataset2018', 'synthetic2024'] as const;
export const ZCtdcLayout = z.enum(CTDC_LAYOUTS);
export type TCtdcLayout = z.infer<typeof ZCtdcLayout>;

/** `true` = recorded as present, `false` = recorded as absent, `null` = not recorded. */
export const ZCtdcFlag = z.boolean().nullable();
export type TCtdcFlag = z.infer<typeof ZCtdcFlag>;

function flagGroup<const K extends readonly string[]>(keys: K) {
  const shape = Object.fromEntries(keys.map((k) => [k, ZCtdcFlag])) as { [P in K[number]]: typeof ZCtdcFlag };
  return z.strictObject(shape);
}

export const ZCtdcCountryCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]$/)
  .refine(isCtdcCountryCode, { message: 'not a CTDC country code' });

export const ZCtdcMeansOfControl = flagGroup(MEANS_OF_CONTROL_KEYS);
export type TCtdcMeansOfControl = z.infer<typeof ZCtdcMeansOfControl>;
export const ZCtdcMeansOfControlGroups = flagGroup(MEANS_OF_CONTROL_GROUP_KEYS);
export type TCtdcMeansOfControlGroups = z.infer<typeof ZCtdcMeansOfControlGroups>;
export const ZCtdcExploitation = flagGroup(EXPLOITATION_KEYS);
export type TCtdcExploitation = z.infer<typeof ZCtdcExploitation>;
export const ZCtdcLabourSectors = flagGroup(LABOUR_SECTOR_KEYS);
export type TCtdcLabourSectors = z.infer<typeof ZCtdcLabourSectors>;
export const ZCtdcSexualExploitationTypes = flagGroup(SEXUAL_EXPLOITATION_KEYS);
export type TCtdcSexualExploitationTypes = z.infer<typeof ZCtdcSexualExploitationTypes>;
export const ZCtdcRecruiterRelations = flagGroup(RECRUITER_RELATION_KEYS);
export type TCtdcRecruiterRelations = z.infer<typeof ZCtdcRecruiterRelations>;

/** Verbatim `*Concatenated` texts of the wide layouts; `null` inside = the cell was empty. */
export const ZCtdcSourceSummaries = z.strictObject({
  meansOfControl: z.string().min(1).nullable(),
  exploitation: z.string().min(1).nullable(),
  labourSector: z.string().min(1).nullable(),
  sexualExploitationType: z.string().min(1).nullable(),
});
export type TCtdcSourceSummaries = z.infer<typeof ZCtdcSourceSummaries>;

export const ZCtdcRecord = z.strictObject({
  /** Year the case was registered with the contributor (not the year of exploitation). */
  yearOfRegistration: z.int().min(1900).max(2100).nullable(),
  dataSource: z.enum(CTDC_DATA_SOURCES).nullable(),
  gender: z.enum(CTDC_GENDERS).nullable(),
  ageBand: z.enum(CTDC_AGE_BANDS).nullable(),
  /** Adult or minor at registration, at exploitation, at entry into trafficking. */
  majorityStatus: z.enum(CTDC_MAJORITY).nullable(),
  majorityStatusAtExploit: z.enum(CTDC_MAJORITY).nullable(),
  majorityEntry: z.enum(CTDC_MAJORITY).nullable(),
  citizenship: ZCtdcCountryCode.nullable(),
  countryOfExploitation: ZCtdcCountryCode.nullable(),
  /** Synthetic 2024 only. */
  traffickMonths: z.enum(CTDC_TRAFFICK_MONTHS).nullable(),
  meansOfControl: ZCtdcMeansOfControl,
  /** Synthetic 2024 only: merged means of control that cannot be split into `meansOfControl`. */
  meansOfControlGroups: ZCtdcMeansOfControlGroups,
  exploitation: ZCtdcExploitation,
  labourSector: ZCtdcLabourSectors,
  sexualExploitationType: ZCtdcSexualExploitationTypes,
  isAbduction: ZCtdcFlag,
  recruiterRelation: ZCtdcRecruiterRelations,
  /** The multi-valued `RecruiterRelationship` text (Polaris rows), split into its labels. */
  recruiterRelationship: z.array(z.enum(CTDC_RECRUITER_RELATIONSHIP_LABELS)).min(1).nullable(),
  /** `null` when the source layout has no summary columns (synthetic 2024). */
  sourceSummaries: ZCtdcSourceSummaries.nullable(),
});
export type TCtdcRecord = z.infer<typeof ZCtdcRecord>;

function nullFlags<const K extends readonly string[]>(keys: K): { [P in K[number]]: TCtdcFlag } {
  return Object.fromEntries(keys.map((k) => [k, null])) as { [P in K[number]]: TCtdcFlag };
}

// Templates copied by spread: objects built by Object.fromEntries can end up in V8's slow
// dictionary mode, and a 100k-row import creates six of them per row.
const EMPTY_GROUPS = {
  meansOfControl: nullFlags(MEANS_OF_CONTROL_KEYS),
  meansOfControlGroups: nullFlags(MEANS_OF_CONTROL_GROUP_KEYS),
  exploitation: nullFlags(EXPLOITATION_KEYS),
  labourSector: nullFlags(LABOUR_SECTOR_KEYS),
  sexualExploitationType: nullFlags(SEXUAL_EXPLOITATION_KEYS),
  recruiterRelation: nullFlags(RECRUITER_RELATION_KEYS),
};

/** A record with nothing recorded; codecs fill it column by column. */
export function createEmptyCtdcRecord(): TCtdcRecord {
  return {
    yearOfRegistration: null,
    dataSource: null,
    gender: null,
    ageBand: null,
    majorityStatus: null,
    majorityStatusAtExploit: null,
    majorityEntry: null,
    citizenship: null,
    countryOfExploitation: null,
    traffickMonths: null,
    meansOfControl: { ...EMPTY_GROUPS.meansOfControl },
    meansOfControlGroups: { ...EMPTY_GROUPS.meansOfControlGroups },
    exploitation: { ...EMPTY_GROUPS.exploitation },
    labourSector: { ...EMPTY_GROUPS.labourSector },
    sexualExploitationType: { ...EMPTY_GROUPS.sexualExploitationType },
    isAbduction: null,
    recruiterRelation: { ...EMPTY_GROUPS.recruiterRelation },
    recruiterRelationship: null,
    sourceSummaries: null,
  };
}

/** One validation problem; `row` is 1-based with the header as row 1, as a spreadsheet shows it. */
export interface TCtdcIssue {
  row: number;
  /** Column name as in the file's header; `(row)` for problems with the whole row. */
  column: string;
  value: string;
  message: string;
}
