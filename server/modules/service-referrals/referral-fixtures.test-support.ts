import type { TTestApp } from '../../../test/support/test-app.ts';
import { caseInState } from '../../../test/support/case-states.ts';
import { FIELD_GROUPS, type TFieldGroup } from '../../../core/protection/field-groups.ts';
import { providerWithService } from '../services/directory-fixtures.test-support.ts';
import { recordServiceConsent } from './use-cases/consents.ts';
import { acceptReferral } from './use-cases/respond-referral.ts';
import { sendServiceReferral } from './use-cases/send-referral.ts';
import type { TSendReferral } from './service-referrals.schemas.ts';

/** A referral body sharing `groups`, with the notes those groups need. */
export function referralBody(serviceId: string, groups: readonly TFieldGroup[] = ['identity_basic', 'needs'], purpose: TSendReferral['purpose'] = 'shelter'): TSendReferral {
  return {
    serviceId, serviceAtLocationId: null, purpose, fieldGroups: [...groups],
    needs: groups.includes('needs') ? { summary: 'Needs a safe bed tonight and a GP appointment', languages: ['ro'] } : null,
    safetyNotes: groups.includes('safety') ? 'Exploiter knows her old address; do not disclose location' : null,
  };
}

export const CONSENT_ALL = { purposes: ['shelter', 'psychological'], fieldGroups: [...FIELD_GROUPS], decision: 'given', basis: 'person', language: 'ro', interpreterUsed: true } as const;

/** A case in `caseOrgId`, a service in `providerOrgId`, and the person's consent to share everything with the provider for shelter. */
export async function consentedCase(t: TTestApp, caseOrgId: string, providerOrgId: string) {
  const { caseId } = await caseInState(t, caseOrgId, 'draft');
  const provider = await providerWithService(t, providerOrgId);
  await t.asSystem((ctx) => recordServiceConsent(ctx, caseOrgId, caseId, { ...CONSENT_ALL, purposes: [...CONSENT_ALL.purposes], fieldGroups: [...CONSENT_ALL.fieldGroups], receivingOrgId: providerOrgId }));
  return { caseId, ...provider };
}

/** A referral from a case of `caseOrgId` to a service of `providerOrgId`, sent or already accepted. */
export async function referralIn(t: TTestApp, caseOrgId: string, providerOrgId: string, state: 'sent' | 'accepted' = 'sent', groups: readonly TFieldGroup[] = ['identity_basic', 'needs']) {
  const fixture = await consentedCase(t, caseOrgId, providerOrgId);
  const referralId = await t.asSystem((ctx) => sendServiceReferral(ctx, caseOrgId, fixture.caseId, referralBody(fixture.serviceId, groups)));
  if (state === 'accepted') await t.asSystem((ctx) => acceptReferral(ctx, providerOrgId, referralId, 1));
  return { ...fixture, referralId, version: state === 'accepted' ? 2 : 1 };
}
