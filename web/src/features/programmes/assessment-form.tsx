import { useState } from 'react';
import { seg } from '../../api/client.ts';
import { StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxGroup } from '../../components/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useProgrammesTranslation } from './i18n.ts';
import { useProgrammeMutation } from './queries.ts';
import { useEditErrorMessage } from './edit-errors.ts';
import type { TAssessment, TNode } from './types.ts';

const CATEGORIES = ['capacity_building', 'awareness', 'protection_gap'] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;
/** The server's limit (PROGRAMME_LIMITS.findings). */
const MAX_FINDINGS = 50;

type TFinding = { category: string; severity: string; summary: string; outcomeIds: string[] };
const emptyFinding = (): TFinding => ({ category: 'capacity_building', severity: 'medium', summary: '', outcomeIds: [] });

/**
 * Records a needs assessment of a region or sector with several findings, each linked to the
 * outcomes of the programme it informs; given an assessment, edits it (its findings replaced as a whole).
 */
export function AssessmentForm({ orgId, programmeId, nodes, assessment }: { orgId: string; programmeId: string; nodes: TNode[]; assessment?: TAssessment }) {
  const { t } = useProgrammesTranslation();
  const record = useProgrammeMutation(orgId);
  const errorMessage = useEditErrorMessage(record.error);
  const prefix = assessment ? `assessment-${assessment.id}` : 'assessment';
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const [findings, setFindings] = useState<TFinding[]>(() => (assessment ? assessment.findings.map((f) => ({ ...f, outcomeIds: [...f.outcomeIds] })) : [emptyFinding()]));
  const [summaryErrors, setSummaryErrors] = useState<(string | undefined)[]>([]);
  const outcomes = nodes.filter((n) => n.level === 'outcome');
  const form = useForm({
    initial: assessment ? { scope: assessment.scope, area: assessment.area, assessedOn: assessment.assessedOn.slice(0, 10) } : { scope: 'region', area: '', assessedOn: new Date().toISOString().slice(0, 10) },
    issuePaths: { scope: 'scope', area: 'area', assessedOn: 'assessedOn' },
  });
  const v = form.values;
  const update = (index: number, change: Partial<TFinding>) => setFindings((list) => list.map((f, i) => (i === index ? { ...f, ...change } : f)));
  return (
    <FormShell form={form} label={assessment ? t('assessments.edit', { area: assessment.area }) : t('assessments.record')} className="form--wide" error={record.error} errorMessage={errorMessage} busy={record.isPending}
      submitLabel={assessment ? t('edit.save') : t('assessments.submit')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        const errors = findings.map((f) => required(f.summary));
        setSummaryErrors(errors);
        if (!form.check({ area: required(v.area), assessedOn: required(v.assessedOn) }) || errors.some(Boolean)) return;
        const body = {
          scope: v.scope, area: v.area.trim(), assessedOn: v.assessedOn,
          findings: findings.map((f) => ({ category: f.category, severity: f.severity, summary: f.summary.trim(), outcomeIds: f.outcomeIds })),
        };
        if (assessment) {
          record.mutate({ method: 'PATCH', path: `/${seg(programmeId)}/needs-assessments/${seg(assessment.id)}`, body: { expectedVersion: assessment.version, ...body } }, {
            onSuccess: () => setDone(t('edit.saved')), onError: form.showServerErrors,
          });
          return;
        }
        record.mutate({ path: `/${seg(programmeId)}/needs-assessments`, body }, {
          onSuccess: () => { form.reset(); setFindings([emptyFinding()]); setSummaryErrors([]); setDone(t('assessments.recorded')); },
          onError: form.showServerErrors,
        });
      }}>
      <SelectField id={`${prefix}-scope`} label={t('assessments.scope')} options={(['region', 'sector'] as const).map((s) => ({ value: s, label: t(`assessments.scopes.${s}`) }))} {...form.bind('scope')} />
      <TextField id={`${prefix}-area`} label={t('assessments.area')} {...form.bind('area')} />
      <TextField id={`${prefix}-on`} type="date" label={t('assessments.assessedOn')} {...form.bind('assessedOn')} />
      {outcomes.length === 0 && <p className="muted">{t('assessments.noOutcomes')}</p>}
      {findings.map((finding, index) => {
        const id = `${prefix}-finding-${index}`;
        return (
          <fieldset key={index} className="fieldset finding">
            <legend className="fieldset__legend">{t('assessments.finding', { number: index + 1 })}</legend>
            <SelectField id={`${id}-category`} label={t('assessments.category')} value={finding.category} onChange={(e) => update(index, { category: e.target.value })}
              options={CATEGORIES.map((c) => ({ value: c, label: t(`assessments.categories.${c}`) }))} />
            <SelectField id={`${id}-severity`} label={t('assessments.severity')} value={finding.severity} onChange={(e) => update(index, { severity: e.target.value })}
              options={SEVERITIES.map((s) => ({ value: s, label: t(`assessments.severities.${s}`) }))} />
            <TextAreaField id={`${id}-summary`} label={t('assessments.summary')} rows={3} value={finding.summary} error={summaryErrors[index]} onChange={(e) => update(index, { summary: e.target.value })} />
            {outcomes.length > 0 && (
              <CheckboxGroup id={`${id}-outcomes`} legend={t('assessments.outcomes')} hint={t('assessments.outcomesHint')} values={finding.outcomeIds} onChange={(outcomeIds) => update(index, { outcomeIds })}
                options={outcomes.map((o) => ({ value: o.id, label: `${o.code} ${o.title}` }))} />
            )}
            {findings.length > 1 && (
              <Button variant="secondary" onClick={() => { setFindings((list) => list.filter((_f, i) => i !== index)); setSummaryErrors([]); }}>
                {t('assessments.removeFinding', { number: index + 1 })}
              </Button>
            )}
          </fieldset>
        );
      })}
      {findings.length < MAX_FINDINGS && (
        <p><Button variant="secondary" onClick={() => setFindings((list) => [...list, emptyFinding()])}>{t('assessments.addFinding')}</Button></p>
      )}
    </FormShell>
  );
}
