import { Suspense, useRef, useState, type ChangeEvent } from 'react';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { formatDateTime } from '../../components/format.ts';
import { NOT_DISPLAYED } from '../../i18n/index.ts';
import { useProtectionTranslation } from '../protection/i18n.ts';
import { useActiveOrg } from '../session/active-org.tsx';
import { checkDocumentFile, DOCUMENT_ACCEPT, MAX_DOCUMENT_BYTES, toBase64 } from './document-rules.ts';
import { downloadDocument, useCaseDocuments, useUploadDocument, type TCaseDocument } from './queries.ts';
import './documents.css';

/**
 * Documents attached to a case: the list (case.read), upload for person.write, download for
 * person.readIdentity (each download is audited by the server). The limits are stated up front
 * and a refused file says why.
 */
export function CaseDocumentsPanel({ orgId, caseId }: { orgId: string; caseId: string }) {
  return (
    <Suspense fallback={null}>
      <Documents orgId={orgId} caseId={caseId} />
    </Suspense>
  );
}

function useSize() {
  const { i18n } = useProtectionTranslation();
  return (bytes: number) => {
    const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(bytes / 1024, 0.1), 'kilobyte'];
    return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  };
}

function Documents({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t, i18n } = useProtectionTranslation();
  const { can } = useActiveOrg();
  const size = useSize();
  const documents = useCaseDocuments(orgId, caseId);
  const upload = useUploadDocument(orgId, caseId);
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const mayDownload = can('person.readIdentity');

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setProblem('');
    setStatus('');
    upload.reset();
    if (!file) return;
    const check = checkDocumentFile(file);
    if (!check.ok) {
      event.target.value = '';
      setProblem(check.problem === 'tooLarge' ? t('documents.tooLarge', { size: size(file.size), limit: size(MAX_DOCUMENT_BYTES) }) : check.problem === 'empty' ? t('documents.empty') : t('documents.wrongType'));
      return;
    }
    let contentBase64: string;
    try {
      contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      setProblem(t('documents.readFailed'));
      return;
    }
    upload.mutate({ fileName: file.name, contentType: check.contentType, contentBase64 }, {
      onSuccess: ({ document }) => { setStatus(t('documents.uploaded', { name: document.fileName })); if (input.current) input.current.value = ''; },
    });
  }

  async function download(document: TCaseDocument) {
    setDownloadError(null);
    setDownloading(document.id);
    try {
      await downloadDocument(orgId, caseId, document);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(null);
    }
  }

  const uploadMessage = isAppError(upload.error)
    ? upload.error.details.reason === 'CONTENT_TYPE_MISMATCH' ? t('documents.mismatch') : upload.error.code === 'PAYLOAD_TOO_LARGE' ? t('documents.overLimit', { limit: size(MAX_DOCUMENT_BYTES) }) : undefined
    : undefined;

  return (
    <section className="section" aria-labelledby="case-documents">
      <h2 className="section__title" id="case-documents">{t('documents.title')}</h2>
      <p className="muted">{t('documents.limits', { limit: size(MAX_DOCUMENT_BYTES) })}</p>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={documents.error} />
      <ErrorAlert error={downloadError} />
      {documents.data && documents.data.length === 0 && <p>{t('documents.none')}</p>}
      {documents.data && documents.data.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="sr-only">{t('documents.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.name')}</th>
                <th scope="col">{t('documents.size')}</th>
                <th scope="col">{t('documents.uploadedAt')}</th>
                {mayDownload && <th scope="col"><span className="sr-only">{t('documents.download')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {documents.data.map((d) => (
                <tr key={d.id}>
                  <td data-label={t('documents.name')}><bdi>{d.fileName}</bdi></td>
                  <td data-label={t('documents.size')}>{size(d.sizeBytes)}</td>
                  <td data-label={t('documents.uploadedAt')}><bdi>{formatDateTime(d.uploadedAt, i18n.language)}</bdi></td>
                  {mayDownload && (
                    <td>
                      <Button variant="secondary" busy={downloading === d.id} busyLabel={t('common.working')} aria-label={t('documents.downloadName', { name: d.fileName, ...NOT_DISPLAYED })}
                        onClick={() => void download(d)}>
                        {t('documents.download')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!mayDownload && documents.data && documents.data.length > 0 && <p className="muted">{t('documents.noDownload')}</p>}
      {can('person.write') && (
        <div className="field documents-upload">
          <label className="field__label" htmlFor="document-file">{t('documents.file')}</label>
          <p className="field__hint" id="document-file-hint">{t('documents.fileHint', { limit: size(MAX_DOCUMENT_BYTES) })}</p>
          <input ref={input} id="document-file" type="file" accept={DOCUMENT_ACCEPT} aria-describedby="document-file-hint" disabled={upload.isPending} onChange={(e) => void choose(e)} />
        </div>
      )}
      {upload.isPending && <p role="status">{t('documents.uploading')}</p>}
      {problem && <div className="alert alert--error" role="alert"><p className="alert__text">{problem}</p></div>}
      <ErrorAlert error={upload.error} message={uploadMessage} />
    </section>
  );
}
