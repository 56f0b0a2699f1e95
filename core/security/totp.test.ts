import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base32Decode, base32Encode, hotp, otpauthUri, totp, totpStep, verifyTotp } from './totp.ts';
import { looksLikeRecoveryCode, normaliseRecoveryCode, recoveryCodeFromBytes } from './recovery-codes.ts';

// RFC 4226 appendix D: secret "12345678901234567890", counters 0…9.
const RFC4226_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC4226_CODES = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

// RFC 6238 appendix B (8 digits), with the seed for each algorithm.
const RFC6238_SEEDS = {
  sha1: Buffer.from('12345678901234567890', 'ascii'),
  sha256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
} as const;
const RFC6238_VECTORS: Array<[number, string, keyof typeof RFC6238_SEEDS, string]> = [
  [59, '0000000000000001', 'sha1', '94287082'], [59, '0000000000000001', 'sha256', '46119246'], [59, '0000000000000001', 'sha512', '90693936'],
  [1111111109, '00000000023523EC', 'sha1', '07081804'], [1111111109, '00000000023523EC', 'sha256', '68084774'], [1111111109, '00000000023523EC', 'sha512', '25091201'],
  [1111111111, '00000000023523ED', 'sha1', '14050471'], [1111111111, '00000000023523ED', 'sha256', '67062674'], [1111111111, '00000000023523ED', 'sha512', '99943326'],
  [1234567890, '000000000273EF07', 'sha1', '89005924'], [1234567890, '000000000273EF07', 'sha256', '91819424'], [1234567890, '000000000273EF07', 'sha512', '93441116'],
  [2000000000, '0000000003F940AA', 'sha1', '69279037'], [2000000000, '0000000003F940AA', 'sha256', '90698825'], [2000000000, '0000000003F940AA', 'sha512', '38618901'],
  [20000000000, '0000000027BC86AA', 'sha1', '65353130'], [20000000000, '0000000027BC86AA', 'sha256', '77737706'], [20000000000, '0000000027BC86AA', 'sha512', '47863826'],
];

describe('HOTP and TOTP', () => {
  test('RFC 4226 test vectors', () => {
    RFC4226_CODES.forEach((code, counter) => assert.equal(hotp(RFC4226_SECRET, counter), code, `counter ${counter}`));
  });

  for (const [seconds, stepHex, algorithm, code] of RFC6238_VECTORS) {
    test(`RFC 6238 T=${seconds} ${algorithm}`, () => {
      const at = new Date(seconds * 1000);
      assert.equal(totpStep(at), Number.parseInt(stepHex, 16));
      assert.equal(totp(RFC6238_SEEDS[algorithm], at, 8, algorithm), code);
    });
  }

  test('six digits are the last six of the eight (same truncation)', () => {
    assert.equal(totp(RFC6238_SEEDS.sha1, new Date(59_000)), '287082');
  });

  test('verification accepts one step either side, not two, and never a step already accepted', () => {
    const at = new Date(1_111_111_111_000);
    const step = totpStep(at);
    const codeAt = (s: number) => hotp(RFC6238_SEEDS.sha1, s);
    assert.equal(verifyTotp(RFC6238_SEEDS.sha1, codeAt(step), at, null), step);
    assert.equal(verifyTotp(RFC6238_SEEDS.sha1, codeAt(step - 1), at, null), step - 1);
    assert.equal(verifyTotp(RFC6238_SEEDS.sha1, codeAt(step + 1), at, null), step + 1);
    assert.equal(verifyTotp(RFC6238_SEEDS.sha1, codeAt(step - 2), at, null), null);
    assert.equal(verifyTotp(RFC6238_SEEDS.sha1, codeAt(step + 2), at, null), null);
    assert.equal(verifyTotp(RFC6238_SEEDS.sha1, codeAt(step), at, step), null, 'replay of the accepted step');
    assert.equal(verifyTotp(RFC6238_SEEDS.sha1, codeAt(step - 1), at, step - 1), null);
    assert.equal(verifyTotp(RFC6238_SEEDS.sha1, codeAt(step + 1), at, step), step + 1);
    assert.equal(verifyTotp(RFC6238_SEEDS.sha1, ` ${codeAt(step).slice(0, 3)} ${codeAt(step).slice(3)} `, at, null), step);
    for (const bad of ['', '12345', '1234567', 'abcdef', '12345a']) assert.equal(verifyTotp(RFC6238_SEEDS.sha1, bad, at, null), null, bad);
  });

  test('property: a code is accepted exactly within the window and never after its step was used', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 10, maxLength: 32 }), fc.integer({ min: 1_000, max: 4_000_000_000 }), fc.integer({ min: -3, max: 3 }), (secret, seconds, offset) => {
      const at = new Date(seconds * 1000);
      const step = totpStep(at) + offset;
      const result = verifyTotp(secret, hotp(secret, step), at, null);
      if (Math.abs(offset) <= 1) {
        // Another step in the window may collide on the same 6 digits (1 in 10^6): then the earlier wins.
        assert.ok(result !== null && result <= step);
        assert.ok(verifyTotp(secret, hotp(secret, step), at, step) === null || hotp(secret, step) === hotp(secret, step + 1));
      }
    }));
  });

  test('base32 round-trips and matches RFC 4648 examples', () => {
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
    assert.equal(base32Encode(Buffer.from('f')), 'MY');
    assert.deepEqual(base32Decode('mzxw 6ytb oi=='), Buffer.from('foobar'));
    assert.throws(() => base32Decode('MZ1'));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      assert.deepEqual(base32Decode(base32Encode(bytes)), Buffer.from(bytes));
    }));
  });

  test('otpauth URI carries the base32 secret, issuer and parameters', () => {
    const uri = otpauthUri({ secret: Buffer.from('foobar'), issuer: 'Palermo', account: 'ana@example.test' });
    assert.equal(uri, 'otpauth://totp/Palermo:ana%40example.test?secret=MZXW6YTBOI&issuer=Palermo&algorithm=SHA1&digits=6&period=30');
  });
});

describe('recovery codes', () => {
  test('format, normalisation and shape check', () => {
    const code = recoveryCodeFromBytes(Uint8Array.from({ length: 32 }, (_, i) => i * 7));
    assert.match(code, /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    assert.equal(normaliseRecoveryCode(code.toLowerCase()), code.replace('-', ''));
    assert.ok(looksLikeRecoveryCode(code.toLowerCase()));
    assert.ok(!looksLikeRecoveryCode('123456'));
    assert.ok(!looksLikeRecoveryCode('OOOOO-IIIII'));
    assert.throws(() => recoveryCodeFromBytes(new Uint8Array(32).fill(250)));
  });

  test('property: every code from enough bytes is well-formed', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((b) => b.filter((x) => x < 240).length >= 10), (bytes) => {
      assert.ok(looksLikeRecoveryCode(recoveryCodeFromBytes(bytes)));
    }));
  });
});
