/**
 * Test-only: a validator built from the OFFICIAL Open Referral HSDS 3.0 schema vendored in
 * test/fixtures/hsds-3.0 (schema/compiled/tabular.json, see the README there). That file holds
 * every HSDS 3.0 table schema (organization, service, location, service_at_location, address,
 * language, attribute, taxonomy, taxonomy_term, …) with cross-references by file name
 * (`"$ref": "attribute.json"`); each table is registered under `<table>.json` so those references
 * resolve to the same file's definitions. Nothing here is ours except the wiring: no field,
 * type, format or `required` list is restated.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const HSDS_TABULAR_PATH = new URL('../../../test/fixtures/hsds-3.0/schema/compiled/tabular.json', import.meta.url);

interface TTableSchema { name: string; path: string; properties: Record<string, { type?: string; format?: string; enum?: string[] }>; required?: string[]; tabular_required?: string[] }
interface TTabular { properties: Record<string, { type: 'array'; items: TTableSchema }> }

export const HSDS_TABULAR = JSON.parse(readFileSync(HSDS_TABULAR_PATH, 'utf8')) as TTabular;

/** The table schemas of the official file, by HSDS table name. */
export const HSDS_TABLES: Record<string, TTableSchema> = Object.fromEntries(Object.entries(HSDS_TABULAR.properties).map(([name, table]) => [name, table.items]));

/**
 * Keywords the HSDS files use as annotations for their own tooling (data package generation,
 * documentation). They are declared as annotations so that Ajv stays in strict mode and would
 * still reject any keyword nobody declared.
 */
const HSDS_ANNOTATIONS = ['name', 'path', 'datapackage_metadata', 'constraints', 'example', 'core', 'tabular_required', 'datapackage_type'];

const BASE = 'https://hsds.invalid/3.0/';

function buildValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addVocabulary(HSDS_ANNOTATIONS);
  // The package's CommonJS default export arrives as the module object under NodeNext.
  const module = addFormatsModule as unknown as { default?: (ajv: Ajv2020) => unknown } & ((ajv: Ajv2020) => unknown);
  (module.default ?? module)(ajv);
  for (const [name, schema] of Object.entries(HSDS_TABLES)) ajv.addSchema({ ...schema, $id: `${BASE}${name}.json` });
  return ajv;
}

const ajv = buildValidator();
const compiled = new Map<string, ValidateFunction>();

/** Validates one record against the official schema of an HSDS table; returns Ajv's errors (empty when valid). */
export function hsdsErrors(table: string, record: unknown): ErrorObject[] {
  if (!HSDS_TABLES[table]) throw new Error(`not an HSDS 3.0 table: ${table}`);
  let validate = compiled.get(table);
  if (!validate) {
    validate = ajv.getSchema(`${BASE}${table}.json`)!;
    compiled.set(table, validate);
  }
  return validate(record) ? [] : [...(validate.errors ?? [])];
}

/** Human-readable errors, for assertion messages. */
export function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('; ');
}
