import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { adultCaseBody, FULL_CONSENT } from '../support/case-fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, desktopContext, launchChromium, locale, prefix, signInAs, text, watchedPage } from './e2e-support.ts';

/**
 * Case transfer golden path in a real Chromium against the real server. Fixtures through the API:
 * a government agency's case (consented, referred into the NRM), the shelter's directory entry,
 * the person's consent to share with the shelter and a service referral to it. In the browser:
 * the shelter's case worker accepts the referral; the government case worker transfers the case
 * to the shelter; the shelter's case worker sees the notification in the header bell, opens the
 * transfer (summary and note), accepts it and lands on the shelter's own new case, where they
 * build a recovery plan with the survivor's goals in her own words, record a delivery, attach a
 * document (a wrong file type is refused first; the upload is downloaded back), and close the
 * case. The government side then sees its case closed and, without kept access, a clear
 * "transferred" notice with the hand-over in its history, and the "accepted" notification.
 * Screenshots: test-artifacts/e2e/transfer-*.png.
 * Run: npm run build && node scripts/run-tests.mjs protection-transfer
 */

const skip = chromiumSkipReason;
const main = { en: locale('en') };
const p = { en: locale('protection/en'), ar: locale('protection/ar') };
const settings = { en: locale('settings/en') };
const mainAr = locale('ar');
const NOTE = 'She asks to stay near her sister in Bristol; speaks Romanian, some English.';
const GOALS = { housing: 'I want my own flat near my sister', employment: 'I want to work as a seamstress again', employmentEdited: 'I want to sew again, and one day have my own workshop' };
const NEEDS = { housingNote: 'Sleeping on a friend\'s sofa', summary: 'Safe housing first; work once she feels settled.' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

type TSession = { cookie: string; csrf: string };

async function apiLogin(url: string, user: { email: string; password: string }): Promise<TSession> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }) });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function apiCall<T>(url: string, session: TSession, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET') Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': session.csrf });
  const response = await fetch(`${url}${path}`, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body ?? {}) });
  const textBody = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${textBody}`);
  return (textBody ? JSON.parse(textBody) : undefined) as T;
}

test('case transfer golden path in Chromium: referral accepted, transfer requested, notified, accepted, plan, delivery, document, closed', { skip, timeout: 300_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | undefined;
  const problems: string[] = [];
  const consoleErrors: string[] = [];
  const pages: [string, Page][] = [];
  try {
    // ── Fixtures through the API ──
    const admin = await server.seedAdmin();
    const gov = admin.organisationId;
    const adminSession = await apiLogin(server.url, admin);
    const { organisation: shelter } = await apiCall<{ organisation: { id: string } }>(server.url, adminSession, 'POST', '/api/organisations', { name: 'Safe Harbour Shelter', kind: 'ngo' });
    const shelterAdmin = await server.seedUser(shelter.id, 'admin');
    const shelterWorker = await server.seedUser(shelter.id, 'case_worker');
    const govWorker = await server.seedUser(gov, 'case_worker');
    const shelterAdminSession = await apiLogin(server.url, shelterAdmin);
    const govSession = await apiLogin(server.url, govWorker);

    const directory = await apiCall<{ id: string }>(server.url, shelterAdminSession, 'POST', `/api/organisations/${shelter.id}/directory/organizations`,
      { name: 'Safe Harbour', alternateName: null, description: 'Shelter and support for women survivors of trafficking', email: null, website: null });
    const { service } = await apiCall<{ service: { id: string } }>(server.url, shelterAdminSession, 'POST', `/api/organisations/${shelter.id}/services`, {
      organizationId: directory.id, name: 'Emergency shelter for women', alternateName: null, description: 'Emergency accommodation', url: null, email: null,
      status: 'active', kinds: ['shelter', 'psychological'], eligibility: { sexes: [], minimumAge: null, maximumAge: null, nationalities: [], description: null },
      languages: ['en', 'ro'], capacity: { maximum: 12, available: 3 }, interpretationServices: null, applicationProcess: null, feesDescription: null,
    });

    // The government case: created, the person's informed consent, referred into the NRM.
    const caseUrl = (orgId: string, caseId: string) => `/api/organisations/${orgId}/cases/${caseId}`;
    const { case: created } = await apiCall<{ case: { id: string; reference: string } }>(server.url, adminSession, 'POST', `/api/organisations/${gov}/cases`, adultCaseBody());
    await apiCall(server.url, adminSession, 'POST', `${caseUrl(gov, created.id)}/consent`, FULL_CONSENT);
    const { case: consented } = await apiCall<{ case: { version: number } }>(server.url, adminSession, 'GET', caseUrl(gov, created.id));
    await apiCall(server.url, adminSession, 'POST', `${caseUrl(gov, created.id)}/referral`, { expectedVersion: consented.version });
    // Consent to share with the shelter, and the service referral to it.
    await apiCall(server.url, govSession, 'POST', `${caseUrl(gov, created.id)}/service-consents`,
      { receivingOrgId: shelter.id, purposes: ['shelter'], fieldGroups: ['identity_basic', 'needs'], decision: 'given', basis: 'person', language: 'ro', interpreterUsed: true });
    await apiCall(server.url, govSession, 'POST', `${caseUrl(gov, created.id)}/service-referrals`, {
      serviceId: service.id, serviceAtLocationId: null, purpose: 'shelter', fieldGroups: ['identity_basic', 'needs'],
      needs: { summary: 'A safe bed tonight and a GP appointment this week', languages: ['ro'] }, safetyNotes: null,
    });

    browser = await launchChromium();
    /** A watched page signed in as `user`, remembered for the failure screenshots. */
    const signIn = async (context: BrowserContext, user: { email: string; password: string }, who: string): Promise<Page> => {
      const page = await watchedPage(context, { problems, consoleErrors }, who);
      pages.push([who, page]);
      await signInAs(page, server.url, user);
      return page;
    };
    const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}transfer-${name}.png`, fullPage: true });
    const newContext = () => desktopContext(browser!);

    // ── 1. The shelter's case worker accepts the referral ──
    const sw = await signIn(await newContext(), shelterWorker, 'shelter');
    await sw.getByRole('link', { name: text(p.en, 'nav.referrals'), exact: true }).click();
    await sw.getByLabel(text(p.en, 'inbox.boxes.action_needed'), { exact: true }).check();
    await sw.getByRole('row').filter({ hasText: 'Emergency shelter for women' }).getByRole('link', { name: 'Emergency shelter for women' }).click();
    await sw.getByRole('button', { name: text(p.en, 'referral.accept'), exact: true }).click();
    await sw.getByRole('status').filter({ hasText: text(p.en, 'referral.accepted') }).waitFor();
    await shot(sw, '01-referral-accepted');

    // ── 2. The government case worker transfers the case to the shelter ──
    const gw = await signIn(await newContext(), govWorker, 'gov');
    await gw.getByRole('link', { name: text(main.en, 'nav.cases'), exact: true }).click();
    await gw.getByRole('link', { name: created.reference }).click();
    await gw.getByRole('heading', { level: 2, name: text(p.en, 'transfers.caseTitle') }).waitFor();
    await gw.getByText(text(p.en, 'transfers.historyEmpty')).waitFor();
    await gw.locator('summary', { hasText: text(p.en, 'transfers.request') }).click();
    const transferForm = gw.getByRole('form', { name: text(p.en, 'transfers.request') });
    // The language is checked before sending.
    await transferForm.getByLabel(text(p.en, 'transfers.receivingOrg'), { exact: true }).selectOption({ label: 'Safe Harbour Shelter' });
    await transferForm.getByRole('button', { name: text(p.en, 'transfers.submit'), exact: true }).click();
    await transferForm.getByText(text(p.en, 'forms.languageCode')).waitFor();
    // An adult consents personally: that is the only basis offered.
    assert.deepEqual(await transferForm.getByLabel(text(p.en, 'transfers.basis'), { exact: true }).locator('option').allTextContents(), [text(p.en, 'bases.person')]);
    await transferForm.getByLabel(text(p.en, 'transfers.language'), { exact: true }).fill('ro');
    await transferForm.getByLabel(text(p.en, 'deliveries.interpreter'), { exact: true }).check();
    await transferForm.getByLabel(text(p.en, 'transfers.note'), { exact: true }).fill(NOTE);
    await shot(gw, '02-transfer-form');
    await transferForm.getByRole('button', { name: text(p.en, 'transfers.submit'), exact: true }).click();
    await gw.getByRole('status').filter({ hasText: prefix(p.en, 'transfers.requested').trim() }).waitFor();
    await gw.getByRole('row').filter({ hasText: 'Safe Harbour Shelter' }).getByText(text(p.en, 'transferStatus.requested')).waitFor();
    await gw.getByText(text(p.en, 'transfers.openAlready')).waitFor();
    await shot(gw, '03-case-transfer-requested');
    await gw.locator('section[aria-labelledby="case-transfers"]').screenshot({ path: `${ARTIFACTS}transfer-03b-transfer-section.png` });
    // The sender sees it under "Outgoing" on the transfers page.
    await gw.getByRole('link', { name: text(p.en, 'nav.transfers'), exact: true }).click();
    await gw.getByLabel(text(p.en, 'transferInbox.boxes.outgoing'), { exact: true }).check();
    await gw.getByRole('row').filter({ hasText: 'Safe Harbour Shelter' }).filter({ hasText: created.reference }).waitFor();

    // ── 3. The shelter's case worker: the bell, the notification, the transfer ──
    await sw.goto(`${server.url}/`);
    // Two notices: the referral received before (step 1) and the transfer request.
    const bell = sw.getByRole('link', { name: text(main.en, 'notifications.bellUnread').replace('{{count}}', '2'), exact: true });
    await bell.waitFor();
    await shot(sw, '04-bell-unread');
    await bell.click();
    await sw.getByRole('heading', { level: 1, name: text(main.en, 'notifications.title') }).waitFor();
    await sw.getByText(text(main.en, 'notifications.kinds.serviceReferral.received'), { exact: true }).waitFor();
    await sw.getByRole('link').filter({ hasText: text(main.en, 'notifications.openReferral') }).waitFor();
    const requestedText = text(main.en, 'notifications.kinds.caseTransfer.requested');
    await sw.getByText(requestedText, { exact: true }).waitFor();
    await shot(sw, '05-notifications');
    await sw.getByRole('link', { name: text(main.en, 'notifications.openLabel').replace('{{what}}', requestedText), exact: true }).click();
    await sw.getByRole('heading', { level: 1, name: new RegExp(`^${prefix(p.en, 'transfer.headingFrom')}\u2068?Ministry`) }).waitFor();
    await sw.getByText(NOTE).waitFor();
    // The summary has no name, no contact, no case reference of the sender.
    const summary = (await sw.locator('main').textContent()) ?? '';
    for (const secret of ['Zenobia', 'Quillfeather', '+44 7700 900461', created.reference]) assert.ok(!summary.includes(secret), `the transfer summary shows "${secret}"`);
    await sw.getByText(text(main.en, 'exploitationTypes.labour')).waitFor();
    // Reading the notice marked it read: the bell counts only the referral notice now.
    await sw.getByRole('link', { name: text(main.en, 'notifications.bellUnread').replace('{{count}}', '1'), exact: true }).waitFor();
    await shot(sw, '06-transfer-incoming');
    await sw.getByRole('button', { name: text(p.en, 'transfer.accept'), exact: true }).click();
    // Accepting opens the shelter's own new case, with the person's identity now readable here.
    await sw.getByRole('status').filter({ hasText: text(p.en, 'transfer.accepted') }).waitFor();
    await sw.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const newCaseId = new URL(sw.url()).pathname.split('/').pop() ?? '';
    assert.notEqual(newCaseId, created.id, 'the receiver gets its own case');
    await sw.getByText('Zenobia Quillfeather').first().waitFor();
    await shot(sw, '07-new-case');

    // ── 4. The recovery plan, in the survivor's own words ──
    await sw.locator('summary', { hasText: text(p.en, 'plan.start') }).click();
    const planForm = sw.getByRole('form', { name: text(p.en, 'plan.addGoal') });
    const domains = planForm.getByRole('group', { name: text(p.en, 'plan.domains') });
    await domains.getByLabel(text(p.en, 'domains.housing'), { exact: true }).check();
    await domains.getByLabel(text(p.en, 'domains.employment'), { exact: true }).check();
    await planForm.getByLabel(text(p.en, 'plan.goalDomain'), { exact: true }).selectOption('housing');
    await planForm.getByLabel(text(p.en, 'plan.survivorWords'), { exact: true }).fill(GOALS.housing);
    await planForm.getByLabel(text(p.en, 'plan.owner'), { exact: true }).selectOption('survivor');
    await planForm.getByLabel(text(p.en, 'plan.reviewOn'), { exact: true }).fill('2027-03-01');
    await planForm.getByRole('button', { name: text(p.en, 'plan.save'), exact: true }).click();
    await sw.getByText(GOALS.housing).waitFor();
    // "Saved" comes with the form's reset: only then is it ready for the next goal.
    await sw.getByRole('status').filter({ hasText: text(p.en, 'plan.saved') }).waitFor();
    await planForm.getByLabel(text(p.en, 'plan.goalDomain'), { exact: true }).selectOption('employment');
    await planForm.getByLabel(text(p.en, 'plan.survivorWords'), { exact: true }).fill(GOALS.employment);
    await planForm.getByLabel(text(p.en, 'plan.reviewOn'), { exact: true }).fill('2027-06-01');
    await planForm.getByRole('button', { name: text(p.en, 'plan.save'), exact: true }).click();
    await sw.getByText(GOALS.employment).waitFor();
    await sw.getByText(new RegExp(`${text(p.en, 'plan.version').split('{{')[0]}\u2068?2`)).first().waitFor();
    const planVersion = (n: number) => sw.getByText(new RegExp(`${text(p.en, 'plan.version').split('{{')[0]}\u2068?${n}`)).first();

    // The needs assessment, area by area (version 3): shown with the plan once saved.
    await sw.locator('summary', { hasText: text(p.en, 'plan.needs.record') }).click();
    const needsForm = sw.getByRole('form', { name: text(p.en, 'plan.needs.title') });
    const housingNeed = needsForm.getByRole('group', { name: text(p.en, 'domains.housing'), exact: true });
    await housingNeed.getByLabel(text(p.en, 'plan.needs.level'), { exact: true }).selectOption('urgent');
    await housingNeed.getByLabel(text(p.en, 'plan.needs.note'), { exact: true }).fill(NEEDS.housingNote);
    await needsForm.getByRole('group', { name: text(p.en, 'domains.employment'), exact: true }).getByLabel(text(p.en, 'plan.needs.level'), { exact: true }).selectOption('medium');
    await needsForm.getByLabel(text(p.en, 'plan.needs.summary'), { exact: true }).fill(NEEDS.summary);
    await needsForm.getByRole('button', { name: text(p.en, 'plan.needs.save'), exact: true }).click();
    await planVersion(3).waitFor();
    await sw.locator('.plan-summary', { hasText: NEEDS.summary }).waitFor();
    await sw.getByText(new RegExp(`${text(p.en, 'needLevels.urgent')} — \u2068?${NEEDS.housingNote}`)).waitFor();

    // A goal edited in place (version 4): the survivor's new words, a status and a new review date.
    await sw.getByRole('button', { name: new RegExp(`^${text(p.en, 'plan.editGoalLabel').split('{{')[0]}\u2068?2`) }).click();
    const goalEdit = sw.getByRole('form', { name: new RegExp(`^${text(p.en, 'plan.editGoalLabel').split('{{')[0]}\u2068?2`) });
    await goalEdit.getByLabel(text(p.en, 'plan.survivorWords'), { exact: true }).fill(GOALS.employmentEdited);
    await goalEdit.getByLabel(text(p.en, 'plan.goalStatus'), { exact: true }).selectOption('in_progress');
    await goalEdit.getByLabel(text(p.en, 'plan.reviewOn'), { exact: true }).fill('2027-04-15');
    await goalEdit.getByRole('button', { name: text(p.en, 'plan.saveGoal'), exact: true }).click();
    await planVersion(4).waitFor();
    await sw.getByText(GOALS.employmentEdited).waitFor();
    await sw.getByText('2027-04-15').first().waitFor();
    assert.equal(await sw.getByText(GOALS.employment, { exact: true }).count(), 0, 'the latest version shows the new words');

    // The history keeps version 2 as it was: opening it shows the old words.
    await sw.locator('summary', { hasText: text(p.en, 'plan.history') }).click();
    await sw.getByRole('button', { name: new RegExp(`${text(p.en, 'plan.showVersion').split('{{')[0]}\u2068?2`) }).click();
    const oldVersion = sw.getByRole('region', { name: new RegExp(`${text(p.en, 'plan.versionShown').split('{{')[0]}\u2068?2`) });
    await oldVersion.getByText(GOALS.employment, { exact: true }).waitFor();
    await oldVersion.getByText(text(p.en, 'plan.needs.empty')).waitFor();
    await shot(sw, '07b-plan-needs-and-history');

    // ── 5. A service delivery ──
    await sw.locator('summary', { hasText: text(p.en, 'deliveries.add') }).click();
    const deliveryForm = sw.getByRole('form', { name: text(p.en, 'deliveries.add') });
    await deliveryForm.getByLabel(text(p.en, 'deliveries.when'), { exact: true }).fill('2026-11-20');
    await deliveryForm.getByLabel(text(p.en, 'deliveries.quantity'), { exact: true }).fill('7');
    await deliveryForm.getByLabel(text(p.en, 'deliveries.unit'), { exact: true }).selectOption('night');
    await deliveryForm.getByLabel(text(p.en, 'deliveries.language'), { exact: true }).fill('ro');
    await deliveryForm.getByRole('button', { name: text(p.en, 'deliveries.add'), exact: true }).click();
    await sw.getByRole('cell', { name: '2026-11-20' }).waitFor();
    await shot(sw, '08-plan-and-delivery');

    // ── 6. Documents: a wrong type is refused in the browser, a PDF is stored and comes back intact ──
    await sw.getByRole('heading', { level: 2, name: text(p.en, 'documents.title') }).waitFor();
    await sw.getByText(text(p.en, 'documents.none')).waitFor();
    const fileInput = sw.getByLabel(text(p.en, 'documents.file'), { exact: true });
    await fileInput.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ\u0090\u0000') });
    await sw.getByRole('alert').filter({ hasText: text(p.en, 'documents.wrongType') }).waitFor();
    await fileInput.setInputFiles({ name: 'support-letter.pdf', mimeType: 'application/pdf', buffer: PDF });
    await sw.getByRole('status').filter({ hasText: text(p.en, 'documents.uploaded').replace('{{name}}', '\u2068support-letter.pdf\u2069') }).waitFor();
    const documentRow = sw.getByRole('row').filter({ hasText: 'support-letter.pdf' });
    await documentRow.waitFor();
    const [download] = await Promise.all([
      sw.waitForEvent('download'),
      documentRow.getByRole('button', { name: text(p.en, 'documents.downloadName').replace('{{name}}', 'support-letter.pdf'), exact: true }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'support-letter.pdf');
    assert.deepEqual(readFileSync((await download.path()) ?? ''), PDF, 'the downloaded document is the uploaded one');
    await shot(sw, '09-documents');
    await sw.locator('section[aria-labelledby="case-documents"]').screenshot({ path: `${ARTIFACTS}transfer-09b-documents-section.png` });

    // ── 7. The shelter closes the case ──
    await sw.getByRole('button', { name: text(main.en, 'caseActions.close'), exact: true }).click();
    await sw.getByLabel(text(main.en, 'casePage.closureReason'), { exact: true }).selectOption('other');
    await sw.getByRole('button', { name: text(main.en, 'casePage.confirmClosure'), exact: true }).click();
    await sw.getByRole('status').getByText(text(main.en, 'casePage.closed'), { exact: true }).waitFor();
    await shot(sw, '10-new-case-closed');
    const closed = await apiCall<{ case: { status: string; closureReason: string } }>(server.url, await apiLogin(server.url, shelterWorker), 'GET', caseUrl(shelter.id, newCaseId));
    assert.deepEqual([closed.case.status, closed.case.closureReason], ['closed', 'other']);

    // ── 8. The government side: closed as transferred, contents gone, the hand-over on record ──
    await gw.goto(`${server.url}/cases/${created.id}`);
    await gw.getByText(text(p.en, 'transferred.title')).waitFor();
    await gw.getByText(text(p.en, 'transferred.bodyTo').replace('{{organisation}}', '\u2068Safe Harbour Shelter\u2069')).waitFor();
    await gw.getByRole('row').filter({ hasText: 'Safe Harbour Shelter' }).getByText(text(p.en, 'transferStatus.accepted')).waitFor();
    assert.equal(await gw.getByText('Zenobia').count(), 0, 'the sender kept no access, so no name');
    await shot(gw, '11-sender-case-transferred');
    const govCase = await fetch(`${server.url}${caseUrl(gov, created.id)}`, { headers: { cookie: govSession.cookie } });
    assert.equal(govCase.status, 403);
    assert.equal(((await govCase.json()) as { error: { details: { reason: string } } }).error.details.reason, 'CASE_TRANSFERRED');
    await gw.getByRole('link', { name: text(main.en, 'nav.cases'), exact: true }).click();
    await gw.getByRole('row').filter({ hasText: created.reference }).getByText(text(main.en, 'caseStatus.closed')).waitFor();
    // The requester was told: the bell counts the "accepted" notice and the shelter's answer to the referral.
    await gw.getByRole('link', { name: text(main.en, 'notifications.bellUnread').replace('{{count}}', '2'), exact: true }).click();
    await gw.getByText(text(main.en, 'notifications.kinds.caseTransfer.accepted'), { exact: true }).waitFor();
    await gw.getByText(text(main.en, 'notifications.kinds.serviceReferral.responded'), { exact: true }).waitFor();
    await gw.getByRole('button', { name: text(main.en, 'notifications.markAllRead'), exact: true }).click();
    await gw.getByText(text(main.en, 'notifications.allRead')).waitFor();
    await gw.getByRole('link', { name: text(main.en, 'notifications.bell'), exact: true }).waitFor();
    await shot(gw, '12-sender-notifications');

    // ── 9. The shelter's administrator keeps read access to cases it will transfer (NRM settings) ──
    const sa = await signIn(await newContext(), shelterAdmin, 'shelter-admin');
    await sa.getByRole('link', { name: text(settings.en, 'nav.nrmSettings'), exact: true }).click();
    await sa.getByRole('heading', { level: 2, name: text(p.en, 'transferPolicy.title') }).waitFor();
    await sa.getByText(text(p.en, 'transferPolicy.currentEnd')).waitFor();
    const saveds = sa.getByRole('button', { name: text(p.en, 'transferPolicy.save'), exact: true });
    assert.equal(await saveds.isDisabled(), true, 'nothing to save before a change');
    await sa.getByLabel(text(p.en, 'transferPolicy.keep'), { exact: true }).check();
    await saveds.click();
    await sa.getByRole('status').filter({ hasText: text(p.en, 'transferPolicy.saved') }).waitFor();
    await sa.getByText(text(p.en, 'transferPolicy.currentKeep')).waitFor();
    await shot(sa, '13-transfer-policy');
    const policy = await apiCall<{ keepReadAccess: boolean }>(server.url, shelterAdminSession, 'GET', `/api/organisations/${shelter.id}/transfer-policy`);
    assert.equal(policy.keepReadAccess, true);

    // ── 10. Arabic, right to left, on a 360 px phone: the sender's outgoing transfers and its notifications ──
    const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'en-GB' });
    const ar = await signIn(phone, govWorker, 'ar');
    await ar.evaluate(() => window.localStorage.setItem('palermo.language', 'ar'));
    await ar.goto(`${server.url}/case-transfers`);
    await ar.getByRole('heading', { level: 1, name: text(p.ar, 'transferInbox.title') }).waitFor();
    assert.equal(await ar.evaluate(() => document.documentElement.dir), 'rtl');
    await ar.getByLabel(text(p.ar, 'transferInbox.boxes.outgoing'), { exact: true }).check();
    await ar.getByRole('row').filter({ hasText: 'Safe Harbour Shelter' }).getByText(text(p.ar, 'transferStatus.accepted')).waitFor();
    const overflow = await ar.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the transfers page scrolls sideways at 360 px (${overflow}px)`);
    await shot(ar, '14-transfers-ar-360');
    await ar.getByRole('link', { name: text(mainAr, 'notifications.bell'), exact: true }).click();
    await ar.getByText(text(mainAr, 'notifications.kinds.caseTransfer.accepted'), { exact: true }).waitFor();
    await shot(ar, '15-notifications-ar-360');

    assert.deepEqual(problems, []);
  } catch (error) {
    // Where each browser stood when the test failed.
    for (const [who, page] of pages) await page.screenshot({ path: `${ARTIFACTS}transfer-failure-${who}.png`, fullPage: true }).catch(() => undefined);
    if (consoleErrors.length) console.error('browser console errors:\n' + consoleErrors.join('\n'));
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});
