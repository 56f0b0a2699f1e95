import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

/**
 * What every browser test shares: Debian's Chromium with the flags this closed network needs,
 * where screenshots go, and locale lookups so tests follow translation edits.
 */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));
export const WEB_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));

/** The skip reason when Chromium is not installed, for `test(…, { skip })`. */
export const chromiumSkipReason = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" to run the browser test`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * How long a step may take before the test fails. Generous: CI machines are shared and slow at
 * times, and a golden path that fails only under load tells nobody anything.
 */
export const STEP_TIMEOUT_MS = 45_000;

export type TLocale = Record<string, unknown>;

/** A locale file by path under web/src/i18n/locales, e.g. `en` or `justice/ar`. */
export function locale(path: string): TLocale {
  return JSON.parse(readFileSync(new URL(`../../web/src/i18n/locales/${path}.json`, import.meta.url), 'utf8')) as TLocale;
}

/** One string of a locale file, e.g. `text(en, 'nav.cases')`. */
export function text(strings: TLocale, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
  assert.equal(typeof value, 'string', `no string at ${key}`);
  return value as string;
}

/** The part of a locale string before its first {{variable}}, for partial matches. */
export function prefix(strings: TLocale, key: string): string {
  return text(strings, key).split('{{')[0] ?? '';
}

/**
 * Notes every API answer of 400 or more (method, path, status, error code and reason) so a
 * browser test that fails under load can say what the server answered, not only what the page
 * did not show. The log holds codes only: error messages can quote what the test typed.
 */
export function recordApiFailures(page: Page, log: string[]): void {
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/') || response.status() < 400) return;
    const method = response.request().method();
    void response.json().then(
      (body: { error?: { code?: string; details?: { reason?: string } } }) => log.push(`${method} ${url.pathname} → ${response.status()} ${body.error?.code ?? ''} ${body.error?.details?.reason ?? ''}`.trim()),
      () => log.push(`${method} ${url.pathname} → ${response.status()}`),
    );
  });
  page.on('requestfailed', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) log.push(`${request.method()} ${url.pathname} failed: ${request.failure()?.errorText ?? 'unknown'}`);
  });
}

/** API requests a page has sent and not yet had answered, with when each was sent. */
const pendingApiRequests = new WeakMap<Page, Map<Request, number>>();

function trackPendingApiRequests(page: Page): void {
  const pending = new Map<Request, number>();
  pendingApiRequests.set(page, pending);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) pending.set(request, Date.now());
  });
  const settle = (request: Request) => pending.delete(request);
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
}

/**
 * Where a page stands when a browser test fails: its address, headings, alerts and the API
 * requests still waiting for an answer (a slow server and a page that never asked look alike
 * from a timeout alone).
 */
export async function describePage(page: Page): Promise<string> {
  const url = new URL(page.url());
  const waiting = [...(pendingApiRequests.get(page)?.entries() ?? [])].map(([request, sentAt]) => `${request.method()} ${new URL(request.url()).pathname} (${Math.round((Date.now() - sentAt) / 1000)} s)`);
  const seen = await page
    .evaluate(() => ({
      headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent?.trim() ?? '').slice(0, 6),
      alerts: [...document.querySelectorAll('[role="alert"], [role="status"]')].map((a) => a.textContent?.trim().slice(0, 160) ?? '').filter(Boolean),
    }))
    .catch(() => ({ headings: ['(page not readable)'], alerts: [] as string[] }));
  return [`${url.pathname}${url.search}`, `  headings: ${seen.headings.join(' | ') || '(none)'}`, `  alerts: ${seen.alerts.join(' | ') || '(none)'}`, `  API requests unanswered: ${waiting.join(', ') || '(none)'}`].join('\n');
}

/** What a browser test gathers from its pages. */
export interface TPageWatch {
  /** CSP violations and uncaught script errors: every test asserts there are none. */
  problems: string[];
  /** Console errors, printed only when the test fails (a signed-out 401 is expected noise). */
  consoleErrors?: string[];
  /** API answers of 400 or more (see recordApiFailures), printed only when the test fails. */
  apiFailures?: string[];
}

/** Listens to a page for what `watch` gathers; `who` names the user in messages of tests with several. */
export function watchPage(page: Page, watch: TPageWatch, who = ''): void {
  const tag = who ? ` (${who})` : '';
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors?.push(`${who ? `${who}: ` : ''}${message.text()}`);
    if (/Content Security Policy/i.test(message.text())) watch.problems.push(`CSP${tag}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`page error${tag} at ${new URL(page.url()).pathname}: ${error.message}`));
  if (watch.apiFailures) recordApiFailures(page, watch.apiFailures);
  trackPendingApiRequests(page);
}

/** A desktop-sized browser context in British English (dates day-first, as most users write them). */
export function desktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}

/** A new page with the shared step time-out, watched. */
export async function watchedPage(context: BrowserContext, watch: TPageWatch, who = ''): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  watchPage(page, watch, who);
  return page;
}

/** Fills the sign-in form (labels in `strings`' language) and submits it. */
export async function submitSignIn(page: Page, strings: TLocale, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel(text(strings, 'login.email'), { exact: true }).fill(user.email);
  await page.getByLabel(text(strings, 'login.password'), { exact: true }).fill(user.password);
  await page.getByRole('button', { name: text(strings, 'login.submit'), exact: true }).click();
}

/**
 * Opens the app, signs in in English and waits for the home page, whose heading names the user
 * (seeded users are called "Test <role>").
 */
export async function signInAs(page: Page, url: string, user: { email: string; password: string }, homeHeading: RegExp = /Test /): Promise<void> {
  await page.goto(`${url}/`);
  await submitSignIn(page, locale('en'), user);
  await page.getByRole('heading', { level: 1, name: homeHeading }).waitFor();
}
