import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { base32Decode, hotp, totpStep } from '../../core/security/totp.ts';
import { adultCaseBody, SEEDED_IDENTITY } from '../support/case-fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, desktopContext, launchChromium, locale, prefix, submitSignIn, text, watchedPage } from './e2e-support.ts';

/**
 * Security golden path in Chromium: the administrator enrols two-factor sign-in (QR code, a code
 * computed here from the shown key, recovery codes), requires it for identity roles, signs in
 * again in two steps; a case worker without it is sent to enrol; an investigator breaks the glass
 * on a case and reads it under emergency access, which the case then shows to its readers; the
 * administrator replaces the recovery codes and requires a purpose for identity reads, which the
 * case page then asks for; an auditor filters the access log down to that case's identity reads;
 * a platform administrator resets a member's two-factor sign-in, then gives them a temporary
 * password, with which they can only choose their own.
 * Run: npm run build && node --import tsx --test test/e2e/security.e2e.test.ts
 */
const en = locale('en');
const sec = locale('security/en');
const secAr = locale('security/ar');
const ar = locale('ar');

/**
 * The test server's clock stands still (tests move it), so codes are computed at its time, read
 * back from a session: with the test server's 365-day idle and absolute limits, a session's
 * expiry is exactly the server's "now" plus 365 days.
 */
async function serverNow(page: Page): Promise<Date> {
  const me = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { expiresAt: string });
  return new Date(Date.parse(me.expiresAt) - 365 * 24 * 3_600_000);
}

function codeAt(secret: string, at: Date): string {
  return hotp(base32Decode(secret), totpStep(at));
}

/** Fills an account recovery form on the members page (its submit button differs per recovery). */
async function recoverAccount(form: Locator, userId: string, reason: string, adminPassword: string): Promise<void> {
  await form.getByLabel(text(en, 'members.recovery.member'), { exact: true }).selectOption(userId);
  await form.getByLabel(text(en, 'members.recovery.reason'), { exact: true }).selectOption(reason);
  await form.getByLabel(text(en, 'members.recovery.identityCheck'), { exact: true }).selectOption('callToKnownNumber');
  await form.getByLabel(text(en, 'members.recovery.password'), { exact: true }).fill(adminPassword);
}

test('two-factor enrolment, two-step sign-in, the enrolment gate and break-the-glass in Chromium', { skip: chromiumSkipReason, timeout: 240_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | undefined;
  const problems: string[] = [];
  const newPage = (context: BrowserContext): Promise<Page> => watchedPage(context, { problems });
  try {
    const admin = await server.seedAdmin();
    const caseWorker = await server.seedUser(admin.organisationId, 'case_worker');
    const investigator = await server.seedUser(admin.organisationId, 'investigator');
    browser = await launchChromium();
    const adminContext = await desktopContext(browser);
    const page = await newPage(adminContext);
    const shot = (p: Page, name: string) => p.screenshot({ path: `${ARTIFACTS}security-${name}.png`, fullPage: true });

    // 1. The administrator signs in (one step) and sets up two-factor sign-in on the account page.
    await page.goto(`${server.url}/login`);
    await submitSignIn(page, en, admin);
    await page.getByRole('heading', { level: 1, name: /First Admin/ }).waitFor();
    // The navigation grows as lazily loaded labels arrive; a click during that shift can land on
    // the wrong link on a slow machine, so wait until the page has stopped fetching.
    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: text(en, 'nav.account'), exact: true }).click();
    await page.getByRole('heading', { level: 2, name: text(sec, 'twoFactor.title') }).waitFor();
    await page.getByText(text(sec, 'twoFactor.statusOff'), { exact: true }).waitFor();
    await page.getByRole('button', { name: text(sec, 'twoFactor.start'), exact: true }).click();
    const qr = page.getByRole('img', { name: text(sec, 'twoFactor.qrAlt') });
    await qr.waitFor();
    assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the QR code renders');
    const secret = (await page.locator('#two-factor-secret').textContent())!.replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await shot(page, '01-enrol-qr');
    const enrolledAt = await serverNow(page);
    await page.getByLabel(text(sec, 'twoFactor.code'), { exact: true }).fill(codeAt(secret, enrolledAt));
    await page.getByRole('button', { name: text(sec, 'twoFactor.confirm'), exact: true }).click();
    await page.getByRole('heading', { name: text(sec, 'twoFactor.recoveryTitle') }).waitFor();
    const recoveryCodes = await page.locator('#two-factor-recovery li code').allTextContents();
    assert.equal(recoveryCodes.length, 10);
    await shot(page, '02-recovery-codes');
    await page.getByRole('button', { name: text(sec, 'twoFactor.recoverySaved'), exact: true }).click();
    await page.getByText(prefix(sec, 'twoFactor.statusOn')).waitFor();

    // 2. Security settings: require two-factor sign-in of the roles that can see who a person is.
    await page.getByRole('link', { name: text(en, 'nav.security'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: text(sec, 'policy.title') }).waitFor();
    await page.getByRole('combobox', { name: text(sec, 'policy.twoFactorRequirement') }).selectOption('identity_roles');
    await page.getByRole('button', { name: text(sec, 'policy.save'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: text(sec, 'policy.saved') }).waitFor();
    // Retention on the same page: identities anonymised ten years after the last case closes.
    await page.getByLabel(text(sec, 'dataProtection.retentionDays'), { exact: true }).fill('3650');
    await page.getByRole('button', { name: text(sec, 'dataProtection.retentionSave'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: text(sec, 'dataProtection.retentionSaved') }).waitFor();
    await shot(page, '03-security-settings');

    // 3. Sign out and in again: the password now leads to a second step; a wrong code is refused.
    await page.getByRole('button', { name: text(en, 'nav.logout'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: text(en, 'login.title') }).waitFor();
    await submitSignIn(page, en, admin);
    await page.getByRole('heading', { level: 2, name: text(sec, 'login.title') }).waitFor();
    // Thirty seconds later on the server: the next step, and a code never used before.
    server.clock.advanceMinutes(0.5);
    const nextCode = codeAt(secret, new Date(enrolledAt.getTime() + 30_000));
    const wrong = nextCode === '000000' ? '111111' : '000000';
    await page.getByLabel(text(sec, 'login.code'), { exact: true }).fill(wrong);
    await page.getByRole('button', { name: text(sec, 'login.submit'), exact: true }).click();
    await page.getByText(text(sec, 'login.wrongCode')).waitFor();
    await shot(page, '04-second-step-refused');
    await page.getByLabel(text(sec, 'login.code'), { exact: true }).fill(nextCode);
    await page.getByRole('button', { name: text(sec, 'login.submit'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /First Admin/ }).waitFor();

    // 4. A case worker (identity role) who has not enrolled is sent to the account page, in Arabic.
    const workerContext = await desktopContext(browser);
    const worker = await newPage(workerContext);
    await worker.goto(`${server.url}/login`);
    await worker.getByLabel(text(en, 'header.language'), { exact: true }).selectOption('ar');
    await worker.waitForFunction(() => document.documentElement.dir === 'rtl');
    await submitSignIn(worker, ar, caseWorker);
    await worker.getByText(text(secAr, 'twoFactor.requiredNotice')).waitFor();
    assert.equal(new URL(worker.url()).pathname, '/account');
    const refused = await worker.evaluate(async (orgId) => (await fetch(`/api/organisations/${orgId}/cases`)).json(), admin.organisationId) as { error: { details: { reason: string } } };
    assert.equal(refused.error.details.reason, 'TWO_FACTOR_ENROLMENT_REQUIRED');
    await shot(worker, '05-enrolment-required-arabic');

    // 5. Break the glass: the administrator registers a case; an investigator cannot read it,
    //    opens it with a written reason, and reads it under emergency access.
    const caseId = await page.evaluate(async ({ orgId, body }) => {
      const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
      const response = await fetch(`/api/organisations/${orgId}/cases`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
      return ((await response.json()) as { case: { id: string } }).case.id;
    }, { orgId: admin.organisationId, body: adultCaseBody() });
    const investigatorContext = await desktopContext(browser);
    const inv = await newPage(investigatorContext);
    await inv.goto(`${server.url}/login`);
    await submitSignIn(inv, en, investigator);
    await inv.getByRole('heading', { level: 1, name: /Test investigator/ }).waitFor();
    await inv.goto(`${server.url}/cases/${caseId}`);
    await inv.getByRole('heading', { level: 2, name: text(sec, 'emergency.title') }).waitFor();
    await inv.getByLabel(text(sec, 'emergency.justification')).fill('The police report an imminent threat tonight; we must reach the person now.');
    await shot(inv, '06-emergency-request');
    await inv.getByRole('button', { name: text(sec, 'emergency.request'), exact: true }).click();
    await inv.getByText(SEEDED_IDENTITY.familyName).first().waitFor();
    await inv.getByText(prefix(sec, 'emergency.youHave')).waitFor();
    await shot(inv, '07-emergency-case-open');

    // 6. The case shows its readers who had emergency access, and why.
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByRole('heading', { level: 2, name: text(sec, 'emergency.historyTitle') }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Test investigator' }).filter({ hasText: 'imminent threat' }).waitFor();
    await shot(page, '08-emergency-history');

    // 7. New recovery codes on the account page (password and the next code): ten, shown once.
    await page.getByRole('link', { name: text(en, 'nav.account'), exact: true }).click();
    await page.getByText(text(sec, 'twoFactor.regenerateTitle'), { exact: true }).click();
    server.clock.advanceMinutes(0.5);
    await page.getByLabel(text(sec, 'twoFactor.password'), { exact: true }).first().fill(admin.password);
    await page.locator('#two-factor-regenerate-code').fill(codeAt(secret, new Date(enrolledAt.getTime() + 60_000)));
    await page.getByRole('button', { name: text(sec, 'twoFactor.regenerate'), exact: true }).click();
    await page.getByText(text(sec, 'twoFactor.recoveryRegenerated')).waitFor();
    const newCodes = await page.locator('#two-factor-recovery li code').allTextContents();
    assert.equal(newCodes.length, 10);
    assert.equal(newCodes.filter((code) => recoveryCodes.includes(code)).length, 0);
    await page.getByRole('button', { name: text(sec, 'twoFactor.recoverySaved'), exact: true }).click();

    // 8. The organisation now asks why an identity is opened: the case page asks once, then shows it.
    await page.getByRole('link', { name: text(en, 'nav.security'), exact: true }).click();
    await page.getByLabel(text(sec, 'policy.requireAccessPurpose')).check();
    await page.getByRole('button', { name: text(sec, 'policy.save'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: text(sec, 'policy.saved') }).waitFor();
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByRole('heading', { level: 2, name: text(sec, 'accessPurpose.title') }).waitFor();
    assert.equal(await page.getByText(SEEDED_IDENTITY.familyName).count(), 0, 'no identity before a purpose is given');
    await shot(page, '09-access-purpose');
    await page.getByLabel(text(sec, 'accessPurpose.label'), { exact: true }).selectOption('legal_proceedings');
    await page.getByRole('button', { name: text(sec, 'accessPurpose.open'), exact: true }).click();
    await page.getByText(SEEDED_IDENTITY.familyName).first().waitFor();
    await page.reload();
    await page.getByText(SEEDED_IDENTITY.familyName).first().waitFor();
    assert.equal(await page.getByRole('heading', { level: 2, name: text(sec, 'accessPurpose.title') }).count(), 0, 'remembered for the session');

    // 9. An auditor narrows the log to identity reads of this case and sees who, when and why.
    const auditor = await server.seedUser(admin.organisationId, 'auditor');
    const aud = await newPage(await desktopContext(browser));
    await aud.goto(`${server.url}/login`);
    await submitSignIn(aud, en, auditor);
    await aud.getByRole('heading', { level: 1, name: /Test auditor/ }).waitFor();
    await aud.waitForLoadState('networkidle');
    await aud.getByRole('link', { name: text(en, 'nav.audit'), exact: true }).click();
    await aud.getByRole('heading', { level: 1, name: text(en, 'audit.title') }).waitFor();
    await aud.getByLabel(text(en, 'audit.action'), { exact: true }).selectOption('person.identityViewed');
    await aud.getByLabel(text(en, 'audit.filters.caseId'), { exact: true }).fill(caseId);
    await aud.getByRole('button', { name: text(en, 'audit.filters.apply'), exact: true }).click();
    // Interpolated values are wrapped in Unicode isolates (FSI … PDI) by the app's i18n setup.
    const purposeLine = text(en, 'audit.purpose').replace('{{purpose}}', `\u2068${text(en, 'accessPurposes.legal_proceedings')}\u2069`);
    await aud.getByText(purposeLine).first().waitFor();
    // The unfiltered page shows the same line: wait until the filtered answer has replaced it.
    await aud.waitForFunction((label) => {
      const shown = [...document.querySelectorAll('tbody tr')];
      return shown.length > 0 && shown.every((row) => row.textContent?.includes(label));
    }, text(en, 'auditActions.person.identityViewed'));
    const rows = (await aud.locator('tbody tr').allTextContents()).map((row) => row.replace(/\s+/g, ' '));
    assert.ok(rows.length >= 3, 'creation, the earlier views and the views with a purpose');
    assert.ok(rows.every((row) => row.includes(text(en, 'auditActions.person.identityViewed'))), rows.join('\n'));
    assert.ok(rows.some((row) => row.includes(admin.email) && row.includes(purposeLine)), rows.join('\n'));
    await shot(aud, '10-audit-filtered');

    // 10. The investigator turns two-factor sign-in on, then loses phone and codes: the platform
    //     administrator resets it from the members page, their session ends, the password alone opens a new one.
    const invSecret = await inv.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
      const started = await fetch('/api/account/two-factor/enrolment', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
      return ((await started.json()) as { secret: string }).secret;
    });
    const invCode = codeAt(invSecret, await serverNow(inv));
    const confirmed = await inv.evaluate(async (code) => {
      const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
      return (await fetch('/api/account/two-factor/enrolment/confirm', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ code }) })).status;
    }, invCode);
    assert.equal(confirmed, 200);
    await page.getByRole('link', { name: text(en, 'nav.members'), exact: true }).click();
    const twoFactorReset = page.getByRole('region', { name: text(en, 'members.resetTwoFactor.open') });
    await recoverAccount(twoFactorReset, investigator.userId, 'lostDeviceAndCodes', admin.password);
    await twoFactorReset.getByRole('button', { name: text(en, 'members.resetTwoFactor.submit'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Test investigator' }).waitFor();
    await shot(page, '11-two-factor-reset');
    await inv.reload();
    await inv.getByRole('heading', { level: 1, name: text(en, 'login.title') }).waitFor();
    await submitSignIn(inv, en, investigator);
    // Signed in again with the password alone, back on the page they were on (no second step).
    await inv.waitForURL((url) => url.pathname !== '/login');
    await inv.locator('header').getByText(/Test investigator/).waitFor();

    // 11. The investigator forgets the password: the administrator gives a temporary one, shown
    //     once; signed in with it, the investigator sees only the form to choose their own.
    const passwordReset = page.getByRole('region', { name: text(en, 'members.resetPassword.open') });
    await recoverAccount(passwordReset, investigator.userId, 'forgotten', admin.password);
    await passwordReset.getByRole('button', { name: text(en, 'members.resetPassword.submit'), exact: true }).click();
    const temporaryPassword = (await page.locator('code.temporary-password').textContent()) ?? '';
    assert.match(temporaryPassword, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await shot(page, '12-temporary-password');
    await page.getByRole('button', { name: text(en, 'members.temporaryPassword.hide'), exact: true }).click();
    assert.equal(await page.locator('code.temporary-password').count(), 0, 'hidden once passed on');
    await inv.reload();
    await inv.getByRole('heading', { level: 1, name: text(en, 'login.title') }).waitFor();
    await submitSignIn(inv, en, { email: investigator.email, password: temporaryPassword });
    await inv.getByRole('heading', { level: 1, name: text(en, 'account.passwordChangeRequired.title') }).waitFor();
    assert.equal(await inv.getByRole('navigation').count(), 0, 'no menu: nothing else opens yet');
    await shot(inv, '13-choose-own-password');
    await inv.getByLabel(text(en, 'account.passwordChangeRequired.currentPassword'), { exact: true }).fill(temporaryPassword);
    await inv.getByLabel(text(en, 'account.newPassword'), { exact: true }).fill('a harbour lamp in the fog 7');
    await inv.getByLabel(text(en, 'account.repeatPassword'), { exact: true }).fill('a harbour lamp in the fog 7');
    await inv.getByRole('button', { name: text(en, 'account.submit'), exact: true }).click();
    await inv.locator('header').getByText(/Test investigator/).waitFor();
    assert.equal(await inv.getByRole('heading', { name: text(en, 'account.passwordChangeRequired.title') }).count(), 0);

    // 12. A temporary password left unused past its 72 hours: the sign-in page says it expired.
    await recoverAccount(passwordReset, auditor.userId, 'forgotten', admin.password);
    await passwordReset.getByRole('button', { name: text(en, 'members.resetPassword.submit'), exact: true }).click();
    const unusedPassword = (await page.locator('code.temporary-password').textContent()) ?? '';
    server.clock.advanceDays(4);
    await aud.reload();
    await aud.getByRole('heading', { level: 1, name: text(en, 'login.title') }).waitFor();
    await submitSignIn(aud, en, { email: auditor.email, password: unusedPassword });
    await aud.getByRole('alert').filter({ hasText: text(en, 'errors.reasons.TEMPORARY_PASSWORD_EXPIRED') }).waitFor();

    assert.deepEqual(problems, []);
  } catch (error) {
    // The state of every open page when a step fails, for the artifacts folder.
    for (const [index, open] of (browser?.contexts().flatMap((c) => c.pages()) ?? []).entries()) await open.screenshot({ path: `${ARTIFACTS}security-failure-${index}.png`, fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});

