import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './support/server-process.ts';
import { createScratchPostgresDatabase, ENGINE } from './support/test-database.ts';

/**
 * SIGKILL of the server in the middle of a burst of writes, twenty times: after each restart every
 * write that was acknowledged with a 2xx must be there, and the audit chain must verify.
 */
const CYCLES = 20;
const WRITERS = 4;
const PASSWORD = 'a long enough passphrase';

async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'root@example.test', password: PASSWORD }) });
  assert.equal(response.status, 200);
  const cookie = /palermo_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!;
  return { cookie: `palermo_session=${cookie}`, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

describe(`crash safety under write load (${ENGINE})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'palermo-crash-'));
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${CYCLES} SIGKILLs lose no acknowledged write`, async () => {
    const env: Record<string, string> = { DATA_DIR: dataDir };
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchPostgresDatabase(process.env.DATABASE_URL);
      cleanups.push(() => scratch.drop());
      env.DATABASE_URL = scratch.url;
    }
    const acknowledged: string[] = [];
    let orgId = '';
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const server = await spawnServer(env);
      try {
        if (cycle === 0) {
          const setup = await fetch(`${server.url}/api/setup`, {
            method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ setupToken: server.setupToken(), organisation: { name: 'Crash Test Unit', kind: 'ngo' }, admin: { email: 'root@example.test', displayName: 'Root', password: PASSWORD } }),
          });
          assert.equal(setup.status, 201, server.output());
          orgId = ((await setup.json()) as { memberships: { organisation: { id: string } }[] }).memberships[0]!.organisation.id;
        }
        const session = await signIn(server.url);
        const headers = { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf };

        // Everything acknowledged before this restart must have survived the previous kill.
        const members = await fetch(`${server.url}/api/organisations/${orgId}/members`, { headers });
        const present = new Set(((await members.json()) as { members: { email: string }[] }).members.map((m) => m.email));
        const lost = acknowledged.filter((email) => !present.has(email));
        assert.deepEqual(lost, [], `cycle ${cycle}: acknowledged writes lost`);
        const verification = await fetch(`${server.url}/api/organisations/${orgId}/audit-verification`, { headers });
        assert.equal(((await verification.json()) as { ok: boolean }).ok, true, `cycle ${cycle}: audit chain`);

        // A burst of writes from several clients; kill the process while they are in flight.
        let stop = false;
        const writers = Array.from({ length: WRITERS }, async (_, writer) => {
          for (let i = 0; !stop; i += 1) {
            const email = `c${cycle}-w${writer}-${i}@example.test`;
            try {
              const response = await fetch(`${server.url}/api/organisations/${orgId}/members`, { method: 'POST', headers, body: JSON.stringify({ email, displayName: email, password: PASSWORD, role: 'analyst' }) });
              if (response.status === 201) acknowledged.push(email);
              else await response.arrayBuffer();
            } catch {
              return; // connection cut by the kill: not acknowledged
            }
          }
        });
        await new Promise((resolve) => setTimeout(resolve, 400 + cycle * 37));
        server.child.kill('SIGKILL');
        stop = true;
        await Promise.all(writers);
        await server.exited;
      } finally {
        if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      }
    }
    // One last start to check the writes acknowledged in the final cycle.
    const final = await spawnServer(env);
    try {
      const session = await signIn(final.url);
      const members = await fetch(`${final.url}/api/organisations/${orgId}/members`, { headers: { cookie: session.cookie } });
      const present = new Set(((await members.json()) as { members: { email: string }[] }).members.map((m) => m.email));
      assert.deepEqual(acknowledged.filter((email) => !present.has(email)), []);
      // The last cycle's kill must not have left a broken audit chain either.
      const verification = await fetch(`${final.url}/api/organisations/${orgId}/audit-verification`, { headers: { cookie: session.cookie } });
      assert.equal(verification.status, 200);
      assert.equal(((await verification.json()) as { ok: boolean }).ok, true, 'after the final restart: audit chain');
      assert.ok(acknowledged.length >= CYCLES, `acknowledged ${acknowledged.length} writes across ${CYCLES} kills`);
      console.log(`# crash-safety: ${CYCLES} SIGKILLs, ${acknowledged.length} acknowledged writes, 0 lost`);
    } finally {
      final.child.kill('SIGTERM');
      await final.exited;
    }
  });
});
