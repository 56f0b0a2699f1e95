/**
 * Record-level releases: the organisation's imported CTDC records, k-anonymised on CTDC's six
 * quasi-identifiers by core/disclosure (full-domain generalisation plus record suppression), and
 * written in CTDC's own K-anon column layout by core/ctdc's writer.
 *
 * A generalised value replaces the recorded one in its column (`2015–2019`, `18--29`, a UN
 * sub-region, `*` = any). Other columns that would undo a generalisation are generalised with it:
 * the majority status when the age band becomes `*`, and the exploitation flags, sectors, sexual
 * exploitation types and their summaries when the form of exploitation is widened (they would
 * otherwise say which form it was).
 */
import {
  createEmptyCtdcRecord,
  EXPLOITATION,
  formatCsvRecord,
  LABOUR_SECTORS,
  MEANS_OF_CONTROL,
  RECRUITER_RELATIONS,
  SEXUAL_EXPLOITATION_TYPES,
  WIDE_COLUMNS,
  formatKAnonHeader,
  type TCtdcFlag,
  type TCtdcRecord,
  type TFlagSpec,
} from '../../../core/ctdc/index.ts';
import { anonymiseCtdcRecords, CTDC_QUASI_IDENTIFIERS, type TKAnonymityResult } from '../../../core/disclosure/index.ts';
import type { TDb, TTx } from '../../db/database.ts';
import type { TRecordLevelSummary } from './releases.schemas.ts';

type TRow = Record<string, unknown>;

function readFlags<K extends string>(row: TRow, specs: readonly TFlagSpec<K>[], target: Record<K, TCtdcFlag>): void {
  for (const spec of specs) target[spec.key] = (row[spec.column] ?? null) as TCtdcFlag;
}

/** A stored row back to the normalised record it was imported from (K-anon columns). */
export function recordFromStoredRow(row: TRow): TCtdcRecord {
  const r = createEmptyCtdcRecord();
  const text = (key: string) => (row[key] ?? null) as never;
  r.yearOfRegistration = row.yearOfRegistration === null || row.yearOfRegistration === undefined ? null : Number(row.yearOfRegistration);
  r.dataSource = text('dataSource');
  r.gender = text('gender');
  r.ageBand = text('ageBand');
  r.majorityStatus = text('majorityStatus');
  r.majorityStatusAtExploit = text('majorityStatusAtExploit');
  r.majorityEntry = text('majorityEntry');
  r.citizenship = text('citizenship');
  r.countryOfExploitation = text('countryOfExploitation');
  r.traffickMonths = text('traffickMonths');
  readFlags(row, MEANS_OF_CONTROL, r.meansOfControl);
  readFlags(row, EXPLOITATION, r.exploitation);
  readFlags(row, LABOUR_SECTORS, r.labourSector);
  readFlags(row, SEXUAL_EXPLOITATION_TYPES, r.sexualExploitationType);
  readFlags(row, RECRUITER_RELATIONS, r.recruiterRelation);
  r.isAbduction = (row.isAbduction ?? null) as TCtdcFlag;
  const relationship = row.recruiterRelationship as string[] | null | undefined;
  r.recruiterRelationship = relationship && relationship.length > 0 ? (relationship as never) : null;
  r.sourceSummaries = {
    meansOfControl: text('meansOfControlConcatenated'),
    exploitation: text('typeOfExploitConcatenated'),
    labourSector: text('typeOfLabourConcatenated'),
    sexualExploitationType: text('typeOfSexConcatenated'),
  };
  return r;
}

/** The organisation's records of these import runs, in import and file order. */
export async function loadCtdcRecords(db: TDb | TTx, orgId: string, datasetIds: readonly string[]): Promise<TCtdcRecord[]> {
  if (datasetIds.length === 0) return [];
  const rows = await db.selectFrom('externalCtdcRecords').selectAll().where('orgId', '=', orgId).where('importRunId', 'in', [...datasetIds])
    .orderBy('importRunId').orderBy('rowNumber').execute();
  return rows.map((row) => recordFromStoredRow(row as unknown as TRow));
}

export function summariseAnonymisation(result: TKAnonymityResult, inputRows: number, maxSuppressionRate: number): TRecordLevelSummary {
  return {
    k: result.k, maxSuppressionRate, inputRows, rowsKept: result.rowsKept, rowsSuppressed: result.rowsSuppressed,
    informationLoss: Math.round(result.informationLoss * 1e6) / 1e6, levels: { ...result.levels }, classCount: result.classCount, smallestClassSize: result.smallestClassSize,
  };
}

export function anonymise(records: readonly TCtdcRecord[], k: number, maxSuppressionRate: number): TKAnonymityResult {
  return anonymiseCtdcRecords(records, { k, maxSuppressionRate });
}

const GENERALISED = '*';
const columnIndex = new Map(WIDE_COLUMNS.map((c, i) => [c.name, i + 1]));
const indexOf = (name: string) => columnIndex.get(name)!;
const QI_COLUMNS = ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'CountryOfExploitation'].map(indexOf);
const MAJORITY_COLUMNS = ['majorityStatus', 'majorityStatusAtExploit', 'majorityEntry'].map(indexOf);
const FORM_REVEALING_COLUMNS = [
  ...[...EXPLOITATION, ...LABOUR_SECTORS, ...SEXUAL_EXPLOITATION_TYPES].map((s) => s.column),
  'typeOfExploitConcatenated', 'typeOfLabourConcatenated', 'typeOfSexConcatenated',
].map(indexOf);

/**
 * The kept records in CTDC's K-anon layout (`;`, terms-of-use header cell, CRLF), generalised
 * values in place. Cells pass the writer's formula-injection guard.
 */
export function formatRecordLevelCsv(records: readonly TCtdcRecord[], result: TKAnonymityResult): string {
  const ageLevel = result.levels.ageBand ?? 0;
  const formLevel = result.levels.exploitationForm ?? 0;
  const lines = [formatKAnonHeader()];
  const order = CTDC_QUASI_IDENTIFIERS.map((q) => q.name);
  const formAt = order.indexOf('exploitationForm');
  for (const row of result.rows) {
    const record = records[row.index]!;
    const cells = [''];
    for (const column of WIDE_COLUMNS) cells.push(column.encode!(record));
    // Generalised quasi-identifiers replace the recorded values (level 0 keeps CTDC's own text).
    QI_COLUMNS.forEach((cellIndex, q) => {
      const level = result.levels[order[q]!] ?? 0;
      if (level > 0) cells[cellIndex] = row.values[q] ?? '';
    });
    if (ageLevel >= 3) for (const i of MAJORITY_COLUMNS) if (cells[i] !== '') cells[i] = GENERALISED;
    // At level 1 only "other" merges several forms; "sexual" and "labour" stay what they were.
    const isFormWidened = formLevel >= 2 || (formLevel === 1 && row.values[formAt] === 'other');
    if (isFormWidened) for (const i of FORM_REVEALING_COLUMNS) if (cells[i] !== '') cells[i] = GENERALISED;
    lines.push(formatCsvRecord(cells, { delimiter: ';' }));
  }
  return lines.join('\r\n');
}
