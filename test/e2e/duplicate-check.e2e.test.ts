import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { adultCaseBody } from '../support/case-fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, desktopContext, launchChromium, locale, signInAs, text, watchedPage } from './e2e-support.ts';

/**
 * The registration-time duplicate check in a real Chromium against the real server: "Mohammed
 * Al-Hassan", born 1991-03-14, is registered (through the API); a first responder starts a new
 * referral for "Muhammad Alhasan", same date of birth, and, while typing, sees the calm panel
 * "This person may already be registered" with the registered name, the fields that agree in
 * words and a link to the existing case; they register a new person anyway, and the server
 * records that choice. The panel in Arabic is right to left.
 * Screenshots: test-artifacts/e2e/duplicate-check-*.png.
 * Run: npm run build && node --import tsx --test test/e2e/duplicate-check.e2e.test.ts
 */

const skip = chromiumSkipReason;
const en = locale('en');
const ar = locale('ar');

async function apiLogin(url: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function radio(page: Page, group: string, option: string) {
  await page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: option, exact: true }).check();
}

test('duplicate check in Chromium: a transliteration variant of a registered person is shown, registered anyway', { skip, timeout: 240_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | undefined;
  let page: Page | undefined;
  const problems: string[] = [];
  try {
    const admin = await server.seedAdmin();
    const orgId = admin.organisationId;
    const responder = await server.seedUser(orgId, 'first_responder');
    const session = await apiLogin(server.url, responder.email, responder.password);
    const created = await fetch(`${server.url}/api/organisations/${orgId}/cases`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify(adultCaseBody({ givenName: 'Mohammed', familyName: 'Al-Hassan', dateOfBirth: '1991-03-14' })),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const existing = ((await created.json()) as { case: { id: string; reference: string } }).case;

    browser = await launchChromium();
    page = await watchedPage(await desktopContext(browser), { problems });
    const shot = (name: string) => page!.screenshot({ path: `${ARTIFACTS}duplicate-check-${name}.png`, fullPage: true });
    await signInAs(page, server.url, responder);
    await page.getByRole('link', { name: text(en, 'nav.cases'), exact: true }).click();
    await page.getByRole('link', { name: text(en, 'cases.newReferral'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: text(en, 'intake.title') }).waitFor();

    // The second intake: a transliteration variant of the same name, the same date of birth.
    await page.getByLabel(text(en, 'person.givenName'), { exact: true }).fill('Muhammad');
    await page.getByLabel(text(en, 'person.familyName'), { exact: true }).fill('Alhasan');
    const checked = page.waitForResponse((r) => r.url().endsWith('/persons/duplicate-check') && r.request().method() === 'POST');
    await page.getByLabel(text(en, 'person.dateOfBirth'), { exact: true }).fill('1991-03-14');
    assert.equal((await checked).status(), 200);
    const panel = page.getByRole('region', { name: text(en, 'intake.duplicates.title'), exact: true });
    await panel.waitFor();
    await panel.getByText('Mohammed Al-Hassan', { exact: true }).waitFor();
    assert.match((await panel.textContent()) ?? '', new RegExp(text(en, 'intake.duplicates.fields.date_of_birth')));
    // the reference is interpolated (wrapped in bidi isolates by the app)
    const openLink = panel.getByRole('button', { name: new RegExp(`^${text(en, 'intake.duplicates.openCase').replace('{{reference}}', `[\u2066-\u2069]?${existing.reference}[\u2066-\u2069]?`)}$`) });
    assert.equal(await openLink.count(), 1, 'a link to the existing case');
    // typing goes on: nothing typed was lost, the form still continues
    assert.equal(await page.getByLabel(text(en, 'person.givenName'), { exact: true }).inputValue(), 'Muhammad');
    await shot('01-panel');

    // Arabic: the panel is right to left.
    await page.getByLabel(text(en, 'header.language'), { exact: true }).selectOption('ar');
    const arabicPanel = page.getByRole('region', { name: text(ar, 'intake.duplicates.title'), exact: true });
    await arabicPanel.waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await shot('02-panel-ar');
    await page.getByLabel(text(ar, 'header.language'), { exact: true }).selectOption('en');
    await panel.waitFor();

    // Register a new person anyway: the panel folds; the case is created; the choice is recorded.
    await panel.getByRole('button', { name: text(en, 'intake.duplicates.registerAnyway'), exact: true }).click();
    await page.getByText(text(en, 'intake.duplicates.continuing'), { exact: true }).waitFor();
    await radio(page, text(en, 'person.sex'), text(en, 'sexes.male'));
    await page.getByLabel(text(en, 'person.ageYears'), { exact: true }).fill('35');
    await radio(page, text(en, 'person.ageStatus'), text(en, 'ageStatuses.claimed'));
    const continueTo = async (next: string) => {
      await page!.getByRole('button', { name: text(en, 'intake.continue'), exact: true }).click();
      await page!.getByRole('heading', { level: 2, name: text(en, `intake.steps.${next}`), exact: true }).waitFor();
    };
    await continueTo('circumstances');
    await page.getByRole('group', { name: text(en, 'details.exploitationForms'), exact: true }).getByRole('checkbox', { name: text(en, 'exploitationTypes.labour'), exact: true }).check();
    await continueTo('screening');
    await continueTo('consent');
    for (const topic of ['nrm_purpose', 'support_available', 'possible_outcomes', 'information_sharing']) {
      await page.getByRole('group', { name: text(en, 'consent.topicsExplained'), exact: true }).getByRole('checkbox', { name: text(en, `consentTopics.${topic}`), exact: true }).check();
    }
    await page.getByLabel(text(en, 'consent.language'), { exact: true }).fill('en');
    await radio(page, text(en, 'consent.decision'), text(en, 'consent.given'));
    await continueTo('review');
    await shot('03-review');
    const decided = page.waitForResponse((r) => r.url().endsWith('/persons/duplicate-check/decision'));
    await page.getByRole('button', { name: text(en, 'intake.submit'), exact: true }).click();
    assert.equal((await decided).status(), 204);
    await page.getByRole('heading', { level: 1, name: new RegExp(text(en, 'casePage.title').split('{{')[0]!) }).waitFor();
    await shot('04-new-case');
    assert.deepEqual(problems, []);
  } catch (error) {
    await page?.screenshot({ path: `${ARTIFACTS}duplicate-check-failure.png`, fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});
