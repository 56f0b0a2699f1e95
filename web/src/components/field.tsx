import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type TFieldShellProps = {
  /** Id of the control; the label, hint and error ids derive from it. */
  id: string;
  /** Visible label text (every control has one). */
  label: ReactNode;
  /** Help shown under the label and announced with the control. */
  hint?: ReactNode;
  /** Error for this field; sets aria-invalid and is announced with the control. */
  error?: string | undefined;
  /** Visually hides the label (tables with a column header); it stays for screen readers. */
  hideLabel?: boolean;
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
};

function FieldShell({ id, label, hint, error, hideLabel, children }: TFieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className={hideLabel ? 'field__label sr-only' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {children({ 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

type TTextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> &
  Pick<TFieldShellProps, 'id' | 'label' | 'hint' | 'error' | 'hideLabel'>;

/** A labelled text input with optional hint and error text, wired for screen readers. */
export function TextField({ id, label, hint, error, hideLabel, className, ...input }: TTextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      {(aria) => <input id={id} className={className ? `input ${className}` : 'input'} {...aria} {...input} />}
    </FieldShell>
  );
}

type TTextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> &
  Pick<TFieldShellProps, 'id' | 'label' | 'hint' | 'error' | 'hideLabel'>;

/** A labelled multi-line text input (reasons, notes). */
export function TextAreaField({ id, label, hint, error, hideLabel, className, rows = 4, ...textarea }: TTextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      {(aria) => <textarea id={id} rows={rows} className={className ? `input textarea ${className}` : 'input textarea'} {...aria} {...textarea} />}
    </FieldShell>
  );
}

export type TOption = {
  value: string;
  label: string;
  /** Language of the label when it differs from the page (language names in the language menu). */
  lang?: string;
};

type TSelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> &
  Pick<TFieldShellProps, 'id' | 'label' | 'hint' | 'error' | 'hideLabel'> & {
    options: readonly TOption[];
    /** Adds a first, empty "Choose…" option so nothing is preselected by accident. */
    placeholder?: string;
  };

/** A labelled <select> with optional hint and error text. */
export function SelectField({ id, label, hint, error, hideLabel, options, placeholder, className, ...select }: TSelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      {(aria) => (
        <select id={id} className={className ? `select ${className}` : 'select'} {...aria} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
