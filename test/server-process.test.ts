import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type TServerProcess } from './support/server-process.ts';

describe('the server process on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'palermo-proc-'));
  let first: TServerProcess | null = null;
  after(() => {
    if (first && first.child.exitCode === null) first.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('prints a setup token, serves health, and a second process on the folder exits naming the first', async () => {
    first = await spawnServer({ DATA_DIR: dataDir });
    const token = first.setupToken();
    assert.ok(token && token.length >= 40, first.output());
    const health = await fetch(`${first.url}/api/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const page = await fetch(`${first.url}/members`);
    assert.equal(page.headers.get('content-type')?.startsWith('text/html'), true, 'client routes load the single page');

    const secondStarted = Date.now();
    const second = await spawnServer({ DATA_DIR: dataDir }).then(
      () => assert.fail('the second server must not start'),
      (error: { exitCode: number; output: string }) => error,
    );
    assert.equal(second.exitCode, 1);
    assert.match(second.output, new RegExp(`in use by process ${first.child.pid}`));
    assert.ok(Date.now() - secondStarted < 15_000, 'refused promptly');

    const stillThere = await fetch(`${first.url}/api/health`);
    assert.equal(stillThere.status, 200, 'the first server keeps working');
    const setup = await fetch(`${first.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ setupToken: token, organisation: { name: 'Referral Unit', kind: 'government' }, admin: { email: 'root@example.test', displayName: 'Root', password: 'a long enough passphrase' } }),
    });
    assert.equal(setup.status, 201);

    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.equal(existsSync(join(dataDir, 'palermo.lock')), false, 'lock released on a clean stop');
  });
});
