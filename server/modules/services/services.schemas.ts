import { z } from 'zod';
import { ELIGIBLE_SEXES, LOCATION_TYPES, SERVICE_STATUSES, ZServiceKind } from '../../../core/protection/service-taxonomy.ts';
import { ZEmail, ZUuid } from '../../http/common-schemas.ts';

/** Limits shared with the web forms. */
export const DIRECTORY_LIMITS = { name: 200, text: 2000, url: 500, languages: 50, nationalities: 250 } as const;

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptionalText = (max: number) => ZText(max).nullable().default(null);
export const ZLanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'ISO 639-1 or 639-2 code, e.g. ro or ron');
export const ZCountry = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. RO');
const unique = <T>(values: T[]) => new Set(values).size === values.length;

export const ZServiceParams = z.object({ orgId: ZUuid, serviceId: ZUuid }).strict();

export const ZCreateDirectoryOrganization = z.strictObject({
  name: ZText(DIRECTORY_LIMITS.name),
  alternateName: ZOptionalText(DIRECTORY_LIMITS.name),
  description: ZText(DIRECTORY_LIMITS.text),
  email: ZEmail.nullable().default(null),
  website: z.url().max(DIRECTORY_LIMITS.url).nullable().default(null),
});
export type TCreateDirectoryOrganization = z.infer<typeof ZCreateDirectoryOrganization>;

export const ZAddress = z.strictObject({
  address1: ZText(200),
  address2: ZOptionalText(200),
  city: ZText(100),
  stateProvince: ZOptionalText(100),
  postalCode: ZOptionalText(20),
  country: ZCountry,
});
export type TAddress = z.infer<typeof ZAddress>;

export const ZCreateLocation = z.strictObject({
  organizationId: ZUuid,
  locationType: z.enum(LOCATION_TYPES),
  /** A confidential location (a shelter) is seen, name and address included, only by its own organisation. */
  isConfidential: z.boolean(),
  name: ZOptionalText(DIRECTORY_LIMITS.name),
  description: ZOptionalText(DIRECTORY_LIMITS.text),
  address: ZAddress.nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  languages: z.array(ZLanguageCode).max(DIRECTORY_LIMITS.languages).refine(unique, 'Languages repeat').default([]),
});
export type TCreateLocation = z.infer<typeof ZCreateLocation>;

const ZEligibility = z.strictObject({
  /** Empty: any sex. */
  sexes: z.array(z.enum(ELIGIBLE_SEXES)).max(ELIGIBLE_SEXES.length).refine(unique, 'Sexes repeat').default([]),
  minimumAge: z.int().min(0).max(130).nullable().default(null),
  maximumAge: z.int().min(0).max(130).nullable().default(null),
  /** Empty: any nationality. */
  nationalities: z.array(ZCountry).max(DIRECTORY_LIMITS.nationalities).refine(unique, 'Nationalities repeat').default([]),
  description: ZOptionalText(DIRECTORY_LIMITS.text),
}).refine((e) => e.minimumAge === null || e.maximumAge === null || e.minimumAge <= e.maximumAge, { message: 'The maximum age is below the minimum age', path: ['maximumAge'] });

export const ZCapacity = z.strictObject({
  maximum: z.int().min(0).max(100_000).nullable(),
  available: z.int().min(0).max(100_000).nullable(),
}).refine((c) => c.maximum === null || c.available === null || c.available <= c.maximum, { message: 'More places available than the maximum', path: ['available'] });
export type TCapacity = z.infer<typeof ZCapacity>;

const serviceFields = {
  organizationId: ZUuid,
  name: ZText(DIRECTORY_LIMITS.name),
  alternateName: ZOptionalText(DIRECTORY_LIMITS.name),
  description: ZOptionalText(DIRECTORY_LIMITS.text),
  url: z.url().max(DIRECTORY_LIMITS.url).nullable().default(null),
  email: ZEmail.nullable().default(null),
  status: z.enum(SERVICE_STATUSES),
  kinds: z.array(ZServiceKind).min(1).max(11).refine(unique, 'Kinds repeat'),
  eligibility: ZEligibility,
  languages: z.array(ZLanguageCode).max(DIRECTORY_LIMITS.languages).refine(unique, 'Languages repeat').default([]),
  capacity: ZCapacity.default({ maximum: null, available: null }),
  interpretationServices: ZOptionalText(DIRECTORY_LIMITS.text),
  applicationProcess: ZOptionalText(DIRECTORY_LIMITS.text),
  feesDescription: ZOptionalText(DIRECTORY_LIMITS.text),
};
export const ZCreateService = z.strictObject(serviceFields);
export type TServiceInput = z.infer<typeof ZCreateService>;
export const ZUpdateService = z.strictObject({ ...serviceFields, expectedVersion: z.int().min(1) });

export const ZLinkLocation = z.strictObject({ locationId: ZUuid, description: ZOptionalText(500) });

export const ZServiceListQuery = z.strictObject({
  kind: ZServiceKind.optional(),
  language: ZLanguageCode.optional(),
  providerOrgId: ZUuid.optional(),
  q: z.string().trim().min(2).max(100).optional(),
  hasCapacity: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TServiceListQuery = z.infer<typeof ZServiceListQuery>;

export const ZExportQuery = z.strictObject({
  /** `own`: this organisation's directory; `all`: every organisation's, as this viewer sees it. */
  scope: z.enum(['own', 'all']).default('own'),
  /** Include this organisation's confidential locations in full (needs service.manage; audited). */
  includeConfidential: z.enum(['true', 'false']).default('false'),
});

// ── responses ──

const ZAddressView = z.object({ address1: z.string(), address2: z.string().nullable(), city: z.string(), stateProvince: z.string().nullable(), postalCode: z.string().nullable(), country: z.string() });
export const ZLocationView = z.object({
  id: z.string(),
  organizationId: z.string(),
  locationType: z.enum(LOCATION_TYPES),
  isConfidential: z.boolean(),
  /** True when the viewer is outside the provider and the details are withheld. */
  isWithheld: z.boolean(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  address: ZAddressView.nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  languages: z.array(z.string()),
});
export type TLocationView = z.infer<typeof ZLocationView>;

export const ZServiceView = z.object({
  id: z.string(),
  providerOrgId: z.string(),
  providerOrgName: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  name: z.string(),
  alternateName: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(SERVICE_STATUSES),
  kinds: z.array(ZServiceKind),
  eligibility: z.object({ sexes: z.array(z.string()), minimumAge: z.number().nullable(), maximumAge: z.number().nullable(), nationalities: z.array(z.string()), description: z.string().nullable() }),
  languages: z.array(z.string()),
  capacity: z.object({ maximum: z.number().nullable(), available: z.number().nullable(), updatedAt: z.string().nullable() }),
  interpretationServices: z.string().nullable(),
  applicationProcess: z.string().nullable(),
  feesDescription: z.string().nullable(),
  locations: z.array(ZLocationView.extend({ serviceAtLocationId: z.string(), serviceAtLocationDescription: z.string().nullable() })),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: z.record(z.string(), z.boolean()),
});
export type TServiceView = z.infer<typeof ZServiceView>;

export const ZDirectoryOrganizationView = z.object({
  id: z.string(), name: z.string(), alternateName: z.string().nullable(), description: z.string(), email: z.string().nullable(), website: z.string().nullable(),
});
export const ZOwnDirectory = z.object({
  organizations: z.array(ZDirectoryOrganizationView),
  locations: z.array(ZLocationView),
  services: z.array(ZServiceView),
});
