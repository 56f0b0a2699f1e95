/**
 * How a normalised CTDC record (core/ctdc) is stored in `external_ctdc_records`: one typed
 * column per variable, named after CTDC's variable in snake_case, plus two values derived for
 * statistics. The import writes columns in this order; a test checks the list against the
 * table, so the migration and this file cannot drift apart.
 */
import {
  deriveExploitationForm,
  EXPLOITATION,
  LABOUR_SECTORS,
  MEANS_OF_CONTROL,
  MEANS_OF_CONTROL_GROUP_KEYS,
  RECRUITER_RELATIONS,
  SEXUAL_EXPLOITATION_TYPES,
  type TCtdcFlag,
  type TCtdcRecord,
  type TFlagSpec,
  type TMeansOfControlGroupKey,
} from '../../../core/ctdc/index.ts';
import { deriveLabourType } from '../../../core/metrics/index.ts';

export type TStoredValue = string | number | boolean | null;

export interface TStoredColumn {
  /** Column name in the table (snake_case). */
  name: string;
  /** Element type of the array the values travel in (`unnest($n::type[])`). */
  sqlType: 'smallint' | 'text' | 'boolean';
  /** Set when the column is `text[]`: the values travel joined by this separator. */
  arraySeparator?: string;
  read(record: TCtdcRecord): TStoredValue;
}

export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function flags<K extends string>(specs: readonly TFlagSpec<K>[], group: (r: TCtdcRecord) => Record<K, TCtdcFlag>): TStoredColumn[] {
  return specs.map((spec) => ({ name: snakeCase(spec.column), sqlType: 'boolean', read: (r) => group(r)[spec.key] }));
}

/** The 2024 synthetic layout's merged means of control, under that layout's column names. */
const MEANS_GROUP_COLUMNS: Record<TMeansOfControlGroupKey, string> = {
  debtBondageOrEarnings: 'means_debt_bondage_earnings',
  threatsAny: 'means_threats',
  abuseAny: 'means_abuse_psy_phy_sex',
  denyBasicNeeds: 'means_deny_basic_needs',
};

/** Recruiter relationship labels never contain `;` (they are a closed list). */
const LABEL_SEPARATOR = ';';

export const CTDC_STORED_COLUMNS: readonly TStoredColumn[] = [
  { name: 'year_of_registration', sqlType: 'smallint', read: (r) => r.yearOfRegistration },
  { name: 'data_source', sqlType: 'text', read: (r) => r.dataSource },
  { name: 'gender', sqlType: 'text', read: (r) => r.gender },
  { name: 'age_band', sqlType: 'text', read: (r) => r.ageBand },
  { name: 'majority_status', sqlType: 'text', read: (r) => r.majorityStatus },
  { name: 'majority_status_at_exploit', sqlType: 'text', read: (r) => r.majorityStatusAtExploit },
  { name: 'majority_entry', sqlType: 'text', read: (r) => r.majorityEntry },
  { name: 'citizenship', sqlType: 'text', read: (r) => r.citizenship },
  { name: 'country_of_exploitation', sqlType: 'text', read: (r) => r.countryOfExploitation },
  { name: 'traffick_months', sqlType: 'text', read: (r) => r.traffickMonths },
  { name: 'exploitation_form', sqlType: 'text', read: (r) => deriveExploitationForm(r) },
  { name: 'labour_type', sqlType: 'text', read: (r) => deriveLabourType(r.labourSector) },
  ...flags(MEANS_OF_CONTROL, (r) => r.meansOfControl),
  ...MEANS_OF_CONTROL_GROUP_KEYS.map((key): TStoredColumn => ({ name: MEANS_GROUP_COLUMNS[key], sqlType: 'boolean', read: (r) => r.meansOfControlGroups[key] })),
  ...flags(EXPLOITATION, (r) => r.exploitation),
  ...flags(LABOUR_SECTORS, (r) => r.labourSector),
  ...flags(SEXUAL_EXPLOITATION_TYPES, (r) => r.sexualExploitationType),
  ...flags(RECRUITER_RELATIONS, (r) => r.recruiterRelation),
  { name: 'is_abduction', sqlType: 'boolean', read: (r) => r.isAbduction },
  {
    name: 'recruiter_relationship',
    sqlType: 'text',
    arraySeparator: LABEL_SEPARATOR,
    read: (r) => (r.recruiterRelationship ? r.recruiterRelationship.join(LABEL_SEPARATOR) : null),
  },
  { name: 'means_of_control_concatenated', sqlType: 'text', read: (r) => r.sourceSummaries?.meansOfControl ?? null },
  { name: 'type_of_exploit_concatenated', sqlType: 'text', read: (r) => r.sourceSummaries?.exploitation ?? null },
  { name: 'type_of_labour_concatenated', sqlType: 'text', read: (r) => r.sourceSummaries?.labourSector ?? null },
  { name: 'type_of_sex_concatenated', sqlType: 'text', read: (r) => r.sourceSummaries?.sexualExploitationType ?? null },
];

/** Flag (boolean) columns travel packed, this many per 32-bit word (sign bit unused). */
export const FLAGS_PER_WORD = 30;
/** Indexes into CTDC_STORED_COLUMNS of the flag columns, and of all the others. */
export const FLAG_COLUMN_INDEXES = CTDC_STORED_COLUMNS.flatMap((c, i) => (c.sqlType === 'boolean' ? [i] : []));
export const VALUE_COLUMN_INDEXES = CTDC_STORED_COLUMNS.flatMap((c, i) => (c.sqlType === 'boolean' ? [] : [i]));
export const FLAG_WORDS = Math.ceil(FLAG_COLUMN_INDEXES.length / FLAGS_PER_WORD);

const VALUE_READERS = VALUE_COLUMN_INDEXES.map((i) => CTDC_STORED_COLUMNS[i]!.read);
const FLAG_READERS = FLAG_COLUMN_INDEXES.map((i) => CTDC_STORED_COLUMNS[i]!.read);

/**
 * Valid rows of a file held column by column: a 100k-row file is a few flat arrays rather than
 * 100k nested record objects, and each insert statement sends slices of them. The 53 flags of a
 * row are packed as they arrive into two words per 30 flags: bit set in `recorded[w]` = the flag
 * is recorded (not NULL), bit set in `set[w]` = it is true.
 */
export class CtdcColumnBuffers {
  readonly rowNumbers: number[] = [];
  /** By stored column index; the arrays of flag columns stay empty (see `recorded` / `set`). */
  readonly values: TStoredValue[][] = CTDC_STORED_COLUMNS.map(() => []);
  readonly recorded: number[][] = Array.from({ length: FLAG_WORDS }, () => []);
  readonly set: number[][] = Array.from({ length: FLAG_WORDS }, () => []);
  /**
   * Per row, a number naming the record object it was read from: rows with the same number hold
   * the same values (the parser shares one record between the repeats of a line).
   */
  readonly recordIds: number[] = [];
  /** The first row of each record object still alive (weakly held: records are not kept for this). */
  private readonly firstRowOf = new WeakMap<TCtdcRecord, number>();

  get length(): number {
    return this.rowNumbers.length;
  }

  /** Adds a valid row; a record pushed before (a repeated line) has its values copied, not read again. */
  push(row: number, record: TCtdcRecord): void {
    const at = this.rowNumbers.length;
    this.rowNumbers.push(row);
    const first = this.firstRowOf.get(record);
    if (first !== undefined) {
      this.recordIds.push(this.recordIds[first]!);
      for (const c of VALUE_COLUMN_INDEXES) this.values[c]!.push(this.values[c]![first]!);
      for (let w = 0; w < FLAG_WORDS; w++) {
        this.recorded[w]!.push(this.recorded[w]![first]!);
        this.set[w]!.push(this.set[w]![first]!);
      }
      return;
    }
    this.firstRowOf.set(record, at);
    this.recordIds.push(at);
    for (let v = 0; v < VALUE_READERS.length; v++) this.values[VALUE_COLUMN_INDEXES[v]!]!.push(VALUE_READERS[v]!(record));
    let recorded = 0;
    let set = 0;
    for (let f = 0; f < FLAG_READERS.length; f++) {
      const bit = 1 << (f % FLAGS_PER_WORD);
      const flag = FLAG_READERS[f]!(record);
      if (flag !== null) {
        recorded |= bit;
        if (flag === true) set |= bit;
      }
      if (f % FLAGS_PER_WORD === FLAGS_PER_WORD - 1 || f === FLAG_READERS.length - 1) {
        const word = Math.floor(f / FLAGS_PER_WORD);
        this.recorded[word]!.push(recorded);
        this.set[word]!.push(set);
        recorded = 0;
        set = 0;
      }
    }
  }

  /** A flag as stored (null = not recorded), for tests and checks. */
  flagAt(column: number, row: number): boolean | null {
    const f = FLAG_COLUMN_INDEXES.indexOf(column);
    const word = Math.floor(f / FLAGS_PER_WORD);
    const bit = 1 << (f % FLAGS_PER_WORD);
    return (this.recorded[word]![row]! & bit) === 0 ? null : (this.set[word]![row]! & bit) !== 0;
  }
}
