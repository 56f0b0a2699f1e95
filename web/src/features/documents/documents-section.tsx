import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { formatDateTime } from '../../components/format.ts';
import { NOT_DISPLAYED } from '../../i18n/index.ts';
import { useProtectionTranslation } from '../protection/i18n.ts';
import { checkDocumentFile, DOCUMENT_ACCEPT, MAX_DOCUMENT_BYTES, toBase64 } from './document-rules.ts';
import { downloadDocument, useUploadDocument, type TCaseDocument, type TDocumentHolder } from './queries.ts';
import './documents.css';

export type TDocumentsSectionProps = {
  orgId: string;
  caseId: string;
  holder: TDocumentHolder;
  documents: TCaseDocument[] | undefined;
  loadError: unknown;
  canAttach: boolean;
  canDownload: boolean;
  /** The words that differ between case and plan documents (so both can sit on one page unambiguously). */
  text: { title: string; none: string; file: string };
  /** A case's documents are a page section (h2); a plan's sit inside the plan block (h4). */
  layout: { element: 'section'; headingId: string } | { element: 'subsection'; headingId: string };
  /** Shown under the limits, e.g. why nothing can be attached yet. */
  note?: ReactNode;
};

function useSize() {
  const { i18n } = useProtectionTranslation();
  return (bytes: number) => {
    const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(bytes / 1024, 0.1), 'kilobyte'];
    return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  };
}

/**
 * The list, download buttons and upload field shared by case and plan documents. The limits are
 * stated up front and a refused file says why; the server checks everything again.
 */
export function DocumentsSection({ orgId, caseId, holder, documents, loadError, canAttach, canDownload, text, layout, note }: TDocumentsSectionProps) {
  const { t, i18n } = useProtectionTranslation();
  const size = useSize();
  const upload = useUploadDocument(orgId, caseId, holder);
  const input = useRef<HTMLInputElement>(null);
  const fileId = `${useId()}-document-file`;
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState<string | null>(null);

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
      await downloadDocument(orgId, caseId, document, holder);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(null);
    }
  }

  const uploadMessage = isAppError(upload.error)
    ? upload.error.details.reason === 'CONTENT_TYPE_MISMATCH' ? t('documents.mismatch') : upload.error.code === 'PAYLOAD_TOO_LARGE' ? t('documents.overLimit', { limit: size(MAX_DOCUMENT_BYTES) }) : undefined
    : undefined;
  const heading = layout.element === 'section'
    ? <h2 className="section__title" id={layout.headingId}>{text.title}</h2>
    : <h4 className="subsection__title" id={layout.headingId}>{text.title}</h4>;

  return (
    <section className={layout.element} aria-labelledby={layout.headingId}>
      {heading}
      <p className="muted">{t('documents.limits', { limit: size(MAX_DOCUMENT_BYTES) })}</p>
      {note}
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={loadError} />
      <ErrorAlert error={downloadError} />
      {documents && documents.length === 0 && <p>{text.none}</p>}
      {documents && documents.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="sr-only">{text.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.name')}</th>
                <th scope="col">{t('documents.size')}</th>
                <th scope="col">{t('documents.uploadedAt')}</th>
                {canDownload && <th scope="col"><span className="sr-only">{t('documents.download')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td data-label={t('documents.name')}><bdi>{d.fileName}</bdi></td>
                  <td data-label={t('documents.size')}>{size(d.sizeBytes)}</td>
                  <td data-label={t('documents.uploadedAt')}><bdi>{formatDateTime(d.uploadedAt, i18n.language)}</bdi></td>
                  {canDownload && (
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
      {!canDownload && documents && documents.length > 0 && <p className="muted">{t('documents.noDownload')}</p>}
      {canAttach && (
        <div className="field documents-upload">
          <label className="field__label" htmlFor={fileId}>{text.file}</label>
          <p className="field__hint" id={`${fileId}-hint`}>{t('documents.fileHint', { limit: size(MAX_DOCUMENT_BYTES) })}</p>
          <input ref={input} id={fileId} type="file" accept={DOCUMENT_ACCEPT} aria-describedby={`${fileId}-hint`} disabled={upload.isPending} onChange={(e) => void choose(e)} />
        </div>
      )}
      {upload.isPending && <p role="status">{t('documents.uploading')}</p>}
      {problem && <div className="alert alert--error" role="alert"><p className="alert__text">{problem}</p></div>}
      <ErrorAlert error={upload.error} message={uploadMessage} />
    </section>
  );
}
