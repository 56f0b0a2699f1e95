import { useEffect, type FormEvent, type ReactNode, type RefObject } from 'react';
import { ErrorAlert } from './alert.tsx';
import { Button } from './button.tsx';
import type { TIssuePathMap } from './errors.ts';

type TFormShellProps = {
  /** The form's state from `useForm` (only its ref and issue paths are read here). */
  form: { formRef: RefObject<HTMLFormElement | null>; issuePaths: TIssuePathMap<string> };
  /** Called on submit, after the browser's own submission has been prevented. */
  onSubmit: () => void;
  /** The failed request to show in the alert (the mutation's `error`); null shows nothing. */
  error: unknown;
  /** Replaces the alert's generic sentence (e.g. the login page's "wrong email or password"). */
  errorMessage?: string;
  /** While true the submit button shows `busyLabel` and ignores clicks. */
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  /** Shown above everything else, e.g. a `<StatusMessage>` or an introductory paragraph. */
  before?: ReactNode;
  /** Extra buttons next to the submit button (e.g. "Cancel"). */
  actions?: ReactNode;
  /** Accessible name of the form, when a page holds several. */
  label?: string;
  className?: string;
  /** Focuses the first control when the form appears (forms opened by a button). */
  autoFocus?: boolean;
  children: ReactNode;
};

/**
 * The frame every server-backed form shares: `noValidate` (our own translated checks run
 * instead of the browser's), the error alert listing what no field shows, the fields, and the
 * submit button with its busy state.
 */
export function FormShell({ form, onSubmit, error, errorMessage, busy, submitLabel, busyLabel, before, actions, label, className, autoFocus, children }: TFormShellProps) {
  const { formRef } = form;
  useEffect(() => {
    if (autoFocus) formRef.current?.querySelector<HTMLElement>('textarea, select, input, button[type="submit"]')?.focus();
  }, [autoFocus, formRef]);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form ref={form.formRef} className={className ? `form ${className}` : 'form'} noValidate aria-label={label} onSubmit={handleSubmit}>
      {before}
      <ErrorAlert error={error} fieldPaths={form.issuePaths} message={errorMessage} />
      {children}
      <div className="form__actions">
        <Button type="submit" busy={busy} busyLabel={busyLabel}>
          {submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}
