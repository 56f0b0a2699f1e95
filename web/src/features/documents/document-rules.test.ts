import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DOCUMENT_TYPES as SERVER_TYPES, MAX_DOCUMENT_BYTES as SERVER_MAX } from '../../../../server/modules/documents/document-types.ts';
import { checkDocumentFile, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, toBase64 } from './document-rules.ts';

test('the browser checks the same limit and types as the server', () => {
  assert.equal(MAX_DOCUMENT_BYTES, SERVER_MAX);
  assert.deepEqual([...DOCUMENT_TYPES].sort(), Object.keys(SERVER_TYPES).sort());
});

test('files are accepted or refused by size and type', () => {
  const cases: [{ name: string; size: number; type: string }, string][] = [
    [{ name: 'report.pdf', size: 1000, type: 'application/pdf' }, 'application/pdf'],
    [{ name: 'photo.JPG', size: 1000, type: '' }, 'image/jpeg'],
    [{ name: 'notes.txt', size: 10, type: 'text/plain;charset=utf-8' }, 'text/plain'],
    [{ name: 'scan.png', size: MAX_DOCUMENT_BYTES, type: 'image/png' }, 'image/png'],
    [{ name: 'scan.png', size: MAX_DOCUMENT_BYTES + 1, type: 'image/png' }, 'tooLarge'],
    [{ name: 'empty.txt', size: 0, type: 'text/plain' }, 'empty'],
    [{ name: 'setup.exe', size: 100, type: 'application/x-msdownload' }, 'wrongType'],
    [{ name: 'letter.docx', size: 100, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, 'wrongType'],
    [{ name: 'renamed.pdf', size: 100, type: 'application/zip' }, 'wrongType'],
    [{ name: 'noextension', size: 100, type: '' }, 'wrongType'],
  ];
  for (const [file, expected] of cases) {
    const result = checkDocumentFile(file);
    assert.equal(result.ok ? result.contentType : result.problem, expected, file.name);
  }
});

test('toBase64 matches Node for any bytes, across chunk boundaries', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => toBase64(bytes) === Buffer.from(bytes).toString('base64')), { numRuns: 40 });
});
