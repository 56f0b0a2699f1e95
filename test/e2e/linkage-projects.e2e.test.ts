import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { generateLinkageDatasets, type TPersonRecord } from '../../core/linkage/index.ts';
import { identityOf } from '../../server/modules/linkage/linkage-fixtures.test-support.ts';
import { adultCaseBody } from '../support/case-fixtures.ts';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, desktopContext, launchChromium, locale, signInAs, text, watchedPage } from './e2e-support.ts';

/**
 * Linkage-project golden path in a real Chromium: two organisations register persons (some the
 * same people, written differently); an analyst of the first creates a project and invites the
 * second; the second's analyst accepts and submits with the shared secret; the first submits,
 * starts the match and sees the unique-person count, which equals the synthetic ground truth.
 * Screenshots: test-artifacts/e2e/linkage-projects-*.png.
 * Run: npm run build && node scripts/run-tests.mjs linkage-projects.e2e
 */
const lp = locale('linkage-projects/en');
const SECRET = 'agreed by telephone: blue heron at dawn';
const SEX: Record<string, string> = { F: 'female', M: 'male' };

type TSession = { cookie: string; csrf: string };

async function apiLogin(url: string, user: { email: string; password: string }): Promise<TSession> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }) });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function apiPost<T>(url: string, session: TSession, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { cookie: session.cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrf }, body: JSON.stringify(body) });
  const textBody = await response.text();
  assert.ok(response.ok, `POST ${path}: ${response.status} ${textBody}`);
  return JSON.parse(textBody) as T;
}

async function registerAll(url: string, session: TSession, orgId: string, records: readonly TPersonRecord[]): Promise<void> {
  for (const record of records) {
    const body = adultCaseBody(identityOf(record));
    const citizenship = record.citizenship?.slice(0, 2).toUpperCase() ?? '';
    await apiPost(url, session, `/api/organisations/${orgId}/cases`, {
      ...body, person: { ...body.person, sex: SEX[record.sex ?? ''] ?? 'not_known', citizenship: /^[A-Z]{2}$/.test(citizenship) ? citizenship : null },
    });
  }
}

test('linkage project in Chromium: create, invite, accept, both submit, match, unique count', { skip: chromiumSkipReason, timeout: 300_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | undefined;
  const problems: string[] = [];
  const apiFailures: string[] = [];
  const pages: Page[] = [];
  try {
    const admin = await server.seedAdmin();
    const orgA = admin.organisationId;
    const adminSession = await apiLogin(server.url, admin);
    const orgBName = 'Harbour shelter network';
    const { organisation } = await apiPost<{ organisation: { id: string } }>(server.url, adminSession, '/api/organisations', { name: orgBName, kind: 'ngo' });
    const orgB = organisation.id;
    const adminB = await server.seedUser(orgB, 'admin');
    const analystA = await server.seedUser(orgA, 'analyst');
    const analystB = await server.seedUser(orgB, 'analyst');
    // a seed where the encoded model recovers every shared person (see the server test)
    const data = generateLinkageDatasets({ seed: 'pprl-1', sizeA: 30, sizeB: 30, overlap: 0.5 });
    await registerAll(server.url, adminSession, orgA, data.a);
    await registerAll(server.url, await apiLogin(server.url, adminB), orgB, data.b);
    const truth = data.a.length + data.b.length - data.trueMatches;

    browser = await launchChromium();
    const signIn = async (user: { email: string; password: string }, who: string) => {
      const page = await watchedPage(await desktopContext(browser!), { problems, apiFailures }, who);
      pages.push(page);
      await signInAs(page, server.url, user);
      await page.getByRole('link', { name: text(lp, 'nav.projects'), exact: true }).click();
      return page;
    };
    const submitSecret = async (page: Page) => {
      await page.getByLabel(text(lp, 'secret.label'), { exact: true }).fill(SECRET);
      await page.getByRole('button', { name: text(lp, 'secret.submit'), exact: true }).click();
      await page.getByRole('cell', { name: text(lp, 'partyStatus.submitted'), exact: true }).first().waitFor();
    };

    // ── A's analyst creates the project and invites B ──
    const a = await signIn(analystA, 'analyst A');
    await a.getByRole('button', { name: text(lp, 'create.open'), exact: true }).click();
    await a.getByLabel(text(lp, 'create.name'), { exact: true }).fill('Unique victims 2026');
    await a.getByLabel(orgBName, { exact: true }).check();
    await a.getByRole('button', { name: text(lp, 'create.submit'), exact: true }).click();
    await a.getByRole('heading', { level: 1, name: 'Unique victims 2026' }).waitFor();
    const projectUrl = a.url();

    // ── B's analyst accepts the invitation and submits ──
    const b = await signIn(analystB, 'analyst B');
    await b.getByRole('link', { name: 'Unique victims 2026' }).click();
    await b.getByRole('button', { name: text(lp, 'invitation.accept'), exact: true }).click();
    await submitSecret(b);
    await b.screenshot({ path: `${ARTIFACTS}linkage-projects-01-submitted.png`, fullPage: true });

    // ── A submits, starts the match and sees the count ──
    await a.goto(projectUrl);
    await submitSecret(a);
    await a.getByRole('button', { name: text(lp, 'match.start'), exact: true }).click();
    const count = a.getByTestId('unique-persons');
    await count.waitFor();
    assert.equal((await count.textContent())?.replace(/[\u2066-\u2069]/g, ''), text(lp, 'results.unique').replace('{{value}}', String(truth)));
    await a.getByRole('button', { name: text(lp, 'own.show'), exact: true }).click();
    await a.getByRole('status').filter({ hasText: new RegExp(`of your \\W?${data.a.length}\\W? persons`) }).waitFor();
    await a.screenshot({ path: `${ARTIFACTS}linkage-projects-02-matched.png`, fullPage: true });
    assert.deepEqual(problems, []);
  } catch (error) {
    for (const [k, page] of pages.entries()) await page.screenshot({ path: `${ARTIFACTS}linkage-projects-failure-${k}.png`, fullPage: true }).catch(() => undefined);
    console.error(apiFailures.join('\n'));
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});
