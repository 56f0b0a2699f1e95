import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod';
import type { TRouteEntry } from '../server/http/app.ts';
import { ROUTE_SAMPLES } from './authz-samples/index.ts';
import { createTestApp, type TTestApp } from './support/test-app.ts';
import { ENGINE } from './support/test-database.ts';
import { parsedBody, rawBodies } from './bad-input/raw-bodies.ts';
import { hostilePayloads, inRangeFields, inRangePayloads } from './bad-input/random-payloads.ts';
import { anonymousClient, permittedActor, signedInClient, type TActorKind, type TRawClient } from './bad-input/route-clients.ts';
import { schemaVariants, type TJsonSchema } from './bad-input/schema-mutations.ts';
import { CHANGING_ON_REFUSAL, CHANGING_ON_REFUSED_LOGIN, changedTables, fingerprintTables, listTables } from './bad-input/table-fingerprints.ts';
import { paramVariants, queryVariants } from './bad-input/url-variants.ts';

/**
 * Bad input to every route, from a valid request (the authorization samples build a real URL and
 * body for each route), changing one thing at a time so the bad part is what the route judges:
 * schema-guided invalid and boundary values for every body and query field (wrong type, missing,
 * extra, empty, too long, out of range, NaN-ish, huge arrays, deep nesting, Unicode traps,
 * impossible dates), malformed bodies, malformed path parameters, and fast-check's random
 * variants. Each payload is first judged by the route's own zod schema:
 * - refused by the schema → the answer must be a 4xx in the one error shape and no table may change;
 * - accepted (a boundary value that is still valid) → no 5xx; a 2xx is counted, not failed, and
 *   only when nothing answered 2xx must the tables be unchanged.
 * "Tables" means every table, fingerprinted by row count and an md5 over its rows; the few that
 * change on a refusal by design are listed with their reasons in bad-input/table-fingerprints.ts.
 * The random part's seed is fixed; set BAD_INPUT_SEED to explore others (it is printed on failure).
 */
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261129);
const HOSTILE_RUNS = 16;
const IN_RANGE_RUNS = 8;
/** For working on the fuzzer: BAD_INPUT_ONLY=<regex> limits the routes, BAD_INPUT_VERBOSE=1 logs each route. */
const ONLY = new RegExp(process.env.BAD_INPUT_ONLY ?? '');
const VERBOSE = process.env.BAD_INPUT_VERBOSE === '1';
/** Routes that check a password or a one-time code: a refusal there is audited and counted toward lockout. */
const REAUTHENTICATING = /^\/api\/(auth\/login|auth\/login\/two-factor|account\/two-factor\/(disable|recovery-codes|enrolment\/confirm)|users\/:userId\/(two-factor|password)\/reset)$/;
/** Requests that end the session or change the password: only payloads the schema refuses are sent. */
const SESSION_CONSUMING = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

interface TRequest {
  kind: 'body' | 'raw' | 'query' | 'params' | 'random';
  label: string;
  url: string;
  payload: string | Buffer | undefined;
  contentType: string | undefined;
  /** The route's schema refuses it, so nothing but a 4xx is acceptable. */
  mustFail: boolean;
}

function routeSeed(key: string): number {
  let hash = SEED | 0;
  for (const char of key) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** Whether the schema takes what arrives on the wire (an already parsed JSON document). */
function acceptsWire(schema: unknown, wire: unknown): boolean {
  return (schema as z.ZodType).safeParse(wire).success;
}

function accepts(schema: unknown, value: unknown): boolean {
  if (value === undefined) return false;
  // The route sees the JSON round trip (NaN → null, -0 → 0), not the JavaScript value.
  const text = JSON.stringify(value);
  return text !== undefined && acceptsWire(schema, JSON.parse(text));
}

function preview(value: string | Buffer | undefined): string {
  const text = value === undefined ? '' : value.toString();
  return text.length > 160 ? `${text.slice(0, 160)}…(${text.length} chars)` : text;
}

describe(`bad input never causes a 5xx or an unexpected change (${ENGINE})`, () => {
  let t: TTestApp;
  let orgId: string;
  let tables: string[];
  const clients = new Map<TActorKind, TRawClient>();
  const tally = { requests: 0, mustFail: 0, mayPass: 0, validByChance2xx: 0, byKind: {} as Record<string, number> };
  const reached = { body: new Set<string>(), query: new Set<string>(), params: new Set<string>() };
  const failures: string[] = [];
  const routesWith2xx = new Map<string, number>();
  const slowest: [string, number][] = [];
  const paramNamesSeen = new Set<string>();
  let bodyRoutesSeen = 0;

  before(async () => {
    t = await createTestApp();
    const seeded = await t.seedFirstAdmin();
    orgId = seeded.organisationId;
    clients.set('platform_admin', await signedInClient(t, seeded.admin));
    clients.set('anonymous', anonymousClient(t));
    tables = (await listTables(t.database)).filter((table) => !(table in CHANGING_ON_REFUSAL));
  });
  after(() => t.close());

  async function clientFor(route: TRouteEntry, actor: TActorKind): Promise<TRawClient> {
    // Account and session routes change the caller's own state (two-factor, password): a fresh user each.
    if (actor !== 'anonymous' && /^\/api\/(account|auth)\//.test(route.url)) {
      return signedInClient(t, await t.addUser(orgId, actor === 'platform_admin' ? 'admin' : actor));
    }
    if (!clients.has(actor)) clients.set(actor, await signedInClient(t, await t.addUser(orgId, actor as Exclude<TActorKind, 'anonymous' | 'platform_admin'>)));
    return clients.get(actor)!;
  }

  /** Sends one request and returns what is wrong with the answer, or null. */
  async function exchange(route: TRouteEntry, client: TRawClient, request: TRequest): Promise<string | null> {
    const response = await client.send(route.method, request.url, request.payload, request.contentType);
    tally.requests += 1;
    tally.byKind[request.kind] = (tally.byKind[request.kind] ?? 0) + 1;
    if (request.mustFail) tally.mustFail += 1;
    else tally.mayPass += 1;
    const where = `${route.method} ${request.url.length > 140 ? `${request.url.slice(0, 140)}…` : request.url} [${request.kind}: ${request.label}] ${request.contentType ?? ''} ${preview(request.payload)}`;
    const status = response.statusCode;
    if (status >= 500) return `${where} → ${status} ${response.body.slice(0, 300)}`;
    if (status < 400) {
      if (request.mustFail) return `${where} → ${status} although the schema refuses it`;
      tally.validByChance2xx += 1;
      routesWith2xx.set(`${route.method} ${route.url}`, (routesWith2xx.get(`${route.method} ${route.url}`) ?? 0) + 1);
      return null;
    }
    let error: { code?: unknown; message?: unknown; details?: unknown } | undefined;
    try {
      error = (response.json() as { error?: typeof error }).error;
    } catch {
      return `${where} → ${status} without a JSON body: ${response.body.slice(0, 120)}`;
    }
    if (typeof error?.code !== 'string' || typeof error.message !== 'string' || typeof error.details !== 'object' || error.details === null) {
      return `${where} → ${status} not in the error shape: ${response.body.slice(0, 200)}`;
    }
    if (error.code === 'VALIDATION_FAILED') {
      const paths = ((error.details as { issues?: { path?: string }[] }).issues ?? []).map((issue) => String(issue.path ?? ''));
      const key = `${route.method} ${route.url}`;
      if (paths.some((path) => path.startsWith('body'))) reached.body.add(key);
      if (paths.some((path) => path.startsWith('querystring'))) reached.query.add(key);
      if (paths.some((path) => path.startsWith('params'))) reached.params.add(key);
    }
    return null;
  }

  async function fuzzRoute(route: TRouteEntry): Promise<void> {
    const key = `${route.method} ${route.url}`;
    const sample = ROUTE_SAMPLES[key];
    if (!sample) {
      failures.push(`${key}: no sample request in test/authz-samples (the authorization matrix needs one too)`);
      return;
    }
    const started = Date.now();
    const client = await clientFor(route, permittedActor(route, sample));
    let built: { url: string; body?: unknown };
    try {
      built = await sample.build({ t, orgId, actor: client.user });
    } catch (error) {
      failures.push(`${key}: its sample request could not be built: ${String(error).slice(0, 200)}`);
      return;
    }
    const schema = route.schema ?? {};
    const validBody = built.body === undefined ? undefined : JSON.stringify(built.body);
    const validContentType = validBody === undefined ? undefined : 'application/json';
    const requests: TRequest[] = [];
    const bodySchema = schema.body as z.ZodType | undefined;
    let bodyJson: TJsonSchema | null = null;

    if (bodySchema) {
      bodyJson = z.toJSONSchema(bodySchema, { io: 'input', unrepresentable: 'any' }) as TJsonSchema;
      const base = built.body ?? {};
      for (const variant of schemaVariants(bodyJson, base).variants) {
        requests.push({ kind: 'body', label: variant.label, url: built.url, payload: JSON.stringify(variant.value), contentType: 'application/json', mustFail: !accepts(bodySchema, variant.value) });
      }
      for (const raw of rawBodies(base, bodyRoutesSeen++)) {
        const parsed = parsedBody(raw);
        requests.push({ kind: 'raw', label: raw.label, url: built.url, payload: raw.payload, contentType: raw.contentType, mustFail: parsed.refused || !acceptsWire(bodySchema, parsed.value) });
      }
    }
    if (schema.querystring) {
      const queryJson = z.toJSONSchema(schema.querystring as z.ZodType, { io: 'input', unrepresentable: 'any' }) as TJsonSchema;
      for (const variant of queryVariants(queryJson, built.url)) {
        requests.push({ kind: 'query', label: variant.label, url: variant.url, payload: validBody, contentType: validContentType, mustFail: !(schema.querystring as z.ZodType).safeParse(variant.decoded).success });
      }
    }
    if (schema.params) {
      for (const variant of paramVariants(route.url, built.url, paramNamesSeen)) {
        const valid = variant.decoded !== null && (schema.params as z.ZodType).safeParse(variant.decoded).success;
        requests.push({ kind: 'params', label: variant.label, url: variant.url, payload: validBody, contentType: validContentType, mustFail: !valid });
      }
    }

    // Window 1: what the schema refuses. Nothing may change, whatever the route.
    const before = await fingerprintTables(t.database, tables);
    for (const request of requests.filter((r) => r.mustFail)) {
      const problem = await exchange(route, client, request);
      if (problem) failures.push(problem);
    }
    if (bodySchema && bodyJson) {
      const fields = schemaVariants(bodyJson, built.body ?? {}).fields;
      const seed = routeSeed(key);
      const asRequest = (payload: unknown): TRequest => ({ kind: 'random', label: `hostile, seed ${seed}`, url: built.url, payload: JSON.stringify(payload), contentType: 'application/json', mustFail: true });
      const result = await fc.check(
        fc.asyncProperty(hostilePayloads(built.body ?? {}, fields).filter((payload) => payload !== undefined && !accepts(bodySchema, payload)), async (payload) => (await exchange(route, client, asRequest(payload))) === null),
        { numRuns: HOSTILE_RUNS, seed },
      );
      if (result.failed) {
        const counterexample = result.counterexample?.[0];
        failures.push(`${await exchange(route, client, asRequest(counterexample)) ?? `${key} hostile payload ${preview(JSON.stringify(counterexample))}`} (fast-check seed ${result.seed}, path ${result.counterexamplePath}; BAD_INPUT_SEED=${SEED})`);
      }
    }
    const afterRefused = await fingerprintTables(t.database, tables);
    const changed = changedTables(before, afterRefused);
    if (changed.length) failures.push(`${key}: requests the schema refuses changed ${changed.join(', ')}`);

    // Window 2: boundary and random values the schema accepts: no 5xx, and no change unless something answered 2xx.
    if (!SESSION_CONSUMING.has(key)) {
      const okBefore = tally.validByChance2xx;
      for (const request of requests.filter((r) => !r.mustFail)) {
        const problem = await exchange(route, client, request);
        if (problem) failures.push(problem);
      }
      if (bodySchema && bodyJson) {
        const fields = inRangeFields(schemaVariants(bodyJson, built.body ?? {}).fields);
        if (fields.length > 0) {
          const seed = routeSeed(`${key} in range`);
          const asRequest = (payload: unknown): TRequest => ({ kind: 'random', label: `in range, seed ${seed}`, url: built.url, payload: JSON.stringify(payload), contentType: 'application/json', mustFail: false });
          const result = await fc.check(
            fc.asyncProperty(inRangePayloads(built.body ?? {}, fields).filter((payload) => accepts(bodySchema, payload)), async (payload) => (await exchange(route, client, asRequest(payload))) === null),
            { numRuns: IN_RANGE_RUNS, seed },
          );
          if (result.failed) {
            const counterexample = result.counterexample?.[0];
            failures.push(`${await exchange(route, client, asRequest(counterexample)) ?? `${key} in-range payload ${preview(JSON.stringify(counterexample))}`} (fast-check seed ${result.seed}, path ${result.counterexamplePath}; BAD_INPUT_SEED=${SEED})`);
          }
        }
      }
      if (tally.validByChance2xx === okBefore) {
        const allowed = REAUTHENTICATING.test(route.url) ? CHANGING_ON_REFUSED_LOGIN : {};
        const changedByRefusals = changedTables(afterRefused, await fingerprintTables(t.database, tables)).filter((entry) => !(entry.split(' ')[0]! in allowed));
        if (changedByRefusals.length) failures.push(`${key}: refused boundary requests changed ${changedByRefusals.join(', ')}`);
      }
    }
    slowest.push([key, Date.now() - started]);
    if (VERBOSE) console.log(`# ${key}: ${requests.length} planned (${requests.filter((r) => r.mustFail).length} refused by the schema), ${tally.requests} sent so far, ${Date.now() - started}ms`);
  }

  test('every route: schema-guided invalid and boundary payloads, malformed bodies, queries and parameters', async () => {
    const startedAt = Date.now();
    for (const route of t.app.routeTable) if (ONLY.test(`${route.method} ${route.url}`)) await fuzzRoute(route);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);

    const routes = t.app.routeTable;
    const withBody = routes.filter((r) => r.schema?.body).map((r) => `${r.method} ${r.url}`);
    const withQuery = routes.filter((r) => r.schema?.querystring).map((r) => `${r.method} ${r.url}`);
    const withParams = routes.filter((r) => r.schema?.params).map((r) => `${r.method} ${r.url}`);
    console.log(`# bad-input (${ENGINE}): ${tally.requests} requests in ${seconds}s over ${routes.length} routes — ${tally.mustFail} refused by the schema, ${tally.mayPass} boundary values the schema accepts (${tally.validByChance2xx} of them answered 2xx, on ${routesWith2xx.size} routes)`);
    console.log(`# by kind: ${JSON.stringify(tally.byKind)}; seed ${SEED}`);
    console.log(`# reached validation: body ${reached.body.size}/${withBody.length}, query ${reached.query.size}/${withQuery.length}, params ${reached.params.size}/${withParams.length}`);
    console.log(`# slowest routes: ${slowest.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([key, ms]) => `${key} ${ms}ms`).join('; ')}`);
    const bodyNotReached = withBody.filter((key) => !reached.body.has(key));
    if (bodyNotReached.length) console.log(`# body validation not reached: ${bodyNotReached.join('; ')}`);

    for (const failure of failures) console.log(`# PROBLEM ${failure.slice(0, 400)}`);
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} problems (first 40 shown; all are printed above)`);
    assert.ok(tally.requests >= 10_000, `sent ${tally.requests} requests`);
    assert.deepEqual(bodyNotReached, [], 'every route with a body schema answers a bad body with a body validation error');
    assert.deepEqual(withQuery.filter((key) => !reached.query.has(key)), [], 'every route with a query schema reaches query validation');
    assert.deepEqual(withParams.filter((key) => !reached.params.has(key)), [], 'every route with path parameters reaches parameter validation');
  });
});
