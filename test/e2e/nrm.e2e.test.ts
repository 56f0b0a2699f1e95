import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DIMENSION_LABELS, type TDimension } from '../../core/screening/dimensions.ts';
import { startTestServer, type TTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, describePage, desktopContext, launchChromium, locale, prefix, signInAs, text, type TLocale, watchedPage } from './e2e-support.ts';

/**
 * Golden paths of "identify, refer, decide" in a real Chromium against the real server and the
 * built web app, with the server's clock moved past the recovery period:
 *   1. adult: a first responder screens, takes consent and refers; a coordinator decides RG,
 *      then (31 days later) CG, and closes; the timeline shows every step.
 *   2. child (disputed age): no consent; the referral waits for a child-protection lead; the
 *      specialist refers and records guardian and best-interests determination; decided, closed.
 * Screenshots land in test-artifacts/e2e/nrm-*.png (gitignored).
 * Run: npm run build && node --import tsx --test test/e2e/nrm.e2e.test.ts
 */


/** A locale string with its {{variables}} filled in (values wrapped in bidi isolates, as the app renders them). */
function filled(strings: TLocale, key: string, values: Record<string, string>): string {
  return text(strings, key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => `\u2068${values[name] ?? ''}\u2069`);
}

/** The longest literal piece of a locale string (between its {{variables}}), for partial matches. */
function literal(strings: TLocale, key: string): string {
  return text(strings, key)
    .split(/\{\{[^}]*\}\}/)
    .reduce((longest, piece) => (piece.trim().length > longest.length ? piece.trim() : longest), '');
}

const skip = chromiumSkipReason;
const en = locale('en');
const ar = locale('ar');

type TUser = { email: string; password: string };

/** A signed-in browser page for one user, collecting CSP violations and script errors. */
async function signedInPage(browser: Browser, server: TTestServer, user: TUser, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await desktopContext(browser);
  const page = await watchedPage(context, { problems, apiFailures });
  await signInAs(page, server.url, user);
  pagesForFailureShots?.push(page);
  return { context, page };
}

/** Pages to photograph when the test fails (set by the test while it runs). */
let pagesForFailureShots: Page[] | undefined;
/** Every API answer of 400 or more, printed when the test fails (some are expected refusals). */
const apiFailures: string[] = [];

function shot(page: Page, name: string) {
  return page.screenshot({ path: `${ARTIFACTS}nrm-${name}.png`, fullPage: true });
}

async function noSidewaysScroll(page: Page, what: string) {
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${what} scrolls sideways at ${page.viewportSize()?.width ?? '?'} px`);
}

async function radio(page: Page | Locator, group: string, option: string) {
  await page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: option, exact: true }).check();
}

/** One dimension's block of the screening form (the same indicator can appear in two dimensions). */
function dimensionRegion(page: Page, dimension: string): Locator {
  return page.getByRole('region', { name: DIMENSION_LABELS[dimension as TDimension].en, exact: true });
}

async function checkbox(page: Page, group: string, option: string) {
  await page.getByRole('group', { name: group, exact: true }).getByRole('checkbox', { name: option, exact: true }).check();
}

async function continueStep(page: Page, nextStep: string) {
  await page.getByRole('button', { name: text(en, 'intake.continue'), exact: true }).click();
  await page.getByRole('heading', { level: 2, name: text(en, `intake.steps.${nextStep}`), exact: true }).waitFor();
}

/** Opens a case from the case list by its reference. */
async function openCase(page: Page, reference: string) {
  await page.getByRole('link', { name: text(en, 'nav.cases'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: text(en, 'cases.title') }).waitFor();
  await page.getByRole('link', { name: reference }).click();
  await caseHeading(page, reference).waitFor();
}

function caseHeading(page: Page, reference: string) {
  return page.getByRole('heading', { level: 1, name: new RegExp(`${prefix(en, 'casePage.title')}.*${reference}`) });
}

/** A titled section of the case page (each is a region named by its heading). */
function section(page: Page, titleKey: string, strings: TLocale = en): Locator {
  return page.getByRole('region', { name: text(strings, titleKey), exact: true });
}

async function expectStatus(page: Page, status: string) {
  await section(page, 'casePage.statusTitle').getByText(text(en, `caseStatus.${status}`), { exact: true }).waitFor();
}

/** Clicks an allowed action's button and fills its reasons, then records. */
async function decide(page: Page, action: string, reasons: string[]) {
  await page.getByRole('button', { name: text(en, `caseActions.${action}`), exact: true }).click();
  await page.getByLabel(text(en, 'casePage.reasons'), { exact: true }).fill(reasons.join('\n'));
  await page.getByRole('button', { name: text(en, 'casePage.recordDecision'), exact: true }).click();
}

async function closeCase(page: Page, reason: string) {
  await page.getByRole('button', { name: text(en, 'caseActions.close'), exact: true }).click();
  await page.getByLabel(text(en, 'casePage.closureReason'), { exact: true }).selectOption(reason);
  await page.getByRole('button', { name: text(en, 'casePage.confirmClosure'), exact: true }).click();
  await page.getByRole('status').getByText(text(en, 'casePage.closed'), { exact: true }).waitFor();
}

/** The translated timeline entries, newest first. */
/**
 * The timeline's action labels, newest first, once `newest` is among them: the timeline is
 * fetched apart from the case, so right after an action it may still be the earlier one.
 */
async function timelineActions(page: Page, newest: string): Promise<string[]> {
  await page.locator('.timeline__action').filter({ hasText: newest }).first().waitFor();
  return page.locator('.timeline__action').allTextContents();
}

test('NRM golden paths in Chromium: adult referral to closure, child pathway to closure', { skip, timeout: 420_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });

  const server = await startTestServer();
  let browser: Browser | undefined;
  const problems: string[] = [];
  const openPages: Page[] = [];
  try {
    const admin = await server.seedAdmin();
    const orgId = admin.organisationId;
    const responder = await server.seedUser(orgId, 'first_responder');
    const coordinator = await server.seedUser(orgId, 'coordinator');
    const specialist = await server.seedUser(orgId, 'child_protection');
    browser = await launchChromium();
    pagesForFailureShots = openPages;

    // ── 1. Adult ───────────────────────────────────────────────────────────────────────────
    const fr = await signedInPage(browser, server, responder, problems);
    const p = fr.page;
    // First responders read cases but not the deadline dashboard.
    await p.getByRole('link', { name: text(en, 'nav.cases'), exact: true }).waitFor();
    assert.equal(await p.getByRole('link', { name: text(en, 'nav.deadlines'), exact: true }).count(), 0);

    await p.getByRole('link', { name: text(en, 'nav.cases'), exact: true }).click();
    await p.getByRole('link', { name: text(en, 'cases.newReferral'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: text(en, 'intake.title') }).waitFor();

    // Person
    await p.getByLabel(text(en, 'person.givenName'), { exact: true }).fill('Elena');
    await p.getByLabel(text(en, 'person.familyName'), { exact: true }).fill('Popescu');
    await radio(p, text(en, 'person.sex'), text(en, 'sexes.female'));
    await p.getByLabel(text(en, 'person.ageYears'), { exact: true }).fill('29');
    await radio(p, text(en, 'person.ageStatus'), text(en, 'ageStatuses.claimed'));
    await p.getByLabel(text(en, 'person.citizenship'), { exact: true }).selectOption('RO');
    await shot(p, '01-intake-person');
    await continueStep(p, 'circumstances');
    // Each step is saved as a server draft.
    await p.getByText(literal(en, 'intake.savedAt')).waitFor();

    // Circumstances
    await checkbox(p, text(en, 'details.exploitationForms'), text(en, 'exploitationTypes.labour'));
    await p.getByLabel(text(en, 'details.countryOfExploitation'), { exact: true }).selectOption('GB');
    await continueStep(p, 'screening');

    // Screening on a phone: adult labour list, two indicators (strongest first) in DR, EX and CD.
    await p.setViewportSize({ width: 390, height: 844 });
    await p.getByLabel(text(en, 'screening.list'), { exact: true }).selectOption('AL');
    const lists = await p.evaluate(async () => (await (await fetch('/api/screening-lists')).json()) as { lists: { id: string; indicators: { id: string; dimension: string; strength: string; labels: { en: string } }[] }[] });
    const adultLabour = lists.lists.find((l) => l.id === 'AL');
    assert.ok(adultLabour, 'the server offers the adult labour list');
    const rank = { strong: 0, medium: 1, weak: 2 } as Record<string, number>;
    for (const dimension of ['DR', 'EX', 'CD']) {
      const chosen = adultLabour.indicators.filter((i) => i.dimension === dimension).sort((a, b) => (rank[a.strength] ?? 3) - (rank[b.strength] ?? 3)).slice(0, 2);
      for (const indicator of chosen) await radio(dimensionRegion(p, dimension), indicator.labels.en, text(en, 'observation.present'));
    }
    // One explicit "absent" answer; everything else stays unknown (a gap, never a "no").
    const anotherIndicator = adultLabour.indicators.find((i) => i.dimension === 'VD');
    assert.ok(anotherIndicator);
    await radio(dimensionRegion(p, 'VD'), anotherIndicator.labels.en, text(en, 'observation.absent'));
    const result = p.locator('.result');
    await result.getByRole('heading', { name: text(en, 'screening.resultTitle') }).waitFor();
    await result.getByText(text(en, 'screeningOutcomes.trafficking'), { exact: true }).waitFor();
    await result.getByText(literal(en, 'screening.gaps')).waitFor();
    await noSidewaysScroll(p, 'the screening form');
    await shot(p, '02-screening-phone');
    // Indicator labels follow the interface language (Arabic, right to left); answers are kept.
    const firstIndicator = adultLabour.indicators[0] as unknown as { labels: { ar: string } };
    await p.getByLabel(text(en, 'header.language'), { exact: true }).selectOption('ar');
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    await p.getByRole('group', { name: firstIndicator.labels.ar, exact: true }).first().waitFor();
    assert.ok(await p.getByRole('group', { name: firstIndicator.labels.ar, exact: true }).first().getByRole('radio', { name: text(ar, 'observation.present'), exact: true }).isChecked());
    await noSidewaysScroll(p, 'the screening form in Arabic');
    await p.screenshot({ path: `${ARTIFACTS}nrm-02b-screening-phone-arabic.png` });
    await p.getByLabel(text(ar, 'header.language'), { exact: true }).selectOption('en');
    await p.waitForFunction(() => document.documentElement.dir === 'ltr');
    await p.setViewportSize({ width: 1280, height: 900 });
    await continueStep(p, 'consent');

    // Consent: all four topics, in Romanian with an interpreter; the person consents.
    for (const topic of ['nrm_purpose', 'support_available', 'possible_outcomes', 'information_sharing']) {
      await checkbox(p, text(en, 'consent.topicsExplained'), text(en, `consentTopics.${topic}`));
    }
    await p.getByLabel(text(en, 'consent.language'), { exact: true }).fill('ro');
    await p.getByLabel(text(en, 'consent.interpreterUsed'), { exact: true }).check();
    await radio(p, text(en, 'consent.decision'), text(en, 'consent.given'));
    await continueStep(p, 'review');
    await p.getByText(text(en, 'intake.routeAdult'), { exact: true }).waitFor();
    await shot(p, '03-intake-review');

    // Submit: case, screening, consent, referral.
    await p.getByRole('button', { name: text(en, 'intake.submit'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: new RegExp(prefix(en, 'casePage.title')) }).or(p.getByRole('alert')).first().waitFor();
    if (await p.getByRole('alert').count()) {
      await shot(p, '03b-submit-failed');
      assert.fail(`submitting failed: ${await p.getByRole('alert').first().textContent()}`);
    }
    const headingText = (await p.getByRole('heading', { level: 1 }).textContent()) ?? '';
    const reference = headingText.replace(prefix(en, 'casePage.title'), '').replace(/[\u2068\u2069]/g, '').trim();
    assert.ok(reference.length > 0, `a case reference in "${headingText}"`);
    await p.getByRole('status').getByText(filled(en, 'intake.doneReferred', { reference }), { exact: true }).waitFor();
    await expectStatus(p, 'referred');
    await shot(p, '04-adult-referred');
    // The submitted draft is gone from "Continue a saved referral".
    await p.getByRole('link', { name: text(en, 'casePage.allCases'), exact: true }).click();
    await p.getByRole('link', { name: reference }).waitFor();
    assert.equal(await p.getByRole('heading', { name: text(en, 'cases.drafts') }).count(), 0);

    // Coordinator: name search, RG decision.
    const co = await signedInPage(browser, server, coordinator, problems);
    const c = co.page;
    await c.getByRole('link', { name: text(en, 'nav.deadlines'), exact: true }).waitFor();
    await c.getByRole('link', { name: text(en, 'nav.cases'), exact: true }).click();
    await c.getByLabel(text(en, 'cases.search'), { exact: true }).fill('Popescu');
    await c.getByRole('row').filter({ hasText: 'Elena Popescu' }).getByRole('link', { name: reference }).click();
    await caseHeading(c, reference).waitFor();
    await decide(c, 'record_rg_positive', ['Credible account of deceptive recruitment and debt bondage.', 'Screening indicators in three dimensions.']);
    await c.getByRole('status').getByText(filled(en, 'casePage.decided', { decision: text(en, 'caseActions.record_rg_positive') }), { exact: true }).waitFor();
    await expectStatus(c, 'rg_positive');
    await c.getByText(text(en, 'casePage.earliestCg'), { exact: true }).waitFor();
    await shot(c, '05-adult-rg-positive');

    // A CG decision inside the recovery period is refused by the server, in words.
    await decide(c, 'record_cg_positive', ['Too early on purpose.']);
    await c.getByRole('alert').getByText(text(en, 'errors.reasons.CG_BEFORE_END_OF_RECOVERY_PERIOD'), { exact: true }).waitFor();
    await c.getByRole('button', { name: text(en, 'casePage.cancel'), exact: true }).click();

    // The deadline dashboard lists the running recovery period.
    await c.getByRole('link', { name: text(en, 'nav.deadlines'), exact: true }).click();
    await c.getByRole('heading', { level: 1, name: text(en, 'deadlines.title') }).waitFor();
    await c.getByRole('row').filter({ hasText: reference }).waitFor();
    await shot(c, '06-deadlines');

    // 31 days later: CG decision, then closure.
    server.clock.advanceDays(31);
    await openCase(c, reference);
    await decide(c, 'record_cg_positive', ['Balance of probabilities met: consistent account, corroborating documents.']);
    await expectStatus(c, 'cg_positive');
    await closeCase(c, 'conclusive_decision_made');
    await expectStatus(c, 'closed');
    assert.equal(await section(c, 'casePage.actionsTitle').getByRole('button').count(), 0, 'a closed case offers no action');
    const adultTimeline = await timelineActions(c, text(en, 'auditActions.case.closed'));
    for (const key of ['case.created', 'screening.recorded', 'consent.recorded', 'case.referred', 'decision.recorded', 'case.closed']) {
      const [area, event] = key.split('.') as [string, string];
      assert.ok(adultTimeline.includes(text(en, `auditActions.${area}.${event}`)), `timeline shows ${key}: ${adultTimeline.join(' | ')}`);
    }
    assert.equal(adultTimeline.filter((a) => a === text(en, 'auditActions.decision.recorded')).length, 2, 'two decisions (the refused early CG left no trace)');
    await shot(c, '07-adult-closed-timeline');

    // The same case in Arabic, right to left.
    await c.getByLabel(text(en, 'header.language'), { exact: true }).selectOption('ar');
    await c.waitForFunction(() => document.documentElement.dir === 'rtl');
    await section(c, 'casePage.statusTitle', ar).getByText(text(ar, 'caseStatus.closed'), { exact: true }).waitFor();
    await shot(c, '08-adult-closed-arabic');
    await c.getByLabel(text(ar, 'header.language'), { exact: true }).selectOption('en');
    await c.waitForFunction(() => document.documentElement.dir === 'ltr');

    // ── 2. Child (disputed age) ────────────────────────────────────────────────────────────
    await p.getByRole('link', { name: text(en, 'cases.newReferral'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: text(en, 'intake.title') }).waitFor();
    await p.getByLabel(text(en, 'person.givenName'), { exact: true }).fill('Samir');
    await radio(p, text(en, 'person.sex'), text(en, 'sexes.male'));
    await p.getByLabel(text(en, 'person.ageYears'), { exact: true }).fill('19');
    await radio(p, text(en, 'person.ageStatus'), text(en, 'ageStatuses.disputed'));
    // A disputed age means a presumed child (CETS 197 art. 10(3)).
    await p.getByText(text(en, 'intake.childNotice'), { exact: true }).waitFor();
    await continueStep(p, 'circumstances');
    await checkbox(p, text(en, 'details.exploitationForms'), text(en, 'exploitationTypes.criminal'));
    await radio(p, text(en, 'details.isUnaccompanied'), text(en, 'yesNoUnknown.yes'));
    await continueStep(p, 'screening');
    await continueStep(p, 'consent');
    await p.getByText(text(en, 'intake.consentChild'), { exact: true }).waitFor();
    await continueStep(p, 'review');
    await p.getByRole('button', { name: text(en, 'intake.submitChild'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: new RegExp(prefix(en, 'casePage.title')) }).waitFor();
    const childHeading = (await p.getByRole('heading', { level: 1 }).textContent()) ?? '';
    const childReference = childHeading.replace(prefix(en, 'casePage.title'), '').replace(/[\u2068\u2069]/g, '').trim();
    await p.getByRole('status').getByText(filled(en, 'intake.doneNeedsLead', { reference: childReference }), { exact: true }).waitFor();
    await expectStatus(p, 'draft');
    await section(p, 'child.title').getByText(text(en, 'requirements.CHILD_PROTECTION_LEAD_REQUIRED'), { exact: true }).waitFor();
    // Referring now is refused by the server until a lead is assigned.
    await p.getByRole('button', { name: text(en, 'caseActions.submit_referral'), exact: true }).click();
    await p.getByRole('button', { name: text(en, 'casePage.confirmReferral'), exact: true }).click();
    await p.getByRole('alert').getByText(text(en, 'errors.reasons.CHILD_PROTECTION_LEAD_REQUIRED'), { exact: true }).waitFor();
    await shot(p, '09-child-needs-lead');

    // Coordinator assigns the child-protection specialist as lead.
    await openCase(c, childReference);
    await c.getByLabel(text(en, 'child.leadCandidate'), { exact: true }).selectOption({ label: 'Test child protection' });
    await c.getByRole('button', { name: text(en, 'child.assignLead'), exact: true }).click();
    await c.getByRole('status').getByText(filled(en, 'child.leadAssigned', { name: 'Test child protection' }), { exact: true }).waitFor();
    assert.equal(await section(c, 'child.title').getByText(text(en, 'requirements.CHILD_PROTECTION_LEAD_REQUIRED'), { exact: true }).count(), 0);

    // The specialist refers (no consent for a child), records the guardian and the BID.
    const cp = await signedInPage(browser, server, specialist, problems);
    const s = cp.page;
    await openCase(s, childReference);
    await s.getByRole('button', { name: text(en, 'caseActions.submit_referral'), exact: true }).click();
    await s.getByRole('button', { name: text(en, 'casePage.confirmReferral'), exact: true }).click();
    await s.getByRole('status').getByText(text(en, 'casePage.referred'), { exact: true }).waitFor();
    await expectStatus(s, 'referred');
    await s.getByLabel(text(en, 'child.guardianKind'), { exact: true }).selectOption('independent_child_trafficking_guardian');
    await s.getByLabel(text(en, 'child.guardianRef'), { exact: true }).fill('ICTG-2026-014');
    await s.getByRole('button', { name: text(en, 'child.recordGuardian'), exact: true }).click();
    await s.getByRole('status').getByText(text(en, 'child.guardianRecorded'), { exact: true }).waitFor();
    await radio(s, text(en, 'child.bidOutcome'), text(en, 'bidOutcomes.other_durable_solution'));
    await s.getByLabel(text(en, 'child.riskAssessment'), { exact: true }).check();
    await s.getByRole('button', { name: text(en, 'child.recordBid'), exact: true }).click();
    await s.getByRole('status').getByText(text(en, 'child.bidRecorded'), { exact: true }).waitFor();
    await shot(s, '10-child-protection');

    // Coordinator: RG, 31 days, CG, closure.
    await openCase(c, childReference);
    await decide(c, 'record_rg_positive', ['Child recruited for criminal exploitation; act and exploitation established.']);
    await expectStatus(c, 'rg_positive');
    server.clock.advanceDays(31);
    await c.reload();
    await caseHeading(c, childReference).waitFor();
    await decide(c, 'record_cg_positive', ['Conclusive: consistent account corroborated by the guardian.']);
    await expectStatus(c, 'cg_positive');
    await closeCase(c, 'conclusive_decision_made');
    await expectStatus(c, 'closed');
    const childTimeline = await timelineActions(c, text(en, 'auditActions.case.closed'));
    for (const key of ['case.created', 'case.childLeadAssigned', 'case.referred', 'case.guardianRecorded', 'case.bestInterestsDetermined', 'decision.recorded', 'case.closed']) {
      const [area, event] = key.split('.') as [string, string];
      assert.ok(childTimeline.includes(text(en, `auditActions.${area}.${event}`)), `child timeline shows ${key}: ${childTimeline.join(' | ')}`);
    }
    assert.ok(!childTimeline.includes(text(en, 'auditActions.consent.recorded')), 'no consent for a child');
    await shot(c, '11-child-closed');

    // ── 3. An adult who declines: the interrupted intake is resumed, then counted anonymously ──
    // A session about to end is announced on the intake (the session's end is moved 4 minutes ahead).
    await p.route('**/api/auth/me', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { expiresAt: string };
      await route.fulfill({ response, json: { ...body, expiresAt: new Date(Date.now() + 4 * 60_000).toISOString() } });
    });
    await p.reload();
    await p.getByRole('link', { name: text(en, 'nav.cases'), exact: true }).click();
    await p.getByRole('link', { name: text(en, 'cases.newReferral'), exact: true }).click();
    const expiry = p.getByRole('alert').filter({ hasText: literal(en, 'session.expiresSoon') });
    await expiry.waitFor();
    await shot(p, '13a-session-warning');
    await p.unroute('**/api/auth/me');
    await expiry.getByRole('button', { name: text(en, 'session.stay'), exact: true }).click();
    await expiry.waitFor({ state: 'detached' });
    await p.getByLabel(text(en, 'person.givenName'), { exact: true }).fill('Mira');
    await radio(p, text(en, 'person.sex'), text(en, 'sexes.female'));
    await p.getByLabel(text(en, 'person.ageYears'), { exact: true }).fill('34');
    await radio(p, text(en, 'person.ageStatus'), text(en, 'ageStatuses.claimed'));
    await p.getByLabel(text(en, 'person.citizenship'), { exact: true }).selectOption('VN');
    await continueStep(p, 'circumstances');
    await p.getByText(literal(en, 'intake.savedAt')).waitFor();
    // Interrupted: the case list offers the saved draft, which continues where it stopped.
    await p.getByRole('link', { name: text(en, 'nav.cases'), exact: true }).click();
    await p.getByRole('heading', { name: text(en, 'cases.drafts') }).waitFor();
    await shot(p, '13b-saved-draft');
    await p.getByRole('link', { name: filled(en, 'cases.continueNamed', { name: 'Mira' }) }).click();
    await p.getByRole('heading', { level: 2, name: text(en, 'intake.steps.circumstances'), exact: true }).waitFor();
    await checkbox(p, text(en, 'details.exploitationForms'), text(en, 'exploitationTypes.sexual'));
    await continueStep(p, 'screening');
    await continueStep(p, 'consent');
    for (const topic of ['nrm_purpose', 'support_available', 'possible_outcomes', 'information_sharing']) {
      await checkbox(p, text(en, 'consent.topicsExplained'), text(en, `consentTopics.${topic}`));
    }
    await p.getByLabel(text(en, 'consent.language'), { exact: true }).fill('vi');
    await radio(p, text(en, 'consent.decision'), text(en, 'consent.declined'));
    await continueStep(p, 'review');
    await p.getByText('Mira', { exact: true }).waitFor();
    await p.getByText(text(en, 'intake.routeDeclined'), { exact: true }).waitFor();
    await p.getByRole('button', { name: text(en, 'intake.continueAnonymous'), exact: true }).click();
    const notification = p.getByRole('form', { name: text(en, 'anonymous.title') });
    await notification.waitFor();
    // Prefilled with statistical categories only; there is no text box to type a name into.
    assert.equal(await notification.getByLabel(text(en, 'person.sex'), { exact: true }).inputValue(), 'female');
    assert.equal(await notification.getByLabel(text(en, 'anonymous.ageBand'), { exact: true }).inputValue(), '30--38');
    assert.equal(await notification.getByLabel(text(en, 'person.citizenship'), { exact: true }).inputValue(), 'VN');
    assert.ok(await notification.getByRole('checkbox', { name: text(en, 'exploitationTypes.sexual'), exact: true }).isChecked());
    assert.equal(await notification.locator('textarea, input:not([type]), input[type="text"], input[type="search"]').count(), 0, 'no free-text field on the anonymous notification');
    await shot(p, '14-anonymous-notification');
    // Sending deletes the draft and the draft list is read again: the confirmation must outlive that.
    let draftDeleted = false;
    const draftListReread = p.waitForResponse((response) => {
      const isDrafts = new URL(response.url()).pathname.includes('/referral-drafts');
      if (isDrafts && response.request().method() === 'DELETE') draftDeleted = true;
      return draftDeleted && isDrafts && response.request().method() === 'GET';
    });
    await notification.getByRole('button', { name: text(en, 'anonymous.submit'), exact: true }).click();
    await draftListReread;
    await p.getByRole('heading', { level: 2, name: text(en, 'anonymous.sentTitle') }).waitFor();
    // No case was created for her, and the draft is gone.
    await p.getByRole('link', { name: text(en, 'intake.backToCases'), exact: true }).click();
    await p.getByRole('link', { name: reference }).waitFor();
    assert.equal(await p.getByRole('row').filter({ hasText: 'Mira' }).count(), 0);
    assert.equal(await p.getByRole('heading', { name: text(en, 'cases.drafts') }).count(), 0);

    // A saved referral can also be discarded.
    await p.getByRole('link', { name: text(en, 'cases.newReferral'), exact: true }).click();
    await p.getByLabel(text(en, 'person.givenName'), { exact: true }).fill('Temp');
    await radio(p, text(en, 'person.sex'), text(en, 'sexes.not_known'));
    await radio(p, text(en, 'person.ageStatus'), text(en, 'ageStatuses.claimed'));
    await continueStep(p, 'circumstances');
    await p.getByText(literal(en, 'intake.savedAt')).waitFor();
    await p.getByRole('link', { name: text(en, 'nav.cases'), exact: true }).click();
    await p.getByRole('button', { name: text(en, 'cases.discardNamed').replace('{{name}}', 'Temp'), exact: true }).click();
    await p.getByRole('button', { name: text(en, 'cases.discardConfirm'), exact: true }).click();
    await p.getByRole('heading', { name: text(en, 'cases.drafts') }).waitFor({ state: 'detached' });

    // Phone width: the case page does not spill sideways.
    await c.setViewportSize({ width: 360, height: 780 });
    await noSidewaysScroll(c, 'the case page');
    await shot(c, '12-case-phone');

    assert.deepEqual(problems, []);
  } catch (error) {
    // Where each user was when it failed.
    for (const [index, page] of openPages.entries()) await shot(page, `failure-${index + 1}`).catch(() => undefined);
    const where = await Promise.all(openPages.map((page) => describePage(page)));
    console.error(`API answers of 400 or more before the failure:\n${apiFailures.join('\n') || '(none)'}\nThe pages:\n${where.join('\n')}`);
    throw error;
  } finally {
    pagesForFailureShots = undefined;
    await browser?.close();
    await server.close();
  }
});
