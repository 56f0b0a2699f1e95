/**
 * PERSISTED VALUES. The kinds of service in the directory, and the Open Referral HSDS taxonomy
 * that carries them (domain.md f.2: HSDS classifies services by attaching taxonomy terms through
 * `attribute`). The ids are fixed so that every Palermo deployment exports the same terms and a
 * directory moves between deployments without a mapping. Add values; never rename or reuse one.
 */
import { z } from 'zod';

export const SERVICE_KINDS = [
  'shelter',
  'medical',
  'psychological',
  'legal_aid',
  'interpretation',
  'education',
  'employment',
  'housing',
  'family_tracing',
  'repatriation_support',
  'financial',
] as const;
export const ZServiceKind = z.enum(SERVICE_KINDS);
export type TServiceKind = z.infer<typeof ZServiceKind>;

/** HSDS `service.status` values (HSDS 3.0, verbatim, including the space). */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type TServiceStatus = (typeof SERVICE_STATUSES)[number];

/** HSDS `location.location_type` values. */
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;

/** Sexes a service may restrict itself to (the case's `not_known` never excludes anyone). */
export const ELIGIBLE_SEXES = ['female', 'male', 'other'] as const;

export const PALERMO_TAXONOMY = {
  id: '42476c39-1b85-48bc-8a94-c3b40d948b73',
  name: 'Palermo anti-trafficking services',
  description: 'Kinds of assistance to victims of trafficking, and the eligibility, capacity and confidentiality attributes Palermo attaches to services and locations.',
  version: '1',
} as const;

/** One taxonomy term per service kind (HSDS `taxonomy_term`, `code` = the kind). */
export const SERVICE_KIND_TERMS: Record<TServiceKind, { id: string; name: string }> = {
  shelter: { id: '97a899b8-3722-4a64-adb0-5ec179b6222d', name: 'Shelter and safe accommodation' },
  medical: { id: 'f2f02367-dc6f-4c42-9206-6260beddb3fa', name: 'Medical care' },
  psychological: { id: '90ed8a23-cd00-470b-94e1-4153c530755d', name: 'Psychological support' },
  legal_aid: { id: '24ad631b-7f79-4ddd-abeb-6ff088ffa6e9', name: 'Legal aid' },
  interpretation: { id: '9c1d2109-6643-4f45-a654-64c86e49eeb6', name: 'Interpretation' },
  education: { id: '90a0dd1c-6e49-46cf-a8d5-9ed19afee8a9', name: 'Education' },
  employment: { id: 'b361778d-5402-43e8-8575-050b831bd0a9', name: 'Employment support' },
  housing: { id: '7834d47c-8c21-4383-b1f2-61a394f266b6', name: 'Housing' },
  family_tracing: { id: 'f9ff8ab4-e2eb-4b2e-ad59-9fb416c65603', name: 'Family tracing' },
  repatriation_support: { id: '2b1d2550-bdd1-4f75-b4ee-c08942b5c58f', name: 'Repatriation support' },
  financial: { id: '9b8d68fe-0119-40d3-b0a4-5a34daa99416', name: 'Financial assistance' },
};

/**
 * Terms used as HSDS attributes with a `value`: HSDS 3.0 has no fields for sex or nationality
 * eligibility, capacity (added in 3.1 as `service_capacity`) or confidential locations (a
 * `redacted` location type exists only on a feature branch), so Palermo carries them here.
 */
export const ATTRIBUTE_TERMS = {
  eligibleSex: { id: '6f98481f-ef5d-4ae4-a0d6-313113e918e3', code: 'eligibility-sex', name: 'Eligible sex', linkEntity: 'service' },
  eligibleNationality: { id: 'ace9e35e-1adc-47d7-b2cd-201bff56c6cb', code: 'eligibility-nationality', name: 'Eligible nationality (ISO 3166-1 alpha-2)', linkEntity: 'service' },
  capacityMaximum: { id: '3b253d41-92e3-4534-b5c1-ae755ba82f11', code: 'capacity-maximum', name: 'Maximum places', linkEntity: 'service' },
  capacityAvailable: { id: 'eaba99c3-0724-4ad6-ad54-4f6074d07e67', code: 'capacity-available', name: 'Places available', linkEntity: 'service' },
  confidentialLocation: { id: 'd52edf79-976e-4e84-9144-0e8d7becc0f0', code: 'confidential-location', name: 'Confidential location (address withheld)', linkEntity: 'location' },
} as const;
export type TAttributeTermKey = keyof typeof ATTRIBUTE_TERMS;

/** The service kind whose term has this id or code, or null. Never throws. */
export function serviceKindOfTerm(term: { id?: string | undefined; code?: string | null | undefined }): TServiceKind | null {
  for (const kind of SERVICE_KINDS) {
    if (SERVICE_KIND_TERMS[kind].id === term.id || kind === term.code) return kind;
  }
  return null;
}

/** The attribute term with this id or code, or null. Never throws. */
export function attributeTermOf(term: { id?: string | undefined; code?: string | null | undefined }): TAttributeTermKey | null {
  for (const key of Object.keys(ATTRIBUTE_TERMS) as TAttributeTermKey[]) {
    if (ATTRIBUTE_TERMS[key].id === term.id || ATTRIBUTE_TERMS[key].code === term.code) return key;
  }
  return null;
}
