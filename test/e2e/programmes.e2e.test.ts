import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { adultCaseBody, FULL_CONSENT } from '../support/case-fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, desktopContext, launchChromium, locale, signInAs, text, watchedPage } from './e2e-support.ts';

/**
 * Monitoring and evaluation in a real Chromium against the real server: the administrator
 * creates a programme, adds an indicator computed from "Identification decisions" with targets
 * of 20 this year and 30 next year, and opens this year's progress report: 11 decisions (recorded
 * through the API) show as 11, red, with a bar chart of actual against target. Four more
 * decisions are recorded; the report shows 15, amber ("Behind"), and offers the PDF in the
 * interface language. Then the indicator is renamed and this year's target lowered to 15 on the
 * programme page: the report shows the new name, green; in Arabic the page is right to left and
 * the light sits at the start (right) of its status. Screenshots: test-artifacts/e2e/programmes-*.png.
 * Run: npm run build && node --import tsx --test test/e2e/programmes.e2e.test.ts
 */

const skip = chromiumSkipReason;
const main = { en: locale('en'), ar: locale('ar') };
const pr = { en: locale('programmes/en'), ar: locale('programmes/ar') };

/** A label with a numbered {{number}} (the number arrives wrapped in bidi isolates), as an exact pattern. */
function numbered(key: string, n: number): RegExp {
  const escaped = text(pr.en, key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{\\{number\\}\\}', `[\u2066-\u2069]?${n}[\u2066-\u2069]?`);
  return new RegExp(`^${escaped}$`);
}

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

    // 2. Add a computed indicator: identification decisions, target 20 this year and 30 next year.
    const indicatorForm = page.getByRole('form', { name: text(pr.en, 'indicator.addComputed') });
    await indicatorForm.getByLabel(text(pr.en, 'indicator.code'), { exact: true }).fill('D1');
    await indicatorForm.getByLabel(text(pr.en, 'indicator.name'), { exact: true }).fill('Decisions taken');
    await indicatorForm.getByLabel(text(pr.en, 'indicator.metric'), { exact: true }).selectOption({ label: 'Identification decisions' });
    // The first period is suggested (this year), and "Add a period" suggests the next one.
    assert.equal(await indicatorForm.getByLabel(numbered('targets.period', 1)).inputValue(), year);
    await indicatorForm.getByLabel(numbered('targets.value', 1)).fill('20');
    await indicatorForm.getByRole('button', { name: text(pr.en, 'targets.add'), exact: true }).click();
    assert.equal(await indicatorForm.getByLabel(numbered('targets.period', 2)).inputValue(), String(Number(year) + 1));
    await indicatorForm.getByLabel(numbered('targets.value', 2)).fill('30');
    await indicatorForm.getByRole('button', { name: text(pr.en, 'indicator.submit'), exact: true }).click();
    const item = page.locator('li[data-indicator="D1"]');
    await item.waitFor();
    await item.locator(`[data-target="${Number(year) + 1}"]`).waitFor();
    await shot('01-programme');

    // 2b. Add a second outcome (its code is suggested), then a needs assessment with two findings, each informing one outcome.
    await page.locator('summary', { hasText: text(pr.en, 'nodes.add.outcome') }).click();
    const outcomeForm = page.getByRole('form', { name: text(pr.en, 'nodes.add.outcome') });
    assert.equal(await outcomeForm.getByLabel(text(pr.en, 'indicator.code'), { exact: true }).inputValue(), 'O2');
    await outcomeForm.getByLabel(text(pr.en, 'nodes.title'), { exact: true }).fill('Victims receive support');
    await outcomeForm.getByRole('button', { name: text(pr.en, 'nodes.add.outcome'), exact: true }).click();
    await page.locator('.framework-node__title', { hasText: 'Victims receive support' }).waitFor();
    await page.locator('summary', { hasText: text(pr.en, 'assessments.record') }).click();
    const assessmentForm = page.getByRole('form', { name: text(pr.en, 'assessments.record') });
    await assessmentForm.getByLabel(text(pr.en, 'assessments.area'), { exact: true }).fill('North region');
    const finding1 = assessmentForm.getByRole('group', { name: numbered('assessments.finding', 1) });
    await finding1.getByLabel(text(pr.en, 'assessments.summary'), { exact: true }).fill('Few trained labour inspectors');
    await finding1.getByLabel('O1 Decisions are taken', { exact: true }).check();
    await assessmentForm.getByRole('button', { name: text(pr.en, 'assessments.addFinding'), exact: true }).click();
    const finding2 = assessmentForm.getByRole('group', { name: numbered('assessments.finding', 2) });
    await finding2.getByLabel(text(pr.en, 'assessments.severity'), { exact: true }).selectOption('high');
    await finding2.getByLabel(text(pr.en, 'assessments.summary'), { exact: true }).fill('Shelters are full');
    await finding2.getByLabel('O2 Victims receive support', { exact: true }).check();
    await assessmentForm.getByRole('button', { name: text(pr.en, 'assessments.submit'), exact: true }).click();
    await assessmentForm.getByText(text(pr.en, 'assessments.recorded')).waitFor();
    const findings = page.locator('.assessment-list > li > ul > li');
    await findings.nth(1).waitFor();
    assert.deepEqual((await findings.allTextContents()).map((f) => f.replace(/[\u2066-\u2069]/g, '')), [
      `${text(pr.en, 'assessments.categories.capacity_building')} (${text(pr.en, 'assessments.severities.medium')}): Few trained labour inspectors → O1`,
      `${text(pr.en, 'assessments.categories.capacity_building')} (${text(pr.en, 'assessments.severities.high')}): Shelters are full → O2`,
    ]);

    // 3. This year's progress report: 11 decisions, 55 % of the target: red.
    await page.getByRole('button', { name: text(pr.en, 'programme.openReport'), exact: true }).click();
    const row = page.locator('tr[data-indicator="D1"]');
    await row.waitFor();
    assert.equal((await row.locator('[data-actual]').textContent())?.trim(), '11');
    assert.equal(await row.getAttribute('data-status'), 'red');
    assert.ok((await row.textContent())?.includes(text(pr.en, 'statuses.red')));
    // The chart of actual against target: one bar chart for the indicators counted in decisions, drawn as SVG.
    const chart = page.locator('figure[data-chart-unit="decisions"] [role="img"][data-chart-kind="bar"]');
    await chart.locator('svg').first().waitFor();
    assert.ok(((await chart.getAttribute('aria-label')) ?? '').startsWith(text(pr.en, 'report.chart.label').split('{{')[0]!));
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

    // 5. Back on the programme: rename the indicator and lower this year's target to 15.
    await page.getByRole('link', { name: text(pr.en, 'report.back'), exact: true }).click();
    await item.waitFor();
    await item.locator('summary').filter({ hasText: /D1/ }).click();
    const editForm = item.getByRole('form', { name: /D1/ }).filter({ has: page.getByLabel(text(pr.en, 'indicator.name'), { exact: true }) });
    await editForm.getByLabel(text(pr.en, 'indicator.name'), { exact: true }).fill('Identification decisions taken');
    await editForm.getByRole('button', { name: text(pr.en, 'edit.save'), exact: true }).click();
    await editForm.getByText(text(pr.en, 'edit.saved')).waitFor();
    await page.waitForFunction(() => document.querySelector('li[data-indicator="D1"] [data-indicator-name]')?.textContent === 'Identification decisions taken');
    const targetsForm = item.getByRole('form', { name: /D1/ }).filter({ has: page.getByRole('button', { name: text(pr.en, 'edit.saveTargets'), exact: true }) });
    assert.equal(await targetsForm.getByLabel(numbered('targets.period', 1)).inputValue(), year);
    await targetsForm.getByLabel(numbered('targets.value', 1)).fill('15');
    await targetsForm.getByRole('button', { name: text(pr.en, 'edit.saveTargets'), exact: true }).click();
    await targetsForm.getByText(text(pr.en, 'edit.targetsSaved')).waitFor();
    await shot('04-edited');

    // 6. The report follows: the new name, 15 of 15: green; next year's target of 30 is kept.
    await page.getByRole('button', { name: text(pr.en, 'programme.openReport'), exact: true }).click();
    await row.waitFor();
    await page.waitForFunction(() => document.querySelector('tr[data-indicator="D1"]')?.getAttribute('data-status') === 'green');
    assert.ok((await row.textContent())?.includes('Identification decisions taken'));
    assert.equal((await row.locator('[data-target]').textContent())?.trim(), '15');

    // 7. In Arabic the report reads right to left; the light stays beside its words, at their start (the right).
    await page.getByLabel(text(main.en, 'header.language'), { exact: true }).selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { level: 2, name: text(pr.ar, 'report.legend') }).waitFor();
    const status = row.locator('.report-status');
    assert.ok((await status.textContent())?.includes(text(pr.ar, 'statuses.green')));
    const [light, cell] = await Promise.all([status.locator('.light').boundingBox(), status.boundingBox()]);
    assert.ok(light && cell && light.x + light.width / 2 > cell.x + cell.width / 2, `light at ${JSON.stringify(light)} in cell ${JSON.stringify(cell)}`);
    await shot('05-report-ar');

    // 8. In English again: archive the programme (it leaves the list), open it, make it active again.
    await page.getByLabel(text(main.ar, 'header.language'), { exact: true }).selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await page.getByRole('link', { name: text(pr.en, 'report.back'), exact: true }).click();
    await page.getByText(text(pr.en, 'edit.openProgramme'), { exact: true }).click();
    const programmeUrl = page.url();
    await page.getByRole('button', { name: text(pr.en, 'archive.start'), exact: true }).click();
    await page.getByRole('button', { name: text(pr.en, 'archive.confirm'), exact: true }).click();
    await page.waitForURL(/\/programmes$/);
    await page.goto(programmeUrl);
    await page.getByRole('note').filter({ hasText: text(pr.en, 'archive.archivedOn').split('{{')[0]! }).waitFor();
    assert.equal(await page.getByText(text(pr.en, 'edit.openProgramme'), { exact: true }).count(), 0, 'an archived programme offers no editor');
    await page.getByRole('button', { name: text(pr.en, 'archive.restore'), exact: true }).click();
    await page.getByText(text(pr.en, 'edit.openProgramme'), { exact: true }).waitFor();
    assert.equal(await page.getByRole('note').filter({ hasText: text(pr.en, 'archive.archivedOn').split('{{')[0]! }).count(), 0);
    await shot('06-restored');
    assert.deepEqual(problems, []);
  } catch (error) {
    await page?.screenshot({ path: `${ARTIFACTS}programmes-failure.png`, fullPage: true }).catch(() => undefined);
    // What the browser reported (console errors, failed requests) usually explains a blank page.
    if (problems.length > 0) console.error('browser problems:', problems);
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});
