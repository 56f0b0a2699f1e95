import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, desktopContext, launchChromium, locale, prefix, signInAs, text, type TLocale, watchedPage } from './e2e-support.ts';

/**
 * Golden path of "hold traffickers accountable" in a real Chromium against the real server and
 * the built web app: an investigator opens an investigation, adds two suspects, charges one with
 * trafficking and one with a lesser related offence, prosecutes both, records both convictions and
 * a custodial sentence, then reads the attrition funnel (suspects 2 → charged 2 → convicted of
 * trafficking 1 / of another offence only 1 → custody 1) and sees it in Arabic, right to left.
 * Screenshots land in test-artifacts/e2e/justice-*.png (gitignored).
 * Run: npm run build && node --import tsx --test test/e2e/justice.e2e.test.ts
 */


/** A locale string with its {{variables}} filled in, as used in aria-labels (no bidi isolates there). */
function label(strings: TLocale, key: string, values: Record<string, string>): string {
  return text(strings, key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => values[name] ?? '');
}

const skip = chromiumSkipReason;
const main = { en: locale('en'), ar: locale('ar') };
const j = { en: locale('justice/en'), ar: locale('justice/ar') };

/** The investigation's dates: all in 2025, so the cohort and the period funnels both have one 2025 row. */
const DAYS = { opened: '2025-03-03', identified: '2025-03-10', charged: '2025-04-01', prosecuted: '2025-05-02', convicted: '2025-09-01', sentenced: '2025-09-15' };

test('justice golden path in Chromium: investigation, two suspects, charges, convictions, sentence, funnel, Arabic', { skip, timeout: 240_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | undefined;
  let page: Page | undefined;
  const problems: string[] = [];
  // Every console error, printed only when the test fails (signed-out 401s are expected noise).
  const consoleErrors: string[] = [];
  try {
    const admin = await server.seedAdmin();
    const investigator = await server.seedUser(admin.organisationId, 'investigator');
    browser = await launchChromium();
    page = await watchedPage(await desktopContext(browser), { problems, consoleErrors });
    const p = page;
    const shot = (name: string) => p.screenshot({ path: `${ARTIFACTS}justice-${name}.png`, fullPage: true });

    // 1. Sign in as the investigator; the navigation offers "Investigations".
    await signInAs(p, server.url, investigator);
    await p.getByRole('link', { name: text(j.en, 'nav.investigations'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: text(j.en, 'list.title') }).waitFor();
    await p.getByText(text(j.en, 'list.empty')).waitFor();
    await shot('01-investigations-empty');

    // 2. An operation (the network), then an investigation in it: sexual exploitation, financial
    //    investigation, cooperation with Romania.
    await p.getByRole('button', { name: text(j.en, 'operations.create'), exact: true }).click();
    await p.getByLabel(text(j.en, 'operations.codeName'), { exact: true }).fill('Nightingale');
    await p.getByLabel(text(j.en, 'operations.openedOn'), { exact: true }).fill(DAYS.opened);
    await p.getByRole('button', { name: text(j.en, 'operations.createSubmit'), exact: true }).click();
    await p.getByRole('row').filter({ hasText: 'Nightingale' }).waitFor();
    await p.getByRole('link', { name: text(j.en, 'list.open'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: text(j.en, 'newInvestigation.title') }).waitFor();
    await p.getByLabel(text(j.en, 'investigation.agency'), { exact: true }).fill('National Crime Agency — MSHT Unit');
    await p.getByLabel(text(j.en, 'investigation.openedOn'), { exact: true }).fill(DAYS.opened);
    await p.getByRole('combobox', { name: text(j.en, 'investigation.operation') }).selectOption({ label: 'Nightingale' });
    await p.getByLabel(text(j.en, 'exploitationForms.sexual'), { exact: true }).check();
    await p.getByLabel(text(j.en, 'techniques.financial_investigation'), { exact: true }).check();
    await p.getByLabel(text(j.en, 'countries.choose'), { exact: true }).selectOption('RO');
    await p.getByRole('button', { name: text(j.en, 'countries.add'), exact: true }).click();
    await p.locator('.justice-chips').getByText('Romania').waitFor();
    await shot('02-open-investigation');
    await p.getByRole('button', { name: text(j.en, 'newInvestigation.submit'), exact: true }).click();
    const heading = p.getByRole('heading', { level: 1, name: new RegExp(`^${prefix(j.en, 'investigation.title')}\u2068?INV-2025-`) });
    await heading.waitFor();
    const investigationPath = new URL(p.url()).pathname;
    assert.match(investigationPath, /^\/investigations\/[0-9a-f-]{36}$/);
    await p.getByRole('status').filter({ hasText: prefix(j.en, 'newInvestigation.opened').trim() }).waitFor();

    // 3. Two suspects.
    await addSuspect(p, { given: 'Ivan', family: 'Petrov', role: 'exploiter', sex: text(j.en, 'sexes.male') });
    await addSuspect(p, { given: 'Maria', family: 'Lopez', role: 'recruiter', sex: text(j.en, 'sexes.female') });
    const ivan = p.getByRole('article', { name: 'Ivan Petrov' });
    const maria = p.getByRole('article', { name: 'Maria Lopez' });

    // 4. Charges: trafficking for one, a lesser related offence for the other; prosecutions for both.
    await charge(p, ivan, 'Ivan Petrov', text(j.en, 'offenceCategories.trafficking'), 'MSA 2015 s.2');
    await charge(p, maria, 'Maria Lopez', text(j.en, 'offenceCategories.lesser_related'), 'SOA 1956 s.33A');
    await prosecute(p, ivan, 'Ivan Petrov');
    await prosecute(p, maria, 'Maria Lopez');

    // 5. Both convicted; a custodial sentence for the trafficker.
    await convict(p, ivan);
    await convict(p, maria);
    await ivan.getByRole('button', { name: label(j.en, 'sentences.addFor', { name: 'Ivan Petrov' }), exact: true }).click();
    await p.getByLabel(text(j.en, 'sentences.custodialMonths')).fill('48');
    await p.getByLabel(text(j.en, 'sentences.sentencedOn'), { exact: true }).fill(DAYS.sentenced);
    await p.getByRole('button', { name: text(j.en, 'sentences.submit'), exact: true }).click();
    // "{{months}} months in custody", the number wrapped in bidi isolates as the app renders it.
    await ivan.getByText(new RegExp(`48\\W*${text(j.en, 'sentences.custody_other').split('}}')[1] ?? ''}`)).waitFor();
    assert.equal(await maria.getByText(text(j.en, 'sentences.empty')).count(), 1);
    // Each confirmation shows next to the button that was used, one at a time.
    assert.equal(await p.locator('[role="status"]:not(:empty)').count(), 1);
    await shot('03-investigation-recorded');

    // 6. The funnel, as a table: the 2025 cohort is 2 → 2 → 2 → 1 trafficking + 1 other only → 1 custody.
    await p.getByRole('link', { name: text(j.en, 'nav.investigations'), exact: true }).click();
    await p.getByRole('row').filter({ hasText: 'National Crime Agency' }).waitFor();
    // The operation counts what concerns it: one investigation, two suspects.
    const operation = p.getByRole('row').filter({ hasText: 'Nightingale' });
    assert.equal((await operation.getByRole('cell').nth(2).textContent())?.trim(), '1');
    assert.equal((await operation.getByRole('cell').nth(3).textContent())?.trim(), '2');
    // Sharing with an organisation that does not exist is refused on the identifier field.
    await operation.getByRole('button', { name: label(j.en, 'operations.shareFor', { operation: 'Nightingale' }), exact: true }).click();
    await operation.getByLabel(text(j.en, 'operations.organisationId'), { exact: true }).fill('00000000-0000-4000-8000-000000000000');
    await operation.getByRole('button', { name: text(j.en, 'operations.shareSubmit'), exact: true }).click();
    await operation.getByText(text(j.en, 'operations.unknownOrganisation')).waitFor();
    await shot('04-investigations-list');
    await p.getByRole('link', { name: text(j.en, 'list.funnel'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: text(j.en, 'funnel.title') }).waitFor();
    await p.getByRole('figure', { name: '2025' }).waitFor();
    await shot('05-funnel-chart');
    await p.getByLabel(text(j.en, 'funnel.viewTable'), { exact: true }).check();
    const expected = { suspects: '2', charged: '2', prosecuted: '2', convictedTrafficking: '1', convictedOtherOnly: '1', custodial: '1' };
    assert.deepEqual(await funnelRow(p, 2025), expected);
    await shot('06-funnel-table');
    // Period mode counts each stage in the calendar year it was reached: the same 2025 numbers here.
    await p.getByLabel(text(j.en, 'funnelModes.period'), { exact: true }).check();
    await p.getByRole('columnheader', { name: text(j.en, 'funnel.calendarYear'), exact: true }).waitFor();
    assert.deepEqual(await funnelRow(p, 2025), expected);

    // 7. Arabic: right to left, the funnel's heading in Arabic, the numbers unchanged.
    await p.getByLabel(text(main.en, 'header.language'), { exact: true }).selectOption('ar');
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'ar');
    await p.getByRole('heading', { level: 1, name: text(j.ar, 'funnel.title') }).waitFor();
    await p.getByRole('link', { name: text(j.ar, 'nav.investigations'), exact: true }).waitFor();
    await p.getByLabel(text(j.ar, 'funnel.viewChart'), { exact: true }).check();
    await p.getByRole('figure', { name: '2025' }).waitFor();
    await shot('07-funnel-arabic');

    // 8. Phone width in Arabic: nothing spills sideways on the funnel or the investigation.
    await p.setViewportSize({ width: 360, height: 780 });
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the funnel page scrolls sideways at 360 px');
    await shot('08-funnel-phone-arabic');
    await p.goto(`${server.url}${investigationPath}`);
    await p.getByRole('heading', { level: 1, name: new RegExp(`^${prefix(j.ar, 'investigation.title')}`) }).waitFor();
    assert.equal(await p.evaluate(() => document.documentElement.dir), 'rtl');
    await p.getByRole('article', { name: 'Ivan Petrov' }).waitFor();
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the investigation page scrolls sideways at 360 px');
    await shot('09-investigation-phone-arabic');

    assert.deepEqual(problems, []);
  } catch (error) {
    // Script errors and CSP reports explain most blank or stuck pages.
    if (problems.length || consoleErrors.length) console.error([...problems, ...consoleErrors].join('\n'));
    await page?.screenshot({ path: `${ARTIFACTS}justice-failure.png`, fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});

async function addSuspect(page: Page, suspect: { given: string; family: string; role: string; sex: string }): Promise<void> {
  await page.getByRole('button', { name: text(j.en, 'suspects.add'), exact: true }).click();
  await page.getByLabel(text(j.en, 'suspects.givenName')).fill(suspect.given);
  await page.getByLabel(text(j.en, 'suspects.familyName')).fill(suspect.family);
  await page.getByLabel(text(j.en, 'suspects.role'), { exact: true }).selectOption(suspect.role);
  await page.getByLabel(suspect.sex, { exact: true }).check();
  await page.getByLabel(text(j.en, 'suspects.identifiedOn'), { exact: true }).fill(DAYS.identified);
  await page.getByRole('button', { name: text(j.en, 'suspects.addSubmit'), exact: true }).click();
  await page.getByRole('article', { name: `${suspect.given} ${suspect.family}` }).waitFor();
}

async function charge(page: Page, suspect: Locator, name: string, category: string, offence: string): Promise<void> {
  await suspect.getByRole('button', { name: label(j.en, 'charges.addFor', { name }), exact: true }).click();
  await suspect.getByLabel(category, { exact: true }).check();
  await suspect.getByLabel(text(j.en, 'charges.offenceCode'), { exact: true }).fill(offence);
  await suspect.getByLabel(text(j.en, 'charges.chargedOn'), { exact: true }).fill(DAYS.charged);
  await suspect.getByRole('button', { name: text(j.en, 'charges.submit'), exact: true }).click();
  await suspect.getByText(offence).waitFor();
  await page.getByRole('status').filter({ hasText: prefix(j.en, 'charges.added') }).filter({ hasText: name }).waitFor();
}

async function prosecute(page: Page, suspect: Locator, name: string): Promise<void> {
  await suspect.getByRole('button', { name: label(j.en, 'prosecutions.addFor', { name }), exact: true }).click();
  await suspect.getByLabel(text(j.en, 'prosecutions.court'), { exact: true }).fill('Southwark Crown Court');
  await suspect.getByLabel(text(j.en, 'prosecutions.startedOn'), { exact: true }).fill(DAYS.prosecuted);
  await suspect.getByRole('button', { name: text(j.en, 'prosecutions.submit'), exact: true }).click();
  await suspect.getByText('Southwark Crown Court').waitFor();
  await page.getByRole('status').filter({ hasText: prefix(j.en, 'prosecutions.added') }).filter({ hasText: name }).waitFor();
}

async function convict(page: Page, suspect: Locator): Promise<void> {
  await suspect.getByRole('button', { name: new RegExp(`^${prefix(j.en, 'decision.addFor')}`) }).click();
  await suspect.getByLabel(text(j.en, 'decision.outcome'), { exact: true }).selectOption('convicted');
  assert.equal(await suspect.getByLabel(text(j.en, 'decision.isAppeal'), { exact: true }).isChecked(), false, 'a first decision is not an appeal');
  await suspect.getByLabel(text(j.en, 'decision.decidedOn'), { exact: true }).fill(DAYS.convicted);
  await suspect.getByRole('button', { name: text(j.en, 'decision.submit'), exact: true }).click();
  await suspect.getByText(text(j.en, 'courtOutcomes.convicted'), { exact: true }).waitFor();
  await page.getByRole('status').filter({ hasText: text(j.en, 'courtOutcomes.convicted') }).waitFor();
}

/** The counts of one year's row in the funnel table, by stage. */
async function funnelRow(page: Page, year: number): Promise<Record<string, string>> {
  const row = page.locator(`tr[data-year="${year}"]`);
  await row.waitFor();
  const stages = ['suspects', 'charged', 'prosecuted', 'convictedTrafficking', 'convictedOtherOnly', 'custodial'];
  const counts: Record<string, string> = {};
  for (const stage of stages) counts[stage] = ((await row.locator(`td[data-stage="${stage}"] .funnel-table__count`).textContent()) ?? '').trim();
  return counts;
}
