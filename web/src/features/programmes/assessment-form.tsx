import { useState } from 'react';
import { seg } from '../../api/client.ts';
import { StatusMessage } from '../../components/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useProgrammesTranslation } from './i18n.ts';
import { useProgrammeMutation } from './queries.ts';
import type { TNode } from './types.ts';

const CATEGORIES = ['capacity_building', 'awareness', 'protection_gap'] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;

/** Records a needs assessment of a region or sector with one finding, linked to an outcome it informs. */
export function AssessmentForm({ orgId, programmeId, nodes }: { orgId: string; programmeId: string; nodes: TNode[] }) {
  const { t } = useProgrammesTranslation();
  const record = useProgrammeMutation(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const outcomes = nodes.filter((n) => n.level === 'outcome');
  const form = useForm({
    initial: { scope: 'region', area: '', assessedOn: new Date().toISOString().slice(0, 10), category: 'capacity_building', severity: 'medium', summary: '', outcomeId: '' },
    issuePaths: { scope: 'scope', area: 'area', assessedOn: 'assessedOn', 'findings.0.category': 'category', 'findings.0.severity': 'severity', 'findings.0.summary': 'summary', 'findings.0.outcomeIds.0': 'outcomeId' },
  });
  const v = form.values;
  return (
    <FormShell form={form} label={t('assessments.record')} error={record.error} busy={record.isPending} submitLabel={t('assessments.submit')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        if (!form.check({ area: required(v.area), summary: required(v.summary), assessedOn: required(v.assessedOn) })) return;
        const body = {
          scope: v.scope, area: v.area.trim(), assessedOn: v.assessedOn,
          findings: [{ category: v.category, severity: v.severity, summary: v.summary.trim(), outcomeIds: v.outcomeId ? [v.outcomeId] : [] }],
        };
        record.mutate({ path: `/${seg(programmeId)}/needs-assessments`, body }, { onSuccess: () => { form.reset(); setDone(t('assessments.recorded')); }, onError: form.showServerErrors });
      }}>
      <SelectField id="assessment-scope" label={t('assessments.scope')} options={(['region', 'sector'] as const).map((s) => ({ value: s, label: t(`assessments.scopes.${s}`) }))} {...form.bind('scope')} />
      <TextField id="assessment-area" label={t('assessments.area')} {...form.bind('area')} />
      <TextField id="assessment-on" type="date" label={t('assessments.assessedOn')} {...form.bind('assessedOn')} />
      <SelectField id="assessment-category" label={t('assessments.category')} options={CATEGORIES.map((c) => ({ value: c, label: t(`assessments.categories.${c}`) }))} {...form.bind('category')} />
      <SelectField id="assessment-severity" label={t('assessments.severity')} options={SEVERITIES.map((s) => ({ value: s, label: t(`assessments.severities.${s}`) }))} {...form.bind('severity')} />
      <TextAreaField id="assessment-summary" label={t('assessments.summary')} rows={3} {...form.bind('summary')} />
      <SelectField id="assessment-outcome" label={t('assessments.outcome')} options={[{ value: '', label: t('assessments.noOutcome') }, ...outcomes.map((o) => ({ value: o.id, label: `${o.code} ${o.title}` }))]} {...form.bind('outcomeId')} />
    </FormShell>
  );
}
