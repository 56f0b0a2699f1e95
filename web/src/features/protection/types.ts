/** Response shapes of the protect-and-assist API as the web reads them (mirrors server/modules/services and service-referrals schemas). */
export { SERVICE_KINDS, SERVICE_STATUSES, LOCATION_TYPES, ELIGIBLE_SEXES, type TServiceKind } from '../../../../core/protection/service-taxonomy.ts';
export { FIELD_GROUPS, type TFieldGroup } from '../../../../core/protection/field-groups.ts';
export { DECLINE_REASONS, REFERRAL_STATUSES, type TReferralAction } from '../../../../core/protection/referral-status.ts';
export { CONSENT_BASES } from '../../../../core/protection/consent.ts';

export const DELIVERY_UNITS = ['session', 'night', 'hour', 'day', 'item', 'payment', 'other'] as const;
export const INBOXES = ['action_needed', 'shared_with_me', 'sent'] as const;
export type TInbox = (typeof INBOXES)[number];

export type TAddressView = { address1: string; address2: string | null; city: string; stateProvince: string | null; postalCode: string | null; country: string };
export type TLocationView = {
  id: string; organizationId: string; locationType: string; isConfidential: boolean; isWithheld: boolean;
  name: string | null; description: string | null; address: TAddressView | null; latitude: number | null; longitude: number | null; languages: string[];
};
export type TServiceView = {
  id: string; providerOrgId: string; providerOrgName: string; organization: { id: string; name: string };
  name: string; alternateName: string | null; description: string | null; url: string | null; email: string | null; status: string; kinds: string[];
  eligibility: { sexes: string[]; minimumAge: number | null; maximumAge: number | null; nationalities: string[]; description: string | null };
  languages: string[]; capacity: { maximum: number | null; available: number | null; updatedAt: string | null };
  interpretationServices: string | null; applicationProcess: string | null; feesDescription: string | null;
  locations: (TLocationView & { serviceAtLocationId: string; serviceAtLocationDescription: string | null })[];
  version: number; updatedAt: string; abilities: Record<string, boolean>;
};
export type TDirectoryOrganization = { id: string; name: string; alternateName: string | null; description: string; email: string | null; website: string | null };
export type TOwnDirectory = { organizations: TDirectoryOrganization[]; locations: TLocationView[]; services: TServiceView[] };
export type TImportResult = { organizations: number; services: number; locations: number; serviceAtLocations: number; created: number; updated: number };

export type TConsentView = {
  id: string; receivingOrg: { id: string; name: string }; purposes: string[]; fieldGroups: string[]; decision: 'given' | 'declined'; basis: string;
  language: string; interpreterUsed: boolean; recordedAt: string; recordedBy: string | null; withdrawnAt: string | null;
};
export type TDeliveryView = {
  id: string; serviceKind: string; serviceId: string | null; referralId: string | null; deliveredOn: string; quantity: number; unit: string; language: string;
  interpreterUsed: boolean; deliveredBy: { userId: string; displayName: string } | null; organisation: { id: string; name: string }; recordedAt: string;
};
export type TSharedFields = {
  identityBasic?: { givenName?: string; familyName?: string; otherNames?: string[]; sex: string; ageYears: number | null; citizenship: string | null; isChild: boolean };
  identityDocuments?: { dateOfBirth?: string | null; documentNumbers?: unknown };
  contact?: { phone?: string | null; address?: string | null };
  needs?: { summary: string; languages: string[]; exploitationForms: string[] };
  safety?: { notes: string };
  nrmStatus?: { caseStatus: string; hasPositiveReasonableGrounds: boolean };
};
export type TOrgRef = { id: string; name: string };
export type TReferralView = {
  id: string; side: 'referrer' | 'receiver'; status: string; purpose: string; fieldGroups: string[]; isEmergencyOverride: boolean;
  service: { id: string; name: string }; serviceAtLocationId: string | null; referringOrg: TOrgRef; receivingOrg: TOrgRef;
  case: { id: string; reference: string } | null; shared: TSharedFields | null; declineReason: string | null; declineNote: string | null; revokeReason: string | null;
  sentAt: string; respondedAt: string | null; completedAt: string | null; revokedAt: string | null; version: number; deliveries: TDeliveryView[];
  allowedActions: ('accept' | 'decline' | 'complete' | 'revoke')[];
};
export type TReferralSummary = {
  id: string; side: 'referrer' | 'receiver'; status: string; purpose: string; serviceName: string; counterpartOrg: TOrgRef; caseReference: string | null;
  isEmergencyOverride: boolean; sentAt: string; needsAction: boolean;
};
