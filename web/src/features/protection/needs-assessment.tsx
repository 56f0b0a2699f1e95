import { useState } from 'react';
import { CheckboxGroup } from '../../components/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useProtectionTranslation } from './i18n.ts';
import { today, useLabels } from './labels.ts';
import { GOAL_DOMAINS, NEED_LEVELS, type TGoalDomain, type TNeedsAssessment } from './plan-types.ts';

/**
 * The needs assessment of a recovery plan: a level of need per area (only the areas discussed),
 * a note each and a summary, in the survivor's and the worker's words. Saving it makes a new
 * plan version like any other change.
 */

export function NeedsAssessmentView({ assessment }: { assessment: TNeedsAssessment }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  if (assessment.needs.length === 0 && !assessment.summary) return <p>{t('plan.needs.empty')}</p>;
  return (
    <>
      <p className="muted">{t('plan.needs.assessedOn')}: <bdi>{assessment.assessedOn}</bdi></p>
      {assessment.needs.length > 0 && (
        <ul className="protection-list">
          {assessment.needs.map((need) => (
            <li key={need.domain}>
              <strong>{labels.domain(need.domain)}</strong>: {labels.needLevel(need.level)}
              {need.note && <> — <bdi>{need.note}</bdi></>}
            </li>
          ))}
        </ul>
      )}
      {assessment.summary && <p className="plan-summary"><bdi>{assessment.summary}</bdi></p>}
    </>
  );
}

type TField = 'assessedOn' | 'summary' | 'changeNote' | `level_${TGoalDomain}` | `note_${TGoalDomain}`;

function initialValues(assessment: TNeedsAssessment | null): Record<TField, string> {
  const values: Record<string, string> = { assessedOn: today(), summary: assessment?.summary ?? '', changeNote: '' };
  for (const domain of GOAL_DOMAINS) {
    const need = assessment?.needs.find((n) => n.domain === domain);
    values[`level_${domain}`] = need?.level ?? '';
    values[`note_${domain}`] = need?.note ?? '';
  }
  return values as Record<TField, string>;
}

type TSubmit = (change: { needsAssessment: TNeedsAssessment; chosenDomains: string[] | undefined; changeNote: string | null }, done: () => void, fail: (error: unknown) => void) => void;

/**
 * Enters or updates the assessment, starting from the latest one (the parent keys it by plan
 * version, so it starts again from each new version). Without a plan yet, the survivor's chosen
 * areas are asked here too (a plan always has at least one).
 */
export function NeedsAssessmentForm({ current, chooseDomains, busy, onSubmit }: { current: TNeedsAssessment | null; chooseDomains: boolean; busy: boolean; onSubmit: TSubmit }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const { required } = useValidators();
  const [domains, setDomains] = useState<string[]>([]);
  const [domainsError, setDomainsError] = useState<string | undefined>();
  const form = useForm<TField>({
    initial: initialValues(current),
    issuePaths: { 'needsAssessment.assessedOn': 'assessedOn', 'needsAssessment.summary': 'summary', changeNote: 'changeNote' },
  });
  const v = form.values;
  return (
    <FormShell form={form} label={t('plan.needs.title')} error={null} busy={busy} submitLabel={t('plan.needs.save')} busyLabel={t('common.saving')}
      onSubmit={() => {
        const errors: Partial<Record<TField, string | undefined>> = { assessedOn: required(v.assessedOn) };
        for (const domain of GOAL_DOMAINS) {
          if (v[`note_${domain}`].trim() && !v[`level_${domain}`]) errors[`level_${domain}`] = t('plan.needs.noteNeedsLevel');
        }
        const domainsMissing = chooseDomains && domains.length === 0 ? t('plan.chooseDomain') : undefined;
        setDomainsError(domainsMissing);
        if (!form.check(errors) || domainsMissing) return;
        const needs = GOAL_DOMAINS.filter((domain) => v[`level_${domain}`]).map((domain) => ({ domain, level: v[`level_${domain}`], note: v[`note_${domain}`].trim() || null }));
        onSubmit(
          { needsAssessment: { assessedOn: v.assessedOn, needs, summary: v.summary.trim() || null }, chosenDomains: chooseDomains ? domains : undefined, changeNote: v.changeNote.trim() || null },
          () => undefined, form.showServerErrors,
        );
      }}>
      <p className="field__hint">{t('plan.needs.hint')}</p>
      {chooseDomains && (
        <CheckboxGroup id="needs-domains" legend={t('plan.domains')} hint={t('plan.domainsHint')} error={domainsError} values={domains} onChange={setDomains}
          options={GOAL_DOMAINS.map((d) => ({ value: d, label: labels.domain(d) }))} />
      )}
      <TextField id="needs-assessed-on" type="date" label={t('plan.needs.assessedOn')} {...form.bind('assessedOn')} />
      {GOAL_DOMAINS.map((domain) => (
        <fieldset key={domain} className="plan-need">
          <legend>{labels.domain(domain)}</legend>
          <div className="protection-row">
            <SelectField id={`need-level-${domain}`} label={t('plan.needs.level')} placeholder={t('plan.needs.notAssessed')}
              options={NEED_LEVELS.map((level) => ({ value: level, label: labels.needLevel(level) }))} {...form.bind(`level_${domain}`)} />
            <TextField id={`need-note-${domain}`} label={t('plan.needs.note')} {...form.bind(`note_${domain}`)} />
          </div>
        </fieldset>
      ))}
      <TextAreaField id="needs-summary" label={t('plan.needs.summary')} rows={3} {...form.bind('summary')} />
      <TextField id="needs-change-note" label={t('plan.changeNote')} {...form.bind('changeNote')} />
    </FormShell>
  );
}
