import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TTestApp } from '../../test/support/test-app.ts';
import { findUnstorableText } from './text-guard.ts';

test('finds NUL and unpaired surrogates anywhere, and passes paired ones', () => {
  const cases: [unknown, string | null][] = [
    [{ a: 'fine', b: ['ok', 'a\u0000b'] }, 'body.b.1'],
    [{ nested: { deeper: '\ud800' } }, 'body.nested.deeper'],
    [{ low: 'x\udfffy' }, 'body.low'],
    [{ ['k\u0000']: 1 }, 'body'],
    [{ emoji: '\u{1F469}\u200D\u{1F467}', arabic: '\u200f\u0627\u0644', rtl: '\u202Ex' }, null],
    [null, null],
  ];
  for (const [value, expected] of cases) assert.equal(findUnstorableText(value, 'body'), expected, JSON.stringify(value));
  let deep: unknown = 'a\u0000';
  for (let i = 0; i < 50_000; i += 1) deep = [deep];
  assert.match(findUnstorableText(deep, 'body') ?? '', /^body(\.0)+$/, 'deep nesting does not overflow the stack');
});

describe('the text guard on a route', () => {
  let t: TTestApp;
  before(async () => { t = await createTestApp(); });
  after(() => t.close());

  test('a NUL in a body field is a 400 naming the field, before the route runs', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@example.test', password: 'pass\u0000word' } });
    assert.equal(response.statusCode, 400);
    const error = response.json().error;
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.deepEqual(error.details.issues.map((issue: { path: string }) => issue.path), ['body.password']);
    const audit = await t.database.db.selectFrom('auditEvents').select('action').where('action', '=', 'user.loginFailed').execute();
    assert.equal(audit.length, 0, 'refused before the login use case');
  });
});
