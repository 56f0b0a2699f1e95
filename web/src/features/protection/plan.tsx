import { useState } from 'react';
import { PlanDocumentsPanel } from '../documents/plan-documents-panel.tsx';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { useActiveOrg } from '../session/active-org.tsx';
import { useProtectionTranslation } from './i18n.ts';
import { today, useLabels } from './labels.ts';
import { NeedsAssessmentForm, NeedsAssessmentView } from './needs-assessment.tsx';
import { GoalForm } from './plan-goal-form.tsx';
import { GoalList } from './plan-goals.tsx';
import { PlanHistory } from './plan-history.tsx';
import { useGoalOwners, usePlan, useReviewPlan, useSavePlan } from './plan-queries.ts';
import { PlanApprovalSetting } from './plan-settings.tsx';
import { goalInput, planBody, type TPlanChange } from './plan-types.ts';

/**
 * The recovery and social-inclusion plan of a case: the needs assessment, goals in the domains
 * the survivor chose, in their own words, with owner, review date and status. Every save is a new
 * version (the history keeps each one); where the organisation requires it, a supervisor approves
 * or returns the latest one.
 */
export function PlanBlock({ orgId, caseId, canEdit }: { orgId: string; caseId: string; canEdit: boolean }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const { can } = useActiveOrg();
  const plan = usePlan(orgId, caseId);
  const save = useSavePlan(orgId, caseId);
  const review = useReviewPlan(orgId, caseId);
  const owners = useGoalOwners(orgId, canEdit);
  const [status, setStatus] = useState('');
  // Each form starts afresh after its own save, not after any save: a colleague's change or an
  // edited goal must not wipe a needs assessment or a new goal half written in the survivor's words.
  const [needsFormKey, setNeedsFormKey] = useState(0);
  const [newGoalFormKey, setNewGoalFormKey] = useState(0);
  const current = plan.data?.plan?.current ?? null;
  const latestVersion = plan.data?.plan?.latestVersion ?? 0;

  function saveWith(change: TPlanChange, done: () => void, fail: (error: unknown) => void) {
    setStatus('');
    save.mutate(planBody(current, latestVersion, change, today()), { onSuccess: () => { setStatus(t('plan.saved')); done(); }, onError: fail });
  }
  const goals = current?.goals.map(goalInput) ?? [];

  return (
    <div className="protection-block">
      <h3>{t('plan.title')}</h3>
      <ErrorAlert error={plan.error ?? review.error ?? owners.error} />
      <StatusMessage>{status}</StatusMessage>
      {plan.data && !current && <p>{t('plan.empty')}</p>}
      {current && (
        <>
          <p>
            {t('plan.version', { version: String(current.version) })} · {labels.approval(current.approvalStatus)}
            {plan.data?.requiresApproval ? ` · ${t('plan.approvalRequired')}` : ''}
          </p>
          <p>{t('plan.domains')}: {current.chosenDomains.map(labels.domain).join(', ')}</p>
          <h4>{t('plan.needs.title')}</h4>
          <NeedsAssessmentView assessment={current.needsAssessment} />
          <h4>{t('plan.goals')}</h4>
          <GoalList goals={current.goals} idPrefix="goal-edit" editing={canEdit ? {
            chosen: current.chosenDomains, owners: owners.data ?? [], busy: save.isPending,
            onSubmit: (change, done, fail) => saveWith({ goals: goals.map((g) => (g.id === change.goal.id ? change.goal : g)), changeNote: change.changeNote }, done, fail),
          } : undefined} />
          {plan.data?.plan?.abilities['plan.approve'] && current.approvalStatus === 'pending' && (
            <div className="form__actions">
              <Button busy={review.isPending} busyLabel={t('common.working')} onClick={() => review.mutate({ version: current.version, decision: 'approved' }, { onSuccess: () => setStatus(t('plan.approved')) })}>{t('plan.approve')}</Button>
              <Button variant="secondary" busy={review.isPending} busyLabel={t('common.working')} onClick={() => review.mutate({ version: current.version, decision: 'returned' }, { onSuccess: () => setStatus(t('plan.returned')) })}>{t('plan.return')}</Button>
            </div>
          )}
        </>
      )}
      <ErrorAlert error={save.error} />
      {canEdit && plan.data && (
        <details className="disclosure">
          <summary>{current && (current.needsAssessment.needs.length > 0 || current.needsAssessment.summary) ? t('plan.needs.edit') : t('plan.needs.record')}</summary>
          <NeedsAssessmentForm key={needsFormKey} current={current?.needsAssessment ?? null} chooseDomains={!current} busy={save.isPending}
            onSubmit={(change, done, fail) => saveWith({ needsAssessment: change.needsAssessment, ...(change.chosenDomains ? { chosenDomains: change.chosenDomains } : {}), changeNote: change.changeNote }, () => { done(); setNeedsFormKey((k) => k + 1); }, fail)} />
        </details>
      )}
      {canEdit && plan.data && (
        <details className="disclosure">
          <summary>{current ? t('plan.addGoal') : t('plan.start')}</summary>
          <GoalForm key={newGoalFormKey} idPrefix="goal-new" label={t('plan.addGoal')} submitLabel={t('plan.save')} chosen={current?.chosenDomains ?? []} owners={owners.data ?? []} busy={save.isPending}
            onSubmit={(change, done, fail) => saveWith({ chosenDomains: change.chosenDomains, goals: [...goals, change.goal], changeNote: change.changeNote }, () => { done(); setNewGoalFormKey((k) => k + 1); }, fail)} />
        </details>
      )}
      {current && <PlanHistory orgId={orgId} caseId={caseId} />}
      {can('org.configure') && plan.data && <PlanApprovalSetting orgId={orgId} requiresApproval={plan.data.requiresApproval} />}
      <PlanDocumentsPanel orgId={orgId} caseId={caseId} />
    </div>
  );
}
