import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { useProgrammesTranslation } from './i18n.ts';
import { followingPeriod, type TFrequency, type TRowProblem, type TTargetRow } from './targets.ts';

type TTargetsFieldProps = {
  /** Prefix of the inputs' ids. */
  id: string;
  frequency: TFrequency;
  rows: TTargetRow[];
  onChange: (rows: TTargetRow[]) => void;
  /** What is wrong with each row (from readTargets), shown next to the field concerned. */
  problems: (TRowProblem | null)[];
};

/** Most periods a form offers at once: three years of months. */
const MAX_ROWS = 36;

/**
 * Targets for several periods: one row (period, value) per period, added and removed by button.
 * The period is suggested from the row above; a row left without a value sets no target.
 */
export function TargetsField({ id, frequency, rows, onChange, problems }: TTargetsFieldProps) {
  const { t } = useProgrammesTranslation();
  const year = new Date().getFullYear();
  const problemText = (problem: TRowProblem | null | undefined) =>
    problem === 'period' ? t('targets.periodInvalid', { example: followingPeriod(frequency, '', year) }) : problem === 'duplicate' ? t('targets.duplicate') : undefined;
  const update = (index: number, change: Partial<TTargetRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="fieldset targets-field">
      <legend className="fieldset__legend">{t('targets.legend')}</legend>
      <p className="field__hint">{t(`targets.hint.${frequency}`)}</p>
      {rows.map((row, index) => (
        <div key={index} className="targets-field__row">
          <TextField id={`${id}-period-${index}`} label={t('targets.period', { number: index + 1 })} dir="ltr" className="input--short" autoComplete="off"
            value={row.period} error={problemText(problems[index])} onChange={(e) => update(index, { period: e.target.value })} />
          <TextField id={`${id}-value-${index}`} label={t('targets.value', { number: index + 1 })} dir="ltr" inputMode="decimal" className="input--short" autoComplete="off"
            value={row.value} error={problems[index] === 'value' ? t('form.number') : undefined} onChange={(e) => update(index, { value: e.target.value })} />
          {rows.length > 1 && (
            <Button variant="secondary" className="targets-field__remove" onClick={() => onChange(rows.filter((_r, i) => i !== index))}>
              {t('targets.remove', { number: index + 1 })}
            </Button>
          )}
        </div>
      ))}
      {rows.length < MAX_ROWS && (
        <Button variant="secondary" onClick={() => onChange([...rows, { period: followingPeriod(frequency, rows[rows.length - 1]?.period.trim() ?? '', year), value: '' }])}>
          {t('targets.add')}
        </Button>
      )}
    </fieldset>
  );
}
