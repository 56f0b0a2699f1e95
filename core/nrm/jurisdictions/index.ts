import { AppError } from '../../errors/app-error.ts';
import { COE_PROFILE } from './coe.ts';
import type { TJurisdictionProfile } from './schema.ts';
import { UK_PROFILE } from './uk.ts';

export * from './schema.ts';
export { COE_PROFILE } from './coe.ts';
export { UK_PROFILE } from './uk.ts';
export { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './uk-bank-holidays.ts';

/** The profile a deployment uses unless it configures another. */
export const DEFAULT_JURISDICTION_PROFILE_ID = 'coe';

export const JURISDICTION_PROFILES: Readonly<Record<string, TJurisdictionProfile>> = {
  coe: COE_PROFILE,
  uk: UK_PROFILE,
};

/**
 * The built-in profile with this id.
 * @throws AppError NOT_FOUND (reason `UNKNOWN_JURISDICTION_PROFILE`).
 */
export function getJurisdictionProfile(id: string): TJurisdictionProfile {
  const profile = JURISDICTION_PROFILES[id];
  if (!profile) {
    throw new AppError('NOT_FOUND', `No jurisdiction profile ${id}`, { reason: 'UNKNOWN_JURISDICTION_PROFILE', profileId: id });
  }
  return profile;
}
