import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, WEB_INDEX, chromiumSkipReason, desktopContext, launchChromium, locale, signInAs, text, watchedPage, type TLocale } from './e2e-support.ts';

/**
 * The population page in a real Chromium against the real server: a platform administrator
 * checks a file with mistakes (problems listed by row and column, nothing stored), checks the
 * example file (counts, nothing stored), imports it, filters the stored figures, and reads the
 * page in Arabic, right to left, also at phone width.
 * Screenshots: test-artifacts/e2e/populations-*.png.
 * Run: npm run build && node --import tsx --test web/src/features/populations/populations.e2e.test.ts
 */

const en = locale('en');
const ar = locale('ar');
const EXAMPLE = readFileSync(new URL('../fixtures/populations/example.csv', import.meta.url));
const BAD = Buffer.from('country,year,sex,age_group,population\nIT,2022,total,total,"58,900,000"\nXX,2022,total,total,5\n', 'utf8');

/** A locale string as the page shows it: filled in, each value possibly wrapped in bidi isolates. */
function shown(strings: TLocale, key: string, values: Record<string, string | number>): RegExp {
  const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = text(strings, key).split(/\{\{\s*(\w+)\s*\}\}/);
  return new RegExp(parts.map((part, i) => (i % 2 === 0 ? escape(part) : `[\u2066-\u2069]?${escape(String(values[part] ?? ''))}[\u2066-\u2069]?`)).join(''));
}

test('population figures in Chromium: problems by row, dry run, import, filter, Arabic', { skip: chromiumSkipReason, timeout: 240_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | undefined;
  const problems: string[] = [];
  const apiFailures: string[] = [];
  try {
    const admin = await server.seedAdmin();
    browser = await launchChromium();
    const p: Page = await watchedPage(await desktopContext(browser), { problems, apiFailures });
    const shot = (name: string) => p.screenshot({ path: `${ARTIFACTS}populations-${name}.png`, fullPage: true });

    // The home page first: a click while the sign-in still redirects would be overtaken by it.
    await signInAs(p, server.url, admin, /First Admin/);
    await p.getByRole('link', { name: text(en, 'nav.populations'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: text(en, 'populations.page.title') }).waitFor();
    await p.getByText(text(en, 'populations.runs.empty')).waitFor();

    // A file with two mistakes: refused as a whole, each problem with its row and column.
    const fileInput = p.getByLabel(text(en, 'populations.import.file'), { exact: true });
    await fileInput.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: BAD });
    await p.getByRole('button', { name: text(en, 'populations.import.check'), exact: true }).click();
    const problemsTable = p.getByTestId('population-problems');
    await problemsTable.waitFor();
    const problemRows = await problemsTable.locator('tbody tr').allTextContents();
    assert.equal(problemRows.length, 2);
    assert.match(problemRows[0]!, /^2population58,900,000write digits only/);
    assert.match(problemRows[1]!, /^3countryXX/);
    await p.getByText(shown(en, 'populations.import.rejected', { problems: 2 })).waitFor();
    await shot('01-problems');

    // The example file: a dry run with counts, then the import.
    await fileInput.setInputFiles({ name: 'example.csv', mimeType: 'text/csv', buffer: EXAMPLE });
    await p.getByLabel(text(en, 'populations.import.source'), { exact: true }).fill('Illustrative figures');
    await p.getByRole('button', { name: text(en, 'populations.import.check'), exact: true }).click();
    await p.getByRole('status').filter({ hasText: shown(en, 'populations.import.dryRunDone', { file: 'example.csv', rows: 72, inserted: 72, updated: 0, unchanged: 0 }) }).waitFor();
    assert.equal(await p.getByTestId('population-problems').count(), 0);
    await p.getByText(text(en, 'populations.table.empty')).waitFor();
    await shot('02-dry-run');
    await p.getByRole('button', { name: shown(en, 'populations.import.import', { rows: 72 }) }).click();
    await p.getByRole('status').filter({ hasText: shown(en, 'populations.import.done', { file: 'example.csv', rows: 72, inserted: 72, updated: 0, unchanged: 0 }) }).waitFor();
    await p.getByText(shown(en, 'populations.table.showing', { from: 1, to: 50, total: 72 })).waitFor();
    const runRows = p.getByTestId('population-imports').locator('tbody tr');
    await runRows.first().waitFor();
    assert.equal(await runRows.count(), 1);
    assert.match((await runRows.first().textContent()) ?? '', /example\.csv.*Illustrative figures.*First Admin/);

    // Filter: Italy, 2022 → 9 figures (3 sexes × 3 age groups).
    await p.getByLabel(text(en, 'populations.table.country'), { exact: true }).fill('it');
    await p.getByLabel(text(en, 'populations.table.year'), { exact: true }).fill('2022');
    await p.getByRole('button', { name: text(en, 'populations.table.apply'), exact: true }).click();
    await p.getByText(shown(en, 'populations.table.showing', { from: 1, to: 9, total: 9 })).waitFor();
    const firstFigure = await p.getByTestId('population-denominators').locator('tbody tr').first().textContent();
    assert.match(firstFigure ?? '', /IT.*2022.*Both sexes.*All ages.*58,900,000/);
    await shot('03-imported');

    // Arabic: right to left, labels translated, no sideways scrolling on a phone.
    await p.getByLabel(text(en, 'header.language'), { exact: true }).selectOption('ar');
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    await p.getByRole('heading', { level: 1, name: text(ar, 'populations.page.title') }).waitFor();
    await p.getByRole('heading', { level: 2, name: text(ar, 'populations.table.title') }).waitFor();
    await shot('04-arabic');
    await p.setViewportSize({ width: 360, height: 780 });
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the population page scrolls sideways at 360 px');
    await shot('05-arabic-phone');
    assert.deepEqual(problems, []);
  } catch (error) {
    if (apiFailures.length > 0) console.error(`API failures:\n${apiFailures.join('\n')}`);
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});
