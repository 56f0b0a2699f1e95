/**
 * The HTML shell every server-rendered report shares. Reports are printed by Chromium with
 * JavaScript off and the network closed, so everything (styles, charts as SVG) is inline here.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

export type TTextDirection = 'ltr' | 'rtl';

/** Arabic (and any script we add later that runs right to left) sets the page direction. */
export function directionOf(language: string): TTextDirection {
  return language === 'ar' ? 'rtl' : 'ltr';
}

const BASE_STYLE = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #1b1b1b; }
  h1 { font-size: 18pt; margin: 0 0 4mm; }
  h2 { font-size: 13pt; margin: 6mm 0 2mm; }
  table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
  th, td { border: 0.4pt solid #9a9a9a; padding: 1.2mm 2mm; text-align: start; vertical-align: top; }
  td.number, th.number { text-align: end; font-variant-numeric: tabular-nums; }
  .muted { color: #555; }
  .chart svg { max-width: 100%; height: auto; }
`;

export interface THtmlDocument {
  title: string;
  language: string;
  /** Already-escaped HTML for the body. */
  bodyHtml: string;
  /** Extra CSS for this report. */
  style?: string;
}

export function htmlDocument(document: THtmlDocument): string {
  const language = escapeHtml(document.language);
  return `<!doctype html>
<html lang="${language}" dir="${directionOf(document.language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(document.title)}</title>
<style>${BASE_STYLE}${document.style ?? ''}</style>
</head>
<body>
${document.bodyHtml}
</body>
</html>`;
}
