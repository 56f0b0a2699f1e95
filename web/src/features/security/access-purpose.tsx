import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { ACCESS_PURPOSES, type TAccessPurpose } from '../../../../core/security/access-purpose.ts';
import { SelectField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { Section } from '../../components/page.tsx';
import { caseKeys } from '../cases/queries.ts';
import { rememberAccessPurpose } from './access-purpose-store.ts';
import { useSecurityTranslation } from './i18n.ts';

/** Whether a failed case load is the organisation asking why the reader opens the identity. */
export function isAccessPurposeRequired(error: unknown): boolean {
  return isAppError(error) && error.code === 'DOMAIN_RULE_VIOLATED' && error.details.reason === 'ACCESS_PURPOSE_REQUIRED';
}

/**
 * Asks the reader why they open the case (the organisation's security policy requires it). The
 * chosen code is remembered for this case during the session, sent with every load of the case
 * and recorded in the access log. Renders nothing for any other error.
 */
export function AccessPurposePrompt({ orgId, caseId, error }: { orgId: string; caseId: string; error: unknown }) {
  if (!isAccessPurposeRequired(error)) return null;
  return <AccessPurposeForm orgId={orgId} caseId={caseId} />;
}

function AccessPurposeForm({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useSecurityTranslation();
  // Purpose names live in the main namespace: the audit log shows them too.
  const { t: tMain } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<'purpose'>({ initial: { purpose: '' }, issuePaths: { purpose: 'purpose' } });

  function handleSubmit() {
    if (!form.check({ purpose: form.values.purpose ? undefined : t('accessPurpose.choose') })) return;
    rememberAccessPurpose(orgId, caseId, form.values.purpose as TAccessPurpose);
    void queryClient.invalidateQueries({ queryKey: caseKeys.detail(orgId, caseId) });
  }

  return (
    <Section id="case-access-purpose" title={t('accessPurpose.title')}>
      <p>{t('accessPurpose.intro')}</p>
      <FormShell form={form} onSubmit={handleSubmit} error={null} busy={false} submitLabel={t('accessPurpose.open')} busyLabel={t('accessPurpose.open')}>
        <SelectField
          id="access-purpose"
          label={t('accessPurpose.label')}
          placeholder={t('accessPurpose.choose')}
          options={ACCESS_PURPOSES.map((value) => ({ value, label: tMain(`accessPurposes.${value}`) }))}
          {...form.bind('purpose')}
        />
      </FormShell>
    </Section>
  );
}
