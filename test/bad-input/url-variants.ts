import { DATE_EDGES, NUMERIC_LOOKALIKES, UNICODE_EDGES, UUID_EDGES } from './edge-values.ts';
import { concrete, type TJsonSchema, type TVariant } from './schema-mutations.ts';

/**
 * Bad query strings and bad path parameters for a route whose valid URL the authorization
 * samples gave us: everything else in the URL stays valid, so the one bad part is what is judged.
 */

export interface TUrlVariant {
  label: string;
  /** The URL exactly as sent (already encoded). */
  url: string;
  /** What the route's schema will see: the decoded query object or the decoded parameter value. */
  decoded: unknown;
}

/** Parses a query string the way Fastify hands it to the schema: repeated keys become arrays. */
export function parseQuery(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const existing = out[key];
    out[key] = existing === undefined ? value : [existing, value].flat();
  }
  return out;
}

function encodeQuery(query: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) for (const one of [value].flat()) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(one)}`);
  return parts.join('&');
}

function safeEncode(text: string): string | null {
  try {
    return encodeURIComponent(text);
  } catch {
    return null; // lone surrogates cannot be percent-encoded as UTF-8
  }
}

/** Values for one query field (query values are always text on the wire). */
function queryValues(node: TJsonSchema): TVariant[] {
  const out: TVariant[] = [
    { label: 'empty', value: '' }, { label: 'text', value: 'abc' }, { label: 'repeated', value: ['1', '2'] },
  ];
  for (const value of [...NUMERIC_LOOKALIKES, ...UNICODE_EDGES.filter((text) => safeEncode(text) !== null)]) out.push({ label: JSON.stringify(value).slice(0, 24), value });
  if (node.minimum !== undefined) out.push({ label: 'minimum-1', value: String(node.minimum - 1) }, { label: 'minimum', value: String(node.minimum) });
  if (node.maximum !== undefined) out.push({ label: 'maximum+1', value: String(node.maximum + 1) }, { label: 'maximum', value: String(node.maximum) });
  if (node.maxLength !== undefined) out.push({ label: 'maxLength+1', value: 'x'.repeat(node.maxLength + 1) }, { label: 'maxLength', value: 'x'.repeat(node.maxLength) });
  if (node.minLength) out.push({ label: 'minLength-1', value: 'x'.repeat(node.minLength - 1) });
  if (node.format === 'uuid') for (const id of UUID_EDGES) out.push({ label: `uuid ${id.slice(0, 12)}`, value: id });
  if (node.format === 'date') for (const date of DATE_EDGES) out.push({ label: `date ${date}`, value: date });
  if (node.enum?.length) {
    const first = String(node.enum[0]);
    out.push({ label: 'enum upper case', value: first.toUpperCase() }, { label: 'enum with space', value: `${first} ` });
  }
  return out;
}

/** Query-string variants built from the querystring schema and the sample's own query. */
export function queryVariants(schema: TJsonSchema, sampleUrl: string): TUrlVariant[] {
  const [path, search = ''] = sampleUrl.split('?') as [string, string?];
  const base = parseQuery(search);
  const out: TUrlVariant[] = [];
  const add = (label: string, query: Record<string, string | string[]>) => out.push({ label: `query ${label}`, url: `${path}?${encodeQuery(query)}`, decoded: query });
  const node = concrete(schema, base);
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    for (const variant of queryValues(concrete(property, base[key] ?? 'x'))) add(`${key}=${variant.label}`, { ...base, [key]: variant.value as string | string[] });
    if (node.required?.includes(key) && key in base) {
      const { [key]: _removed, ...rest } = base;
      add(`missing required ${key}`, rest);
    }
  }
  if (node.additionalProperties === false) add('unknown parameter', { ...base, unexpected: '1' });
  add('bracket syntax', { ...base, 'filter[a]': '1' });
  // Malformed on the wire: bad percent-encoding and stray separators, sent as they are.
  for (const raw of ['%', '%zz', '%E0%A4%A', '&&&=&', 'limit', '%00=%00']) {
    const suffix = encodeQuery(base);
    out.push({ label: `query raw ${raw}`, url: `${path}?${suffix ? `${suffix}&` : ''}${raw}`, decoded: parseQuery(`${suffix ? `${suffix}&` : ''}${raw}`) });
  }
  return out;
}

/** The route's parameter names with the value each has in the sample URL. */
export function sampleParams(routeUrl: string, sampleUrl: string): { name: string; index: number; suffix: string; value: string }[] {
  const pattern = routeUrl.split('/');
  const concreteParts = sampleUrl.split('?')[0]!.split('/');
  const out: { name: string; index: number; suffix: string; value: string }[] = [];
  pattern.forEach((segment, index) => {
    const match = /^:([A-Za-z0-9_]+)(.*)$/.exec(segment);
    if (!match) return;
    const suffix = match[2] ?? '';
    const actual = concreteParts[index] ?? '';
    out.push({ name: match[1]!, index, suffix, value: decodeURIComponent(actual.slice(0, actual.length - suffix.length)) });
  });
  return out;
}

/** Every bad value, for the first route that has a parameter of that name. */
const PARAM_VALUES = ['not-a-uuid', '1', '-1', "'; drop table users; --", '%00', '\u0000', '\u202Eevil', '..', 'x'.repeat(3_000), ...UUID_EDGES.slice(1)];
const PARAM_RAW = ['%E0%A4%A', '%ED%A0%80', '%'];
/** A few, for the other routes that share a parameter name (the same zod type, the same lookup path). */
const PARAM_VALUES_AGAIN = ['not-a-uuid', '7c9e6679-7425-40de-944b-e07fc1f90ae7'];

/**
 * Bad values for each path parameter in turn, the other parameters and the query kept valid.
 * `seen` holds the parameter names already given the full list by an earlier route.
 */
export function paramVariants(routeUrl: string, sampleUrl: string, seen: Set<string>): TUrlVariant[] {
  const [path, search] = sampleUrl.split('?') as [string, string?];
  const parts = path.split('/');
  const params = sampleParams(routeUrl, sampleUrl);
  const valid = Object.fromEntries(params.map((param) => [param.name, param.value]));
  const out: TUrlVariant[] = [];
  for (const [position, param] of params.entries()) {
    const first = !seen.has(param.name);
    seen.add(param.name);
    const build = (encoded: string) => {
      const copy = [...parts];
      copy[param.index] = `${encoded}${param.suffix}`;
      return `${copy.join('/')}${search ? `?${search}` : ''}`;
    };
    for (const value of first ? PARAM_VALUES : PARAM_VALUES_AGAIN) out.push({ label: `param ${param.name}=${JSON.stringify(value).slice(0, 20)}`, url: build(encodeURIComponent(value)), decoded: { ...valid, [param.name]: value } });
    // Not decodable at all: a truncated escape, the UTF-8 of a lone surrogate, a lone '%'.
    for (const raw of first ? PARAM_RAW : [PARAM_RAW[(position + params.length) % PARAM_RAW.length]!]) out.push({ label: `param ${param.name} raw ${raw}`, url: build(raw), decoded: null });
  }
  return out;
}
