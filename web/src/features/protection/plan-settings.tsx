import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/choice-field.tsx';
import { useProtectionTranslation } from './i18n.ts';
import { useSetPlanApproval } from './plan-queries.ts';

/**
 * Whether the organisation's plan versions take effect only once a supervisor approves them
 * (org.configure). Shown with the plan, where the rule matters; it applies to versions saved
 * from now on.
 */
export function PlanApprovalSetting({ orgId, requiresApproval }: { orgId: string; requiresApproval: boolean }) {
  const { t } = useProtectionTranslation();
  const save = useSetPlanApproval(orgId);
  const [choice, setChoice] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');
  const value = choice ?? requiresApproval;
  return (
    <details className="disclosure">
      <summary>{t('plan.settings.title')}</summary>
      <p>{requiresApproval ? t('plan.settings.currentRequired') : t('plan.settings.currentNotRequired')}</p>
      <ErrorAlert error={save.error} />
      <StatusMessage>{status}</StatusMessage>
      <CheckboxField id="plan-approval-required" label={t('plan.settings.require')} hint={t('plan.settings.hint')} checked={value} onChange={(next) => { setChoice(next); setStatus(''); }} />
      <div className="form__actions">
        <Button busy={save.isPending} busyLabel={t('common.saving')} disabled={value === requiresApproval}
          onClick={() => save.mutate(value, { onSuccess: () => setStatus(t('plan.settings.saved')) })}>
          {t('plan.settings.save')}
        </Button>
      </div>
    </details>
  );
}
