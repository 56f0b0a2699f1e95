import type { ReactNode } from 'react';
import type { TOption } from './field.tsx';

type TChoiceGroupProps = {
  /** Prefix for the inputs' ids and the shared `name` of the radios. */
  id: string;
  /** The question, rendered as the fieldset's legend (the group's accessible name). */
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly TOption[];
  /** `segmented` lays the choices side by side as large touch targets (tri-state answers on phones). */
  layout?: 'stacked' | 'inline' | 'segmented';
  /** Extra content under the legend (e.g. the indicator's strength). */
  aside?: ReactNode;
  className?: string;
};

function GroupShell({ id, legend, hint, error, layout = 'stacked', aside, className, children }: Omit<TChoiceGroupProps, 'options'> & { children: ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const classes = ['choice-group', `choice-group--${layout}`, error ? 'choice-group--invalid' : '', className].filter(Boolean).join(' ');
  return (
    <fieldset className={classes} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} aria-invalid={error ? true : undefined}>
      <legend className="choice-group__legend">{legend}</legend>
      {aside}
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
      <div className="choice-group__options">{children}</div>
    </fieldset>
  );
}

type TRadioGroupProps = TChoiceGroupProps & {
  value: string;
  onChange: (value: string) => void;
};

/** One answer out of several, as real radio buttons in a fieldset (arrow keys move between them). */
export function RadioGroup({ value, onChange, options, ...shell }: TRadioGroupProps) {
  return (
    <GroupShell {...shell}>
      {options.map((option, index) => {
        const inputId = `${shell.id}-${option.value || index}`;
        return (
          <label key={option.value} className="choice" htmlFor={inputId}>
            <input
              id={inputId}
              type="radio"
              name={shell.id}
              value={option.value}
              checked={value === option.value}
              // The first radio carries the error state so focus-on-error finds the group.
              aria-invalid={shell.error && index === 0 ? true : undefined}
              onChange={() => onChange(option.value)}
            />
            <span className="choice__label" lang={option.lang}>
              {option.label}
            </span>
          </label>
        );
      })}
    </GroupShell>
  );
}

type TCheckboxGroupProps = TChoiceGroupProps & {
  values: readonly string[];
  onChange: (values: string[]) => void;
};

/** Any number of answers out of several; the order of `options` is kept in the result. */
export function CheckboxGroup({ values, onChange, options, ...shell }: TCheckboxGroupProps) {
  function toggle(value: string, checked: boolean) {
    const next = new Set(values);
    if (checked) next.add(value);
    else next.delete(value);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  }
  return (
    <GroupShell {...shell}>
      {options.map((option, index) => {
        const inputId = `${shell.id}-${option.value}`;
        return (
          <label key={option.value} className="choice" htmlFor={inputId}>
            <input
              id={inputId}
              type="checkbox"
              value={option.value}
              checked={values.includes(option.value)}
              aria-invalid={shell.error && index === 0 ? true : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span className="choice__label">{option.label}</span>
          </label>
        );
      })}
    </GroupShell>
  );
}

type TCheckboxFieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

/** A single yes/no checkbox with its label beside it. */
export function CheckboxField({ id, label, hint, checked, onChange }: TCheckboxFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label className="choice" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} aria-describedby={hintId} onChange={(event) => onChange(event.target.checked)} />
        <span className="choice__label">{label}</span>
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
