import assert from 'node:assert/strict';
import { base32Decode, hotp, totpStep } from '../../../core/security/totp.ts';
import type { TAgent, TTestApp, TTestUser } from '../../../test/support/test-app.ts';

/** The code an authenticator would show for `secret` (base32) at the test clock, `offset` steps away. */
export function codeFor(t: TTestApp, secret: string, offset = 0): string {
  return hotp(base32Decode(secret), totpStep(t.clock.now()) + offset);
}

/** Enrols a signed-in user through the API; returns the secret and the recovery codes. */
export async function enrolTwoFactor(t: TTestApp, agent: TAgent): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await agent.request('POST', '/api/account/two-factor/enrolment');
  assert.equal(started.statusCode, 200, started.body);
  const { secret } = started.json() as { secret: string };
  const confirmed = await agent.request('POST', '/api/account/two-factor/enrolment/confirm', { code: codeFor(t, secret) });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return { secret, recoveryCodes: (confirmed.json() as { recoveryCodes: string[] }).recoveryCodes };
}

/** The password step for a user with two-factor sign-in on: returns the challenge token. */
export async function passwordStep(t: TTestApp, user: TTestUser): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
  assert.equal(response.statusCode, 202, response.body);
  return (response.json() as { challengeToken: string }).challengeToken;
}

export function secondStep(t: TTestApp, challengeToken: string, code: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login/two-factor', payload: { challengeToken, code } });
}
