import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { adultCaseBody } from '../support/case-fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, desktopContext, launchChromium, locale, prefix, signInAs, text, type TPageWatch, watchedPage } from './e2e-support.ts';

/**
 * Golden path of "protect and assist" in a real Chromium against the real server: an NGO (a
 * shelter) lists a shelter service at a confidential location; in the government organisation a
 * case worker records the person's consent to share with the NGO and refers the case to the
 * shelter, sharing identity and needs only; the NGO's case worker finds it under "Action needed",
 * sees only the shared fields, accepts, records a delivery and completes. The referrer sees the
 * confidential location withheld, and the referral page is checked in Arabic on a 360 px phone.
 * Screenshots: test-artifacts/e2e/protection-*.png.
 * Run: npm run build && node --import tsx --test test/e2e/protection.e2e.test.ts
 */

const skip = chromiumSkipReason;
const main = { en: locale('en') };
const p = { en: locale('protection/en'), ar: locale('protection/ar') };

type TSessionCookie = { cookie: string; csrf: string };

async function apiLogin(url: string, email: string, password: string): Promise<TSessionCookie> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

async function apiPost<T>(url: string, session: TSessionCookie, path: string, body: unknown, status = 201): Promise<T> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf }, body: JSON.stringify(body) });
  const textBody = await response.text();
  assert.equal(response.status, status, `${path}: ${textBody}`);
  return JSON.parse(textBody) as T;
}

async function signIn(context: BrowserContext, url: string, user: { email: string; password: string }, watch: TPageWatch, who: string): Promise<Page> {
  const page = await watchedPage(context, watch, who);
  await signInAs(page, url, user);
  // The navigation's lazily loaded labels (this namespace and others) have arrived.
  await page.getByRole('link', { name: text(p.en, 'nav.services'), exact: true }).waitFor();
  return page;
}

test('protect and assist golden path in Chromium: directory, consent, referral, inbox, accept, delivery, complete, Arabic', { skip, timeout: 300_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | undefined;
  const problems: string[] = [];
  const consoleErrors: string[] = [];
  try {
    // The government agency (seeded, its admin is platform admin) and the NGO, created through the API.
    const admin = await server.seedAdmin();
    const adminSession = await apiLogin(server.url, admin.email, admin.password);
    const { organisation: ngo } = await apiPost<{ organisation: { id: string } }>(server.url, adminSession, '/api/organisations', { name: 'Safe Harbour Shelter', kind: 'ngo' });
    const ngoManager = await server.seedUser(ngo.id, 'admin');
    const ngoWorker = await server.seedUser(ngo.id, 'case_worker');
    const govWorker = await server.seedUser(admin.organisationId, 'case_worker');
    const govSession = await apiLogin(server.url, govWorker.email, govWorker.password);
    const { case: created } = await apiPost<{ case: { id: string; reference: string } }>(server.url, govSession, `/api/organisations/${admin.organisationId}/cases`, adultCaseBody());

    browser = await launchChromium();
    const watch = { problems, consoleErrors };
    const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}protection-${name}.png`, fullPage: true });

    // 1. The NGO lists its provider entry, a confidential shelter location and a shelter service.
    const nm = await signIn(await desktopContext(browser), server.url, ngoManager, watch, 'nm');
    await nm.getByRole('link', { name: text(p.en, 'nav.services'), exact: true }).click();
    await nm.getByRole('heading', { level: 1, name: text(p.en, 'directory.title') }).waitFor();
    await nm.getByText(text(p.en, 'directory.empty')).waitFor();
    await nm.getByText(text(p.en, 'forms.addOrganization'), { exact: true }).first().click();
    const orgForm = nm.getByRole('form', { name: text(p.en, 'forms.addOrganization') });
    await orgForm.getByLabel(text(p.en, 'forms.organizationName'), { exact: true }).fill('Safe Harbour');
    await orgForm.getByLabel(text(p.en, 'forms.description'), { exact: true }).fill('Shelter and support for women survivors of trafficking');
    await orgForm.getByRole('button', { name: text(p.en, 'forms.addOrganization'), exact: true }).click();
    await orgForm.getByText(text(p.en, 'forms.saved')).waitFor();
    await nm.locator('summary', { hasText: text(p.en, 'forms.addLocation') }).click();
    const locForm = nm.getByRole('form', { name: text(p.en, 'forms.addLocation') });
    await locForm.getByLabel(text(p.en, 'forms.confidential'), { exact: true }).check();
    await locForm.getByLabel(text(p.en, 'forms.locationName'), { exact: true }).fill('Harbour House');
    await locForm.getByLabel(text(p.en, 'forms.address1'), { exact: true }).fill('4 Hidden Lane');
    await locForm.getByLabel(text(p.en, 'forms.city'), { exact: true }).fill('Bristol');
    await locForm.getByLabel(text(p.en, 'forms.country'), { exact: true }).fill('GB');
    await locForm.getByLabel(text(p.en, 'forms.languages'), { exact: true }).fill('en, ro');
    await locForm.getByRole('button', { name: text(p.en, 'forms.addLocation'), exact: true }).click();
    await locForm.getByText(text(p.en, 'forms.saved')).waitFor();
    await nm.locator('summary', { hasText: text(p.en, 'forms.addService') }).click();
    const svcForm = nm.getByRole('form', { name: text(p.en, 'forms.addService') });
    await svcForm.getByLabel(text(p.en, 'forms.serviceName'), { exact: true }).fill('Emergency shelter for women');
    await svcForm.getByLabel(text(p.en, 'kinds.shelter'), { exact: true }).check();
    await svcForm.getByLabel(text(p.en, 'kinds.psychological'), { exact: true }).check();
    await svcForm.getByLabel(text(p.en, 'forms.languages'), { exact: true }).fill('en, ro');
    await svcForm.getByLabel(text(p.en, 'sexes.female'), { exact: true }).check();
    await svcForm.getByLabel(text(p.en, 'forms.minimumAge'), { exact: true }).fill('18');
    await svcForm.getByLabel(text(p.en, 'forms.maximumPlaces'), { exact: true }).fill('12');
    await svcForm.getByLabel(text(p.en, 'forms.availablePlaces'), { exact: true }).fill('3');
    await svcForm.getByLabel(text(p.en, 'forms.atLocation'), { exact: true }).selectOption({ label: 'Harbour House' });
    await svcForm.getByRole('button', { name: text(p.en, 'forms.addService'), exact: true }).click();
    await svcForm.getByRole('status').filter({ hasText: prefix(p.en, 'forms.serviceSaved').trim() }).waitFor();
    await nm.getByRole('link', { name: 'Emergency shelter for women' }).waitFor();
    await shot(nm, '01-directory-ngo');
    // HSDS 3.0: the export downloads as JSON; a file with a wrong field is refused with its path listed.
    const [download] = await Promise.all([nm.waitForEvent('download'), nm.getByRole('button', { name: text(p.en, 'hsds.exportOwn'), exact: true }).click()]);
    const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as { organizations?: { services?: unknown[] }[] };
    assert.equal(exported.organizations?.length, 1);
    assert.equal(exported.organizations?.[0]?.services?.length, 1);
    const broken = structuredClone(exported) as { organizations: { services: Record<string, unknown>[] }[] };
    broken.organizations[0]!.services[0]!.status = 'sometimes';
    await nm.getByLabel(text(p.en, 'hsds.importLabel'), { exact: true }).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await nm.getByRole('alert').filter({ hasText: /organizations\.0\.services\.0/ }).waitFor();
    await shot(nm, '01b-hsds-import-issues');
    // The provider itself sees its confidential address.
    await nm.getByRole('link', { name: 'Emergency shelter for women' }).click();
    await nm.getByText('4 Hidden Lane', { exact: false }).waitFor();
    await shot(nm, '02-service-provider-view');
    // Re-importing the export is accepted. The default export withholds confidential details; the
    // import keeps the sealed details already stored (server/modules/services/hsds.test.ts).
    await nm.getByRole('link', { name: text(p.en, 'directory.back'), exact: true }).click();
    await nm.getByLabel(text(p.en, 'hsds.importLabel'), { exact: true }).setInputFiles({ name: 'directory.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await nm.getByRole('status').filter({ hasText: prefix(p.en, 'hsds.imported').trim() }).waitFor();

    // 2. The government case worker: the directory withholds the shelter's address…
    const gw = await signIn(await desktopContext(browser), server.url, govWorker, watch, 'gw');
    await gw.getByRole('link', { name: text(p.en, 'nav.services'), exact: true }).click();
    await gw.getByLabel(text(p.en, 'directory.kind'), { exact: true }).selectOption('shelter');
    await gw.getByLabel(text(p.en, 'directory.language'), { exact: true }).fill('ro');
    await gw.getByRole('link', { name: 'Emergency shelter for women' }).click();
    await gw.getByText(text(p.en, 'directory.withheld')).waitFor();
    assert.equal(await gw.getByText('Hidden Lane').count(), 0, 'the confidential address leaked to another organisation');
    await shot(gw, '03-service-withheld');

    // …records consent to share identity and needs with the NGO for shelter, and refers the case.
    await gw.goto(`${server.url}/cases/${created.id}`);
    await gw.getByRole('heading', { level: 2, name: text(p.en, 'casePanel.title') }).waitFor();
    await gw.locator('summary', { hasText: text(p.en, 'consents.record') }).click();
    const consentForm = gw.getByRole('form', { name: text(p.en, 'consents.record') });
    await consentForm.getByLabel(text(p.en, 'consents.receivingOrg'), { exact: true }).selectOption({ label: 'Safe Harbour Shelter' });
    await consentForm.getByRole('group', { name: text(p.en, 'consents.purposes') }).getByLabel(text(p.en, 'kinds.shelter'), { exact: true }).check();
    await consentForm.getByLabel(text(p.en, 'fieldGroups.identity_basic'), { exact: true }).check();
    await consentForm.getByLabel(text(p.en, 'fieldGroups.needs'), { exact: true }).check();
    await consentForm.getByLabel(text(p.en, 'consents.language'), { exact: true }).fill('ro');
    await consentForm.getByLabel(text(p.en, 'deliveries.interpreter'), { exact: true }).check();
    await consentForm.getByRole('button', { name: text(p.en, 'consents.submit'), exact: true }).click();
    await consentForm.getByText(text(p.en, 'consents.recorded')).waitFor();
    await gw.locator('summary', { hasText: text(p.en, 'referrals.send') }).click();
    const referralForm = gw.getByRole('form', { name: text(p.en, 'referrals.send') });
    await referralForm.getByLabel(text(p.en, 'referrals.service'), { exact: true }).selectOption({ label: 'Emergency shelter for women — Safe Harbour Shelter' });
    await referralForm.getByLabel(text(p.en, 'referrals.purpose'), { exact: true }).selectOption('shelter');
    await referralForm.getByLabel(text(p.en, 'fieldGroups.identity_basic'), { exact: true }).check();
    await referralForm.getByLabel(text(p.en, 'fieldGroups.needs'), { exact: true }).check();
    await referralForm.getByLabel(text(p.en, 'referrals.needsSummary'), { exact: true }).fill('A safe bed tonight and a GP appointment this week');
    await referralForm.getByLabel(text(p.en, 'referrals.needsLanguages'), { exact: true }).fill('ro');
    // Case workers have no emergency override: the option is not offered.
    assert.equal(await referralForm.getByLabel(text(p.en, 'referrals.emergencyOverride')).count(), 0);
    await referralForm.getByRole('button', { name: text(p.en, 'referrals.submit'), exact: true }).click();
    await referralForm.getByRole('status').filter({ hasText: prefix(p.en, 'referrals.sent').trim() }).waitFor();
    await gw.getByRole('row').filter({ hasText: 'Emergency shelter for women' }).getByText(text(p.en, 'referralStatus.sent')).waitFor();
    await shot(gw, '04-case-panel-referred');

    // 3. The NGO's case worker: "Action needed" shows it; the referral shows exactly the shared fields.
    const nw = await signIn(await desktopContext(browser), server.url, ngoWorker, watch, 'nw');
    await nw.getByRole('link', { name: text(p.en, 'nav.referrals'), exact: true }).click();
    await nw.getByRole('heading', { level: 1, name: text(p.en, 'inbox.title') }).waitFor();
    await nw.getByLabel(text(p.en, 'inbox.boxes.action_needed'), { exact: true }).check();
    const row = nw.getByRole('row').filter({ hasText: 'Emergency shelter for women' });
    await row.waitFor();
    await shot(nw, '05-inbox-action-needed');
    await row.getByRole('link', { name: 'Emergency shelter for women' }).click();
    await nw.getByRole('heading', { level: 2, name: text(p.en, 'referral.sharedTitle') }).waitFor();
    await nw.getByText('Zenobia Quillfeather').waitFor();
    await nw.getByText('A safe bed tonight and a GP appointment this week').waitFor();
    const body = (await nw.locator('main').textContent()) ?? '';
    for (const secret of ['+44 7700 900461', 'Larkspur', 'PX9981237Q', '1994-07-23', created.reference]) {
      assert.ok(!body.includes(secret), `the receiver sees "${secret}", which was not shared`);
    }
    assert.equal(await nw.getByRole('heading', { name: text(p.en, 'fieldGroups.contact') }).count(), 0);
    await shot(nw, '06-referral-shared-fields');
    await nw.getByRole('button', { name: text(p.en, 'referral.accept'), exact: true }).click();
    await nw.getByRole('status').filter({ hasText: text(p.en, 'referral.accepted') }).waitFor();
    await nw.locator('summary', { hasText: text(p.en, 'deliveries.add') }).click();
    const deliveryForm = nw.getByRole('form', { name: text(p.en, 'deliveries.add') });
    await deliveryForm.getByLabel(text(p.en, 'deliveries.when'), { exact: true }).fill('2026-01-15');
    await deliveryForm.getByLabel(text(p.en, 'deliveries.quantity'), { exact: true }).fill('3');
    await deliveryForm.getByLabel(text(p.en, 'deliveries.unit'), { exact: true }).selectOption('night');
    await deliveryForm.getByLabel(text(p.en, 'deliveries.language'), { exact: true }).fill('ro');
    await deliveryForm.getByRole('button', { name: text(p.en, 'deliveries.add'), exact: true }).click();
    await nw.getByRole('cell', { name: '2026-01-15' }).waitFor();
    await shot(nw, '07-referral-accepted-delivery');
    await nw.getByRole('button', { name: text(p.en, 'referral.complete'), exact: true }).click();
    await nw.getByRole('status').filter({ hasText: text(p.en, 'referral.completed') }).waitFor();
    await nw.getByText(text(p.en, 'referral.sharingEnded')).waitFor();
    assert.equal(await nw.getByText('Zenobia').count(), 0, 'the shared copy must end on completion');
    await shot(nw, '08-referral-completed');

    // 4. The referrer sees the completed referral and the NGO's delivery on the case.
    await gw.reload();
    await gw.getByRole('row').filter({ hasText: 'Emergency shelter for women' }).getByText(text(p.en, 'referralStatus.completed')).waitFor();
    await gw.getByRole('cell', { name: '2026-01-15' }).waitFor();
    await shot(gw, '09-case-panel-completed');

    // A compensation claim on the case: opened, filed, an award recorded, in euros.
    await gw.locator('summary', { hasText: text(p.en, 'remedies.open') }).click();
    const claimForm = gw.getByRole('form', { name: text(p.en, 'remedies.open') });
    await claimForm.getByLabel(text(p.en, 'remedies.kind'), { exact: true }).selectOption('employment');
    await claimForm.getByLabel(text(p.en, 'remedies.currency'), { exact: true }).fill('EUR');
    await claimForm.getByLabel(text(p.en, 'remedies.amountClaimed'), { exact: true }).fill('5000');
    await claimForm.getByLabel(text(p.en, 'remedies.unpaidWages'), { exact: true }).fill('1200.50');
    await claimForm.getByRole('button', { name: text(p.en, 'remedies.open'), exact: true }).click();
    await claimForm.getByRole('status').filter({ hasText: text(p.en, 'remedies.opened') }).waitFor();
    await gw.getByRole('button', { name: new RegExp(text(p.en, 'claimStatus.filed')) }).click();
    await gw.locator('summary', { hasText: text(p.en, 'remedies.addMoney') }).click();
    const moneyForm = gw.getByRole('form', { name: text(p.en, 'remedies.addMoney') });
    await moneyForm.getByLabel(/EUR/).fill('3000');
    await moneyForm.getByRole('button', { name: text(p.en, 'remedies.addMoney'), exact: true }).click();
    await gw.getByText(/^3000(\.00)? EUR$/).first().waitFor({ timeout: 10_000 }).catch(async (error: unknown) => { await shot(gw, '09x-failure'); throw error; });
    await shot(gw, '09b-case-remedies');

    // The recovery plan: goals in the areas the survivor chose, in her own words; a status change makes version 2.
    await gw.locator('summary', { hasText: text(p.en, 'plan.start') }).click();
    const planForm = gw.getByRole('form', { name: text(p.en, 'plan.addGoal') });
    await planForm.getByRole('group', { name: text(p.en, 'plan.domains') }).getByLabel(text(p.en, 'domains.housing'), { exact: true }).check();
    await planForm.getByRole('group', { name: text(p.en, 'plan.domains') }).getByLabel(text(p.en, 'domains.employment'), { exact: true }).check();
    await planForm.getByLabel(text(p.en, 'plan.goalDomain'), { exact: true }).selectOption('housing');
    await planForm.getByLabel(text(p.en, 'plan.survivorWords'), { exact: true }).fill('I want my own flat near my sister');
    await planForm.getByLabel(text(p.en, 'plan.owner'), { exact: true }).selectOption('survivor');
    await planForm.getByLabel(text(p.en, 'plan.reviewOn'), { exact: true }).fill('2027-03-01');
    await planForm.getByRole('button', { name: text(p.en, 'plan.save'), exact: true }).click();
    await gw.getByRole('status').filter({ hasText: text(p.en, 'plan.saved') }).waitFor();
    await gw.getByText('I want my own flat near my sister').waitFor();
    // Editing the goal (its status here) saves version 2.
    await gw.getByRole('button', { name: new RegExp(`^${text(p.en, 'plan.editGoalLabel').split('{{')[0]}`) }).click();
    const goalEdit = gw.getByRole('form', { name: new RegExp(`^${text(p.en, 'plan.editGoalLabel').split('{{')[0]}`) });
    await goalEdit.getByLabel(text(p.en, 'plan.goalStatus'), { exact: true }).selectOption('in_progress');
    await goalEdit.getByRole('button', { name: text(p.en, 'plan.saveGoal'), exact: true }).click();
    await gw.getByText(new RegExp(`${text(p.en, 'plan.version').split('{{')[0]}\u2068?2`)).first().waitFor();
    await gw.getByRole('listitem').filter({ hasText: 'I want my own flat near my sister' }).filter({ hasText: text(p.en, 'goalStatus.in_progress') }).first().waitFor();
    await gw.locator('summary', { hasText: text(p.en, 'plan.history') }).click();
    await shot(gw, '09c-case-plan');

    // 5. Arabic, right to left, on a 360 px phone: the referrer's "Sent" inbox and the referral page.
    //    (A completed referral leaves the receiver's inboxes: they list live referrals only.)
    const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'en-GB' });
    const ar = await signIn(phone, server.url, govWorker, watch, 'ar');
    {
      await ar.evaluate(() => window.localStorage.setItem('palermo.language', 'ar'));
      await ar.goto(`${server.url}/service-referrals`);
      await ar.getByRole('heading', { level: 1, name: text(p.ar, 'inbox.title') }).waitFor();
      assert.equal(await ar.evaluate(() => document.documentElement.dir), 'rtl');
      await ar.getByLabel(text(p.ar, 'inbox.boxes.sent'), { exact: true }).check();
      await ar.getByRole('row').filter({ hasText: 'Emergency shelter for women' }).waitFor();
      const overflow = await ar.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `the inbox scrolls sideways at 360 px (${overflow}px)`);
      await shot(ar, '10-inbox-ar-360');
      await ar.getByRole('row').filter({ hasText: 'Emergency shelter for women' }).getByRole('link').first().click();
      await ar.getByRole('heading', { level: 2, name: text(p.ar, 'deliveries.title') }).waitFor();
      await shot(ar, '11-referral-ar-360');
    }
    assert.deepEqual(problems, []);
  } catch (error) {
    if (consoleErrors.length) console.error('browser console errors:\n' + consoleErrors.join('\n'));
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});
