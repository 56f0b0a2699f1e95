/**
 * The three CTDC file layouts as column tables, and layout detection from a header row.
 *
 * - `kAnon2021`: the Global K-anonymized Dataset (July 2021). `;`-separated; the first header cell
 *   is a terms-of-use sentence naming an always-empty column; 63 variables.
 * - `globalDataset2018`: the older Global Dataset (2017-2020 releases): the same variables
 *   (without `isSlaveryAndPractices` before 2020), no terms-of-use column, `-99` for missing.
 * - `synthetic2024`: the Global Synthetic Dataset, codebook v2 (Feb 2024): 27 columns, alpha-3
 *   countries, merged means of control; third-party copies use `sectorOf*` for `typeOf*` and
 *   `meansWithholdDocs` for `meansWithholdDocuments`, accepted as aliases.
 * Header names are matched case-insensitively (the dictionaries spell `MajorityEntry`).
 */
import { AppError, type TErrorIssue } from '../errors/app-error.ts';
import {
  CellError,
  decodeAgeBand,
  decodeCountryIso2,
  decodeCountryIso3,
  decodeFlag,
  decodeRecruiterRelationship,
  decodeTraffickMonths,
  decodeVerbatim,
  decodeYear,
  enumDecoder,
} from './cell-decoders.ts';
import { createEmptyCtdcRecord, type TCtdcFlag, type TCtdcLayout, type TCtdcRecord, type TCtdcSourceSummaries } from './record.ts';
import {
  CTDC_DATA_SOURCE_LABELS,
  CTDC_GENDER_LABELS,
  CTDC_MAJORITY_LABELS,
  EXPLOITATION,
  LABOUR_SECTORS,
  MEANS_OF_CONTROL,
  RECRUITER_RELATIONS,
  SEXUAL_EXPLOITATION_TYPES,
  type TCtdcDataSource,
  type TCtdcGender,
  type TCtdcMajority,
  type TFlagSpec,
} from './vocabulary.ts';

/** The first header cell of CTDC's K-anonymized CSV, verbatim. */
export const CTDC_TERMS_OF_USE_HEADER =
  'By using this data you agree to the Terms of Use: https://www.ctdatacollaborative.org/terms-use';

export interface TCtdcColumn {
  /** Canonical header name (CTDC's spelling). */
  name: string;
  /** Other header names accepted for this column. */
  aliases?: readonly string[];
  /** The column may be absent from the header (e.g. `isSlaveryAndPractices` before 2020). */
  isOptional?: boolean;
  /** Writes the cell into the record; returns an error message or null. */
  decode(cell: string, record: TCtdcRecord): string | null;
  /** Cell text for the K-anon exporter (wide layouts only). */
  encode?(record: TCtdcRecord): string;
}

const invert = <T extends string>(labels: Record<T, string>): Record<string, T> =>
  Object.fromEntries(Object.entries(labels).map(([code, label]) => [label as string, code as T]));

const decodeDataSource = enumDecoder<TCtdcDataSource>(invert(CTDC_DATA_SOURCE_LABELS), 'data source');
const decodeGender = enumDecoder<TCtdcGender>(
  {
    ...invert(CTDC_GENDER_LABELS),
    // 2024 synthetic spelling; CTDC's definitions match Male / Female (gender identity).
    Man: 'male',
    Woman: 'female',
    'Trans/Transgender/NonConforming': 'transgenderNonConforming',
  },
  'gender',
);
const decodeMajority = enumDecoder<TCtdcMajority>(invert(CTDC_MAJORITY_LABELS), 'majority status');

/** Applies a decoder result to the record, returning the error message if any. */
function apply<T>(result: T | CellError, set: (value: T) => void): string | null {
  if (result instanceof CellError) return result.message;
  set(result);
  return null;
}

const flagText = (flag: TCtdcFlag): string => (flag === null ? '' : flag ? '1' : '0');

function flagColumns<K extends string>(
  specs: readonly TFlagSpec<K>[],
  group: (r: TCtdcRecord) => Record<K, TCtdcFlag>,
  optional: ReadonlySet<string> = new Set(),
): TCtdcColumn[] {
  return specs.map((spec) => ({
    name: spec.column,
    isOptional: optional.has(spec.column),
    // Hot path of an import (49 of 63 columns): no closure allocation per cell.
    decode: (cell, r) => {
      const v = decodeFlag(cell);
      if (v instanceof CellError) return v.message;
      group(r)[spec.key] = v;
      return null;
    },
    encode: (r) => flagText(group(r)[spec.key]),
  }));
}

/** Summary text derived from flags, in column order joined by `;` as CTDC writes it. */
export function deriveSummary<K extends string>(specs: readonly TFlagSpec<K>[], flags: Record<K, TCtdcFlag>): string {
  return specs
    .filter((s) => flags[s.key] === true)
    .map((s) => s.label)
    .join(';');
}

function summaryColumn(
  name: string,
  key: keyof TCtdcSourceSummaries,
  derive: (r: TCtdcRecord) => string,
): TCtdcColumn {
  return {
    name,
    decode: (cell, r) => {
      // The binding creates `sourceSummaries` for wide layouts (see createRecord).
      if (r.sourceSummaries) r.sourceSummaries[key] = decodeVerbatim(cell);
      return null;
    },
    encode: (r) => (r.sourceSummaries ? (r.sourceSummaries[key] ?? '') : derive(r)),
  };
}

const labelOf = <T extends string>(labels: Record<T, string>, code: T | null): string => (code === null ? '' : labels[code]);

/** The 63 variables of the wide layouts, in the order of the 2021 file. */
export const WIDE_COLUMNS: readonly TCtdcColumn[] = [
  {
    name: 'yearOfRegistration',
    decode: (c, r) => apply(decodeYear(c), (v) => (r.yearOfRegistration = v)),
    encode: (r) => (r.yearOfRegistration === null ? '' : String(r.yearOfRegistration)),
  },
  {
    name: 'Datasource',
    decode: (c, r) => apply(decodeDataSource(c), (v) => (r.dataSource = v)),
    encode: (r) => labelOf(CTDC_DATA_SOURCE_LABELS, r.dataSource),
  },
  {
    name: 'gender',
    decode: (c, r) => apply(decodeGender(c), (v) => (r.gender = v)),
    encode: (r) => labelOf(CTDC_GENDER_LABELS, r.gender),
  },
  {
    name: 'ageBroad',
    decode: (c, r) => apply(decodeAgeBand(c), (v) => (r.ageBand = v)),
    encode: (r) => r.ageBand ?? '',
  },
  {
    name: 'majorityStatus',
    decode: (c, r) => apply(decodeMajority(c), (v) => (r.majorityStatus = v)),
    encode: (r) => labelOf(CTDC_MAJORITY_LABELS, r.majorityStatus),
  },
  {
    name: 'majorityStatusAtExploit',
    decode: (c, r) => apply(decodeMajority(c), (v) => (r.majorityStatusAtExploit = v)),
    encode: (r) => labelOf(CTDC_MAJORITY_LABELS, r.majorityStatusAtExploit),
  },
  {
    name: 'majorityEntry',
    decode: (c, r) => apply(decodeMajority(c), (v) => (r.majorityEntry = v)),
    encode: (r) => labelOf(CTDC_MAJORITY_LABELS, r.majorityEntry),
  },
  {
    name: 'citizenship',
    decode: (c, r) => apply(decodeCountryIso2(c), (v) => (r.citizenship = v)),
    encode: (r) => r.citizenship ?? '',
  },
  ...flagColumns(MEANS_OF_CONTROL, (r) => r.meansOfControl),
  summaryColumn('meansOfControlConcatenated', 'meansOfControl', (r) => deriveSummary(MEANS_OF_CONTROL, r.meansOfControl)),
  ...flagColumns(EXPLOITATION, (r) => r.exploitation, new Set(['isSlaveryAndPractices'])),
  summaryColumn('typeOfExploitConcatenated', 'exploitation', (r) => deriveSummary(EXPLOITATION, r.exploitation)),
  ...flagColumns(LABOUR_SECTORS, (r) => r.labourSector),
  summaryColumn('typeOfLabourConcatenated', 'labourSector', (r) => deriveSummary(LABOUR_SECTORS, r.labourSector)),
  ...flagColumns(SEXUAL_EXPLOITATION_TYPES, (r) => r.sexualExploitationType),
  summaryColumn('typeOfSexConcatenated', 'sexualExploitationType', (r) =>
    deriveSummary(SEXUAL_EXPLOITATION_TYPES, r.sexualExploitationType),
  ),
  {
    name: 'isAbduction',
    decode: (c, r) => apply(decodeFlag(c), (v) => (r.isAbduction = v)),
    encode: (r) => flagText(r.isAbduction),
  },
  {
    name: 'RecruiterRelationship',
    decode: (c, r) => apply(decodeRecruiterRelationship(c), (v) => (r.recruiterRelationship = v)),
    encode: (r) => (r.recruiterRelationship ?? []).join('; '),
  },
  {
    name: 'CountryOfExploitation',
    decode: (c, r) => apply(decodeCountryIso2(c), (v) => (r.countryOfExploitation = v)),
    encode: (r) => r.countryOfExploitation ?? '',
  },
  ...flagColumns(RECRUITER_RELATIONS, (r) => r.recruiterRelation),
];

type TFlagTarget = (r: TCtdcRecord, v: TCtdcFlag) => void;

function syntheticFlag(name: string, target: TFlagTarget, aliases?: readonly string[]): TCtdcColumn {
  const column: TCtdcColumn = { name, decode: (c, r) => apply(decodeFlag(c), (v) => target(r, v)) };
  if (aliases) column.aliases = aliases;
  return column;
}

/** The 27 columns of the 2024 Global Synthetic Dataset (codebook v2, variables 1-27). */
export const SYNTHETIC_2024_COLUMNS: readonly TCtdcColumn[] = [
  { name: 'yearOfRegistration', decode: (c, r) => apply(decodeYear(c), (v) => (r.yearOfRegistration = v)) },
  { name: 'gender', decode: (c, r) => apply(decodeGender(c), (v) => (r.gender = v)) },
  { name: 'ageBroad', decode: (c, r) => apply(decodeAgeBand(c), (v) => (r.ageBand = v)) },
  { name: 'citizenship', decode: (c, r) => apply(decodeCountryIso3(c), (v) => (r.citizenship = v)) },
  { name: 'CountryOfExploitation', decode: (c, r) => apply(decodeCountryIso3(c), (v) => (r.countryOfExploitation = v)) },
  { name: 'traffickMonths', decode: (c, r) => apply(decodeTraffickMonths(c), (v) => (r.traffickMonths = v)) },
  syntheticFlag('meansDebtBondageEarnings', (r, v) => (r.meansOfControlGroups.debtBondageOrEarnings = v)),
  syntheticFlag('meansThreats', (r, v) => (r.meansOfControlGroups.threatsAny = v)),
  syntheticFlag('meansAbusePsyPhySex', (r, v) => (r.meansOfControlGroups.abuseAny = v)),
  syntheticFlag('meansFalsePromises', (r, v) => (r.meansOfControl.falsePromises = v)),
  // Codebook label: "Means of Control: Psychoactive Substances".
  syntheticFlag('meansDrugsAlcohol', (r, v) => (r.meansOfControl.psychoactiveSubstances = v)),
  syntheticFlag('meansDenyBasicNeeds', (r, v) => (r.meansOfControlGroups.denyBasicNeeds = v)),
  syntheticFlag('meansExcessiveWorkHours', (r, v) => (r.meansOfControl.excessiveWorkingHours = v)),
  syntheticFlag('meansWithholdDocuments', (r, v) => (r.meansOfControl.withholdsDocuments = v), ['meansWithholdDocs']),
  syntheticFlag('isForcedLabour', (r, v) => (r.exploitation.forcedLabour = v)),
  syntheticFlag('isSexualExploit', (r, v) => (r.exploitation.sexual = v)),
  syntheticFlag('isOtherExploit', (r, v) => (r.exploitation.other = v)),
  syntheticFlag('typeOfLabourAgriculture', (r, v) => (r.labourSector.agriculture = v), ['sectorOfLabourAgriculture']),
  syntheticFlag('typeOfLabourConstruction', (r, v) => (r.labourSector.construction = v), ['sectorOfLabourConstruction']),
  syntheticFlag('typeOfLabourDomesticWork', (r, v) => (r.labourSector.domesticWork = v), ['sectorOfLabourDomesticWork']),
  syntheticFlag('typeOfLabourHospitality', (r, v) => (r.labourSector.hospitality = v), ['sectorOfLabourHospitality']),
  syntheticFlag('typeOfSexProstitution', (r, v) => (r.sexualExploitationType.prostitution = v), ['sectorOfSexProstitution']),
  syntheticFlag('typeOfSexPornography', (r, v) => (r.sexualExploitationType.pornography = v), ['sectorOfSexPornography']),
  syntheticFlag('recruiterRelationIntimatePartner', (r, v) => (r.recruiterRelation.intimatePartner = v)),
  syntheticFlag('recruiterRelationFriend', (r, v) => (r.recruiterRelation.friend = v)),
  syntheticFlag('recruiterRelationFamily', (r, v) => (r.recruiterRelation.family = v)),
  syntheticFlag('recruiterRelationOther', (r, v) => (r.recruiterRelation.other = v)),
];

export interface TCtdcHeaderBinding {
  layout: TCtdcLayout;
  /** For each field index of the file: the column it holds, or null (ignored). */
  columns: (TCtdcColumn | null)[];
  /** Index of the terms-of-use column (kAnon2021), which must stay empty. */
  termsColumnIndex: number | null;
  /** Header problems that do not stop the import, e.g. unknown columns (ignored). */
  warnings: { column: string; message: string }[];
  /**
   * A fresh record for one row. Every decoder maps an empty cell to the record's default, so
   * the parser skips empty cells; summary holders must therefore exist before decoding.
   */
  createRecord(): TCtdcRecord;
}

const SYNTHETIC_MARKERS = ['traffickmonths', 'meansdebtbondageearnings', 'meansabusepsyphysex', 'meansdenybasicneeds'];
const WIDE_MARKERS = ['datasource', 'meansofcontroldebtbondage', 'typeofexploitconcatenated', 'recruiterrelationship'];

/**
 * Detects the layout from the header row and binds each file column to a codec column.
 * @param header the header fields as read (before any trimming).
 * @throws AppError VALIDATION_FAILED (reason `CTDC_UNKNOWN_LAYOUT`) when the header matches no
 *   layout, or (reason `CTDC_HEADER_INVALID`) with one issue per missing or duplicated column.
 */
export function bindCtdcHeader(header: readonly string[]): TCtdcHeaderBinding {
  const names = header.map((h) => h.trim().toLowerCase());
  const termsColumnIndex = names[0]?.startsWith('by using this data') ? 0 : null;
  let layout: TCtdcLayout;
  if (SYNTHETIC_MARKERS.some((m) => names.includes(m))) layout = 'synthetic2024';
  else if (WIDE_MARKERS.some((m) => names.includes(m))) layout = termsColumnIndex === 0 ? 'kAnon2021' : 'globalDataset2018';
  else {
    throw new AppError('VALIDATION_FAILED', 'The header is not a CTDC layout this importer knows', {
      reason: 'CTDC_UNKNOWN_LAYOUT',
      issues: [{ path: 'row 1', message: `unrecognised header: ${header.slice(0, 8).join(', ')}` }],
    });
  }
  const specs = layout === 'synthetic2024' ? SYNTHETIC_2024_COLUMNS : WIDE_COLUMNS;
  const byName = new Map<string, TCtdcColumn>();
  for (const spec of specs) {
    for (const n of [spec.name, ...(spec.aliases ?? [])]) byName.set(n.toLowerCase(), spec);
  }
  const columns: (TCtdcColumn | null)[] = [];
  const seen = new Set<TCtdcColumn>();
  const issues: TErrorIssue[] = [];
  const warnings: TCtdcHeaderBinding['warnings'] = [];
  names.forEach((name, index) => {
    const spec = index === termsColumnIndex ? undefined : byName.get(name);
    if (spec && seen.has(spec)) {
      issues.push({ path: `row 1.${header[index]}`, message: `column ${spec.name} appears twice` });
      columns.push(null);
    } else if (spec) {
      seen.add(spec);
      columns.push(spec);
    } else {
      if (index !== termsColumnIndex) warnings.push({ column: header[index] ?? '', message: 'unknown column, ignored' });
      columns.push(null);
    }
  });
  for (const spec of specs) {
    if (!seen.has(spec) && !spec.isOptional) issues.push({ path: `row 1.${spec.name}`, message: 'required column is missing' });
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', `The header does not match the CTDC ${layout} layout`, {
      reason: 'CTDC_HEADER_INVALID',
      layout,
      issues,
    });
  }
  const createRecord =
    layout === 'synthetic2024'
      ? createEmptyCtdcRecord
      : (): TCtdcRecord => {
          const record = createEmptyCtdcRecord();
          record.sourceSummaries = { meansOfControl: null, exploitation: null, labourSector: null, sexualExploitationType: null };
          return record;
        };
  return { layout, columns, termsColumnIndex, warnings, createRecord };
}
