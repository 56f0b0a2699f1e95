import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isAppError } from '../../../core/errors/app-error.ts';
import { unmatchedIssues, useErrorMessage, type TIssuePathMap } from './errors.ts';

const MAX_LISTED_ISSUES = 8;

type TErrorAlertProps = {
  /** The failure to show; nothing is rendered while it is null/undefined. */
  error: unknown;
  /** Issue paths that the form already shows next to its fields; others are listed here. */
  fieldPaths?: TIssuePathMap<string>;
  /** Replaces the generic sentence for the error code (e.g. a login-specific wording). */
  message?: string;
};

/**
 * The alert region for a failed request: one translated sentence from the error code, plus any
 * server issues that do not belong to a visible field. role="alert" makes screen readers speak it.
 */
export function ErrorAlert({ error, fieldPaths = {}, message }: TErrorAlertProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  if (error === null || error === undefined) return null;
  const extra = unmatchedIssues(error, fieldPaths);
  // A long list helps nobody; the first few show what kind of problem it is.
  const shown = extra.slice(0, MAX_LISTED_ISSUES);
  const onlyFieldIssues = isAppError(error) && error.code === 'VALIDATION_FAILED' && extra.length === 0;
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__text">{message ?? (onlyFieldIssues ? t('form.fixErrors') : describe(error))}</p>
      {extra.length > 0 && (
        <>
          <p className="alert__text">{t('errors.otherIssues')}</p>
          <ul className="alert__list">
            {shown.map((issue, index) => (
              <li key={`${issue.path}-${index}`}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
            ))}
            {extra.length > shown.length && <li>{t('errors.moreIssues', { number: extra.length - shown.length })}</li>}
          </ul>
        </>
      )}
    </div>
  );
}

type TStatusMessageProps = {
  /** Current message; the region stays in the DOM when empty so that changes are announced. */
  children?: ReactNode;
  /** `success` tints the message; `neutral` for plain information. */
  tone?: 'success' | 'neutral' | 'warning';
};

/** A polite live region for "saved", "added" and similar confirmations. */
export function StatusMessage({ children, tone = 'success' }: TStatusMessageProps) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <div className={empty ? 'status status--empty' : `status status--${tone}`} role="status" aria-live="polite">
      {empty ? null : children}
    </div>
  );
}

/** A status message kept as a function of `t`, so it follows a language switch while shown. */
export type TStatusText = (t: TFunction) => string;

/**
 * State for a page's status region: `[text, setStatus]`, where `text` is the message rendered in
 * the current language and `setStatus` takes a TStatusText (or null to clear).
 */
export function useStatus(): [string, (status: TStatusText | null) => void] {
  const { t } = useTranslation();
  const [status, setStatusState] = useState<TStatusText | null>(null);
  return [status ? status(t) : '', (next) => setStatusState(() => next)];
}
