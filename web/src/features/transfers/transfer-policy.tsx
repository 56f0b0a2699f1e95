import { Suspense, useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/choice-field.tsx';
import { Section } from '../../components/page.tsx';
import { useProtectionTranslation } from '../protection/i18n.ts';
import { useSetTransferPolicy, useTransferPolicy } from './queries.ts';

/**
 * Whether the organisation keeps read access to the cases it transfers (org.configure). The
 * server fixes the answer on each transfer when it is accepted, so a change applies from now on.
 */
export function TransferPolicySection({ orgId }: { orgId: string }) {
  return (
    <Suspense fallback={null}>
      <TransferPolicy orgId={orgId} />
    </Suspense>
  );
}

function TransferPolicy({ orgId }: { orgId: string }) {
  const { t } = useProtectionTranslation();
  const policy = useTransferPolicy(orgId);
  const save = useSetTransferPolicy(orgId);
  const [choice, setChoice] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');
  const keep = choice ?? policy.data?.keepReadAccess ?? false;
  return (
    <Section id="transfer-policy" title={t('transferPolicy.title')}>
      <p>{t('transferPolicy.intro')}</p>
      <ErrorAlert error={policy.error ?? save.error} />
      <StatusMessage>{status}</StatusMessage>
      {policy.data && (
        <>
          <p>{policy.data.keepReadAccess ? t('transferPolicy.currentKeep') : t('transferPolicy.currentEnd')}</p>
          <CheckboxField id="transfer-policy-keep" label={t('transferPolicy.keep')} hint={t('transferPolicy.hint')} checked={keep} onChange={(value) => { setChoice(value); setStatus(''); }} />
          <div className="form__actions">
            <Button busy={save.isPending} busyLabel={t('common.saving')} disabled={keep === policy.data.keepReadAccess}
              onClick={() => save.mutate({ keepReadAccess: keep }, { onSuccess: () => { setChoice(null); setStatus(t('transferPolicy.saved')); } })}>
              {t('transferPolicy.save')}
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}
