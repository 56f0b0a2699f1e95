/**
 * Country lookups over CTDC's region table: validation of alpha-2 codes, alpha-3 → alpha-2 for
 * the 2024 synthetic layout, and the UN region / sub-region ladder used for k-anonymity.
 */
import { CTDC_COUNTRY_ROWS } from './countries.data.ts';

export interface TCtdcCountry {
  iso2: string;
  iso3: string | null;
  name: string;
  unRegion: string | null;
  unSubRegion: string | null;
  iomRegion: string | null;
  /** False for CTDC-only or withdrawn codes such as Y1 (Kosovo) or YU. */
  isCurrentIso: boolean;
}

const BY_ISO2 = new Map<string, TCtdcCountry>();
const BY_ISO3 = new Map<string, TCtdcCountry>();
for (const [iso2, iso3, name, unRegion, unSubRegion, iomRegion, isCurrentIso] of CTDC_COUNTRY_ROWS) {
  const country: TCtdcCountry = { iso2, iso3, name, unRegion, unSubRegion, iomRegion, isCurrentIso };
  // The sheet lists a few codes twice (e.g. TL); the first row wins, as in the sheet's own order.
  if (!BY_ISO2.has(iso2)) BY_ISO2.set(iso2, country);
  if (iso3 && !BY_ISO3.has(iso3)) BY_ISO3.set(iso3, country);
}

/** Every country row, in the sheet's order. */
export const CTDC_COUNTRIES: readonly TCtdcCountry[] = [...BY_ISO2.values()];

/** The country for an alpha-2 code (upper case), or undefined when CTDC does not know it. */
export function findCountryByIso2(iso2: string): TCtdcCountry | undefined {
  return BY_ISO2.get(iso2);
}

/** The country for an alpha-3 code (upper case), or undefined. */
export function findCountryByIso3(iso3: string): TCtdcCountry | undefined {
  return BY_ISO3.get(iso3);
}

/** True when the code is a CTDC alpha-2 country code. */
export function isCtdcCountryCode(iso2: string): boolean {
  return BY_ISO2.has(iso2);
}
