import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
