import { useState } from 'react';
import { StatusMessage } from '../../components/alert.tsx';
import { SelectField } from '../../components/field.tsx';
import { useForm } from '../../components/form.ts';
import { FormShell } from '../../components/form-shell.tsx';
import { useSettingsTranslation } from './i18n.ts';
import { useChangeNrmProfile } from './queries.ts';
import type { TJurisdictionProfile } from './types.ts';

type TProfileSelectFormProps = {
  orgId: string;
  /** The newest version of every profile. */
  profiles: TJurisdictionProfile[];
  /** The profile the organisation uses now. */
  current: TJurisdictionProfile;
};

/** Chooses the jurisdiction profile for the organisation's new cases; open cases keep the one they started under. */
export function ProfileSelectForm({ orgId, profiles, current }: TProfileSelectFormProps) {
  const { t } = useSettingsTranslation();
  const change = useChangeNrmProfile(orgId);
  /** What the last submit did, shown in the status region (in the current language). */
  const [outcome, setOutcome] = useState<{ kind: 'unchanged' } | { kind: 'changed'; name: string; version: string } | null>(null);
  const form = useForm<'profile'>({ initial: { profile: current.id }, issuePaths: { jurisdictionProfileId: 'profile' } });

  function handleSubmit() {
    setOutcome(null);
    if (!form.check({ profile: form.values.profile ? undefined : t('select.required') })) return;
    if (form.values.profile === current.id) {
      setOutcome({ kind: 'unchanged' });
      return;
    }
    change.mutate(form.values.profile, {
      onSuccess: ({ jurisdictionProfile }) => setOutcome({ kind: 'changed', name: jurisdictionProfile.name, version: jurisdictionProfile.version }),
      onError: (error) => form.showServerErrors(error),
    });
  }

  return (
    <FormShell
      form={form}
      onSubmit={handleSubmit}
      error={change.error}
      busy={change.isPending}
      submitLabel={t('select.submit')}
      busyLabel={t('select.submitting')}
      label={t('select.title')}
      before={<p className="form__intro">{t('select.existingCases')}</p>}
    >
      <SelectField
        id="nrm-profile"
        label={t('select.label')}
        options={profiles.map((p) => ({ value: p.id, label: t('select.option', { name: p.name, id: p.id, version: p.version }) }))}
        {...form.bind('profile')}
      />
      <StatusMessage tone={outcome?.kind === 'unchanged' ? 'neutral' : 'success'}>
        {outcome === null ? null : outcome.kind === 'unchanged' ? t('select.unchanged') : t('select.changed', { name: outcome.name, version: outcome.version })}
      </StatusMessage>
    </FormShell>
  );
}
