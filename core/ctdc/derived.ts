/**
 * Values derived from a normalised record for statistics: harmonised means-of-control groups
 * (so that wide and synthetic records can be counted together), a single form of exploitation
 * (the GLOTIP-style roll-up), and a check of the verbatim summary columns against the flags.
 */
import type { TCtdcFlag, TCtdcMeansOfControlGroups, TCtdcRecord } from './record.ts';
import {
  EXPLOITATION,
  LABOUR_SECTORS,
  MEANS_OF_CONTROL,
  MEANS_OF_CONTROL_GROUP_KEYS,
  MEANS_OF_CONTROL_GROUP_PARTS,
  SEXUAL_EXPLOITATION_TYPES,
  type TFlagSpec,
} from './vocabulary.ts';

/** OR with "not recorded": true if any part is true, false if all are false, else null. */
function anyOf(flags: readonly TCtdcFlag[]): TCtdcFlag {
  if (flags.some((f) => f === true)) return true;
  return flags.every((f) => f === false) ? false : null;
}

/**
 * The synthetic-2024 merged means of control for any record: taken as recorded when the record
 * has them, otherwise computed from the detailed flags.
 */
export function deriveMeansOfControlGroups(record: TCtdcRecord): TCtdcMeansOfControlGroups {
  const out = { ...record.meansOfControlGroups };
  for (const key of MEANS_OF_CONTROL_GROUP_KEYS) {
    if (out[key] === null) out[key] = anyOf(MEANS_OF_CONTROL_GROUP_PARTS[key].map((p) => record.meansOfControl[p]));
  }
  return out;
}

export const EXPLOITATION_FORMS = ['sexual', 'labour', 'sexualAndLabour', 'forcedMarriage', 'other'] as const;
export type TExploitationForm = (typeof EXPLOITATION_FORMS)[number];

/**
 * One form of exploitation per record, for tables and quasi-identifiers. Combined sexual and
 * labour exploitation is its own form (CTDC records it as its own flag); forced military,
 * organ removal and slavery-like practices fall under `other`, as in GLOTIP's three-way split.
 * @returns null when no form is recorded as present.
 */
export function deriveExploitationForm(record: TCtdcRecord): TExploitationForm | null {
  const e = record.exploitation;
  if (e.sexAndLabour === true || (e.sexual === true && e.forcedLabour === true)) return 'sexualAndLabour';
  if (e.sexual === true) return 'sexual';
  if (e.forcedLabour === true) return 'labour';
  if (e.forcedMarriage === true) return 'forcedMarriage';
  if (e.other === true || e.slaveryAndPractices === true || e.forcedMilitary === true || e.organRemoval === true) return 'other';
  return null;
}

function labelsDisagree<K extends string>(specs: readonly TFlagSpec<K>[], flags: Record<K, TCtdcFlag>, text: string | null): boolean {
  const fromFlags = specs.filter((s) => flags[s.key] === true).map((s) => s.label.toLowerCase()).sort();
  const fromText = (text ?? '')
    .split(';')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0)
    .sort();
  return fromFlags.length !== fromText.length || fromFlags.some((label, i) => label !== fromText[i]);
}

/**
 * Names the summary columns whose labels differ from the record's flags (as sets, ignoring case
 * and spacing). Informational: the flags are authoritative.
 */
export function findSummaryMismatches(record: TCtdcRecord): string[] {
  const s = record.sourceSummaries;
  if (!s) return [];
  const out: string[] = [];
  if (labelsDisagree(MEANS_OF_CONTROL, record.meansOfControl, s.meansOfControl)) out.push('meansOfControlConcatenated');
  if (labelsDisagree(EXPLOITATION, record.exploitation, s.exploitation)) out.push('typeOfExploitConcatenated');
  if (labelsDisagree(LABOUR_SECTORS, record.labourSector, s.labourSector)) out.push('typeOfLabourConcatenated');
  if (labelsDisagree(SEXUAL_EXPLOITATION_TYPES, record.sexualExploitationType, s.sexualExploitationType)) {
    out.push('typeOfSexConcatenated');
  }
  return out;
}
