import { randomUUID } from 'node:crypto';
import { roleHasPermission } from '../../core/authz/permissions.ts';
import { caseInState } from '../support/case-states.ts';
import { TEST_PASSWORD, type TTestApp, type TTestUser } from '../support/test-app.ts';
import { codeFor, enrolTwoFactor, passwordStep } from '../../server/modules/two-factor/two-factor.test-support.ts';
import type { TSample } from './types.ts';

/**
 * Clears any two-factor state of a matrix actor and enrols it afresh through a new session (its
 * cached session stays as it was). Returns the secret.
 */
async function freshEnrolment(t: TTestApp, user: TTestUser): Promise<string> {
  await resetTwoFactor(t, user);
  return (await enrolTwoFactor(t, await t.login(user))).secret;
}

async function resetTwoFactor(t: TTestApp, user: TTestUser): Promise<void> {
  await t.database.db.deleteFrom('twoFactorRecoveryCodes').where('userId', '=', user.userId).execute();
  await t.database.db.deleteFrom('twoFactorChallenges').where('userId', '=', user.userId).execute();
  await t.database.db.deleteFrom('userTwoFactor').where('userId', '=', user.userId).execute();
}

/** A live grant for the user on a fresh case (a fixture row: the request route is sampled separately). */
async function grantFor(t: TTestApp, orgId: string, userId: string): Promise<string> {
  const { caseId } = await caseInState(t, orgId, 'draft');
  const id = randomUUID();
  const now = t.clock.now();
  await t.database.db.insertInto('emergencyAccessGrants').values({
    orgId, id, caseId, userId, justificationCiphertext: 'v1.fixture', keyVersion: 1, grantedAt: now, expiresAt: new Date(now.getTime() + 3_600_000), endedAt: null, endedBy: null,
  }).execute();
  return id;
}

const JUSTIFICATION = 'A named threat to the person tonight; the shelter address is needed now.';

/** Sample requests for the routes of two-factor login, password policy, emergency (break-the-glass) access, retention and erasure, exports and key rotation. */
export const SECURITY_SAMPLES: Record<string, TSample> = {
  'POST /api/auth/login/two-factor': {
    build: async ({ t, orgId }) => {
      const user = await t.addUser(orgId, 'analyst');
      const secret = (await enrolTwoFactor(t, await t.login(user))).secret;
      return { url: '/api/auth/login/two-factor', body: { challengeToken: await passwordStep(t, user), code: codeFor(t, secret, 1) } };
    },
    publicStatus: 200,
  },
  'GET /api/account/two-factor': { build: async () => ({ url: '/api/account/two-factor' }) },
  'POST /api/account/two-factor/enrolment': {
    build: async ({ t, actor }) => {
      if (actor) await resetTwoFactor(t, actor);
      return { url: '/api/account/two-factor/enrolment' };
    },
  },
  'POST /api/account/two-factor/enrolment/confirm': {
    build: async ({ t, actor }) => {
      if (!actor) return { url: '/api/account/two-factor/enrolment/confirm', body: { code: '123456' } };
      await resetTwoFactor(t, actor);
      const agent = await t.login(actor);
      const { secret } = (await agent.request('POST', '/api/account/two-factor/enrolment')).json() as { secret: string };
      return { url: '/api/account/two-factor/enrolment/confirm', body: { code: codeFor(t, secret) } };
    },
  },
  'POST /api/account/two-factor/disable': {
    build: async ({ t, actor }) => {
      if (!actor) return { url: '/api/account/two-factor/disable', body: { password: TEST_PASSWORD, code: '123456' } };
      const secret = await freshEnrolment(t, actor);
      return { url: '/api/account/two-factor/disable', body: { password: actor.password, code: codeFor(t, secret, 1) } };
    },
  },
  'POST /api/account/two-factor/recovery-codes': {
    build: async ({ t, actor }) => {
      if (!actor) return { url: '/api/account/two-factor/recovery-codes', body: { password: TEST_PASSWORD, code: '123456' } };
      const secret = await freshEnrolment(t, actor);
      return { url: '/api/account/two-factor/recovery-codes', body: { password: actor.password, code: codeFor(t, secret, 1) } };
    },
  },
  // Each request resets a fresh member's enrolment (a reset consumes it).
  'POST /api/users/:userId/two-factor/reset': {
    build: async ({ t, orgId, actor }) => {
      const member = await t.addUser(orgId, 'case_worker');
      await freshEnrolment(t, member);
      return { url: `/api/users/${member.userId}/two-factor/reset`, body: { password: actor?.password ?? TEST_PASSWORD, reason: 'lostDeviceAndCodes', identityCheck: 'inPerson' } };
    },
  },
  // Each request gives a fresh member a temporary password (their own stops working).
  'POST /api/users/:userId/password/reset': {
    build: async ({ t, orgId, actor }) => {
      const member = await t.addUser(orgId, 'case_worker');
      return { url: `/api/users/${member.userId}/password/reset`, body: { password: actor?.password ?? TEST_PASSWORD, reason: 'forgotten', identityCheck: 'inPerson' } };
    },
  },
  'GET /api/organisations/:orgId/security-policy': { build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/security-policy` }) },
  // Leaves the requirement off, so the rest of the matrix is not held to enrolment.
  'PUT /api/organisations/:orgId/security-policy': {
    build: async ({ orgId }) => ({ url: `/api/organisations/${orgId}/security-policy`, body: { twoFactorRequirement: 'none', emergencyAccessHours: 4 } }),
  },
  'POST /api/organisations/:orgId/cases/:caseId/emergency-access': {
    build: async ({ t, orgId }) => ({ url: `/api/organisations/${orgId}/cases/${(await caseInState(t, orgId, 'draft')).caseId}/emergency-access`, body: { justification: JUSTIFICATION } }),
    // Administrators hold the permission but read every case already: breaking the glass is refused.
    expectForRole: (role, scope) => (scope === 'own' && roleHasPermission(role, 'case.read') && roleHasPermission(role, 'case.emergencyAccess') ? 422 : undefined),
  },
  'GET /api/organisations/:orgId/cases/:caseId/emergency-access': {
    build: async ({ t, orgId }) => ({ url: `/api/organisations/${orgId}/cases/${(await caseInState(t, orgId, 'draft')).caseId}/emergency-access` }),
  },
  // The holder ends their own grant (any role); in another organisation nobody is a member.
  'POST /api/organisations/:orgId/emergency-access/:grantId/end': {
    build: async ({ t, orgId, actor }) => {
      const holder = actor ?? (await t.addUser(orgId, 'investigator'));
      return { url: `/api/organisations/${orgId}/emergency-access/${await grantFor(t, orgId, holder.userId)}/end` };
    },
  },
};
