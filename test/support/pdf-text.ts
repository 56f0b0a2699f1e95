import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF, page by page, as pdf.js reads it: in visual order (left to right on the page,
 * as Chromium placed the glyphs), with Arabic presentation forms folded back to letters (NFKC).
 * Used to check what a rendered report says without trusting the HTML it came from.
 */
export async function extractPdfText(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join('\n').normalize('NFKC'));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

const LEFT_TO_RIGHT_RUN = /[0-9A-Za-z][0-9A-Za-z.,%:/-]*/g;

/**
 * Reads one visual line of a right-to-left page in logical order: characters reversed, then each
 * run of digits or Latin letters (which the bidi algorithm keeps left to right) turned back. Enough
 * for report lines of Arabic text with numbers; if Chromium had laid a line out left to right, this
 * would scramble it instead, which is what makes it a test of direction.
 */
export function readRightToLeft(visualLine: string): string {
  const reversed = [...visualLine].reverse().join('');
  return reversed.replace(LEFT_TO_RIGHT_RUN, (run) => [...run].reverse().join(''));
}
