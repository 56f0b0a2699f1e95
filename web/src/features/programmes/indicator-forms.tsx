import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useProgrammesTranslation } from './i18n.ts';
import { currentYear, pickLabel, readBase64 } from './labels.ts';
import { programmesPath, useMetricChoices, useProgrammeMutation } from './queries.ts';
import type { TIndicator, TNode } from './types.ts';
import { seg } from '../../api/client.ts';

const NUMBER = /^-?\d+([.,]\d+)?$/;
const FREQUENCIES = ['year', 'quarter', 'month'] as const;
const MANUAL_UNITS = ['number', 'persons', 'cases', 'decisions', 'days', 'percent'] as const;
const unitOfMetric = (metric: { unit: string; measure: string }) => (metric.measure === 'shareWithinTarget' ? 'percent' : metric.unit);
const toNumber = (value: string) => Number(value.trim().replace(',', '.'));

/** Adds an indicator computed by the statistics engine from a metric, with an optional breakdown and this year's target. */
export function ComputedIndicatorForm({ orgId, programmeId, nodes }: { orgId: string; programmeId: string; nodes: TNode[] }) {
  const { t, i18n } = useProgrammesTranslation();
  const catalog = useMetricChoices(orgId);
  const add = useProgrammeMutation(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const form = useForm({
    initial: { nodeId: nodes.find((n) => n.level === 'outcome')?.id ?? nodes[0]?.id ?? '', code: '', name: '', metric: '', dimension: '', direction: 'increase', target: '' },
    issuePaths: { nodeId: 'nodeId', code: 'code', name: 'name', 'definition.metric': 'metric', 'definition.dimensions.0': 'dimension', unit: 'metric', direction: 'direction', 'targets.0.value': 'target' },
  });
  const v = form.values;
  // Rates need one country and year per cell and a population figure: the engine refuses them as indicators.
  const metrics = (catalog.data?.metrics ?? []).filter((m) => m.measure !== 'rate');
  const metric = metrics.find((m) => m.id === v.metric);
  const dimensions = (metric?.dimensions ?? []).map((id) => catalog.data?.dimensions.find((d) => d.id === id)).filter((d) => d !== undefined);
  return (
    <FormShell form={form} label={t('indicator.addComputed')} error={add.error ?? catalog.error} busy={add.isPending} submitLabel={t('indicator.submit')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        if (!form.check({ code: required(v.code), name: required(v.name), metric: required(v.metric), target: v.target.trim() === '' || NUMBER.test(v.target.trim()) ? undefined : t('form.number') })) return;
        const body = {
          nodeId: v.nodeId, code: v.code.trim(), name: v.name.trim(), unit: metric ? unitOfMetric(metric) : 'persons', direction: v.direction, frequency: 'year',
          definition: { kind: 'computed', metric: v.metric, filters: {}, dimensions: v.dimension ? [v.dimension] : [] },
          targets: v.target.trim() ? [{ period: currentYear(), value: toNumber(v.target) }] : [],
        };
        add.mutate({ path: `/${seg(programmeId)}/indicators`, body }, { onSuccess: () => { form.reset(); setDone(t('indicator.added')); }, onError: form.showServerErrors });
      }}>
      <SelectField id="computed-node" label={t('indicator.node')} options={nodes.map((n) => ({ value: n.id, label: `${n.code} ${n.title}` }))} {...form.bind('nodeId')} />
      <TextField id="computed-code" label={t('indicator.code')} dir="ltr" {...form.bind('code')} />
      <TextField id="computed-name" label={t('indicator.name')} {...form.bind('name')} />
      <SelectField id="computed-metric" label={t('indicator.metric')} placeholder={t('indicator.chooseMetric')} options={metrics.map((m) => ({ value: m.id, label: pickLabel(m.labels, i18n.language) }))} {...form.bind('metric')} />
      <SelectField id="computed-dimension" label={t('indicator.dimension')} options={[{ value: '', label: t('indicator.noBreakdown') }, ...dimensions.map((d) => ({ value: d.id, label: pickLabel(d.labels, i18n.language) }))]} {...form.bind('dimension')} />
      <SelectField id="computed-direction" label={t('indicator.direction')} options={(['increase', 'decrease'] as const).map((d) => ({ value: d, label: t(`directions.${d}`) }))} {...form.bind('direction')} />
      <TextField id="computed-target" label={t('indicator.targetFor', { period: currentYear() })} inputMode="decimal" dir="ltr" {...form.bind('target')} />
    </FormShell>
  );
}

/** Adds an indicator whose values are entered by hand, with evidence, and approved by someone else. */
export function ManualIndicatorForm({ orgId, programmeId, nodes }: { orgId: string; programmeId: string; nodes: TNode[] }) {
  const { t } = useProgrammesTranslation();
  const add = useProgrammeMutation(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const form = useForm({
    initial: { nodeId: nodes.find((n) => n.level === 'output')?.id ?? nodes[0]?.id ?? '', code: '', name: '', unit: 'number', frequency: 'year', target: '' },
    issuePaths: { nodeId: 'nodeId', code: 'code', name: 'name', unit: 'unit', frequency: 'frequency', 'targets.0.value': 'target' },
  });
  const v = form.values;
  return (
    <FormShell form={form} label={t('indicator.addManual')} error={add.error} busy={add.isPending} submitLabel={t('indicator.submit')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        if (!form.check({ code: required(v.code), name: required(v.name), target: v.target.trim() === '' || NUMBER.test(v.target.trim()) ? undefined : t('form.number') })) return;
        const body = {
          nodeId: v.nodeId, code: v.code.trim(), name: v.name.trim(), unit: v.unit, direction: 'increase', frequency: v.frequency, definition: { kind: 'manual' },
          targets: v.target.trim() && v.frequency === 'year' ? [{ period: currentYear(), value: toNumber(v.target) }] : [],
        };
        add.mutate({ path: `/${seg(programmeId)}/indicators`, body }, { onSuccess: () => { form.reset(); setDone(t('indicator.added')); }, onError: form.showServerErrors });
      }}>
      <SelectField id="manual-node" label={t('indicator.node')} options={nodes.map((n) => ({ value: n.id, label: `${n.code} ${n.title}` }))} {...form.bind('nodeId')} />
      <TextField id="manual-code" label={t('indicator.code')} dir="ltr" {...form.bind('code')} />
      <TextField id="manual-name" label={t('indicator.name')} {...form.bind('name')} />
      <SelectField id="manual-unit" label={t('indicator.unit')} options={MANUAL_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))} {...form.bind('unit')} />
      <SelectField id="manual-frequency" label={t('indicator.frequency')} options={FREQUENCIES.map((f) => ({ value: f, label: t(`frequencies.${f}`) }))} {...form.bind('frequency')} />
      <TextField id="manual-target" label={t('indicator.targetFor', { period: currentYear() })} inputMode="decimal" dir="ltr" {...form.bind('target')} />
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
