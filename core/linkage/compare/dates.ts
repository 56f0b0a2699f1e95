/**
 * Date-of-birth comparison that knows how dates go wrong in practice: day and month swapped
 * (a US-format form read as day-first), one part wrong (a typo in the day, a guessed month), one
 * digit mistyped anywhere. Inputs are normalised ISO dates (`normaliseDate`); '' means missing.
 */

/** Agreement levels, best first. `DATE_MISSING` is the null level (either side has no date). */
export const DATE_EXACT = 0;
export const DATE_DAY_MONTH_SWAPPED = 1;
export const DATE_ONE_EDIT = 2;
export const DATE_SAME_YEAR = 3;
export const DATE_DIFFERENT = 4;
export const DATE_MISSING = -1;

export const DATE_LEVEL_LABELS = ['exact', 'day and month swapped', 'one part or one digit differs', 'same year', 'different'] as const;

/** Number of decimal digits that differ between two non-negative integers written with `width` digits. */
function differingDigits(a: number, b: number, width: number): number {
  let n = 0;
  for (let k = 0; k < width; k++) {
    if (a % 10 !== b % 10) n++;
    a = Math.floor(a / 10);
    b = Math.floor(b / 10);
  }
  return n;
}

/**
 * {@link compareDates} on numeric parts (the hot path of the pair loop: no string slicing).
 * A year of 0 means missing.
 */
export function compareDateParts(ya: number, ma: number, da: number, yb: number, mb: number, db: number): number {
  if (ya === 0 || yb === 0) return DATE_MISSING;
  if (ya === yb && ma === mb && da === db) return DATE_EXACT;
  if (ya === yb && ma === db && da === mb) return DATE_DAY_MONTH_SWAPPED;
  const sameParts = (ya === yb ? 1 : 0) + (ma === mb ? 1 : 0) + (da === db ? 1 : 0);
  if (sameParts === 2) return DATE_ONE_EDIT;
  if (differingDigits(ya, yb, 4) + differingDigits(ma, mb, 2) + differingDigits(da, db, 2) === 1) return DATE_ONE_EDIT;
  if (ya === yb) return DATE_SAME_YEAR;
  return DATE_DIFFERENT;
}

/**
 * Compares two ISO dates (YYYY-MM-DD).
 * @returns one of the DATE_* levels; DATE_MISSING when either is ''.
 */
export function compareDates(a: string, b: string): number {
  if (a === '' || b === '') return DATE_MISSING;
  if (a === b) return DATE_EXACT;
  const ya = a.slice(0, 4);
  const yb = b.slice(0, 4);
  const ma = a.slice(5, 7);
  const mb = b.slice(5, 7);
  const da = a.slice(8, 10);
  const db = b.slice(8, 10);
  if (ya === yb && ma === db && da === mb) return DATE_DAY_MONTH_SWAPPED;
  const sameParts = (ya === yb ? 1 : 0) + (ma === mb ? 1 : 0) + (da === db ? 1 : 0);
  if (sameParts === 2) return DATE_ONE_EDIT;
  // one digit differs across the whole date (e.g. 1987 vs 1978 is two, 1987 vs 1988 one)
  let differentDigits = 0;
  for (let i = 0; i < 10; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) differentDigits++;
  if (differentDigits === 1) return DATE_ONE_EDIT;
  if (ya === yb) return DATE_SAME_YEAR;
  return DATE_DIFFERENT;
}
