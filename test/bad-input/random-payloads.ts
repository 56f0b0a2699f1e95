import fc from 'fast-check';
import { DATE_EDGES, NUMBER_EDGES, NUMERIC_LOOKALIKES, UNICODE_EDGES, UUID_EDGES } from './edge-values.ts';
import { withValueAt, type TField } from './schema-mutations.ts';

/**
 * The random part of the fuzzing (fast-check). Two kinds of payload, both starting from the
 * route's valid sample body:
 * - `hostilePayloads`: one to three fields replaced by anything at all (or removed); the test keeps
 *   only those the route's schema refuses, which must all be answered 4xx with nothing changed;
 * - `inRangePayloads`: free-text, date and number fields replaced by random values the schema still
 *   accepts (any Unicode, including NUL and lone surrogates; any calendar day; any in-range
 *   number), which reach the handler and the database and must never cause a 5xx.
 */

const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom<unknown>(...UNICODE_EDGES, ...DATE_EDGES, ...UUID_EDGES, ...NUMERIC_LOOKALIKES, ...NUMBER_EDGES),
  fc.integer(),
  fc.double(),
  fc.boolean(),
);

export function hostilePayloads(base: unknown, fields: TField[]): fc.Arbitrary<unknown> {
  if (fields.length === 0) return anything;
  return fc.array(fc.tuple(fc.constantFrom(...fields), anything), { minLength: 1, maxLength: 3 })
    .map((changes) => changes.reduce<unknown>((payload, [field, value]) => withValueAt(payload, field.path, value), base));
}

/** Random values a field's schema accepts, for the fields where such values are free input. */
function inRange(field: TField): fc.Arbitrary<unknown> | null {
  const { schema } = field;
  const type = [schema.type].flat()[0];
  if (schema.enum || schema.const !== undefined) return null; // another listed value is a different request, not an edge
  if (type === 'string' && schema.format === 'date') {
    return fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  }
  if (type === 'string' && !schema.format && !schema.pattern) {
    const maxLength = Math.min(schema.maxLength ?? 200, 200);
    const minLength = Math.min(schema.minLength ?? 0, maxLength);
    return fc.oneof(
      fc.string({ unit: 'binary', minLength, maxLength }),
      fc.string({ unit: 'grapheme', minLength, maxLength }),
      fc.constantFrom(...UNICODE_EDGES).filter((text) => text.length >= minLength && text.length <= maxLength),
    );
  }
  if (type === 'integer') {
    const min = Math.max(schema.minimum ?? -(2 ** 53) + 1, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -(2 ** 53) + 1);
    const max = Math.min(schema.maximum ?? 2 ** 53 - 1, schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 2 ** 53 - 1);
    if (min > max) return null;
    const low = Math.max(min, -(2 ** 31));
    const high = Math.min(max, 2 ** 31 - 1);
    return low <= high ? fc.oneof(fc.integer({ min: low, max: high }), fc.constantFrom(min, max)) : fc.constantFrom(min, max);
  }
  if (type === 'number') {
    const min = schema.minimum ?? -1e12;
    const max = schema.maximum ?? 1e12;
    return min <= max ? fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) : null;
  }
  return null;
}

export function inRangeFields(fields: TField[]): TField[] {
  return fields.filter((field) => inRange(field) !== null);
}

export function inRangePayloads(base: unknown, fields: TField[]): fc.Arbitrary<unknown> {
  const candidates = inRangeFields(fields);
  const changes = candidates.map((field) => inRange(field)!.map((value) => [field, value] as const));
  return fc.array(fc.oneof(...changes), { minLength: 1, maxLength: 2 })
    .map((picked) => picked.reduce<unknown>((payload, [field, value]) => withValueAt(payload, field.path, value), base));
}
