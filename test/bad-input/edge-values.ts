/**
 * The hostile and boundary values the fuzzer plants in fields. Plain data: which of them a field
 * refuses is decided by the route's own zod schema, not here.
 */

/** Strings that break naive code: direction marks, NUL, lone surrogates, combining marks, injections. */
export const UNICODE_EDGES: readonly string[] = [
  'a\u0000b', // NUL: PostgreSQL text cannot hold it
  '\u0000',
  '\ud800', // lone high surrogate: not encodable as UTF-8
  'x\udfffy', // lone low surrogate
  '\u202Eevil\u202C', // right-to-left override
  '\u200f\u061c\u0627\u0644\u0639\u0631\u0628\u064a\u0629', // RLM, ALM and Arabic
  '\ufeffbom',
  'e\u0301\u0301\u0301\u0301',
  '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}',
  '\u2028\u2029\r\n\t\v\f',
  ' ',
  "'; drop table users; --",
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.test","x")',
  '../../../../etc/passwd',
  '%00%ff%c0%af',
];

/** What a number parser might take for a number (or must not). */
export const NUMERIC_LOOKALIKES: readonly string[] = ['NaN', 'Infinity', '-Infinity', '-0', '1e309', '0x1F', ' 1 ', '1,5', '9'.repeat(40), '-1', '0.0000001'];

/** Calendar traps: impossible days, out-of-range years, other formats. */
export const DATE_EDGES: readonly string[] = [
  '2023-02-30', '1900-02-29', '2024-02-29', '2023-13-01', '2023-04-31', '0000-01-01', '0001-01-01', '9999-12-31', '2023-1-1', '2023-01-01T00:00:00Z',
];

export const UUID_EDGES: readonly string[] = [
  'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '7c9e6679-7425-40de-944b-e07fc1f90ae7', '7C9E6679-7425-40DE-944B-E07FC1F90AE7', '7c9e6679742540de944be07fc1f90ae7', '7c9e6679-7425-40de-944b-e07fc1f90ae7\u0000',
];

export const EMAIL_EDGES: readonly string[] = ['a@', '@example.test', `${'a'.repeat(250)}@example.test`, '\u00fcn\u00ef@ex\u00e4mple.test', 'a@b', ' a@example.test ', 'A@EXAMPLE.TEST'];

export const URI_EDGES: readonly string[] = ['javascript:alert(1)', 'not a uri', `http://${'a'.repeat(3000)}.test/`, 'file:///etc/passwd', 'http://[::1'];

/** Numbers around the limits of JavaScript, PostgreSQL int4/int8 and floating point. */
export const NUMBER_EDGES: readonly number[] = [-1, 1.5, 2_147_483_648, -2_147_483_649, 2 ** 53 + 2, 1e308, 5e-324];

/** Values of another type than the field's. */
export const WRONG_TYPES: Record<string, readonly unknown[]> = {
  string: [12345, null, ['x'], {}],
  number: ['12', true, null, [1]],
  integer: ['12', true, null, [1]],
  boolean: ['true', 1, null],
  array: [{}, 'a', null],
  object: [[], 'x', null],
  null: [0, '', false],
};

/** A random-looking string of `length` hex characters: unlike 'xxxx…' it does not compress (index-size limits). */
export function incompressible(length: number): string {
  let out = '';
  let state = 0x9e3779b9;
  while (out.length < length) {
    state = (Math.imul(state ^ (state >>> 15), 0x85ebca6b) + 0x6b) >>> 0;
    out += state.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** Nested arrays `depth` deep around a value. */
export function nestedArrays(depth: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}
