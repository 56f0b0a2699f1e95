/**
 * One type of labour per victim, so that a table by type of labour adds up to the number of
 * victims (CTDC records sectors as independent flags, and a victim may have several).
 */
import { LABOUR_SECTOR_KEYS, type TCtdcRecord, type TLabourSectorKey } from '../ctdc/index.ts';

export const LABOUR_TYPES = [...LABOUR_SECTOR_KEYS, 'multiple'] as const;
export type TLabourType = (typeof LABOUR_TYPES)[number];

const SPECIFIC_SECTORS = LABOUR_SECTOR_KEYS.filter((k) => k !== 'notSpecified');

/**
 * The sector when exactly one specific sector is recorded as present; `multiple` when several
 * are; `notSpecified` when only CTDC's "not specified" flag is set; null when nothing is.
 * "Not specified" next to a specific sector is ignored: the specific sector says more.
 */
export function deriveLabourType(sectors: TCtdcRecord['labourSector']): TLabourType | null {
  let found: TLabourSectorKey | null = null;
  for (const key of SPECIFIC_SECTORS) {
    if (sectors[key] !== true) continue;
    if (found) return 'multiple';
    found = key;
  }
  if (found) return found;
  return sectors.notSpecified === true ? 'notSpecified' : null;
}
