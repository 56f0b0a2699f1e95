import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useProgrammesTranslation } from './i18n.ts';
import { currentYear, readBase64 } from './labels.ts';
import { programmesPath, useProgrammeMutation } from './queries.ts';
import { firstTargetRows, FREQUENCIES, readTargets, type TFrequency, type TRowProblem, type TTargetRow } from './targets.ts';
import { TargetsField } from './targets-field.tsx';
import type { TIndicator, TNode } from './types.ts';
import { seg } from '../../api/client.ts';

const NUMBER = /^-?\d+([.,]\d+)?$/;
const MANUAL_UNITS = ['number', 'persons', 'cases', 'decisions', 'days', 'percent'] as const;
const toNumber = (value: string) => Number(value.trim().replace(',', '.'));

/** Adds an indicator whose values are entered by hand, with evidence, and approved by someone else. */
export function ManualIndicatorForm({ orgId, programmeId, nodes }: { orgId: string; programmeId: string; nodes: TNode[] }) {
  const { t } = useProgrammesTranslation();
  const add = useProgrammeMutation(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const [rows, setRows] = useState<TTargetRow[]>(() => firstTargetRows('year'));
  const [problems, setProblems] = useState<(TRowProblem | null)[]>([]);
  const form = useForm({
    initial: { nodeId: nodes.find((n) => n.level === 'output')?.id ?? nodes[0]?.id ?? '', code: '', name: '', unit: 'number', frequency: 'year' },
    issuePaths: { nodeId: 'nodeId', code: 'code', name: 'name', unit: 'unit', frequency: 'frequency' },
  });
  const v = form.values;
  const frequency = v.frequency as TFrequency;
  return (
    <FormShell form={form} label={t('indicator.addManual')} className="form--wide" error={add.error} busy={add.isPending} submitLabel={t('indicator.submit')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        const read = readTargets(frequency, rows);
        setProblems(read.problems);
        if (!form.check({ code: required(v.code), name: required(v.name) }) || read.problems.some(Boolean)) return;
        const body = { nodeId: v.nodeId, code: v.code.trim(), name: v.name.trim(), unit: v.unit, direction: 'increase', frequency, definition: { kind: 'manual' }, targets: read.targets };
        add.mutate({ path: `/${seg(programmeId)}/indicators`, body }, {
          onSuccess: () => { form.reset(); setRows(firstTargetRows('year')); setProblems([]); setDone(t('indicator.added')); },
          onError: form.showServerErrors,
        });
      }}>
      <SelectField id="manual-node" label={t('indicator.node')} options={nodes.map((n) => ({ value: n.id, label: `${n.code} ${n.title}` }))} {...form.bind('nodeId')} />
      <TextField id="manual-code" label={t('indicator.code')} dir="ltr" className="input--short" {...form.bind('code')} />
      <TextField id="manual-name" label={t('indicator.name')} {...form.bind('name')} />
      <SelectField id="manual-unit" label={t('indicator.unit')} options={MANUAL_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))} {...form.bind('unit')} />
      <SelectField id="manual-frequency" label={t('indicator.frequency')} options={FREQUENCIES.map((f) => ({ value: f, label: t(`frequencies.${f}`) }))} {...form.bind('frequency')}
        onChange={(e) => {
          form.setValue('frequency', e.target.value);
          if (rows.every((r) => r.value.trim() === '')) setRows(firstTargetRows(e.target.value as TFrequency));
          setProblems([]);
        }} />
      <TargetsField id="manual-targets" frequency={frequency} rows={rows} onChange={setRows} problems={problems} />
    </FormShell>
  );
}

/** A manual indicator's values: enter one with its evidence; approve or reject someone else's pending one. */
export function ManualValues({ orgId, programmeId, indicator, canManage, canApprove }: { orgId: string; programmeId: string; indicator: TIndicator; canManage: boolean; canApprove: boolean }) {
  const { t } = useProgrammesTranslation();
  const review = useProgrammeMutation(orgId);
  const base = `/${seg(programmeId)}/indicators/${seg(indicator.id)}/values`;
  return (
    <div className="manual-values">
      {indicator.values.length > 0 && (
        <ul>
          {indicator.values.map((value) => (
            <li key={value.id} data-value-status={value.status}>
              <bdi dir="ltr">{value.period}</bdi>: <bdi dir="ltr">{value.value}</bdi> · {t(`values.statuses.${value.status}`)}
              {value.evidence.map((file) => (
                <span key={file.id}> · <a href={programmesPath(orgId, `${base}/${seg(value.id)}/evidence/${seg(file.id)}`)} download><bdi>{file.fileName}</bdi></a></span>
              ))}
              {canApprove && value.status === 'pending' && (
                <span className="form__actions manual-values__review">
                  <button type="button" className="button button--secondary" onClick={() => review.mutate({ path: `${base}/${seg(value.id)}/review`, body: { decision: 'approved' } })}>{t('values.approve')}</button>
                  <button type="button" className="button button--secondary" onClick={() => review.mutate({ path: `${base}/${seg(value.id)}/review`, body: { decision: 'rejected' } })}>{t('values.reject')}</button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={review.error} />
      {canManage && (
        <details className="disclosure">
          <summary>{t('values.enter')}</summary>
          <EnterValueForm orgId={orgId} path={base} indicator={indicator} />
        </details>
      )}
    </div>
  );
}

function EnterValueForm({ orgId, path, indicator }: { orgId: string; path: string; indicator: TIndicator }) {
  const { t } = useProgrammesTranslation();
  const enter = useProgrammeMutation(orgId);
  const [file, setFile] = useState<File | null>(null);
  const form = useForm({ initial: { period: indicator.frequency === 'year' ? currentYear() : '', value: '', evidence: '' }, issuePaths: { period: 'period', value: 'value', 'evidence.0.contentBase64': 'evidence', 'evidence.0.contentType': 'evidence' } });
  const v = form.values;
  const id = `value-${indicator.id}`;
  return (
    <FormShell form={form} label={t('values.enter')} error={enter.error} busy={enter.isPending} submitLabel={t('values.submit')} busyLabel={t('common.saving')}
      onSubmit={() => {
        if (!form.check({ value: NUMBER.test(v.value.trim()) ? undefined : t('form.number'), evidence: file ? undefined : t('values.evidenceRequired') })) return;
        void readBase64(file!).then((contentBase64) => enter.mutate(
          { path, body: { period: v.period.trim(), value: toNumber(v.value), evidence: [{ fileName: file!.name, contentType: file!.type || 'text/plain', contentBase64 }] } },
          { onSuccess: () => { form.reset(); setFile(null); }, onError: form.showServerErrors },
        ));
      }}>
      <TextField id={`${id}-period`} label={t('report.period')} hint={t('report.periodHint')} dir="ltr" {...form.bind('period')} />
      <TextField id={`${id}-value`} label={t('values.value')} inputMode="decimal" dir="ltr" {...form.bind('value')} />
      <TextField id={`${id}-evidence`} type="file" label={t('values.evidence')} hint={t('values.evidenceHint')} accept=".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
        error={form.errors.evidence} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
    </FormShell>
  );
}
