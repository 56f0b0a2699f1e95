/**
 * Decoders for single CTDC cells. Each returns the decoded value or a {@link CellError}; they
 * never throw, so a row can report every bad cell. Missing-value tokens are shared by all
 * layouts: empty, `-99` (Global Dataset and the dictionaries), `Unknown` (Polaris rows) and
 * `NULL` (2024 synthetic codebook). `NA` is deliberately *not* missing: it is Namibia.
 */
import { findCountryByIso2, findCountryByIso3 } from './countries.ts';
import {
  CTDC_AGE_BANDS,
  CTDC_RECRUITER_RELATIONSHIP_LABELS,
  type TCtdcAgeBand,
  type TCtdcRecruiterRelationshipLabel,
  type TCtdcTraffickMonths,
} from './vocabulary.ts';

/** A cell that could not be decoded; the message is shown to the importing user. */
export class CellError {
  constructor(readonly message: string) {}
}

const MISSING_TOKENS = new Set(['', '-99', 'unknown', 'null']);

/** True for a cell that means "not recorded". */
export function isMissingCell(cell: string): boolean {
  // Fast path: the 2021 file is mostly empty cells.
  return cell.length === 0 || MISSING_TOKENS.has(cell.trim().toLowerCase());
}

const YEAR = /^(\d{4})(?:\.0+)?$/;

/** Four-digit year in 1900-2100 (`2016.0`, as pandas writes it, is accepted). */
export function decodeYear(cell: string): number | null | CellError {
  if (isMissingCell(cell)) return null;
  const match = YEAR.exec(cell.trim());
  if (!match) return new CellError('year must be four digits');
  const year = Number(match[1]);
  return year >= 1900 && year <= 2100 ? year : new CellError('year outside 1900-2100');
}

/** 0/1 indicator; pandas-written `1.0` / `0.0` are accepted too. */
export function decodeFlag(cell: string): boolean | null | CellError {
  if (cell === '1') return true;
  if (cell === '0') return false;
  if (isMissingCell(cell)) return null;
  const t = cell.trim();
  if (t === '1' || t === '1.0') return true;
  if (t === '0' || t === '0.0') return false;
  return new CellError('flag must be 0, 1 or empty');
}

/** Builds a case-insensitive label → code decoder for a categorical column. */
export function enumDecoder<T extends string>(labels: Record<string, T>, what: string) {
  const byLabel = new Map(Object.entries(labels).map(([label, code]) => [label.toLowerCase(), code]));
  const allowed = Object.keys(labels).join(', ');
  return (cell: string): T | null | CellError => {
    if (isMissingCell(cell)) return null;
    const code = byLabel.get(cell.trim().toLowerCase());
    return code ?? new CellError(`${what} must be one of: ${allowed}`);
  };
}

const BAND = /^(\d{1,2})\s*(?:--|-|\u2013|\u2014)\s*(\d{1,2})$/;
const OPEN_BAND = /^(\d{1,2})\s*\+$/;
const AGE_BANDS = new Set<string>(CTDC_AGE_BANDS);

/**
 * Age band, normalised to CTDC's double-hyphen spelling: `0-8`, `0–8` (en dash, as the 2024 PDF
 * prints it) and `0 -- 8` all become `0--8`. Only CTDC's nine bands are accepted.
 */
export function decodeAgeBand(cell: string): TCtdcAgeBand | null | CellError {
  if (isMissingCell(cell)) return null;
  const t = cell.trim();
  const band = BAND.exec(t);
  const open = band ? null : OPEN_BAND.exec(t);
  const normal = band ? `${Number(band[1])}--${Number(band[2])}` : open ? `${Number(open[1])}+` : t;
  return AGE_BANDS.has(normal) ? (normal as TCtdcAgeBand) : new CellError(`age band must be one of: ${CTDC_AGE_BANDS.join(', ')}`);
}

const MONTHS = /^(0|13|25)\s*(?:(?:--|-|\u2013|\u2014)\s*(12|24))?\s*(\+)?\s*(?:\(.*\))?$/;

/** `0--12 (0-1 yr)`, `13--24 (1-2 yrs)`, `25+ (2+ yrs)`, with or without the parenthesis. */
export function decodeTraffickMonths(cell: string): TCtdcTraffickMonths | null | CellError {
  if (isMissingCell(cell)) return null;
  const m = MONTHS.exec(cell.trim());
  if (m) {
    if (m[1] === '0' && m[2] === '12' && !m[3]) return '0--12';
    if (m[1] === '13' && m[2] === '24' && !m[3]) return '13--24';
    if (m[1] === '25' && !m[2] && m[3]) return '25+';
  }
  return new CellError('trafficking months must be 0--12, 13--24 or 25+');
}

/**
 * ISO 3166-1 alpha-2 from CTDC's list. `00` (dictionary: "Unknown Country") and `ZZ` (codebook
 * v6: "unknown") mean not recorded.
 */
export function decodeCountryIso2(cell: string): string | null | CellError {
  if (isMissingCell(cell)) return null;
  const code = cell.trim().toUpperCase();
  if (code === '00' || code === 'ZZ') return null;
  return findCountryByIso2(code) ? code : new CellError('not an ISO 3166-1 alpha-2 code in the CTDC country list');
}

/** ISO 3166-1 alpha-3 (2024 synthetic layout), converted to alpha-2. */
export function decodeCountryIso3(cell: string): string | null | CellError {
  if (isMissingCell(cell)) return null;
  const country = findCountryByIso3(cell.trim().toUpperCase());
  return country ? country.iso2 : new CellError('not an ISO 3166-1 alpha-3 code in the CTDC country list');
}

const RELATIONSHIP_BY_LOWER = new Map(CTDC_RECRUITER_RELATIONSHIP_LABELS.map((l) => [l.toLowerCase(), l]));

/** `Family/Relative; Other` → labels in file order; every label must be one of CTDC's five. */
export function decodeRecruiterRelationship(cell: string): TCtdcRecruiterRelationshipLabel[] | null | CellError {
  if (isMissingCell(cell)) return null;
  const labels: TCtdcRecruiterRelationshipLabel[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(';')) {
    const label = RELATIONSHIP_BY_LOWER.get(part.trim().toLowerCase());
    if (label) labels.push(label);
    else unknown.push(part.trim());
  }
  if (unknown.length > 0) {
    return new CellError(`unknown recruiter relationship ${unknown.map((u) => JSON.stringify(u)).join(', ')}`);
  }
  return labels;
}

/**
 * Free text kept verbatim. Missing: an empty cell, or exactly `-99` (the Global Dataset writes
 * it in every column); `Unknown` or `NULL` are kept, being plausible summary text.
 */
export function decodeVerbatim(cell: string): string | null {
  return cell.length === 0 || cell === '-99' ? null : cell;
}
