import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createKeyring } from '../../crypto/keyring.ts';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret } from './two-factor-secrets.ts';

test('a TOTP secret is sealed under a platform key derived from the master key, bound to its user', () => {
  const masterKey = randomBytes(32);
  const keyring = createKeyring(masterKey);
  const secret = newTotpSecret();
  assert.equal(secret.length, 20);
  const sealed = sealTotpSecret(keyring, 'user-a', secret);
  assert.deepEqual(openTotpSecret(keyring, 'user-a', sealed), secret);
  assert.deepEqual(openTotpSecret(createKeyring(Buffer.from(masterKey)), 'user-a', sealed), secret, 'the derivation is deterministic');
  assert.throws(() => openTotpSecret(keyring, 'user-b', sealed), 'copied onto another user it does not open');
  assert.throws(() => openTotpSecret(createKeyring(randomBytes(32)), 'user-a', sealed), 'another master key does not open it');
  const platformKey = keyring.platformKey('two-factor-secret/v1');
  assert.notDeepEqual(platformKey, masterKey);
  assert.notDeepEqual(platformKey, keyring.platformKey('another-purpose'));
});

test('recovery codes: ten distinct codes; the hash ignores case and the dash, and depends on the user', () => {
  const codes = newRecoveryCodes();
  assert.equal(new Set(codes).size, 10);
  const [code] = codes as [string];
  assert.equal(hashRecoveryCode('u1', code), hashRecoveryCode('u1', code.toLowerCase().replace('-', ' ')));
  assert.notEqual(hashRecoveryCode('u1', code), hashRecoveryCode('u2', code));
  assert.match(hashRecoveryCode('u1', code), /^[0-9a-f]{64}$/);
});
