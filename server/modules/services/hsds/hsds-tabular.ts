/**
 * The HSDS 3.0 tabular data package (schema/compiled/tabular.json of the specification): one
 * CSV file per table, rows linked by id columns, instead of the nested JSON document. Palermo
 * writes and reads the tables its directory uses, with the specification's file names and column
 * names; a test checks both against the vendored official schema. Pure: no I/O.
 *
 * Import works by turning the tables back into the nested HSDS JSON document, which then goes
 * through exactly the checks of the JSON import (`planImport`); every problem is reported at the
 * file, row and column it came from.
 */
import { ZHsdsEnvelope, type THsdsDirectory } from './hsds.schemas.ts';

type TCell = string | number;
type TRow = Record<string, TCell>;

interface TTableSpec {
  /** HSDS table name (the key in tabular.json). */
  name: string;
  /** File name in the package, as the specification gives it. */
  path: string;
  /** Columns Palermo writes and reads, in the specification's order. */
  columns: readonly string[];
  /** Numeric columns (HSDS `"type": "number"`). */
  numbers?: readonly string[];
  /** HSDS columns of the table Palermo accepts and does not keep (as the JSON import does). */
  dropped?: readonly string[];
  /** Required by the HSDS JSON schema of the record even when empty: an empty cell is "". */
  emptyIsText?: readonly string[];
}

export const HSDS_CSV_TABLES: readonly TTableSpec[] = [
  { name: 'organization', path: 'organizations.csv', columns: ['id', 'name', 'alternate_name', 'description', 'email', 'website'], dropped: ['tax_status', 'tax_id', 'year_incorporated', 'legal_status', 'logo', 'uri', 'parent_organization_id'] },
  {
    name: 'service', path: 'services.csv',
    columns: ['id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services', 'application_process', 'fees_description', 'eligibility_description', 'minimum_age', 'maximum_age'],
    numbers: ['minimum_age', 'maximum_age'],
    dropped: ['program_id', 'wait_time', 'fees', 'accreditations', 'assured_date', 'assurer_email', 'licenses', 'alert', 'last_modified'],
  },
  { name: 'attribute', path: 'attributes.csv', columns: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'] },
  { name: 'service_at_location', path: 'service_at_location.csv', columns: ['id', 'service_id', 'location_id', 'description'] },
  {
    name: 'location', path: 'locations.csv', columns: ['id', 'location_type', 'organization_id', 'name', 'description', 'latitude', 'longitude'], numbers: ['latitude', 'longitude'],
    dropped: ['url', 'alternate_name', 'transportation', 'external_identifier', 'external_identifier_type'],
  },
  {
    name: 'address', path: 'addresses.csv', columns: ['id', 'location_id', 'address_1', 'address_2', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
    dropped: ['attention', 'region'], emptyIsText: ['state_province', 'postal_code'],
  },
  { name: 'language', path: 'languages.csv', columns: ['id', 'service_id', 'location_id', 'code'], dropped: ['phone_id', 'name', 'note'] },
  { name: 'taxonomy_term', path: 'taxonomy_terms.csv', columns: ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri'] },
  { name: 'taxonomy', path: 'taxonomies.csv', columns: ['id', 'name', 'description', 'uri', 'version'] },
];
const TABLE = Object.fromEntries(HSDS_CSV_TABLES.map((table) => [table.name, table])) as Record<string, TTableSpec>;

/** One problem of an imported package, where a spreadsheet user can find it (row 1 is the header). */
export interface TCsvIssue {
  file: string;
  /** 1-based CSV record number; null for a problem of the whole file or package. */
  row: number | null;
  column: string | null;
  message: string;
}

// ── export ──

type TObj = Record<string, unknown>;
const objects = (value: unknown): TObj[] => (Array.isArray(value) ? (value as TObj[]) : []);

/** The rows of each table of a directory document (as `exportDirectory` gives it), by file name. */
export function directoryToTables(document: THsdsDirectory): Map<string, TRow[]> {
  const rows = new Map<string, TRow[]>(HSDS_CSV_TABLES.map((table) => [table.path, []]));
  const add = (table: string, record: TObj) => {
    const spec = TABLE[table]!;
    const row: TRow = {};
    for (const column of spec.columns) {
      const value = record[column];
      if (typeof value === 'string' || typeof value === 'number') row[column] = value;
    }
    rows.get(spec.path)!.push(row);
  };
  for (const organization of objects(document.organizations)) {
    add('organization', organization);
    for (const service of objects(organization.services)) {
      add('service', { ...service, organization_id: organization.id });
      for (const link of objects(service.service_at_locations)) add('service_at_location', { ...link, service_id: service.id });
      for (const language of objects(service.languages)) add('language', language);
      for (const attribute of objects(service.attributes)) add('attribute', attribute);
    }
    for (const location of objects(organization.locations)) {
      add('location', { ...location, organization_id: organization.id });
      for (const address of objects(location.addresses)) add('address', address);
      for (const language of objects(location.languages)) add('language', language);
      for (const attribute of objects(location.attributes)) add('attribute', attribute);
    }
  }
  for (const taxonomy of objects(document.taxonomies)) add('taxonomy', taxonomy);
  for (const term of objects(document.taxonomy_terms)) add('taxonomy_term', term);
  return rows;
}

/** Cell text in column order; numbers as JavaScript prints them (which reads back exactly). */
export function rowCells(table: TTableSpec, row: TRow): string[] {
  return table.columns.map((column) => (row[column] === undefined ? '' : String(row[column])));
}

const FOREIGN_KEYS: Record<string, { fields: string; reference: { resource: string; fields: string } }[]> = {
  service: [{ fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } }],
  location: [{ fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } }],
  service_at_location: [{ fields: 'service_id', reference: { resource: 'service', fields: 'id' } }, { fields: 'location_id', reference: { resource: 'location', fields: 'id' } }],
  address: [{ fields: 'location_id', reference: { resource: 'location', fields: 'id' } }],
  taxonomy_term: [{ fields: 'taxonomy_id', reference: { resource: 'taxonomy', fields: 'id' } }],
};

/** The package descriptor (Frictionless tabular data package) for the files written. */
export function dataPackageDescriptor(generatedAt: string, profile: string): unknown {
  return {
    name: 'hsds-directory',
    title: 'Service directory (Open Referral HSDS 3.0 tabular data package)',
    profile: 'tabular-data-package',
    created: generatedAt,
    hsds_version: '3.0',
    hsds_profile: profile,
    resources: HSDS_CSV_TABLES.map((table) => ({
      name: table.name, path: table.path, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
      schema: {
        fields: table.columns.map((column) => ({ name: column, type: table.numbers?.includes(column) ? 'number' : 'string' })),
        primaryKey: 'id',
        ...(FOREIGN_KEYS[table.name] ? { foreignKeys: FOREIGN_KEYS[table.name] } : {}),
      },
    })),
  };
}

// ── import ──

/** A parsed CSV file: header cells, then records with their 1-based record number. */
export interface TParsedFile { header: string[]; records: { row: number; cells: string[] }[] }

interface TSourced { row: number; record: TObj }

/** A decimal number as JavaScript writes one (exponent included, e.g. 1e-7). */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads one table's records into HSDS record objects: header checked against the columns HSDS
 * defines for the table, empty cells left out (HSDS has no null), numbers parsed.
 * @param unguard reverses the CSV-injection guard applied on export.
 */
function readTable(table: TTableSpec, file: TParsedFile, unguard: (cell: string) => string, issues: TCsvIssue[]): TSourced[] {
  const known = new Set([...table.columns, ...(table.dropped ?? [])]);
  const seen = new Set<string>();
  file.header.forEach((column) => {
    if (!known.has(column)) issues.push({ file: table.path, row: 1, column, message: `Not a column of the HSDS 3.0 ${table.name} table that Palermo reads` });
    if (seen.has(column)) issues.push({ file: table.path, row: 1, column, message: 'This column appears twice' });
    seen.add(column);
  });
  if (!seen.has('id')) issues.push({ file: table.path, row: 1, column: 'id', message: 'The id column is missing' });
  const out: TSourced[] = [];
  for (const { row, cells } of file.records) {
    if (cells.length !== file.header.length) {
      issues.push({ file: table.path, row, column: null, message: `${cells.length} cells where the header has ${file.header.length}` });
      continue;
    }
    const record: TObj = {};
    file.header.forEach((column, index) => {
      if (!table.columns.includes(column)) return; // an HSDS column Palermo does not keep
      const text = unguard(cells[index]!);
      if (text === '') {
        if (table.emptyIsText?.includes(column)) record[column] = '';
        return;
      }
      if (table.numbers?.includes(column)) {
        if (NUMBER.test(text)) record[column] = Number(text);
        else issues.push({ file: table.path, row, column, message: 'A number' });
        return;
      }
      record[column] = text;
    });
    out.push({ row, record });
  }
  return out;
}

export interface TTablesRead {
  document: unknown;
  /** Where each record of the document came from, by its path in the document (`body.organizations.0`). */
  sources: Map<string, { file: string; row: number }>;
  issues: TCsvIssue[];
}

/**
 * Turns the tables of a package back into the nested HSDS JSON document the JSON import reads.
 * Rows that point at a parent not in the package (a service of an unknown organization, an
 * address of an unknown location, …) are reported and left out.
 * @param files parsed CSV files by file name; tables Palermo does not read are not passed.
 */
export function tablesToDirectory(files: Map<string, TParsedFile>, unguard: (cell: string) => string): TTablesRead {
  const issues: TCsvIssue[] = [];
  const sources = new Map<string, { file: string; row: number }>();
  const read = (name: string): TSourced[] => {
    const table = TABLE[name]!;
    const file = files.get(table.path);
    return file ? readTable(table, file, unguard, issues) : [];
  };
  if (!files.has('organizations.csv')) issues.push({ file: 'organizations.csv', row: null, column: null, message: 'The package has no organizations.csv' });

  const organizations = read('organization');
  const services = read('service');
  const locations = read('location');
  const links = read('service_at_location');
  const addresses = read('address');
  const languages = read('language');
  const attributes = read('attribute');
  const taxonomies = read('taxonomy');
  const terms = read('taxonomy_term');

  /** Groups child rows under the parent whose id their foreign-key column names. */
  const byParent = (children: TSourced[], file: string, column: string, parents: TSourced[], parentFile: string, isRequired = true) => {
    const ids = new Set(parents.map((p) => p.record.id));
    const groups = new Map<unknown, TSourced[]>();
    for (const child of children) {
      const parentId = child.record[column];
      if (parentId === undefined) {
        if (isRequired) issues.push({ file, row: child.row, column, message: `Required: the id of a row of ${parentFile}` });
        continue;
      }
      if (!ids.has(parentId)) {
        issues.push({ file, row: child.row, column, message: `No row of ${parentFile} has this id` });
        continue;
      }
      groups.set(parentId, [...(groups.get(parentId) ?? []), child]);
    }
    return (parentId: unknown) => groups.get(parentId) ?? [];
  };

  const servicesOf = byParent(services, 'services.csv', 'organization_id', organizations, 'organizations.csv');
  const locationsOf = byParent(locations, 'locations.csv', 'organization_id', organizations, 'organizations.csv');
  const linksOf = byParent(links, 'service_at_location.csv', 'service_id', services, 'services.csv');
  const addressesOf = byParent(addresses, 'addresses.csv', 'location_id', locations, 'locations.csv');
  // A language row belongs to a service or a location; rows about phones (phone_id) are not read.
  const serviceLanguagesOf = byParent(languages.filter((l) => l.record.service_id !== undefined), 'languages.csv', 'service_id', services, 'services.csv');
  const locationLanguagesOf = byParent(languages.filter((l) => l.record.service_id === undefined && l.record.location_id !== undefined), 'languages.csv', 'location_id', locations, 'locations.csv');
  for (const language of languages) {
    if (language.record.service_id !== undefined && language.record.location_id !== undefined) {
      issues.push({ file: 'languages.csv', row: language.row, column: 'location_id', message: 'A language row belongs to one service or one location, not both' });
    }
  }
  for (const attribute of attributes) {
    const entity = attribute.record.link_entity;
    if (entity !== 'service' && entity !== 'location') issues.push({ file: 'attributes.csv', row: attribute.row, column: 'link_entity', message: 'service or location (the records Palermo classifies)' });
  }
  const serviceAttributesOf = byParent(attributes.filter((a) => a.record.link_entity === 'service'), 'attributes.csv', 'link_id', services, 'services.csv');
  const locationAttributesOf = byParent(attributes.filter((a) => a.record.link_entity === 'location'), 'attributes.csv', 'link_id', locations, 'locations.csv');

  /** The record for the document, its origin remembered under its document path. */
  const place = (path: string, file: string, sourced: TSourced, children: Record<string, { file: string; rows: TSourced[] }> = {}): TObj => {
    sources.set(path, { file, row: sourced.row });
    const record: TObj = { ...sourced.record };
    for (const [key, { file: childFile, rows }] of Object.entries(children)) {
      record[key] = rows.map((child, index) => place(`${path}.${key}.${index}`, childFile, child));
    }
    return record;
  };
  const document = {
    version: '3.0',
    organizations: organizations.map((organization, o) => {
      const path = `body.organizations.${o}`;
      const record = place(path, 'organizations.csv', organization);
      record.services = servicesOf(organization.record.id).map((service, s) => place(`${path}.services.${s}`, 'services.csv', service, {
        languages: { file: 'languages.csv', rows: serviceLanguagesOf(service.record.id) },
        attributes: { file: 'attributes.csv', rows: serviceAttributesOf(service.record.id) },
        service_at_locations: { file: 'service_at_location.csv', rows: linksOf(service.record.id) },
      }));
      record.locations = locationsOf(organization.record.id).map((location, l) => place(`${path}.locations.${l}`, 'locations.csv', location, {
        languages: { file: 'languages.csv', rows: locationLanguagesOf(location.record.id) },
        addresses: { file: 'addresses.csv', rows: addressesOf(location.record.id) },
        attributes: { file: 'attributes.csv', rows: locationAttributesOf(location.record.id) },
      }));
      return record;
    }),
    taxonomies: taxonomies.map((taxonomy, index) => place(`body.taxonomies.${index}`, 'taxonomies.csv', taxonomy)),
    taxonomy_terms: terms.map((term, index) => place(`body.taxonomy_terms.${index}`, 'taxonomy_terms.csv', term)),
  };
  // The JSON import's limits (records per document) hold for the package too.
  const envelope = ZHsdsEnvelope.safeParse(document);
  if (!envelope.success) {
    const files: Record<string, string> = { organizations: 'organizations.csv', taxonomies: 'taxonomies.csv', taxonomy_terms: 'taxonomy_terms.csv' };
    for (const issue of envelope.error.issues) issues.push({ file: files[String(issue.path[0])] ?? 'organizations.csv', row: null, column: null, message: issue.message });
  }
  return { document, sources, issues };
}

/**
 * Where a problem the JSON import found (`body.organizations.0.services.2.maximum_age`) lives in
 * the package: the row of the nearest record, and the column when the rest of the path names one.
 */
export function locateIssue(path: string, message: string, sources: TTablesRead['sources']): TCsvIssue {
  const parts = path.split('.');
  for (let end = parts.length; end > 0; end--) {
    const source = sources.get(parts.slice(0, end).join('.'));
    if (!source) continue;
    const field = parts[end];
    const table = HSDS_CSV_TABLES.find((t) => t.path === source.file)!;
    return { file: source.file, row: source.row, column: field !== undefined && table.columns.includes(field) ? field : null, message };
  }
  return { file: 'organizations.csv', row: null, column: null, message };
}
