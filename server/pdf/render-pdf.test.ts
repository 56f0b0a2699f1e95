import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { extractPdfText, readRightToLeft } from '../../test/support/pdf-text.ts';
import { renderChartSvg } from './chart-svg.ts';
import { escapeHtml, htmlDocument } from './html-document.ts';
import { chromiumExecutablePath, renderPdf } from './render-pdf.ts';

const skip = existsSync(chromiumExecutablePath()) ? false : 'Chromium is not installed';

test('escapeHtml neutralises markup', () => {
  assert.equal(escapeHtml(`<script>"x" & 'y'</script>`), '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
});

test('a chart renders to SVG without a DOM', () => {
  const svg = renderChartSvg({ xAxis: { type: 'category', data: ['2021', '2022'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3, 5] }] });
  assert.match(svg, /^<svg[\s\S]*<\/svg>$/);
});

test('a report in Arabic prints right to left and its text reads back in logical order', { skip, timeout: 60_000 }, async () => {
  const title = 'تقرير التقدم';
  const sentence = 'عدد الضحايا المحددين';
  const html = htmlDocument({ title, language: 'ar', bodyHtml: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(sentence)} 42</p>` });
  const pdf = await renderPdf(html);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const [page = ''] = await extractPdfText(pdf);
  const logicalLines = page.split('\n').map(readRightToLeft);
  assert.deepEqual(logicalLines, [title, `${sentence} 42`], `read from ${JSON.stringify(page)}`);
  assert.ok(!page.includes(title), 'the visual order must differ from the logical one: the page was laid out left to right');
});

test('a report cannot fetch anything: scripts do not run and remote images are refused', { skip, timeout: 60_000 }, async () => {
  const html = htmlDocument({ title: 'x', language: 'en', bodyHtml: '<p id="p">static</p><script>document.body.innerText = "ran"</script><img src="http://127.0.0.1:9/x.png">' });
  const [page] = await extractPdfText(await renderPdf(html));
  assert.ok(page?.includes('static'));
  assert.ok(!page?.includes('ran'));
});
