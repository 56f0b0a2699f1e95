import {
  DATE_EDGES, EMAIL_EDGES, incompressible, nestedArrays, NUMBER_EDGES, NUMERIC_LOOKALIKES, UNICODE_EDGES, URI_EDGES, UUID_EDGES, WRONG_TYPES,
} from './edge-values.ts';

/**
 * Invalid and boundary variants of a valid payload, guided by the route's schema (the JSON Schema
 * zod produces for it, the same one the OpenAPI document shows). Each variant changes one field
 * (or removes / adds one); whether the route must refuse it is decided afterwards by the route's
 * own zod schema, so a boundary value that is still valid is sent too, as a valid-by-chance request.
 */
export interface TJsonSchema {
  type?: string | string[];
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  additionalProperties?: boolean | TJsonSchema;
  items?: TJsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: TJsonSchema[];
  oneOf?: TJsonSchema[];
  default?: unknown;
}

export type TPath = (string | number)[];
export interface TVariant {
  label: string;
  value: unknown;
}
/** A field the random part may change: where it is and what it is. */
export interface TField {
  path: TPath;
  schema: TJsonSchema;
}

const REMOVE = Symbol('remove');

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typesOf(schema: TJsonSchema): string[] {
  if (schema.type) return [schema.type].flat();
  if (schema.const !== undefined) return [typeOf(schema.const)];
  if (schema.enum) return [...new Set(schema.enum.map(typeOf))];
  return [];
}

/** The branch of an anyOf / oneOf that describes `value` (or the first non-null one). */
export function concrete(schema: TJsonSchema, value: unknown): TJsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  const nonNull = branches.filter((branch) => !typesOf(branch).includes('null') || branch.anyOf || branch.oneOf);
  const kind = typeOf(value);
  const matching = nonNull.filter((branch) => {
    const types = typesOf(concrete(branch, value));
    return types.includes(kind) || (kind === 'integer' && types.includes('number'));
  });
  if (kind === 'object' && matching.length > 1) {
    // A discriminated union: the branch whose constant fields the value carries.
    const record = value as Record<string, unknown>;
    const score = (branch: TJsonSchema) => Object.entries(branch.properties ?? {}).filter(([key, property]) => property.const !== undefined && property.const === record[key]).length;
    return concrete([...matching].sort((a, b) => score(b) - score(a))[0]!, value);
  }
  const chosen = matching[0] ?? nonNull[0] ?? branches[0]!;
  return concrete(chosen, value);
}

/** A plausible valid value for a schema, for fields the sample leaves out. */
export function exampleOf(schema: TJsonSchema, depth = 0): unknown {
  const node = concrete(schema, undefined);
  if (node.default !== undefined) return node.default;
  if (node.const !== undefined) return node.const;
  if (node.enum?.length) return node.enum[0];
  const type = typesOf(node)[0];
  if (type === 'string') {
    if (node.format === 'uuid') return '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    if (node.format === 'date') return '2026-01-15';
    if (node.format === 'email') return 'someone@example.test';
    return 'x'.repeat(Math.max(1, node.minLength ?? 1));
  }
  if (type === 'integer' || type === 'number') return node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : 1);
  if (type === 'boolean') return false;
  if (type === 'array') return depth > 4 || !node.items ? [] : Array.from({ length: node.minItems ?? 0 }, () => exampleOf(node.items!, depth + 1));
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    if (depth > 4) return out;
    for (const key of node.required ?? []) if (node.properties?.[key]) out[key] = exampleOf(node.properties[key], depth + 1);
    return out;
  }
  return null;
}

function setAt(root: unknown, path: TPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (root !== null && typeof root === 'object' ? structuredClone(root) : {}) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) {
    // A parent the sample leaves out (or an earlier change turned into a scalar) becomes an object.
    if (cursor[key] === null || typeof cursor[key] !== 'object') cursor[key] = {};
    cursor = cursor[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === REMOVE) {
    if (Array.isArray(cursor)) cursor.splice(Number(last), 1);
    else delete cursor[last];
  } else cursor[last] = value;
  return copy;
}

/** Applies one change to a copy of the payload: `undefined` removes the field. */
export function withValueAt(root: unknown, path: TPath, value: unknown): unknown {
  if (path.length === 0) return value;
  return setAt(root, path, value === undefined ? REMOVE : value);
}

function stringVariants(node: TJsonSchema, current: unknown, fieldIndex: number): TVariant[] {
  const out: TVariant[] = [{ label: 'empty string', value: '' }];
  const max = node.maxLength;
  // Limits far beyond the body limit (a 60 MB CSV field) are the body limit's to enforce: sent once as 'over the body limit'.
  if (max !== undefined && max <= 100_000) {
    out.push({ label: `maxLength+1 (${max + 1})`, value: 'x'.repeat(max + 1) });
    out.push({ label: `maxLength (${max})`, value: 'x'.repeat(max) });
    out.push({ label: `maxLength in 2-byte characters`, value: '\u00e9'.repeat(max) });
    out.push({ label: `maxLength in astral characters`, value: '\u{1F600}'.repeat(Math.floor(max / 2)) });
  }
  if (max === undefined || max > 9_000) out.push({ label: 'incompressible 9000 characters', value: incompressible(9_000) });
  if (node.minLength && node.minLength > 1) out.push({ label: `minLength-1 (${node.minLength - 1})`, value: 'x'.repeat(node.minLength - 1) });
  // Every field gets NUL and a lone surrogate; the other edge strings rotate across fields.
  const rotating = UNICODE_EDGES.slice(3);
  const picked = [UNICODE_EDGES[0]!, UNICODE_EDGES[2]!, ...[0, 1].map((k) => rotating[(fieldIndex * 2 + k) % rotating.length]!)];
  for (const text of picked) out.push({ label: `edge string ${JSON.stringify(text).slice(0, 24)}`, value: text });
  if (node.format === 'date') for (const date of DATE_EDGES) out.push({ label: `date ${date}`, value: date });
  else if (node.format === 'uuid') for (const id of UUID_EDGES) out.push({ label: `uuid ${id}`, value: id });
  else if (node.format === 'email') for (const email of EMAIL_EDGES) out.push({ label: `email ${email.slice(0, 20)}`, value: email });
  else if (node.format === 'uri') for (const uri of URI_EDGES) out.push({ label: `uri ${uri.slice(0, 20)}`, value: uri });
  const enumValues = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
  if (enumValues?.length) {
    const first = String(enumValues[0]);
    for (const value of ['not_a_listed_value', first.toUpperCase(), `${first} `, `${first}\u0000`]) out.push({ label: `enum ${JSON.stringify(value)}`, value });
  }
  if (node.pattern && /\\d|\[0-9/.test(node.pattern)) for (const value of NUMERIC_LOOKALIKES) out.push({ label: `numeric look-alike ${value.slice(0, 12)}`, value });
  else out.push({ label: 'NaN as text', value: 'NaN' });
  if (typeof current === 'string' && current.length > 0) out.push({ label: 'current value with NUL appended', value: `${current}\u0000` });
  return out;
}

function numberVariants(node: TJsonSchema, isInteger: boolean): TVariant[] {
  const out: TVariant[] = [];
  if (node.minimum !== undefined) out.push({ label: `minimum-1 (${node.minimum - 1})`, value: node.minimum - 1 }, { label: `minimum (${node.minimum})`, value: node.minimum });
  if (node.maximum !== undefined) out.push({ label: `maximum+1 (${node.maximum + 1})`, value: node.maximum + 1 }, { label: `maximum (${node.maximum})`, value: node.maximum });
  if (node.exclusiveMinimum !== undefined) out.push({ label: `exclusiveMinimum (${node.exclusiveMinimum})`, value: node.exclusiveMinimum });
  if (node.exclusiveMaximum !== undefined) out.push({ label: `exclusiveMaximum (${node.exclusiveMaximum})`, value: node.exclusiveMaximum });
  for (const value of NUMBER_EDGES) out.push({ label: `number ${value}`, value });
  out.push({ label: 'number as text NaN', value: 'NaN' });
  return out;
}

function arrayVariants(node: TJsonSchema, current: unknown): TVariant[] {
  const existing = Array.isArray(current) ? current : [];
  const item = existing[0] ?? (node.items ? exampleOf(node.items) : 1);
  const out: TVariant[] = [{ label: 'empty array', value: [] }, { label: 'array of null', value: [null] }, { label: 'item twice', value: [item, item] }];
  if (node.maxItems !== undefined) out.push({ label: `maxItems+1 (${node.maxItems + 1})`, value: Array.from({ length: node.maxItems + 1 }, () => item) });
  if (node.maxItems !== undefined && node.maxItems > 1) out.push({ label: `maxItems (${node.maxItems})`, value: Array.from({ length: node.maxItems }, () => item) });
  if (node.minItems && node.minItems > 1) out.push({ label: `minItems-1`, value: existing.slice(0, node.minItems - 1) });
  // As many copies as fit well inside the body limit: 20,000 small items or ~150 KB of larger ones.
  const itemSize = JSON.stringify(item)?.length ?? 4;
  out.push({ label: 'huge array', value: Array.from({ length: Math.min(20_000, Math.floor(150_000 / (itemSize + 1))) }, () => item) });
  out.push({ label: 'deeply nested arrays', value: nestedArrays(2_000) });
  return out;
}

/**
 * Every single-field variant of `base` under `schema`, and the list of fields for the random
 * part. Optional fields the sample leaves out are visited too (set to edge values).
 */
export function schemaVariants(schema: TJsonSchema, base: unknown): { variants: TVariant[]; fields: TField[] } {
  const variants: TVariant[] = [];
  const fields: TField[] = [];
  let fieldIndex = 0;

  function visit(declared: TJsonSchema, current: unknown, path: TPath, depth: number): void {
    const node = concrete(declared, current);
    const types = typesOf(node);
    const where = path.length ? path.join('.') : '(body)';
    const put = (label: string, value: unknown) => variants.push({ label: `${where}: ${label}`, value: setAt(base, path, value) });
    fields.push({ path, schema: node });
    fieldIndex += 1;
    for (const type of types) for (const wrong of WRONG_TYPES[type] ?? []) if (typeOf(wrong) !== type) put(`wrong type ${JSON.stringify(wrong)}`, wrong);
    if (types.includes('string') || (node.enum && types.length === 0)) for (const v of stringVariants(node, current, fieldIndex)) put(v.label, v.value);
    if (types.includes('integer') || types.includes('number')) for (const v of numberVariants(node, types.includes('integer'))) put(v.label, v.value);
    if (types.includes('boolean')) put('boolean as text', 'true');
    if (types.includes('array')) {
      for (const v of arrayVariants(node, current)) put(v.label, v.value);
      // Recurse into the first element only (the sample's own, or a plausible one added for the purpose).
      if (node.items && depth < 6) {
        const element = Array.isArray(current) && current.length > 0 ? current[0] : exampleOf(node.items);
        const seeded = Array.isArray(current) && current.length > 0 ? null : [element];
        if (seeded) {
          // Walk the element as if the sample had it, then write the array back with it.
          const inner = schemaVariants(node.items, element);
          for (const v of inner.variants) put(`[0].${v.label}`, [v.value]);
        } else visit(node.items, element, [...path, 0], depth + 1);
      }
    }
    if (types.includes('object') || node.properties) {
      const record = current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
      for (const key of node.required ?? []) if (key in record) variants.push({ label: `${where}: missing required ${key}`, value: setAt(base, [...path, key], REMOVE) });
      if (node.additionalProperties === false) put('extra field on a strict object', { ...record, unexpectedField: 'x' });
      if (depth < 6) {
        for (const [key, property] of Object.entries(node.properties ?? {})) {
          if (key in record) visit(property, record[key], [...path, key], depth + 1);
          else if (current && typeof current === 'object') visitAbsent(property, path, key, depth + 1);
        }
      }
    }
  }

  /** An optional field the sample leaves out: set it to each variant of its own type. */
  function visitAbsent(property: TJsonSchema, parentPath: TPath, key: string, depth: number): void {
    const plausible = exampleOf(property);
    const parent = structuredClone(base);
    const withField = setAt(parent, [...parentPath, key], plausible);
    const inner = schemaVariants(property, plausible);
    for (const v of inner.variants) variants.push({ label: `${[...parentPath, key].join('.')} (absent in sample): ${v.label.replace(/^\(body\): /, '')}`, value: setAt(withField, [...parentPath, key], v.value) });
    fields.push({ path: [...parentPath, key], schema: concrete(property, plausible) });
    void depth;
  }

  visit(schema, base, [], 0);
  return { variants, fields };
}
