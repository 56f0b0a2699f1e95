import { ACCESS_PURPOSE_PARAM, isAccessPurpose, type TAccessPurpose } from '../../../../core/security/access-purpose.ts';

/**
 * The purpose a reader gave for one case, remembered for this browser tab's session (so every
 * reload of the case carries it without asking again). Only the code is kept, never free text.
 */
const storageKey = (orgId: string, caseId: string) => `palermo.accessPurpose.${orgId}.${caseId}`;

export function rememberedAccessPurpose(orgId: string, caseId: string): TAccessPurpose | null {
  try {
    const stored = window.sessionStorage.getItem(storageKey(orgId, caseId));
    return isAccessPurpose(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function rememberAccessPurpose(orgId: string, caseId: string, purpose: TAccessPurpose): void {
  try {
    window.sessionStorage.setItem(storageKey(orgId, caseId), purpose);
  } catch {
    // Storage refused (private mode): the purpose is then asked again at the next load.
  }
}

/** `?purpose=…` for the case request when a purpose was given for it, else ''. */
export function accessPurposeQuery(orgId: string, caseId: string): string {
  if (typeof window === 'undefined') return '';
  const purpose = rememberedAccessPurpose(orgId, caseId);
  return purpose ? `?${ACCESS_PURPOSE_PARAM}=${purpose}` : '';
}
