import assert from 'node:assert/strict';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { ROLE_PERMISSIONS, ROLES, type TRole } from '../../../core/authz/permissions.ts';
import type { TRouteEntry } from '../../http/app.ts';
import type { TAgent, TTestApp } from '../../../test/support/test-app.ts';

configure({ useWebWorkers: false });

/**
 * Probes for "a case anonymised by retention (or erased on request) no longer yields its
 * identifying data in any API response or export, and the statistics do not change".
 */

/** An identity used by no other fixture, so any occurrence in a response is about this person. */
export const PLANTED_IDENTITY = {
  givenName: 'Ottoline',
  familyName: 'Brackenridge-Vey',
  otherNames: ['Оттолина Бракенридж'],
  dateOfBirth: '1988-11-04',
  documentNumbers: ['RQ4471093Z'],
  phone: '+44 7700 900738',
  address: '9 Quince Row, Emberfold',
};

/** The free text written about that person across modules (all unique strings). */
export const PLANTED_TEXT = {
  decisionReason: 'Ottoline described the debt ledger kept at the Emberfold laundry',
  survivorWords: 'I want to study nursing in Emberfold',
  documentName: 'statement-brackenridge-vey.txt',
  documentText: 'Statement of Ottoline Brackenridge-Vey, born 4 November 1988',
  needsSummary: 'Ottoline needs a room away from Emberfold and a GP',
  safetyNotes: 'Her exploiter waits outside 9 Quince Row',
  transferNote: 'Ottoline prefers a female case worker from Emberfold',
};

/** Every planted value, in the forms an API could return them. */
export const PLANTED_VALUES: readonly string[] = [
  PLANTED_IDENTITY.givenName, PLANTED_IDENTITY.familyName, PLANTED_IDENTITY.otherNames[0]!, PLANTED_IDENTITY.dateOfBirth, PLANTED_IDENTITY.documentNumbers[0]!,
  PLANTED_IDENTITY.phone, PLANTED_IDENTITY.address, ...Object.values(PLANTED_TEXT),
  // the same values as a JSON string escapes them, and the date of birth as other formats might write it
  JSON.stringify(PLANTED_IDENTITY.otherNames[0]).slice(1, -1), '04/11/1988', '1988-11-04T', 'RQ4471093Z'.toLowerCase(),
];

/** Another person in the same organisation, never anonymised: proves the probes can see identities at all. */
export const CONTROL_IDENTITY = {
  givenName: 'Perpetua',
  familyName: 'Hollowell-Drum',
  otherNames: [],
  dateOfBirth: '1979-02-17',
  documentNumbers: ['KD0038127M'],
  phone: '+44 7700 900219',
  address: '2 Medlar Yard, Ashcombe',
};

export function plantedIn(text: string): string[] {
  return PLANTED_VALUES.filter((value) => text.includes(value));
}

/** `POST /exports/cases`: the identifying export, unzipped with its password (CSV text). */
export async function readCasesExport(agent: TAgent, orgId: string): Promise<string> {
  const password = 'correct horse battery staple export';
  const response = await agent.request('POST', `/api/organisations/${orgId}/exports/cases`, { password, purpose: 'court_order' });
  assert.equal(response.statusCode, 200, response.body);
  const reader = new ZipReader(new Uint8ArrayReader(new Uint8Array(response.rawPayload)), { password });
  try {
    const texts: string[] = [];
    for (const entry of await reader.getEntries()) {
      if (entry.directory) continue;
      texts.push(new TextDecoder().decode(await entry.getData!(new Uint8ArrayWriter())));
    }
    assert.ok(texts.length > 0, 'the archive holds a file');
    return texts.join('\n');
  } finally {
    await reader.close();
  }
}

interface TCatalog { metrics: { id: string; dimensions: string[] }[] }

/**
 * The statistics dashboard's HTTP answers: what the page asks first (the first metric by year,
 * as web/src/features/stats/stats-picker.tsx defaultStatsRequest does), then every metric of the
 * catalog without a dimension and by each dimension in `dimensions` it allows, plus two-way tables.
 */
export async function dashboardResponses(agent: TAgent, orgId: string, dimensions: readonly string[]): Promise<Map<string, string>> {
  const catalogResponse = await agent.request('GET', `/api/organisations/${orgId}/stats/metrics`);
  assert.equal(catalogResponse.statusCode, 200, catalogResponse.body);
  const catalog = catalogResponse.json() as TCatalog;
  const first = catalog.metrics[0]!;
  const requests: { metric: string; dimensions: string[] }[] = [{ metric: first.id, dimensions: first.dimensions.includes('year') ? ['year'] : [] }];
  for (const metric of catalog.metrics) {
    requests.push({ metric: metric.id, dimensions: [] });
    for (const dimension of dimensions) if (metric.dimensions.includes(dimension)) requests.push({ metric: metric.id, dimensions: [dimension] });
    if (metric.dimensions.includes('sex') && metric.dimensions.includes('year')) requests.push({ metric: metric.id, dimensions: ['sex', 'year'] });
  }
  const answers = new Map<string, string>();
  for (const request of requests) {
    const response = await agent.request('POST', `/api/organisations/${orgId}/stats/query`, { ...request, filters: {} });
    answers.set(`${request.metric} by [${request.dimensions.join(',')}]`, `${response.statusCode} ${response.body}`);
  }
  return answers;
}

/** Query strings that list routes need (or that widen what they list). */
const LIST_QUERIES: Record<string, string[]> = {
  '/api/organisations/:orgId/cases': ['?limit=100', `?q=${encodeURIComponent(PLANTED_IDENTITY.familyName)}`, `?q=${encodeURIComponent(PLANTED_IDENTITY.givenName)}`],
  '/api/organisations/:orgId/audit-events': ['?limit=500'],
  '/api/organisations/:orgId/service-referrals': ['?box=sent', '?box=shared_with_me', '?box=action_needed'],
  '/api/organisations/:orgId/case-transfers': ['?box=incoming', '?box=outgoing'],
  '/api/organisations/:orgId/linkage/duplicate-candidates': ['?status=pending', ''],
  '/api/organisations/:orgId/justice/funnel': ['?mode=period&groupBy=sex'],
  '/api/organisations/:orgId/services': ['?kind=shelter', ''],
  '/api/organisations/:orgId/directory/export': ['?scope=all'],
  '/api/organisations/:orgId/directory/export/csv': ['?scope=all'],
  '/api/populations': ['?country=gb&year=2026'],
};

/** Routes left out on purpose, and why. */
const NOT_PROBED: Record<string, string> = {
  '/api/admin/backup': 'the whole database as a binary archive (identities sealed); covered by test/backup-restore.test.ts',
  '/api/docs': 'static API documentation',
  '/api/openapi.json': 'static API description',
};

export interface TProbeResult {
  /** Route patterns requested, with the number of requests each. */
  probed: Map<string, number>;
  /** Routes with a path parameter the fixture has no value for (they cannot name this case). */
  notAddressable: string[];
  /** Every requested URL with its status, and the planted values found in its body. */
  responses: { url: string; status: number; leaks: string[] }[];
}

/**
 * Requests every GET route of the route table whose path parameters `params` can fill (so every
 * route that can address the case and its related records), as a role of `orgId` whose
 * permissions allow the route, and reports the planted values in each body.
 * @param signIn returns a signed-in member of `orgId` with `role` (cached by the caller).
 */
export async function probeGetRoutes(t: TTestApp, orgId: string, params: Record<string, string>, signIn: (role: TRole | 'platform_admin') => Promise<TAgent>): Promise<TProbeResult> {
  const result: TProbeResult = { probed: new Map(), notAddressable: [], responses: [] };
  const routes = (t.app.routeTable as TRouteEntry[]).filter((route) => route.method === 'GET' && !NOT_PROBED[route.url]);
  for (const route of routes) {
    const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
    const missing = names.filter((name) => !(name in params) && name !== 'orgId');
    if (missing.length > 0) {
      result.notAddressable.push(`${route.url} (no ${missing.join(', ')})`);
      continue;
    }
    const path = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => (name === 'orgId' ? orgId : params[name]!));
    const { access } = route;
    const role: TRole | 'platform_admin' = access.auth === 'user' && access.platformAdmin ? 'platform_admin'
      : access.auth === 'user' && access.permission ? ROLES.find((r) => ROLE_PERMISSIONS[r].includes(access.permission!))! : 'admin';
    const agent = await signIn(role);
    for (const query of LIST_QUERIES[route.url] ?? ['']) {
      const url = `${path}${query}`;
      const response = await agent.request('GET', url);
      assert.ok(response.statusCode < 500, `${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      result.responses.push({ url: `${route.url}${query} as ${role}`, status: response.statusCode, leaks: plantedIn(response.body) });
      result.probed.set(route.url, (result.probed.get(route.url) ?? 0) + 1);
    }
  }
  return result;
}
