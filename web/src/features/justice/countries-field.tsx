import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { countryName, useCountryOptions } from '../../components/country.ts';
import { NOT_DISPLAYED } from '../../i18n/index.ts';
import { useJusticeTranslation } from './i18n.ts';

type TCountriesFieldProps = {
  /** Prefix of the control ids. */
  id: string;
  /** The question, e.g. "Countries involved" (the group's accessible name). */
  legend: string;
  /** Help under the legend, announced with the group. */
  hint?: string;
  /** The group's error (client check or server issue). */
  error?: string | undefined;
  /** ISO 3166-1 alpha-2 codes, in the order they were added. */
  values: string[];
  onChange: (values: string[]) => void;
};

/**
 * Several countries: pick one from the list, add it, repeat. Each added country can be removed
 * again. A plain select and buttons, so it works by keyboard and on phones without a widget library.
 */
export function CountriesField({ id, legend, hint, error, values, onChange }: TCountriesFieldProps) {
  const { t, i18n } = useJusticeTranslation();
  const options = useCountryOptions();
  const [choice, setChoice] = useState('');
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  function handleAdd() {
    if (!choice || values.includes(choice)) return;
    onChange([...values, choice]);
    setChoice('');
  }

  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend className="fieldset__legend">{legend}</legend>
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
      {values.length > 0 && (
        <ul className="justice-chips">
          {values.map((code) => {
            const name = countryName(code, i18n.language);
            return (
              <li key={code} className="justice-chips__item">
                <span>{name}</span>
                <Button variant="link" aria-label={t('countries.remove', { country: name, ...NOT_DISPLAYED })} onClick={() => onChange(values.filter((v) => v !== code))}>
                  {t('countries.removeShort')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="inline-form justice-countries__add">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-choice`}>
            {t('countries.choose')}
          </label>
          <select id={`${id}-choice`} className="select" aria-invalid={error ? true : undefined} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t('common.choose')}</option>
            {options.map((option) => (
              <option key={option.value} value={option.value} disabled={values.includes(option.value)}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary" disabled={!choice} onClick={handleAdd}>
          {t('countries.add')}
        </Button>
      </div>
    </fieldset>
  );
}
