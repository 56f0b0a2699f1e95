/**
 * The subset of Open Referral HSDS 3.0 that Palermo reads and writes, as zod schemas with the
 * specification's own snake_case field names (schema/*.json on the spec's 3.0 branch): our reading
 * of them for the objects we use, plus Palermo's limits. Exports are checked against the official
 * schema itself in tests (test/fixtures/hsds-3.0, hsds-official-schema.test.ts). Fields HSDS
 * defines but Palermo does not keep (phones, schedules, contacts, funding, …) are accepted and
 * dropped, so files from other HSDS publishers import; anything else is an error.
 */
import { z } from 'zod';
import { LOCATION_TYPES, SERVICE_STATUSES } from '../../../../core/protection/service-taxonomy.ts';

const ZId = z.uuid();
const ZStr = (max: number) => z.string().max(max);
const ZOptStr = (max: number) => ZStr(max).nullable().optional();
const ZOptId = ZId.nullable().optional();
/** HSDS fields we accept without keeping. */
const ignored = (...names: string[]) => Object.fromEntries(names.map((name) => [name, z.unknown().optional()]));

export const ZHsdsLanguage = z.strictObject({
  id: ZId,
  service_id: ZOptId,
  location_id: ZOptId,
  phone_id: ZOptId,
  name: ZOptStr(100),
  code: z.string().regex(/^[a-z]{2,3}$/, 'ISO 639-1 or 639-2 code'),
  note: ZOptStr(500),
});

export const ZHsdsTaxonomy = z.strictObject({ id: ZId, name: ZStr(200), description: ZStr(2000), uri: ZOptStr(500), version: ZOptStr(50), ...ignored('metadata') });

export const ZHsdsTaxonomyTerm = z.strictObject({
  id: ZId,
  code: ZOptStr(100),
  name: ZStr(200),
  description: ZStr(2000),
  parent_id: ZOptId,
  taxonomy: ZOptStr(500),
  taxonomy_detail: ZHsdsTaxonomy.optional(),
  language: ZOptStr(10),
  taxonomy_id: ZOptId,
  term_uri: ZOptStr(500),
  ...ignored('metadata'),
});

export const ZHsdsAttribute = z.strictObject({
  id: ZId,
  link_id: ZOptId,
  taxonomy_term_id: ZOptId,
  link_type: ZOptStr(100),
  link_entity: ZOptStr(100),
  value: ZOptStr(200),
  label: ZOptStr(200),
  taxonomy_term: ZHsdsTaxonomyTerm.optional(),
  ...ignored('metadata'),
});

export const ZHsdsAddress = z.strictObject({
  id: ZId,
  location_id: ZOptId,
  attention: ZOptStr(200),
  address_1: ZStr(200).min(1),
  address_2: ZOptStr(200),
  city: ZStr(100).min(1),
  region: ZOptStr(100),
  state_province: ZStr(100),
  postal_code: ZStr(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'),
  address_type: z.enum(LOCATION_TYPES),
});

export const ZHsdsServiceAtLocation = z.strictObject({
  id: ZId,
  service_id: ZOptId,
  location_id: ZId,
  description: ZOptStr(500),
  ...ignored('contacts', 'phones', 'schedules', 'location', 'attributes', 'metadata'),
});

const ZAge = z.number().int().min(0).max(130).nullable().optional();

export const ZHsdsService = z.strictObject({
  id: ZId,
  organization_id: ZOptId,
  name: ZStr(200).min(1),
  alternate_name: ZOptStr(200),
  description: ZOptStr(2000),
  url: ZOptStr(500),
  email: ZOptStr(254),
  status: z.enum(SERVICE_STATUSES),
  interpretation_services: ZOptStr(2000),
  application_process: ZOptStr(2000),
  fees_description: ZOptStr(2000),
  eligibility_description: ZOptStr(2000),
  minimum_age: ZAge,
  maximum_age: ZAge,
  languages: z.array(ZHsdsLanguage).max(50).optional(),
  attributes: z.array(ZHsdsAttribute).max(400).optional(),
  service_at_locations: z.array(ZHsdsServiceAtLocation).max(200).optional(),
  ...ignored('program_id', 'wait_time', 'fees', 'accreditations', 'assured_date', 'assurer_email', 'licenses', 'alert', 'last_modified', 'phones', 'schedules',
    'service_areas', 'organization', 'funding', 'cost_options', 'program', 'required_documents', 'contacts', 'capacities', 'metadata'),
});

export const ZHsdsLocation = z.strictObject({
  id: ZId,
  location_type: z.enum(LOCATION_TYPES),
  organization_id: ZOptId,
  name: ZOptStr(200),
  alternate_name: ZOptStr(200),
  description: ZOptStr(2000),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  languages: z.array(ZHsdsLanguage).max(50).optional(),
  addresses: z.array(ZHsdsAddress).max(1, 'Palermo keeps one address per location').optional(),
  attributes: z.array(ZHsdsAttribute).max(20).optional(),
  ...ignored('url', 'transportation', 'external_identifier', 'external_identifier_type', 'contacts', 'accessibility', 'phones', 'schedules', 'metadata'),
});

export const ZHsdsOrganization = z.strictObject({
  id: ZId,
  name: ZStr(200).min(1),
  alternate_name: ZOptStr(200),
  description: ZStr(2000).min(1),
  email: ZOptStr(254),
  website: ZOptStr(500),
  services: z.array(ZHsdsService).max(1000).optional(),
  locations: z.array(ZHsdsLocation).max(1000).optional(),
  ...ignored('additional_websites', 'tax_status', 'tax_id', 'year_incorporated', 'legal_status', 'logo', 'uri', 'parent_organization_id', 'funding', 'contacts',
    'phones', 'programs', 'organization_identifiers', 'attributes', 'metadata'),
});

/** The exchange document: HSDS organizations with their services and locations nested, plus the taxonomy they use. */
export const ZHsdsDirectory = z.strictObject({
  version: z.literal('3.0'),
  profile: ZOptStr(200),
  generated_at: ZOptStr(40),
  organizations: z.array(ZHsdsOrganization).max(500),
  taxonomies: z.array(ZHsdsTaxonomy).max(50).optional(),
  taxonomy_terms: z.array(ZHsdsTaxonomyTerm).max(1000).optional(),
});
export type THsdsDirectory = z.infer<typeof ZHsdsDirectory>;
export type THsdsOrganization = z.infer<typeof ZHsdsOrganization>;
export type THsdsService = z.infer<typeof ZHsdsService>;
export type THsdsLocation = z.infer<typeof ZHsdsLocation>;
export type THsdsAttribute = z.infer<typeof ZHsdsAttribute>;

/**
 * What the import route accepts before looking inside: the envelope. Each organization, service
 * and location is then checked on its own, so one import reports every problem of every record
 * (schema and cross-record alike) instead of stopping at the first malformed one.
 */
export const ZHsdsEnvelope = z.strictObject({
  version: z.literal('3.0'),
  profile: ZOptStr(200),
  generated_at: ZOptStr(40),
  organizations: z.array(z.unknown()).max(500),
  taxonomies: z.array(z.unknown()).max(50).optional(),
  taxonomy_terms: z.array(z.unknown()).max(1000).optional(),
});
export type THsdsEnvelope = z.infer<typeof ZHsdsEnvelope>;
/** An organization whose services and locations are checked one by one. */
export const ZHsdsOrganizationShell = ZHsdsOrganization.extend({ services: z.array(z.unknown()).max(1000).optional(), locations: z.array(z.unknown()).max(1000).optional() });
