import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMasterKey, loadOrCreateMasterKey, MASTER_KEY_FILE } from './master-key.ts';

test('the key file is created once with owner-only permissions and then reused', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'palermo-key-'));
  try {
    const first = loadOrCreateMasterKey({ fromEnvironment: undefined, dataDir });
    assert.equal(first.source, 'key-file-created');
    assert.equal(statSync(join(dataDir, MASTER_KEY_FILE)).mode & 0o777, 0o600);
    const second = loadOrCreateMasterKey({ fromEnvironment: undefined, dataDir });
    assert.equal(second.source, 'key-file');
    assert.ok(first.key.equals(second.key));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the environment wins, in hex or base64; wrong lengths are refused', () => {
  const hex = 'ab'.repeat(32);
  assert.equal(loadOrCreateMasterKey({ fromEnvironment: hex, dataDir: '/nonexistent' }).key.toString('hex'), hex);
  assert.equal(decodeMasterKey(Buffer.alloc(32, 7).toString('base64')).length, 32);
  assert.throws(() => decodeMasterKey('abcd'), /32 bytes/);
});
