import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { CheckboxField } from '../../components/choice-field.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { MAX_EMERGENCY_ACCESS_HOURS, TWO_FACTOR_REQUIREMENTS, type TTwoFactorRequirement } from '../../../../core/security/two-factor-policy.ts';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useSecurityTranslation } from './i18n.ts';
import { DataProtectionSettings } from './data-protection.tsx';
import { useChangeSecurityPolicy, useSecurityPolicy } from './queries.ts';
import type { TSecurityPolicy } from './types.ts';

/** `/settings/security`: who must use two-factor sign-in, how long emergency access lasts, whether identity reads need a purpose. */
export function SecuritySettingsPage() {
  return <RequireOrg>{(active) => <SecuritySettings key={active.organisation.id} active={active} />}</RequireOrg>;
}

function SecuritySettings({ active }: { active: TActiveOrganisation }) {
  const { t } = useSecurityTranslation();
  const orgId = active.organisation.id;
  const policy = useSecurityPolicy(orgId);
  if (!active.permissions.includes('org.configure')) {
    return (
      <Page title={t('policy.title')}>
        <p>{t('policy.notAllowed')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('policy.title')} intro={t('policy.intro')}>
      <Section id="security-policy" title={t('policy.twoFactorRequirement')}>
        {policy.error ? <ErrorAlert error={policy.error} /> : policy.data ? <PolicyForm orgId={orgId} policy={policy.data} /> : <p className="muted">…</p>}
      </Section>
      <DataProtectionSettings orgId={orgId} />
    </Page>
  );
}

type TField = 'twoFactorRequirement' | 'emergencyAccessHours';

function PolicyForm({ orgId, policy }: { orgId: string; policy: TSecurityPolicy }) {
  const { t } = useSecurityTranslation();
  const change = useChangeSecurityPolicy(orgId);
  const [saved, setSaved] = useState(false);
  const [requireAccessPurpose, setRequireAccessPurpose] = useState(policy.requireAccessPurpose);
  const form = useForm<TField>({
    initial: { twoFactorRequirement: policy.twoFactorRequirement, emergencyAccessHours: String(policy.emergencyAccessHours) },
    issuePaths: { twoFactorRequirement: 'twoFactorRequirement', emergencyAccessHours: 'emergencyAccessHours' },
  });

  function handleSubmit() {
    setSaved(false);
    change.reset();
    const hours = Number(form.values.emergencyAccessHours);
    const hoursOk = Number.isInteger(hours) && hours >= 1 && hours <= MAX_EMERGENCY_ACCESS_HOURS;
    if (!form.check({ emergencyAccessHours: hoursOk ? undefined : t('policy.emergencyHoursHint') })) return;
    change.mutate(
      { twoFactorRequirement: form.values.twoFactorRequirement as TTwoFactorRequirement, emergencyAccessHours: hours, requireAccessPurpose },
      { onSuccess: () => setSaved(true), onError: form.showServerErrors },
    );
  }

  return (
    <FormShell form={form} onSubmit={handleSubmit} error={change.error} busy={change.isPending} submitLabel={t('policy.save')} busyLabel={t('policy.saving')}
      before={<StatusMessage>{saved ? t('policy.saved') : null}</StatusMessage>}>
      <SelectField
        id="security-two-factor-requirement"
        label={t('policy.twoFactorRequirement')}
        hint={t('policy.requirementHint')}
        options={TWO_FACTOR_REQUIREMENTS.map((value) => ({ value, label: t(`policy.requirements.${value}`) }))}
        {...form.bind('twoFactorRequirement')}
      />
      <TextField id="security-emergency-hours" label={t('policy.emergencyHours')} hint={t('policy.emergencyHoursHint')} type="number" min={1} max={MAX_EMERGENCY_ACCESS_HOURS} inputMode="numeric" {...form.bind('emergencyAccessHours')} />
      <CheckboxField id="security-require-access-purpose" label={t('policy.requireAccessPurpose')} hint={t('policy.requireAccessPurposeHint')} checked={requireAccessPurpose}
        onChange={(checked) => { setSaved(false); setRequireAccessPurpose(checked); }} />
    </FormShell>
  );
}
