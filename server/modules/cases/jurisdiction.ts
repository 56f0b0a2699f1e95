import { DEFAULT_JURISDICTION_PROFILE_ID, JURISDICTION_PROFILES, ZJurisdictionProfile, type TJurisdictionProfile } from '../../../core/nrm/jurisdictions/index.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TDb, TTx } from '../../db/database.ts';

/**
 * Jurisdiction profiles are data: the built-in ones ship in core/, and administrators may add
 * new versions (stored in `jurisdiction_profiles`). A case pins the id and version it was opened
 * under, so an old decision is always checked against the rules of its time.
 */
export async function findProfileVersion(db: TDb | TTx, id: string, version: string): Promise<TJurisdictionProfile | null> {
  const stored = await db.selectFrom('jurisdictionProfiles').select('profile').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (stored) return ZJurisdictionProfile.parse(stored.profile);
  const builtIn = JURISDICTION_PROFILES[id];
  return builtIn && builtIn.version === version ? builtIn : null;
}

/** The newest version of a profile id, stored or built in. @throws NOT_FOUND */
export async function getLatestProfile(db: TDb | TTx, id: string): Promise<TJurisdictionProfile> {
  const rows = await db.selectFrom('jurisdictionProfiles').select(['version', 'profile']).where('id', '=', id).execute();
  const candidates = rows.map((row) => ZJurisdictionProfile.parse(row.profile));
  const builtIn = JURISDICTION_PROFILES[id];
  if (builtIn) candidates.push(builtIn);
  if (candidates.length === 0) throw new AppError('NOT_FOUND', `No jurisdiction profile ${id}.`);
  return candidates.sort((a, b) => compareVersions(b.version, a.version))[0]!;
}

/** Every profile id with its newest version. */
export async function listLatestProfiles(db: TDb | TTx): Promise<TJurisdictionProfile[]> {
  const stored = await db.selectFrom('jurisdictionProfiles').select('id').distinct().execute();
  const ids = new Set([...Object.keys(JURISDICTION_PROFILES), ...stored.map((row) => row.id)]);
  return Promise.all([...ids].sort().map((id) => getLatestProfile(db, id)));
}

/** The profile governing an organisation's new cases. */
export async function getOrganisationProfile(db: TDb | TTx, orgId: string): Promise<TJurisdictionProfile> {
  const setting = await db.selectFrom('organisationSettings').select('jurisdictionProfileId').where('orgId', '=', orgId).executeTakeFirst();
  return getLatestProfile(db, setting?.jurisdictionProfileId ?? DEFAULT_JURISDICTION_PROFILE_ID);
}

/** The exact profile a case was opened under. @throws INTERNAL when it has disappeared */
export async function getCaseProfile(db: TDb | TTx, row: { jurisdictionProfileId: string; jurisdictionProfileVersion: string }): Promise<TJurisdictionProfile> {
  const profile = await findProfileVersion(db, row.jurisdictionProfileId, row.jurisdictionProfileVersion);
  if (!profile) throw new AppError('INTERNAL', `Jurisdiction profile ${row.jurisdictionProfileId}@${row.jurisdictionProfileVersion} is missing.`);
  return profile;
}

/** Orders `major.minor.patch` versions numerically. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if (left[i] !== right[i]) return (left[i] ?? 0) - (right[i] ?? 0);
  return 0;
}
