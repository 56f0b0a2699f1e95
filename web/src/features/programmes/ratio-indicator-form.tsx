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
import { firstTargetRows, parseNumber, readTargets, type TFrequency, type TRowProblem, type TTargetRow } from './targets.ts';
import { IndicatorReportingFields, useBaselineReader } from './indicator-reporting-fields.tsx';
import type { TCatalog, TNode } from './types.ts';

/** The server's largest scale (core/programmes/ratio.ts MAX_RATIO_SCALE). */
const MAX_SCALE = 1_000_000;

/**
 * Adds a ratio indicator: one count metric over another, times a scale, e.g. convictions for
 * trafficking per 100 persons identified. Both terms are counted by the statistics engine for the
 * report's period and protected there first; the ratio is worked out from published totals only.
 */
export function RatioIndicatorForm({ orgId, programmeId, nodes }: { orgId: string; programmeId: string; nodes: TNode[] }) {
  const { t, i18n } = useProgrammesTranslation();
  const catalog = useMetricChoices(orgId);
  const add = useProgrammeMutation(orgId);
  const { required } = useValidators();
  const readBaseline = useBaselineReader();
  const [done, setDone] = useState('');
  const [numeratorFilters, setNumeratorFilters] = useState<Record<string, string[]>>({});
  const [denominatorFilters, setDenominatorFilters] = useState<Record<string, string[]>>({});
  const [rows, setRows] = useState<TTargetRow[]>(() => firstTargetRows('year'));
  const [problems, setProblems] = useState<(TRowProblem | null)[]>([]);
  const form = useForm({
    initial: { nodeId: nodes.find((n) => n.level === 'outcome')?.id ?? nodes[0]?.id ?? '', code: '', name: '', definitionText: '', numerator: '', denominator: '', scale: '100', direction: 'increase', frequency: 'year', baseline: '', baselinePeriod: '', dataSource: '' },
    issuePaths: {
      nodeId: 'nodeId', code: 'code', name: 'name', definitionText: 'definitionText', 'definition.numerator.metric': 'numerator', 'definition.numerator': 'numerator', 'definition.denominator.metric': 'denominator', 'definition.denominator': 'denominator',
      'definition.scale': 'scale', unit: 'scale', direction: 'direction', frequency: 'frequency', baseline: 'baseline', baselinePeriod: 'baselinePeriod', dataSource: 'dataSource',
    },
  });
  const v = form.values;
  const frequency = v.frequency as TFrequency;
  // Only counts divide meaningfully (a median or a share over another number means nothing).
  const counts = (catalog.data?.metrics ?? []).filter((m) => m.measure === 'count');
  const options = counts.map((m) => ({ value: m.id, label: pickLabel(m.labels, i18n.language) }));
  const numerator = counts.find((m) => m.id === v.numerator);
  const denominator = counts.find((m) => m.id === v.denominator);
  const term = (data: TCatalog, metric: typeof numerator, ticked: Record<string, string[]>) => ({ metric: metric!.id, filters: filtersOf(ticked, filterDimensionsOf(data, metric).map((d) => d.id)) });

  function handleSubmit() {
    const read = readTargets(frequency, rows);
    setProblems(read.problems);
    const scale = parseNumber(v.scale);
    const { baseline, problems: baselineProblems } = readBaseline(v);
    const ok = form.check({
      code: required(v.code), name: required(v.name), numerator: required(v.numerator), denominator: required(v.denominator),
      scale: scale === null || scale <= 0 || scale > MAX_SCALE ? t('ratio.scaleInvalid', { max: MAX_SCALE }) : undefined,
      ...baselineProblems,
    });
    if (!ok || read.problems.some(Boolean) || !catalog.data || !numerator || !denominator || scale === null) return;
    const body = {
      nodeId: v.nodeId, code: v.code.trim(), name: v.name.trim(), definitionText: v.definitionText.trim() || null, unit: 'number', direction: v.direction, frequency,
      baseline, baselinePeriod: v.baselinePeriod.trim() || null, ...(v.dataSource.trim() ? { dataSource: v.dataSource.trim() } : {}),
      definition: { kind: 'ratio', numerator: term(catalog.data, numerator, numeratorFilters), denominator: term(catalog.data, denominator, denominatorFilters), scale },
      targets: read.targets,
    };
    add.mutate({ path: `/${seg(programmeId)}/indicators`, body }, {
      onSuccess: () => { form.reset(); setNumeratorFilters({}); setDenominatorFilters({}); setRows(firstTargetRows('year')); setProblems([]); setDone(t('indicator.added')); },
      onError: form.showServerErrors,
    });
  }

  return (
    <FormShell form={form} label={t('ratio.add')} className="form--wide" error={add.error ?? catalog.error} busy={add.isPending} submitLabel={t('indicator.submit')} busyLabel={t('common.saving')} before={<><StatusMessage>{done}</StatusMessage><p className="muted">{t('ratio.intro')}</p></>}
      onSubmit={handleSubmit}>
      <SelectField id="ratio-node" label={t('indicator.node')} options={nodes.map((n) => ({ value: n.id, label: `${n.code} ${n.title}` }))} {...form.bind('nodeId')} />
      <TextField id="ratio-code" label={t('indicator.code')} dir="ltr" className="input--short" {...form.bind('code')} />
      <TextField id="ratio-name" label={t('indicator.name')} {...form.bind('name')} />
      <TextAreaField id="ratio-definition" label={t('indicator.definitionText')} hint={t('indicator.definitionTextHint')} rows={2} {...form.bind('definitionText')} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('ratio.numerator')}</legend>
        <SelectField id="ratio-numerator" label={t('ratio.numeratorMetric')} placeholder={t('indicator.chooseMetric')} options={options} {...form.bind('numerator')} />
        {catalog.data && <IndicatorFilters id="ratio-numerator" catalog={catalog.data} metric={numerator} ticked={numeratorFilters} onChange={setNumeratorFilters} />}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('ratio.denominator')}</legend>
        <SelectField id="ratio-denominator" label={t('ratio.denominatorMetric')} placeholder={t('indicator.chooseMetric')} options={options} {...form.bind('denominator')} />
        {catalog.data && <IndicatorFilters id="ratio-denominator" catalog={catalog.data} metric={denominator} ticked={denominatorFilters} onChange={setDenominatorFilters} />}
      </fieldset>
      <TextField id="ratio-scale" label={t('ratio.scale')} hint={t('ratio.scaleHint')} inputMode="decimal" dir="ltr" className="input--short" {...form.bind('scale')} />
      <IndicatorReportingFields id="ratio" form={form} rows={rows} onRowsChange={setRows} problems={problems} onProblemsChange={setProblems} />
    </FormShell>
  );
}
