import type { ChangeEvent } from 'react';
import { SelectField, TextField } from '../../components/field.tsx';
import { useProgrammesTranslation } from './i18n.ts';
import { PERIOD_PATTERN } from './labels.ts';
import { firstTargetRows, FREQUENCIES, parseNumber, type TFrequency, type TRowProblem, type TTargetRow } from './targets.ts';
import { TargetsField } from './targets-field.tsx';

type TReportingField = 'direction' | 'frequency' | 'baseline' | 'baselinePeriod' | 'dataSource';

/** The part of a `useForm` these fields need; any form whose fields include them fits. */
interface TReportingForm {
  values: Record<TReportingField, string>;
  setValue(field: TReportingField, value: string): void;
  bind(field: TReportingField): { value: string; error: string | undefined; onChange(event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>): void };
}

/** Reads the baseline fields: the number (null when left empty) and the problems of the two fields. */
export function useBaselineReader(): (values: Record<'baseline' | 'baselinePeriod', string>) => { baseline: number | null; problems: Partial<Record<'baseline' | 'baselinePeriod', string>> } {
  const { t } = useProgrammesTranslation();
  return (values) => {
    const text = values.baseline.trim();
    const period = values.baselinePeriod.trim();
    const baseline = text === '' ? null : parseNumber(text);
    return {
      baseline,
      problems: {
        baseline: text !== '' && baseline === null ? t('form.number') : period !== '' && baseline === null ? t('indicator.baselineNeeded') : undefined,
        baselinePeriod: period !== '' && !PERIOD_PATTERN.test(period) ? t('report.periodInvalid') : undefined,
      },
    };
  };
}

/**
 * What every new indicator asks after its definition, whatever its kind: direction, how often it
 * is reported, its baseline, data source and targets for several periods. The suggested target
 * periods follow the frequency until a target has been typed.
 */
export function IndicatorReportingFields({ id, form, rows, onRowsChange, problems, onProblemsChange }: {
  id: string;
  form: TReportingForm;
  rows: TTargetRow[];
  onRowsChange(rows: TTargetRow[]): void;
  problems: (TRowProblem | null)[];
  onProblemsChange(problems: (TRowProblem | null)[]): void;
}) {
  const { t } = useProgrammesTranslation();
  return (
    <>
      <SelectField id={`${id}-direction`} label={t('indicator.direction')} options={(['increase', 'decrease'] as const).map((d) => ({ value: d, label: t(`directions.${d}`) }))} {...form.bind('direction')} />
      <SelectField id={`${id}-frequency`} label={t('indicator.frequency')} hint={t('indicator.frequencyHint')} options={FREQUENCIES.map((f) => ({ value: f, label: t(`frequencies.${f}`) }))} {...form.bind('frequency')}
        onChange={(e) => {
          form.setValue('frequency', e.target.value);
          if (rows.every((r) => r.value.trim() === '')) onRowsChange(firstTargetRows(e.target.value as TFrequency));
          onProblemsChange([]);
        }} />
      <div className="inline-fields">
        <TextField id={`${id}-baseline`} label={t('indicator.baseline')} inputMode="decimal" dir="ltr" className="input--short" {...form.bind('baseline')} />
        <TextField id={`${id}-baseline-period`} label={t('indicator.baselinePeriod')} hint={t('report.periodHint')} dir="ltr" className="input--short" {...form.bind('baselinePeriod')} />
      </div>
      <TextField id={`${id}-source`} label={t('indicator.dataSource')} hint={t('indicator.dataSourceHint')} {...form.bind('dataSource')} />
      <TargetsField id={`${id}-targets`} frequency={form.values.frequency as TFrequency} rows={rows} onChange={onRowsChange} problems={problems} />
    </>
  );
}
