import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { REAL_CTDC_FILE } from '../../core/ctdc/real-data-path.ts';
import { readXlsxSheets } from '../../core/files/xlsx-reader.test-support.ts';
import { startTestServer } from '../support/server.ts';
import { ARTIFACTS, chromiumSkipReason, desktopContext, launchChromium, locale, prefix, signInAs, text, type TLocale, watchedPage, WEB_INDEX } from './e2e-support.ts';

/**
 * The evidence base and the NRM settings in a real Chromium against the real server and the built
 * web app. As the organisation's administrator (also a platform administrator):
 * - import a small CTDC file (300 records of the real K-anonymized dataset): dry run, then import;
 * - on /statistics, victims by year × sex: the chart is drawn (SVG), the table shows the numbers of
 *   the API's answer and "suppressed (< 11)" where the answer hides a cell, never a number; the CSV
 *   download starts with a UTF-8 BOM and has the table's header; the XLSX download holds the same
 *   cells (numbers as numbers; in Arabic, sheets right to left); no CSP violation is logged;
 * - the same page in Arabic (right to left, the chart left to right);
 * - on /settings/nrm, switch to the `uk` profile (5-working-day reasonable-grounds target) and add
 *   a `coe` version with a 45-day recovery period, which the profile list then shows.
 * Screenshots land in test-artifacts/e2e/stats-*.png (gitignored).
 * Run: npm run build && node --import tsx --test test/e2e/stats.e2e.test.ts
 */


/** A locale string with its {{variables}} filled in (no bidi isolates: as in aria-labels and files). */
function fill(strings: TLocale, key: string, values: Record<string, string | number>): string {
  return text(strings, key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));
}
/** A locale string as the page shows it: filled in, each value possibly wrapped in bidi isolates. */
function shown(strings: TLocale, key: string, values: Record<string, string | number>): RegExp {
  const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = text(strings, key).split(/\{\{\s*(\w+)\s*\}\}/);
  return new RegExp(parts.map((part, i) => (i % 2 === 0 ? escape(part) : `[\u2066-\u2069]?${escape(String(values[part] ?? ''))}[\u2066-\u2069]?`)).join(''));
}
/** Page text without the invisible bidi isolates the app puts around interpolated values. */
function plain(value: string | null): string {
  return (value ?? '').replace(/[\u2066-\u2069]/g, '').trim();
}

const skip = chromiumSkipReason
  ? chromiumSkipReason
  : !existsSync(REAL_CTDC_FILE) && process.env.PALERMO_SKIP_REAL_DATA === '1'
    ? `real CTDC file not found at ${REAL_CTDC_FILE} (PALERMO_SKIP_REAL_DATA=1)`
    : false;
const main = { en: locale('en') };
const s = { en: locale('stats/en'), ar: locale('stats/ar') };
const nrm = { en: locale('settings/en') };

const SAMPLE_ROWS = 300;

/**
 * 300 records of the real file with its header, as CTDC distributes it (`;`, CRLF, the empty first
 * field). The file's first 300 records are all 2002 / female, which would make a one-cell table,
 * so the sample takes every 325th record of the 97,750: years 2002–2021, both sexes, cells above
 * and below the threshold.
 */
function sampleCtdcFile(): string {
  const lines = readFileSync(REAL_CTDC_FILE, 'utf8').split('\r\n');
  const header = lines[0]!;
  const records = lines.slice(1).filter((line) => line !== '');
  const step = Math.floor(records.length / SAMPLE_ROWS);
  const sample = Array.from({ length: SAMPLE_ROWS }, (_v, i) => records[i * step]!);
  return [header, ...sample].join('\r\n');
}

type TCell = { value: number } | { suppressed: true; reason: 'primary' | 'secondary' };
type TResult = {
  dimensions: { id: string; labels: { en: string }; categories: { key: string | null; labels: { en: string } }[] }[];
  cells: TCell[][];
  rowTotals: TCell[];
  columnTotals: TCell[];
  total: TCell;
  disclosure: { threshold: number; primaryCount: number; secondaryCount: number };
};

test('statistics and NRM settings in Chromium: CTDC import, year × sex table with suppression, chart, CSV, profiles', { skip, timeout: 300_000 }, async () => {
  assert.ok(existsSync(WEB_INDEX), 'dist/web/index.html is missing: run "npm run build" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | undefined;
  let page: Page | undefined;
  const problems: string[] = [];
  const consoleErrors: string[] = [];
  try {
    const admin = await server.seedAdmin();
    browser = await launchChromium();
    page = await watchedPage(await desktopContext(browser), { problems, consoleErrors });
    const p = page;
    const shot = (name: string) => p.screenshot({ path: `${ARTIFACTS}stats-${name}.png`, fullPage: true });

    // 1. Sign in; the navigation offers "Statistics" (stats.read) and "NRM settings" (org.configure).
    await signInAs(p, server.url, admin, /First Admin/);
    await p.getByRole('link', { name: text(nrm.en, 'nav.nrmSettings'), exact: true }).waitFor();
    await p.getByRole('link', { name: text(s.en, 'nav.statistics'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: text(s.en, 'page.title') }).waitFor();
    await p.getByText(text(s.en, 'page.noDataImport')).waitFor();
    await p.getByText(text(s.en, 'runs.empty')).waitFor();

    // 2. Upload: a dry run first (nothing stored), then the import.
    const csv = sampleCtdcFile();
    await p.getByLabel(text(s.en, 'import.file'), { exact: true }).setInputFiles({ name: 'ctdc-sample.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await p.getByRole('button', { name: text(s.en, 'import.check'), exact: true }).click();
    const dryRunDone = fill(s.en, 'import.done.validated', { file: 'ctdc-sample.csv', rows: SAMPLE_ROWS, valid: SAMPLE_ROWS, invalid: 0 });
    const dryRunStatus = p.getByRole('status').filter({ hasText: shown(s.en, 'import.done.validated', { file: 'ctdc-sample.csv', rows: SAMPLE_ROWS, valid: SAMPLE_ROWS, invalid: 0 }) });
    await dryRunStatus.waitFor();
    assert.equal(plain(await dryRunStatus.textContent()), dryRunDone);
    await p.locator('tr[data-status="validated"]').waitFor();
    await shot('01-dry-run');
    await p.getByRole('button', { name: shown(s.en, 'import.import', { rows: SAMPLE_ROWS }) }).click();
    const importDone = fill(s.en, 'import.done.completed', { file: 'ctdc-sample.csv', imported: SAMPLE_ROWS });
    const importStatus = p.getByRole('status').filter({ hasText: shown(s.en, 'import.done.completed', { file: 'ctdc-sample.csv', imported: SAMPLE_ROWS }) });
    await importStatus.waitFor();
    assert.equal(plain(await importStatus.textContent()), importDone);
    await p.locator('tr[data-status="completed"]').waitFor();
    assert.equal(await p.locator('table.stats-runs tbody tr').count(), 2, 'the runs list shows the dry run and the import');
    await shot('02-imported');

    // 3. Victims identified by year × sex. The API's answer is the reference for the table.
    await p.getByLabel(text(s.en, 'picker.metric'), { exact: true }).selectOption('ctdc.victims');
    await p.getByLabel(text(s.en, 'picker.dimension1'), { exact: true }).selectOption('year');
    await p.getByLabel(text(s.en, 'picker.dimension2'), { exact: true }).selectOption('sex');
    const [response] = await Promise.all([
      p.waitForResponse((r) => r.url().endsWith('/stats/query') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('"dimensions":["year","sex"]')),
      p.getByRole('button', { name: text(s.en, 'picker.submit'), exact: true }).click(),
    ]);
    assert.equal(response.status(), 200);
    const result = (await response.json()) as TResult;
    const [years, sexes] = result.dimensions;
    assert.ok(years && sexes && years.id === 'year' && sexes.id === 'sex');
    assert.ok(years.categories.length >= 10, `the sample spans many years (${years.categories.length})`);
    await p.getByRole('heading', { level: 2, name: shown(s.en, 'result.titleBy', { metric: 'Victims identified', dimensions: `${years.labels.en} × ${sexes.labels.en}` }) }).waitFor();

    // The chart is drawn as SVG (a line per sex, the year on the x-axis).
    const chart = p.locator('.stats-chart__canvas');
    await chart.locator('svg').first().waitFor();
    assert.equal(await chart.getAttribute('data-chart-kind'), 'line');
    assert.ok((await chart.locator('svg path').count()) > 5, 'the chart has drawn lines and axes');

    // The table: every cell as the API says, a hidden one as "suppressed (…)" with no digit but the threshold's.
    const threshold = result.disclosure.threshold;
    const suppressedPrimary = fill(s.en, 'table.suppressedPrimary', { threshold });
    const suppressedSecondary = text(s.en, 'table.suppressedSecondary');
    let numbers = 0;
    let hidden = 0;
    const table = p.locator('table.stats-table');
    const checkCell = async (cell: ReturnType<Page['locator']>, expected: TCell, where: string) => {
      const shown = plain(await cell.textContent());
      if ('suppressed' in expected) {
        hidden++;
        assert.equal(shown, expected.reason === 'primary' ? suppressedPrimary : suppressedSecondary, `${where} is hidden`);
        assert.equal(await cell.getAttribute('data-suppressed'), expected.reason);
      } else {
        numbers++;
        assert.equal(Number(shown.replace(/[^\d]/g, '')), expected.value, `${where} shows ${expected.value}`);
      }
    };
    for (const [i, year] of years.categories.entries()) {
      const row = table.locator(`tbody tr[data-key="${year.key ?? ''}"]`);
      assert.equal(plain(await row.locator('th').textContent()), year.labels.en);
      const cells = row.locator('td');
      assert.equal(await cells.count(), sexes.categories.length + 1);
      for (const [j] of sexes.categories.entries()) await checkCell(cells.nth(j), result.cells[i]![j]!, `${year.labels.en} × ${sexes.categories[j]!.labels.en}`);
      await checkCell(cells.nth(sexes.categories.length), result.rowTotals[i]!, `${year.labels.en} total`);
    }
    const totals = table.locator('tbody tr[data-key="*total"] td');
    for (const [j] of sexes.categories.entries()) await checkCell(totals.nth(j), result.columnTotals[j]!, `${sexes.categories[j]!.labels.en} total`);
    await checkCell(totals.nth(sexes.categories.length), result.total, 'grand total');
    assert.ok(numbers > 0 && hidden > 0, `the table shows numbers (${numbers}) and suppression markers (${hidden})`);
    assert.equal(hidden, result.disclosure.primaryCount + result.disclosure.secondaryCount, 'every hidden cell is marked');
    assert.deepEqual(result.total, { value: SAMPLE_ROWS }, 'the grand total is the number of records imported');

    // The disclosure note and the SQL are there.
    await p.getByRole('heading', { level: 3, name: text(s.en, 'disclosure.title') }).waitFor();
    await p.getByText(text(s.en, 'sql.show'), { exact: true }).click();
    await p.locator('.stats-sql__text').filter({ hasText: 'external_ctdc_records' }).waitFor();
    await shot('03-year-by-sex');

    // 4. CSV download: BOM, the table's header, the same hidden cells.
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: text(s.en, 'download.csv'), exact: true }).click()]);
    assert.equal(download.suggestedFilename(), 'ctdc-victims-year-sex.csv');
    const file = readFileSync(await download.path());
    assert.deepEqual([...file.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the file starts with the UTF-8 byte-order mark');
    const lines = file.toString('utf8').slice(1).split('\r\n');
    assert.equal(lines[0], [`${years.labels.en} / ${sexes.labels.en}`, ...sexes.categories.map((c) => c.labels.en), text(s.en, 'table.total')].join(','));
    assert.equal(lines.length, years.categories.length + 3, 'header, one line per year, totals, final line break');
    const firstRow = [years.categories[0]!.labels.en, ...result.cells[0]!.map((c) => ('value' in c ? String(c.value) : c.reason === 'primary' ? suppressedPrimary : suppressedSecondary)), 'value' in result.rowTotals[0]! ? String(result.rowTotals[0].value) : ''];
    if ('value' in result.rowTotals[0]!) assert.equal(lines[1], firstRow.join(','));

    // 4b. XLSX download: the same grid, published numbers as numbers, hidden cells as their note.
    const [workbookDownload] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: text(s.en, 'download.xlsx'), exact: true }).click()]);
    assert.equal(workbookDownload.suggestedFilename(), 'ctdc-victims-year-sex.xlsx');
    const workbook = await readXlsxSheets(readFileSync(await workbookDownload.path()));
    assert.deepEqual(workbook.sheets.map((sheet) => sheet.name), [text(s.en, 'workbook.tableSheet'), text(s.en, 'workbook.notesSheet')]);
    const expectedCell = (c: TCell) => ('value' in c ? c.value : c.reason === 'primary' ? suppressedPrimary : suppressedSecondary);
    for (const [i, year] of years.categories.entries()) {
      assert.deepEqual(workbook.sheets[0]!.rows[i + 1], [year.labels.en, ...result.cells[i]!.map(expectedCell), expectedCell(result.rowTotals[i]!)], `workbook row ${year.labels.en}`);
    }

    // 5. Other charts: bars for one dimension that is not the year.
    await p.getByLabel(text(s.en, 'picker.dimension1'), { exact: true }).selectOption('sex');
    await p.getByRole('button', { name: text(s.en, 'picker.submit'), exact: true }).click();
    await p.locator('.stats-chart__canvas[data-chart-kind="bar"] svg').first().waitFor();
    await shot('04-by-sex-bars');

    // 6. Arabic: right to left, the chart still left to right, the markers in Arabic.
    await p.getByLabel(text(main.en, 'header.language'), { exact: true }).selectOption('ar');
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    await p.getByRole('heading', { level: 1, name: text(s.ar, 'page.title') }).waitFor();
    await p.getByRole('link', { name: text(s.ar, 'nav.statistics'), exact: true }).waitFor();
    assert.equal(await p.locator('.stats-chart').getAttribute('dir'), 'ltr');
    await p.locator('.stats-suppressed').first().waitFor();
    assert.ok(plain(await p.locator('.stats-suppressed').first().textContent()).startsWith(text(s.ar, 'table.suppressedPrimary').split('(')[0]!.trim()));
    await shot('05-arabic');
    const [arabicWorkbook] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: text(s.ar, 'download.xlsx'), exact: true }).click()]);
    const arabicSheets = (await readXlsxSheets(readFileSync(await arabicWorkbook.path()))).sheets;
    assert.deepEqual(arabicSheets.map((sheet) => sheet.name), [text(s.ar, 'workbook.tableSheet'), text(s.ar, 'workbook.notesSheet')]);
    assert.match(arabicSheets[0]!.xml, /rightToLeft="1"/, 'the Arabic workbook reads right to left');
    assert.equal(arabicSheets[1]!.rows[0]![0], text(s.ar, 'workbook.statistic'));
    await p.setViewportSize({ width: 360, height: 780 });
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the statistics page scrolls sideways at 360 px');
    await shot('06-arabic-phone');
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.getByLabel(text(locale('ar'), 'header.language'), { exact: true }).selectOption('en');
    await p.waitForFunction(() => document.documentElement.dir === 'ltr');

    // 7. NRM settings: the default profile (coe), then the UK profile with its 5-working-day RG target.
    await p.getByRole('link', { name: text(nrm.en, 'nav.nrmSettings'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: text(nrm.en, 'page.title') }).waitFor();
    const summary = p.locator('#nrm-current').locator('..').locator('.nrm-summary');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('data-profile-id'), 'coe');
    await p.getByText(text(nrm.en, 'select.existingCases')).waitFor();
    await p.getByLabel(text(nrm.en, 'select.label'), { exact: true }).selectOption('uk');
    await p.getByRole('button', { name: text(nrm.en, 'select.submit'), exact: true }).click();
    await p.locator('.nrm-summary[data-profile-id="uk"]').waitFor();
    await p.getByRole('status').filter({ hasText: prefix(nrm.en, 'select.changed').trim() }).waitFor();
    assert.equal(plain(await p.locator('.nrm-summary [data-field="rgTarget"] dd').textContent()), fill(nrm.en, 'summary.workingDays_other', { count: 5 }));
    await shot('07-nrm-uk');

    // 8. A new coe version with a 45-day recovery period (platform administrator).
    await p.getByLabel(text(nrm.en, 'editor.base'), { exact: true }).selectOption('coe');
    const version = p.getByLabel(text(nrm.en, 'editor.version'), { exact: true });
    assert.equal(await version.inputValue(), '1.1.0', 'the next minor version is suggested');
    // An invalid value is refused next to its field, before anything is sent.
    await p.getByLabel(text(nrm.en, 'editor.recoveryDays'), { exact: true }).fill('forty');
    await p.getByLabel(text(nrm.en, 'editor.source'), { exact: true }).fill('Test: national law of 2026, art. 7');
    await p.getByRole('button', { name: text(nrm.en, 'editor.submit'), exact: true }).click();
    await p.locator('#nrm-recovery-days-error').filter({ hasText: text(nrm.en, 'editor.daysInvalid') }).waitFor();
    await shot('08-nrm-editor-error');
    await p.getByLabel(text(nrm.en, 'editor.recoveryDays'), { exact: true }).fill('45');
    await p.getByRole('button', { name: text(nrm.en, 'editor.submit'), exact: true }).click();
    await p.getByRole('status').filter({ hasText: /Version\W*1\.1\.0/ }).waitFor();
    const coeRow = p.locator('table.nrm-profiles tr[data-profile-id="coe"]');
    await p.locator('table.nrm-profiles tr[data-profile-id="coe"][data-profile-version="1.1.0"]').waitFor();
    assert.match(plain(await coeRow.textContent()), /45 days/);
    // The organisation still uses uk; the same version cannot be added twice.
    assert.equal(await p.locator('.nrm-summary').getAttribute('data-profile-id'), 'uk');
    await shot('09-nrm-new-version');

    assert.deepEqual(problems, []);
  } catch (error) {
    if (problems.length || consoleErrors.length) console.error([...problems, ...consoleErrors].join('\n'));
    await page?.screenshot({ path: `${ARTIFACTS}stats-failure.png`, fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser?.close();
    await server.close();
  }
});
