import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError, ERROR_CODES, ERROR_HTTP_STATUS } from './app-error.ts';

test('every code maps to a status; only INTERNAL and UNAVAILABLE (a missing host service) are 5xx', () => {
  for (const code of ERROR_CODES) {
    const status = ERROR_HTTP_STATUS[code];
    assert.ok(status >= 400 && status < 600);
    assert.equal(status >= 500, code === 'INTERNAL' || code === 'UNAVAILABLE', code);
  }
});

test('the error body round-trips through fromBody', () => {
  const original = new AppError('DOMAIN_RULE_VIOLATED', 'No.', { reason: 'LAST_ADMIN', issues: [{ path: 'body.role', message: 'x' }] });
  const parsed = AppError.fromBody(JSON.parse(JSON.stringify(original.toBody())), 422);
  assert.equal(parsed.code, 'DOMAIN_RULE_VIOLATED');
  assert.deepEqual(parsed.details, original.details);
  assert.equal(AppError.fromBody('<html>', 502).code, 'INTERNAL');
  assert.equal(AppError.fromBody(undefined, 404).code, 'NOT_FOUND');
});
