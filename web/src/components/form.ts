import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromIssues, type TIssuePathMap } from './errors.ts';

/** Error text per field; absent or undefined means the field is fine. */
export type TFieldErrors<F extends string> = Partial<Record<F, string | undefined>>;

/** True when at least one field has an error. */
export function hasErrors<F extends string>(errors: TFieldErrors<F>): boolean {
  return Object.values(errors).some(Boolean);
}

/**
 * Field errors of one form plus a ref for that form. `show` replaces the errors and moves focus to
 * the first invalid control, so keyboard and screen-reader users land on what needs fixing.
 */
export function useFormErrors<F extends string>() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<TFieldErrors<F>>({});
  const show = useCallback((next: TFieldErrors<F>) => {
    setErrors(next);
    if (hasErrors(next)) {
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { formRef, errors, show, clear };
}

type TUseFormOptions<F extends string> = {
  /** Starting value of every field (text inputs and selects hold strings). */
  initial: Readonly<Record<F, string>>;
  /** Server issue paths (without `body.`) → field, so server-side problems land next to their field. */
  issuePaths: TIssuePathMap<F>;
};

/**
 * State of one form that is sent to the server: the field values, their errors, and the helpers
 * every form needs. Pair it with `<FormShell>`, which renders the alert and the submit button.
 *
 * - `bind(field)` gives `value`, `error` and `onChange` for a `<TextField>`/`<SelectField>`.
 * - `check(errors)` shows client-side errors and returns true when there are none.
 * - `showServerErrors(error)` puts a failed request's field issues next to their fields.
 */
export function useForm<F extends string>({ initial, issuePaths }: TUseFormOptions<F>) {
  const { formRef, errors, show, clear } = useFormErrors<F>();
  const [values, setValues] = useState<Record<F, string>>(initial);

  const setValue = useCallback((field: F, value: string) => setValues((v) => ({ ...v, [field]: value })), []);
  const bind = (field: F) => ({
    value: values[field],
    error: errors[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setValue(field, event.target.value),
  });
  const check = (next: TFieldErrors<F>): boolean => {
    show(next);
    return !hasErrors(next);
  };
  const showServerErrors = (error: unknown) => show(fieldErrorsFromIssues(error, issuePaths));
  const reset = () => {
    setValues({ ...initial });
    clear();
  };

  return { formRef, values, setValue, errors, bind, check, show, showServerErrors, reset, issuePaths };
}

/** What `useForm` returns; `<FormShell>` takes it whole. */
export type TFormState<F extends string> = ReturnType<typeof useForm<F>>;

// Deliberately loose: the server is the judge; this only catches typing slips before a round trip.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Translated client-side checks shared by every form. Each returns an error or undefined. */
export function useValidators() {
  const { t } = useTranslation();
  return {
    required: (value: string) => (value.trim() ? undefined : t('form.required')),
    email: (value: string) => {
      if (!value.trim()) return t('form.required');
      return EMAIL_PATTERN.test(value.trim()) ? undefined : t('form.invalidEmail');
    },
    minLength: (value: string, min: number) => {
      if (!value) return t('form.required');
      return value.length >= min ? undefined : t('form.minLength', { min });
    },
  };
}
