import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../../core/errors/app-error.ts';

/**
 * HTML → PDF through the host's Chromium (Debian's `chromium` package). Printing happens with
 * JavaScript disabled and every network request refused, so a report can show only what its HTML
 * holds. One render at a time: a browser is heavy on the cheap machines this runs on, and reports
 * are rare.
 */

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

export function chromiumExecutablePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PALERMO_CHROMIUM_PATH ?? '/usr/bin/chromium';
}

let queue: Promise<unknown> = Promise.resolve();

export function renderPdf(html: string): Promise<Buffer> {
  const run = queue.then(() => renderNow(html));
  queue = run.catch(() => undefined);
  return run;
}

async function renderNow(html: string): Promise<Buffer> {
  const executablePath = chromiumExecutablePath();
  if (!existsSync(executablePath)) {
    throw new AppError('UNAVAILABLE', `PDF rendering needs Chromium at ${executablePath} (install the "chromium" package or set PALERMO_CHROMIUM_PATH)`);
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
