import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../core/errors/app-error.ts';
import { toAppError } from './error-handler.ts';

test('database races become conflicts to retry; other unknown errors are faults', () => {
  for (const code of ['23505', '40001', '40P01']) {
    const { appError, isFault } = toAppError(Object.assign(new Error('duplicate key value violates unique constraint'), { code }));
    assert.deepEqual([appError.code, appError.details.reason, isFault], ['CONFLICT', 'CONCURRENT_CHANGE', false], code);
  }
  const unknown = toAppError(Object.assign(new Error('relation does not exist'), { code: '42P01' }));
  assert.deepEqual([unknown.appError.code, unknown.isFault], ['INTERNAL', true]);
  const domain = toAppError(new AppError('CONFLICT', 'x', { reason: 'VERSION_CONFLICT' }));
  assert.equal(domain.appError.details.reason, 'VERSION_CONFLICT');
});
