import { useState } from 'react';
import { seg } from '../../api/client.ts';
import { StatusMessage } from '../../components/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useProgrammesTranslation } from './i18n.ts';
import { filterDimensionsOf, IndicatorFilters } from './indicator-filters.tsx';
import { filtersOf, pickLabel } from './labels.ts';
import { useMetricChoices, useProgrammeMutation } from './queries.ts';
import { firstTargetRows, readTargets, type TFrequency, type TRowProblem, type TTargetRow } from './targets.ts';
import { IndicatorReportingFields, useBaselineReader } from './indicator-reporting-fields.tsx';
import type { TCatalogDimension, TNode } from './types.ts';

const unitOfMetric = (metric: { unit: string; measure: string }) => (metric.measure === 'shareWithinTarget' ? 'percent' : metric.unit);

/**
 * Adds an indicator computed by the statistics engine from a metric of the catalog: filters and
 * an optional breakdown as on the statistics page, how often it is reported, its baseline, data
 * source and targets for several periods.
 */
export function ComputedIndicatorForm({ orgId, programmeId, nodes }: { orgId: string; programmeId: string; nodes: TNode[] }) {
  const { t, i18n } = useProgrammesTranslation();
  const catalog = useMetricChoices(orgId);
  const add = useProgrammeMutation(orgId);
  const { required } = useValidators();
  const readBaseline = useBaselineReader();
  const [done, setDone] = useState('');
  const [ticked, setTicked] = useState<Record<string, string[]>>({});
  const [rows, setRows] = useState<TTargetRow[]>(() => firstTargetRows('year'));
  const [problems, setProblems] = useState<(TRowProblem | null)[]>([]);
  const form = useForm({
    initial: { nodeId: nodes.find((n) => n.level === 'outcome')?.id ?? nodes[0]?.id ?? '', code: '', name: '', definitionText: '', metric: '', dimension: '', direction: 'increase', frequency: 'year', baseline: '', baselinePeriod: '', dataSource: '' },
    issuePaths: {
      nodeId: 'nodeId', code: 'code', name: 'name', definitionText: 'definitionText', 'definition.metric': 'metric', unit: 'metric', 'definition.dimensions.0': 'dimension', direction: 'direction', frequency: 'frequency',
      baseline: 'baseline', baselinePeriod: 'baselinePeriod', dataSource: 'dataSource',
    },
  });
  const v = form.values;
  const frequency = v.frequency as TFrequency;
  // Rates need one country and year per cell and a population figure: the engine refuses them as indicators.
  const metrics = (catalog.data?.metrics ?? []).filter((m) => m.measure !== 'rate');
  const metric = metrics.find((m) => m.id === v.metric);
  const dimensions = (metric?.dimensions ?? []).map((id) => catalog.data?.dimensions.find((d) => d.id === id)).filter((d): d is TCatalogDimension => d !== undefined);

  function handleSubmit() {
    const read = readTargets(frequency, rows);
    setProblems(read.problems);
    const { baseline, problems: baselineProblems } = readBaseline(v);
    const ok = form.check({
      code: required(v.code), name: required(v.name), metric: required(v.metric),
      ...baselineProblems,
    });
    if (!ok || read.problems.some(Boolean) || !metric || !catalog.data) return;
    const body = {
      nodeId: v.nodeId, code: v.code.trim(), name: v.name.trim(), definitionText: v.definitionText.trim() || null, unit: unitOfMetric(metric), direction: v.direction, frequency,
      baseline, baselinePeriod: v.baselinePeriod.trim() || null,
      ...(v.dataSource.trim() ? { dataSource: v.dataSource.trim() } : {}),
      definition: { kind: 'computed', metric: metric.id, filters: filtersOf(ticked, filterDimensionsOf(catalog.data, metric).map((d) => d.id)), dimensions: v.dimension ? [v.dimension] : [] },
      targets: read.targets,
    };
    add.mutate({ path: `/${seg(programmeId)}/indicators`, body }, {
      onSuccess: () => { form.reset(); setTicked({}); setRows(firstTargetRows('year')); setProblems([]); setDone(t('indicator.added')); },
      onError: form.showServerErrors,
    });
  }

  return (
    <FormShell form={form} label={t('indicator.addComputed')} className="form--wide" error={add.error ?? catalog.error} busy={add.isPending} submitLabel={t('indicator.submit')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={handleSubmit}>
      <SelectField id="computed-node" label={t('indicator.node')} options={nodes.map((n) => ({ value: n.id, label: `${n.code} ${n.title}` }))} {...form.bind('nodeId')} />
      <TextField id="computed-code" label={t('indicator.code')} dir="ltr" className="input--short" {...form.bind('code')} />
      <TextField id="computed-name" label={t('indicator.name')} {...form.bind('name')} />
      <TextAreaField id="computed-definition" label={t('indicator.definitionText')} hint={t('indicator.definitionTextHint')} rows={2} {...form.bind('definitionText')} />
      <SelectField id="computed-metric" label={t('indicator.metric')} hint={metric ? pickLabel(metric.descriptions, i18n.language) : undefined} placeholder={t('indicator.chooseMetric')}
        options={metrics.map((m) => ({ value: m.id, label: pickLabel(m.labels, i18n.language) }))} {...form.bind('metric')}
        onChange={(e) => {
          const next = metrics.find((m) => m.id === e.target.value);
          form.setValue('metric', e.target.value);
          if (v.dimension && !next?.dimensions.includes(v.dimension)) form.setValue('dimension', '');
        }} />
      {catalog.data && <IndicatorFilters id="computed" catalog={catalog.data} metric={metric} ticked={ticked} onChange={setTicked} />}
      <SelectField id="computed-dimension" label={t('indicator.dimension')} options={[{ value: '', label: t('indicator.noBreakdown') }, ...dimensions.map((d) => ({ value: d.id, label: pickLabel(d.labels, i18n.language) }))]} {...form.bind('dimension')} />
      <IndicatorReportingFields id="computed" form={form} rows={rows} onRowsChange={setRows} problems={problems} onProblemsChange={setProblems} />
    </FormShell>
  );
}
