/**
 * CTDC's quasi-identifiers and their generalisation ladders, for record-level CTDC exports:
 * year → 5-year period → *, gender → *, age band → wider bands → minor/adult → *,
 * citizenship and country of exploitation → UN sub-region → UN region → * (CTDC's region
 * table), form of exploitation → sexual / labour / other → *.
 */
import {
  deriveExploitationForm,
  findCountryByIso2,
  type TCtdcAgeBand,
  type TCtdcRecord,
  type TExploitationForm,
} from '../ctdc/index.ts';
import { anonymiseRecords, type TKAnonymityOptions, type TKAnonymityResult, type TQuasiIdentifier } from './k-anonymity.ts';

const ANY = '*';
const keep = (v: string | null): string | null => v;
const any = (): string => ANY;

/** 2015 → `2015–2019`: periods aligned on multiples of five, as in most statistical releases. */
function fiveYearPeriod(v: string | null): string | null {
  if (v === null) return null;
  const start = Math.floor(Number(v) / 5) * 5;
  return `${start}–${start + 4}`;
}

const WIDER_AGE: Record<TCtdcAgeBand, string> = {
  '0--8': '0--8',
  '9--17': '9--17',
  '18--20': '18--29',
  '21--23': '18--29',
  '24--26': '18--29',
  '27--29': '18--29',
  '30--38': '30--47',
  '39--47': '30--47',
  '48+': '48+',
};

const MAJORITY_AGE: Record<TCtdcAgeBand, string> = {
  '0--8': '0--17',
  '9--17': '0--17',
  '18--20': '18+',
  '21--23': '18+',
  '24--26': '18+',
  '27--29': '18+',
  '30--38': '18+',
  '39--47': '18+',
  '48+': '18+',
};

const UNCLASSIFIED = 'Unclassified';
const subRegion = (v: string | null): string | null => (v === null ? null : (findCountryByIso2(v)?.unSubRegion ?? UNCLASSIFIED));
const region = (v: string | null): string | null => (v === null ? null : (findCountryByIso2(v)?.unRegion ?? UNCLASSIFIED));

const THREE_WAY: Record<TExploitationForm, string> = {
  sexual: 'sexual',
  labour: 'labour',
  sexualAndLabour: 'other',
  forcedMarriage: 'other',
  other: 'other',
};

/** The six CTDC quasi-identifiers, in the column order of {@link toCtdcQuasiIdentifierRow}. */
export const CTDC_QUASI_IDENTIFIERS: readonly TQuasiIdentifier[] = [
  { name: 'yearOfRegistration', levels: [keep, fiveYearPeriod, any] },
  { name: 'gender', levels: [keep, any] },
  {
    name: 'ageBand',
    levels: [keep, (v) => (v === null ? null : WIDER_AGE[v as TCtdcAgeBand]), (v) => (v === null ? null : MAJORITY_AGE[v as TCtdcAgeBand]), any],
  },
  { name: 'citizenship', levels: [keep, subRegion, region, any] },
  { name: 'countryOfExploitation', levels: [keep, subRegion, region, any] },
  { name: 'exploitationForm', levels: [keep, (v) => (v === null ? null : THREE_WAY[v as TExploitationForm]), any] },
];

/** A record's level-0 quasi-identifier values. */
export function toCtdcQuasiIdentifierRow(record: TCtdcRecord): (string | null)[] {
  return [
    record.yearOfRegistration === null ? null : String(record.yearOfRegistration),
    record.gender,
    record.ageBand,
    record.citizenship,
    record.countryOfExploitation,
    deriveExploitationForm(record),
  ];
}

/**
 * k-anonymises CTDC records on the six quasi-identifiers (see {@link anonymiseRecords}).
 * @returns the search result; `rows[i].index` points into `records`.
 * @throws AppError VALIDATION_FAILED for invalid options.
 */
export function anonymiseCtdcRecords(records: readonly TCtdcRecord[], options: TKAnonymityOptions = {}): TKAnonymityResult {
  return anonymiseRecords(records.map(toCtdcQuasiIdentifierRow), CTDC_QUASI_IDENTIFIERS, options);
}
