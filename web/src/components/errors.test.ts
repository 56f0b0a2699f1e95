import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../core/errors/app-error.ts';
import { NETWORK_ERROR_REASON } from '../api/client.ts';
import { blockingError, fieldErrorsFromIssues, isTransientError, knownReason, unmatchedIssues } from './errors.ts';

// Run: node --import tsx --test web/src/components/errors.test.ts

const PATHS = { email: 'email', 'admin.password': 'password' } as const;

function validation(...issues: { path: string; message: string }[]) {
  return new AppError('VALIDATION_FAILED', 'The request body is invalid.', { issues });
}

test('server issue paths (body.<field>) land on the matching form fields, messages joined per field', () => {
  const error = validation(
    { path: 'body.email', message: 'Invalid email' },
    { path: 'body.admin.password', message: 'Use at least 12 characters.' },
    { path: 'body.admin.password', message: 'Use more varied characters.' },
  );
  assert.deepEqual(fieldErrorsFromIssues(error, PATHS), {
    email: 'Invalid email',
    password: 'Use at least 12 characters. Use more varied characters.',
  });
  assert.deepEqual(unmatchedIssues(error, PATHS), []);
});

test('issues for no visible field are kept for the alert, including whole-body ones', () => {
  const error = validation({ path: 'body', message: 'Unrecognized key: "extra"' }, { path: 'body.email', message: 'Invalid email' });
  assert.deepEqual(unmatchedIssues(error, PATHS), [{ path: 'body', message: 'Unrecognized key: "extra"' }]);
});

test('inherited object keys are not mistaken for fields', () => {
  const error = validation({ path: 'body.constructor', message: 'x' });
  assert.deepEqual(fieldErrorsFromIssues(error, PATHS), {});
  assert.equal(unmatchedIssues(error, PATHS).length, 1);
});

test('only reasons with a translation are reported as known', () => {
  assert.equal(knownReason(new AppError('DOMAIN_RULE_VIOLATED', 'x', { reason: 'LAST_ADMIN' })), 'LAST_ADMIN');
  assert.equal(knownReason(new AppError('CONFLICT', 'x', { reason: 'SOMETHING_NEW' })), undefined);
  assert.equal(knownReason(new Error('plain')), undefined);
});

test('isTransientError: no answer or a failing server may pass on retry; a 4xx is the server\'s answer', () => {
  const cases: [string, unknown, boolean][] = [
    ['no answer (offline)', new AppError('INTERNAL', 'The server could not be reached.', { reason: NETWORK_ERROR_REASON }), true],
    ['server failure', new AppError('INTERNAL', 'boom'), true],
    ['not an AppError', new Error('what'), true],
    ['no access any more', new AppError('FORBIDDEN', 'x', { reason: 'MISSING_PERMISSION' }), false],
    ['gone', new AppError('NOT_FOUND', 'x'), false],
    ['signed out', new AppError('UNAUTHENTICATED', 'x'), false],
  ];
  for (const [what, error, expected] of cases) assert.equal(isTransientError(error), expected, what);
});

test('blockingError: a query keeps its content through a failure that may pass, not through a definite answer', () => {
  const offline = new AppError('INTERNAL', 'The server could not be reached.', { reason: NETWORK_ERROR_REASON });
  const gone = new AppError('NOT_FOUND', 'x');
  const cases: [string, { error: unknown; data: unknown }, unknown][] = [
    ['no error', { error: null, data: { id: 1 } }, null],
    ['first load failed', { error: offline, data: undefined }, offline],
    ['background re-read failed', { error: offline, data: { id: 1 } }, null],
    ['gone since', { error: gone, data: { id: 1 } }, gone],
  ];
  for (const [what, query, expected] of cases) assert.equal(blockingError(query), expected, what);
});
