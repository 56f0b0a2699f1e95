import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { CheckboxGroup } from '../../components/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useProtectionTranslation } from './i18n.ts';
import { useLabels } from './labels.ts';
import { GOAL_DOMAINS, GOAL_OWNER_KINDS, GOAL_STATUSES, type TGoal, type TGoalInput } from './plan-types.ts';

type TOwnerOption = { userId: string; displayName: string };
export type TGoalSubmit = (change: { chosenDomains: string[]; goal: TGoalInput; changeNote: string | null }, done: () => void, fail: (error: unknown) => void) => void;

type TProps = {
  /** Form ids and the accessible name tell apart the add form and each goal's edit form. */
  idPrefix: string;
  label: string;
  submitLabel: string;
  /** The areas the survivor chose so far; the add form lets them change (the first goal starts the plan). */
  chosen: string[];
  /** The goal being edited; absent when adding one. */
  goal?: TGoal;
  owners: readonly TOwnerOption[];
  busy: boolean;
  onSubmit: TGoalSubmit;
  onCancel?: () => void;
};

/**
 * One goal, in the survivor's own words: its area, who owns it (the survivor, a worker, a
 * provider, shared) and optionally which member is responsible, the review date and status.
 */
export function GoalForm({ idPrefix, label, submitLabel, chosen, goal, owners, busy, onSubmit, onCancel }: TProps) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const { required } = useValidators();
  const [domains, setDomains] = useState<string[]>(chosen);
  const [domainsError, setDomainsError] = useState<string | undefined>();
  const form = useForm({
    initial: {
      domain: goal?.domain ?? '', survivorWords: goal?.survivorWords ?? '', owner: goal?.owner.kind ?? 'shared', ownerUserId: goal?.owner.userId ?? '',
      reviewOn: goal?.reviewOn ?? '', status: goal?.status ?? 'not_started', changeNote: '',
    },
    issuePaths: { survivorWords: 'survivorWords', reviewOn: 'reviewOn', changeNote: 'changeNote', chosenDomains: 'domain', owner: 'owner', 'owner.userId': 'ownerUserId', status: 'status' },
  });
  const v = form.values;
  const id = (name: string) => `${idPrefix}-${name}`;
  // A member named on an older version who has left still shows, so saving does not silently drop them.
  const ownerOptions = [...owners];
  if (goal?.owner.userId && !owners.some((o) => o.userId === goal.owner.userId)) ownerOptions.push({ userId: goal.owner.userId, displayName: goal.owner.displayName ?? goal.owner.userId });
  return (
    <FormShell form={form} label={label} error={null} busy={busy} submitLabel={submitLabel} busyLabel={t('common.saving')} autoFocus={Boolean(goal)}
      actions={onCancel && <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>}
      onSubmit={() => {
        const domainsMissing = goal ? undefined : domains.length ? undefined : t('plan.chooseDomain');
        setDomainsError(domainsMissing);
        const ok = form.check({ domain: domains.includes(v.domain) ? undefined : t('plan.domainNotChosen'), survivorWords: required(v.survivorWords), reviewOn: required(v.reviewOn) });
        if (!ok || domainsMissing) return;
        onSubmit({
          chosenDomains: domains,
          goal: {
            ...(goal ? { id: goal.id } : {}), domain: v.domain, survivorWords: v.survivorWords.trim(), description: goal?.description ?? null,
            owner: { kind: v.owner, userId: v.ownerUserId || null }, reviewOn: v.reviewOn, status: v.status,
          },
          changeNote: v.changeNote.trim() || null,
        }, () => { if (!goal) form.reset(); }, form.showServerErrors);
      }}>
      {!goal && (
        <CheckboxGroup id={id('domains')} legend={t('plan.domains')} hint={t('plan.domainsHint')} error={domainsError} values={domains} onChange={setDomains}
          options={GOAL_DOMAINS.map((d) => ({ value: d, label: labels.domain(d) }))} />
      )}
      <SelectField id={id('domain')} label={t('plan.goalDomain')} placeholder={t('common.choose')} options={domains.map((d) => ({ value: d, label: labels.domain(d) }))} {...form.bind('domain')} />
      <TextAreaField id={id('words')} label={t('plan.survivorWords')} hint={t('plan.survivorWordsHint')} rows={3} {...form.bind('survivorWords')} />
      <div className="protection-row">
        <SelectField id={id('owner')} label={t('plan.owner')} options={GOAL_OWNER_KINDS.map((o) => ({ value: o, label: labels.owner(o) }))} {...form.bind('owner')} />
        <SelectField id={id('owner-member')} label={t('plan.ownerMember')} placeholder={t('plan.ownerNone')}
          options={ownerOptions.map((o) => ({ value: o.userId, label: o.displayName }))} {...form.bind('ownerUserId')} />
      </div>
      <div className="protection-row">
        <TextField id={id('review')} type="date" label={t('plan.reviewOn')} {...form.bind('reviewOn')} />
        <SelectField id={id('status')} label={t('plan.goalStatus')} options={GOAL_STATUSES.map((s) => ({ value: s, label: labels.goalStatus(s) }))} {...form.bind('status')} />
      </div>
      <TextField id={id('note')} label={t('plan.changeNote')} {...form.bind('changeNote')} />
    </FormShell>
  );
}
