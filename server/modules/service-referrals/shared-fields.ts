import type { TFieldGroup } from '../../../core/protection/field-groups.ts';
import type { TKeyring } from '../../crypto/keyring.ts';
import { openJson, sealJson } from '../../crypto/field-encryption.ts';
import type { TDb, TTx } from '../../db/database.ts';
import type { TCaseRow, TPersonRow } from '../../db/schema/nrm.ts';
import type { TPersonIdentity } from '../cases/person-identity.ts';
import type { TSendReferral, TSharedFields } from './service-referrals.schemas.ts';

/**
 * The copy of a case a referral shares: exactly the chosen field groups, taken from the case at
 * the moment of referral, sealed under the RECEIVING organisation's key and bound to the
 * referral row. Why a sealed copy rather than decrypting from the case on every read:
 *
 * - the receiver's read path never touches the case, its person row or the case owner's key,
 *   so no bug in it can disclose more than was chosen;
 * - the copy is erased (set to null) the moment sharing ends (declined, completed, revoked), so
 *   ending access is a data deletion, not only a permission check;
 * - the receiver sees what the person consented to share at that time; later changes to the
 *   case reach the receiver only through a new referral (and a new consent if needed).
 */
export const sharedFieldsContext = (receivingOrgId: string, referralId: string) => `palermo/service-referral-shared/${receivingOrgId}/${referralId}`;

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}

/** Builds the shared copy; the group list decides which properties exist at all. Never throws. */
export function buildSharedFields(groups: readonly TFieldGroup[], caseRow: TCaseRow, person: TPersonRow, identity: TPersonIdentity, input: Pick<TSendReferral, 'needs' | 'safetyNotes'>): TSharedFields {
  const shared: TSharedFields = {};
  for (const group of groups) {
    switch (group) {
      case 'identity_basic':
        shared.identityBasic = { ...pick(identity, ['givenName', 'familyName', 'otherNames']), sex: person.sex, ageYears: person.ageYears, citizenship: person.citizenship, isChild: caseRow.isChild };
        break;
      case 'identity_documents':
        shared.identityDocuments = pick(identity, ['dateOfBirth', 'documentNumbers']);
        break;
      case 'contact':
        shared.contact = pick(identity, ['phone', 'address']);
        break;
      case 'needs':
        shared.needs = { summary: input.needs?.summary ?? '', languages: input.needs?.languages ?? [], exploitationForms: caseRow.exploitationForms };
        break;
      case 'safety':
        shared.safety = { notes: input.safetyNotes ?? '' };
        break;
      case 'nrm_status':
        shared.nrmStatus = { caseStatus: caseRow.status, hasPositiveReasonableGrounds: caseRow.rgPositiveAt !== null };
        break;
    }
  }
  return shared;
}

export async function sealSharedFields(keyring: TKeyring, tx: TTx, receivingOrgId: string, referralId: string, shared: TSharedFields, now: Date) {
  const key = await keyring.currentKey(tx, receivingOrgId, now);
  return { sharedCiphertext: sealJson(key.dataKey, shared, sharedFieldsContext(receivingOrgId, referralId)), sharedKeyVersion: key.version };
}

export async function openSharedFields(keyring: TKeyring, db: TDb | TTx, row: { id: string; receivingOrgId: string; sharedCiphertext: string | null; sharedKeyVersion: number | null }): Promise<TSharedFields | null> {
  if (!row.sharedCiphertext || row.sharedKeyVersion === null) return null;
  const key = await keyring.keyVersion(db, row.receivingOrgId, row.sharedKeyVersion);
  return openJson<TSharedFields>(key.dataKey, row.sharedCiphertext, sharedFieldsContext(row.receivingOrgId, row.id));
}

/** Notes the referrer's organisation keeps about a referral (override justification, decline note). */
export const referralNoteContext = (orgId: string, referralId: string, purpose: 'override-justification' | 'decline-note') => `palermo/service-referral-${purpose}/${orgId}/${referralId}`;

export async function sealReferralNote(keyring: TKeyring, tx: TTx, orgId: string, referralId: string, purpose: 'override-justification' | 'decline-note', text: string, now: Date) {
  const key = await keyring.currentKey(tx, orgId, now);
  return { ciphertext: sealJson(key.dataKey, text, referralNoteContext(orgId, referralId, purpose)), keyVersion: key.version };
}

export async function openReferralNote(keyring: TKeyring, db: TDb | TTx, orgId: string, referralId: string, purpose: 'override-justification' | 'decline-note', ciphertext: string | null, keyVersion: number | null): Promise<string | null> {
  if (!ciphertext || keyVersion === null) return null;
  const key = await keyring.keyVersion(db, orgId, keyVersion);
  return openJson<string>(key.dataKey, ciphertext, referralNoteContext(orgId, referralId, purpose));
}
