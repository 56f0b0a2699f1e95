import { z } from 'zod';
import { POPULATION_AGE_GROUPS, POPULATION_SEXES, MAX_POPULATION_YEAR, MIN_POPULATION_YEAR } from '../../../core/populations/index.ts';

/** Characters of CSV text in one upload: a full UN WPP extract by sex and two age groups is ~1 MB. */
export const MAX_POPULATION_CSV_CHARS = 5 * 1024 * 1024;
/** The JSON body around the text (escapes may grow it a little). */
export const POPULATION_UPLOAD_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
export const MAX_FILE_NAME_CHARS = 255;
export const MAX_SOURCE_NOTE_CHARS = 500;
/** Problems and changes returned at most; the counts are always complete. */
export const MAX_LISTED_ISSUES = 1000;
export const MAX_LISTED_CHANGES = 500;
export const IMPORT_LIST_LIMIT = 200;

export const ZPopulationImportRequest = z.strictObject({
  fileName: z.string().trim().min(1).max(MAX_FILE_NAME_CHARS),
  /** The file's text (UTF-8, BOM allowed). */
  csv: z.string().min(1).max(MAX_POPULATION_CSV_CHARS),
  dryRun: z.boolean(),
  /** Where the figures come from, e.g. "UN WPP 2024". */
  sourceNote: z.string().trim().max(MAX_SOURCE_NOTE_CHARS).nullish(),
});
export type TPopulationImportRequest = z.infer<typeof ZPopulationImportRequest>;

const ZSex = z.enum(POPULATION_SEXES);
const ZAgeGroup = z.enum(POPULATION_AGE_GROUPS);

export const ZPopulationCsvIssue = z.object({ row: z.number().int(), column: z.string(), value: z.string(), message: z.string() });

export const ZPopulationChange = z.object({
  countryCode: z.string(), year: z.number().int(), sex: ZSex, ageGroup: ZAgeGroup,
  previous: z.number().int(), population: z.number().int(),
});

export const ZPopulationImportReport = z.object({
  isDryRun: z.boolean(),
  /** The recorded run; null for a dry run (nothing is written). */
  importId: z.string().nullable(),
  fileName: z.string(),
  fileSha256: z.string(),
  rowCount: z.number().int(),
  rowsInserted: z.number().int(),
  rowsUpdated: z.number().int(),
  rowsUnchanged: z.number().int(),
  warnings: z.array(ZPopulationCsvIssue),
  /** Figures that change (first MAX_LISTED_CHANGES). */
  changes: z.array(ZPopulationChange),
  isChangeListTruncated: z.boolean(),
});
export type TPopulationImportReport = z.infer<typeof ZPopulationImportReport>;

export const ZPopulationListQuery = z.strictObject({
  /** ISO 3166-1 alpha-2. */
  country: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]$/, 'an ISO 3166-1 alpha-2 code').transform((code) => code.toUpperCase()).optional(),
  year: z.coerce.number().int().min(MIN_POPULATION_YEAR).max(MAX_POPULATION_YEAR).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const ZPopulationDenominator = z.object({
  countryCode: z.string(), year: z.number().int(), sex: ZSex, ageGroup: ZAgeGroup, population: z.number().int(),
  importId: z.string(), updatedAt: z.string(),
});

export const ZPopulationList = z.object({
  denominators: z.array(ZPopulationDenominator),
  /** Rows matching the filter, over all pages. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});

export const ZPopulationImportRun = z.object({
  id: z.string(),
  importedBy: z.object({ type: z.enum(['user', 'cli']), userId: z.string().nullable(), displayName: z.string().nullable() }),
  fileName: z.string(),
  fileSha256: z.string(),
  rowCount: z.number().int(),
  rowsInserted: z.number().int(),
  rowsUpdated: z.number().int(),
  rowsUnchanged: z.number().int(),
  warningCount: z.number().int(),
  sourceNote: z.string().nullable(),
  createdAt: z.string(),
});
export type TPopulationImportRun = z.infer<typeof ZPopulationImportRun>;

export const ZPopulationImportList = z.object({ imports: z.array(ZPopulationImportRun) });
