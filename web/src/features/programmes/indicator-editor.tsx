import { useState } from 'react';
import { seg } from '../../api/client.ts';
import { StatusMessage } from '../../components/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useEditErrorMessage } from './edit-errors.ts';
import { useProgrammesTranslation } from './i18n.ts';
import { useProgrammeMutation } from './queries.ts';
import { firstTargetRows, FREQUENCIES, isPeriodOf, parseNumber, readTargets, rowsOfTargets, type TFrequency, type TRowProblem, type TTargetRow } from './targets.ts';
import { TargetsField } from './targets-field.tsx';
import type { TIndicator } from './types.ts';

/**
 * Edits what an indicator says about itself: name, written definition, baseline, data source,
 * direction, and its frequency while nothing depends on it yet. The metric and unit stay:
 * changing them would silently change the meaning of past reports.
 */
export function IndicatorEditForm({ orgId, programmeId, indicator }: { orgId: string; programmeId: string; indicator: TIndicator }) {
  const { t } = useProgrammesTranslation();
  const save = useProgrammeMutation<{ id: string; version: number }>(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const form = useForm({
    initial: {
      name: indicator.name, definitionText: indicator.definitionText ?? '', baseline: indicator.baseline === null ? '' : String(indicator.baseline), baselinePeriod: indicator.baselinePeriod ?? '',
      dataSource: indicator.dataSource, direction: indicator.direction, frequency: indicator.frequency,
    },
    issuePaths: { name: 'name', definitionText: 'definitionText', baseline: 'baseline', baselinePeriod: 'baselinePeriod', dataSource: 'dataSource', direction: 'direction', frequency: 'frequency' },
  });
  const v = form.values;
  const errorMessage = useEditErrorMessage(save.error);
  const isFrequencyFixed = indicator.targets.length > 0 || indicator.values.length > 0;
  const id = `edit-indicator-${indicator.id}`;
  return (
    <FormShell form={form} label={t('edit.indicator', { code: indicator.code })} error={save.error} errorMessage={errorMessage} busy={save.isPending} submitLabel={t('edit.save')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        setDone('');
        const baseline = v.baseline.trim() === '' ? null : parseNumber(v.baseline);
        const period = v.baselinePeriod.trim();
        const ok = form.check({
          name: required(v.name), dataSource: required(v.dataSource),
          baseline: v.baseline.trim() !== '' && baseline === null ? t('form.number') : period !== '' && baseline === null ? t('indicator.baselineNeeded') : undefined,
          baselinePeriod: period !== '' && !isPeriodOf(v.frequency as TFrequency, period) ? t('targets.periodInvalid', { example: firstTargetRows(v.frequency as TFrequency)[0]!.period }) : undefined,
        });
        if (!ok) return;
        const body = {
          expectedVersion: indicator.version, name: v.name.trim(), definitionText: v.definitionText.trim() || null, baseline, baselinePeriod: period || null,
          dataSource: v.dataSource.trim(), direction: v.direction, ...(v.frequency !== indicator.frequency ? { frequency: v.frequency } : {}),
        };
        save.mutate({ method: 'PATCH', path: `/${seg(programmeId)}/indicators/${seg(indicator.id)}`, body }, { onSuccess: () => setDone(t('edit.saved')), onError: form.showServerErrors });
      }}>
      <TextField id={`${id}-name`} label={t('indicator.name')} {...form.bind('name')} />
      <TextAreaField id={`${id}-definition`} label={t('indicator.definitionText')} hint={t('indicator.definitionTextHint')} rows={3} {...form.bind('definitionText')} />
      <div className="inline-fields">
        <TextField id={`${id}-baseline`} label={t('indicator.baseline')} inputMode="decimal" dir="ltr" className="input--short" {...form.bind('baseline')} />
        <TextField id={`${id}-baseline-period`} label={t('indicator.baselinePeriod')} dir="ltr" className="input--short" {...form.bind('baselinePeriod')} />
      </div>
      <TextField id={`${id}-source`} label={t('indicator.dataSource')} {...form.bind('dataSource')} />
      <SelectField id={`${id}-direction`} label={t('indicator.direction')} options={(['increase', 'decrease'] as const).map((d) => ({ value: d, label: t(`directions.${d}`) }))} {...form.bind('direction')} />
      <SelectField id={`${id}-frequency`} label={t('indicator.frequency')} hint={isFrequencyFixed ? t('edit.frequencyFixed') : undefined} disabled={isFrequencyFixed}
        options={FREQUENCIES.map((f) => ({ value: f, label: t(`frequencies.${f}`) }))} {...form.bind('frequency')} />
    </FormShell>
  );
}

/** Replaces an indicator's targets, one per period of its frequency (PUT …/targets). */
export function TargetEditor({ orgId, programmeId, indicator }: { orgId: string; programmeId: string; indicator: TIndicator }) {
  const { t } = useProgrammesTranslation();
  const save = useProgrammeMutation<null>(orgId);
  const [done, setDone] = useState('');
  const [rows, setRows] = useState<TTargetRow[]>(() => (indicator.targets.length > 0 ? rowsOfTargets(indicator.targets) : firstTargetRows(indicator.frequency)));
  const [problems, setProblems] = useState<(TRowProblem | null)[]>([]);
  const form = useForm({ initial: {}, issuePaths: {} });
  const errorMessage = useEditErrorMessage(save.error);
  return (
    <FormShell form={form} label={t('edit.targets', { code: indicator.code })} error={save.error} errorMessage={errorMessage} busy={save.isPending} submitLabel={t('edit.saveTargets')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        setDone('');
        const read = readTargets(indicator.frequency, rows);
        setProblems(read.problems);
        if (read.problems.some(Boolean)) return;
        save.mutate({ method: 'PUT', path: `/${seg(programmeId)}/indicators/${seg(indicator.id)}/targets`, body: { targets: read.targets } }, { onSuccess: () => setDone(t('edit.targetsSaved')) });
      }}>
      <TargetsField id={`edit-targets-${indicator.id}`} frequency={indicator.frequency} rows={rows} onChange={setRows} problems={problems} />
    </FormShell>
  );
}
