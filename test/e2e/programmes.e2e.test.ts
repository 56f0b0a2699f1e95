import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { adultCaseBody, FULL_CONSENT } from '../support/case-fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, desktopContext, launchChromium, locale, signInAs, text, watchedPage } from './e2e-support.ts';

/**
 * Monitoring and evaluation in a real Chromium against the real server: the administrator
 * creates a programme, adds an indicator computed from "Identification decisions" with a target
 * of 20, and opens this year's progress report: 11 decisions (recorded through the API) show as
 * 11, red. Four more decisions are recorded; the report shows 15, amber ("Behind"), and offers the
 * PDF in the interface language. Screenshots: test-artifacts/e2e/programmes-*.png.
 * Run: npm run build && node --import tsx --test test/e2e/programmes.e2e.test.ts
 */

const skip = chromiumSkipReason;
const main = { en: locale('en') };
const pr = { en: locale('programmes/en') };

type TSession = { cookie: string; csrf: string };

async function apiLogin(url: string, email: string, password: string): Promise<TSession> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function apiPost<T>(url: string, session: TSession, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf }, body: JSON.stringify(body) });
  const textBody = await response.text();
  assert.ok(response.status === 200 || response.status === 201, `${path}: ${response.status} ${textBody}`);
  return JSON.parse(textBody) as T;
}

/** A case taken from intake to a positive reasonable-grounds decision, through the API. */
async function decidedCase(url: string, session: TSession, orgId: string): Promise<void> {
  type TCase = { case: { id: string; version: number } };
  const created = await apiPost<TCase>(url, session, `/api/organisations/${orgId}/cases`, adultCaseBody({ givenName: 'Synthetic', familyName: 'Person' }));
  const caseUrl = `/api/organisations/${orgId}/cases/${created.case.id}`;
  const consented = await apiPost<TCase>(url, session, `${caseUrl}/consent`, FULL_CONSENT);
  const referred = await apiPost<TCase>(url, session, `${caseUrl}/referral`, { expectedVersion: consented.case.version });
  await apiPost<TCase>(url, session, `${caseUrl}/decisions`, { kind: 'RG', outcome: 'positive', reasons: ['Indicators of forced labour'], authority: 'competent_authority', expectedVersion: referred.case.version });
}

test('programmes in Chromium: a computed indicator shows its value and follows new decisions', { skip, timeout: 300_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | undefined;
  let page: Page | undefined;
  const problems: string[] = [];
  try {
    const admin = await server.seedAdmin();
    const orgId = admin.organisationId;
    const session = await apiLogin(server.url, admin.email, admin.password);
    for (let i = 0; i < 11; i++) await decidedCase(server.url, session, orgId);
    const year = String(new Date().getFullYear());

    browser = await launchChromium();
    page = await watchedPage(await desktopContext(browser), { problems });
    const shot = (name: string) => page!.screenshot({ path: `${ARTIFACTS}programmes-${name}.png`, fullPage: true });

    // 1. Sign in, open Programmes from the navigation, create a programme.
    await signInAs(page, server.url, admin, /First Admin/);
    await page.getByRole('link', { name: text(pr.en, 'nav.programmes'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: text(pr.en, 'list.title') }).waitFor();
    await page.getByText(text(pr.en, 'list.empty')).waitFor();
    const createForm = page.getByRole('form', { name: text(pr.en, 'create.title') });
    await createForm.getByLabel(text(pr.en, 'create.name'), { exact: true }).fill('National Action Plan');
    await createForm.getByLabel(text(pr.en, 'create.goal'), { exact: true }).fill('Victims are identified and protected');
    await createForm.getByLabel(text(pr.en, 'create.outcome'), { exact: true }).fill('Decisions are taken');
    await createForm.getByRole('button', { name: text(pr.en, 'create.submit'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'National Action Plan' }).waitFor();
    await page.getByText('Decisions are taken', { exact: true }).waitFor();

    // 2. Add a computed indicator: identification decisions, target 20 for this year.
    const indicatorForm = page.getByRole('form', { name: text(pr.en, 'indicator.addComputed') });
    await indicatorForm.getByLabel(text(pr.en, 'indicator.code'), { exact: true }).fill('D1');
    await indicatorForm.getByLabel(text(pr.en, 'indicator.name'), { exact: true }).fill('Decisions taken');
    await indicatorForm.getByLabel(text(pr.en, 'indicator.metric'), { exact: true }).selectOption({ label: 'Identification decisions' });
    // The label interpolates the year (wrapped in bidi isolates), so the field is found by its label's start.
    await indicatorForm.getByLabel(new RegExp(`^${text(pr.en, 'indicator.targetFor').replace('{{period}}', `[\u2066-\u2069]?${year}[\u2066-\u2069]?`)}$`)).fill('20');
    await indicatorForm.getByRole('button', { name: text(pr.en, 'indicator.submit'), exact: true }).click();
    await page.locator('[data-indicator="D1"]').first().waitFor();
    await shot('01-programme');

    // 3. This year's progress report: 11 decisions, 55 % of the target: red.
    await page.getByRole('button', { name: text(pr.en, 'programme.openReport'), exact: true }).click();
    const row = page.locator('tr[data-indicator="D1"]');
    await row.waitFor();
    assert.equal((await row.locator('[data-actual]').textContent())?.trim(), '11');
    assert.equal(await row.getAttribute('data-status'), 'red');
    assert.ok((await row.textContent())?.includes(text(pr.en, 'statuses.red')));
    const pdfHref = await page.getByRole('link', { name: text(pr.en, 'report.download'), exact: true }).getAttribute('href');
    assert.equal(pdfHref, `/api/organisations/${orgId}/programmes/${page.url().split('/')[4]}/progress-reports/${year}.pdf?lang=en`);
    await shot('02-report-before');

    // 4. Four more decisions are recorded; the report follows: 15 of 20 is 75 %: amber.
    for (let i = 0; i < 4; i++) await decidedCase(server.url, session, orgId);
    await page.reload();
    await row.waitFor();
    await page.waitForFunction(() => document.querySelector('tr[data-indicator="D1"] [data-actual]')?.textContent?.trim() === '15');
    assert.equal(await row.getAttribute('data-status'), 'amber');
    assert.ok((await row.textContent())?.includes(text(pr.en, 'statuses.amber')));
    await shot('03-report-after');

    // The PDF behind the link answers (the server renders it through Chromium).
    const pdf = await fetch(`${server.url}${pdfHref}`, { headers: { cookie: session.cookie } });
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.deepEqual(problems, []);
  } catch (error) {
    await page?.screenshot({ path: `${ARTIFACTS}programmes-failure.png`, fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});
