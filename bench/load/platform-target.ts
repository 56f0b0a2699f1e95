import assert from 'node:assert/strict';
import { adultCaseBody } from '../../test/support/case-fixtures.ts';
import { spawnServer, type TServerProcess } from '../../test/support/server-process.ts';
import type { TLoadRequest } from './load-client.ts';

const PASSWORD = 'seven purple herons at dawn';

export interface TPlatformTarget {
  server: TServerProcess;
  createCase(i: number): TLoadRequest;
  /** 30 % writes, 70 % reads (case list, case detail, notifications), deterministic per client and step. */
  mixedRequest(client: number, i: number): TLoadRequest;
  /** Call once some cases exist, so the reads have something to read. */
  loadCaseIds(): Promise<void>;
}

/** A real `palermo start` with a first administrator signed in, ready for load on loopback. */
export async function startPlatformTarget(env: Record<string, string>): Promise<TPlatformTarget> {
  const server = await spawnServer({ SESSION_IDLE_MINUTES: '600', ...env });
  const setup = await fetch(`${server.url}/api/setup`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ setupToken: server.setupToken(), organisation: { name: 'Load Test Unit', kind: 'government' }, admin: { email: 'load@example.test', displayName: 'Load', password: PASSWORD } }),
  });
  assert.equal(setup.status, 201, await setup.clone().text());
  const orgId = ((await setup.json()) as { memberships: { organisation: { id: string } }[] }).memberships[0]!.organisation.id;
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'load@example.test', password: PASSWORD }) });
  const cookie = /palermo_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const headers = { cookie: `palermo_session=${cookie}`, 'x-csrf-token': csrf };
  const casesUrl = `${server.url}/api/organisations/${orgId}/cases`;
  let caseIds: string[] = [];
  const createCase = (i: number): TLoadRequest => ({ method: 'POST', url: casesUrl, body: adultCaseBody({ givenName: `Load${i}`, familyName: 'Person' }), headers, expect: 201, label: 'create case' });
  return {
    server,
    createCase,
    async loadCaseIds() {
      const listed = (await (await fetch(`${casesUrl}?limit=50`, { headers })).json()) as { cases: { id: string }[] };
      caseIds = listed.cases.map((c) => c.id);
    },
    mixedRequest(client, i) {
      const roll = (client * 7919 + i * 104729) % 10;
      if (roll < 3 || caseIds.length === 0) return createCase(10_000_000 + client * 1_000_000 + i);
      if (roll < 5) return { method: 'GET', url: `${casesUrl}?limit=20`, headers, expect: 200, label: 'list cases' };
      if (roll < 8) return { method: 'GET', url: `${casesUrl}/${caseIds[(client + i) % caseIds.length]}`, headers, expect: 200, label: 'case detail' };
      return { method: 'GET', url: `${server.url}/api/notifications`, headers, expect: 200, label: 'notifications' };
    },
  };
}
