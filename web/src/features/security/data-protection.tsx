import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { Section } from '../../components/page.tsx';
import { useActiveOrg } from '../session/active-org.tsx';
import { useSecurityTranslation } from './i18n.ts';
import { blockingError } from '../../components/errors.ts';
import {
  downloadCaseExport, EXPORT_PURPOSES, LEGAL_HOLD_REASONS, useChangeRetentionPolicy, useEraseCase, useKeyRotations, useLegalHold, useLegalHoldCommands,
  useRetentionPolicy, useStartKeyRotation,
} from './data-protection-queries.ts';

/**
 * Data protection on the security settings page (org.configure): when identities are anonymised
 * after closure, exports of identifying data (export.identifying) and data-key rotation.
 */
export function DataProtectionSettings({ orgId }: { orgId: string }) {
  const { t } = useSecurityTranslation();
  const { can } = useActiveOrg();
  return (
    <>
      <Section id="retention-policy" title={t('dataProtection.retentionTitle')}><RetentionForm orgId={orgId} /></Section>
      {can('export.identifying') && <Section id="identifying-export" title={t('dataProtection.exportTitle')}><ExportForm orgId={orgId} /></Section>}
      <Section id="key-rotation" title={t('dataProtection.keysTitle')}><KeyRotations orgId={orgId} /></Section>
    </>
  );
}

function RetentionForm({ orgId }: { orgId: string }) {
  const { t } = useSecurityTranslation();
  const policy = useRetentionPolicy(orgId);
  const policyError = blockingError(policy);
  if (policyError) return <ErrorAlert error={policyError} />;
  if (!policy.data) return <p className="muted">…</p>;
  return <RetentionFields orgId={orgId} days={policy.data.anonymiseAfterDays} label={t('dataProtection.retentionTitle')} />;
}

function RetentionFields({ orgId, days, label }: { orgId: string; days: number | null; label: string }) {
  const { t } = useSecurityTranslation();
  const change = useChangeRetentionPolicy(orgId);
  const [saved, setSaved] = useState(false);
  const form = useForm<'days'>({ initial: { days: days === null ? '' : String(days) }, issuePaths: { anonymiseAfterDays: 'days' } });
  function submit() {
    setSaved(false);
    const text = form.values.days.trim();
    const value = text === '' ? null : Number(text);
    if (!form.check({ days: value === null || (Number.isInteger(value) && value >= 1 && value <= 36500) ? undefined : t('dataProtection.retentionHint') })) return;
    change.mutate(value, { onSuccess: () => setSaved(true), onError: form.showServerErrors });
  }
  return (
    <FormShell form={form} label={label} onSubmit={submit} error={change.error} busy={change.isPending} submitLabel={t('dataProtection.retentionSave')} busyLabel={t('policy.saving')}
      before={<><p>{t('dataProtection.retentionIntro')}</p><StatusMessage>{saved ? t('dataProtection.retentionSaved') : null}</StatusMessage></>}>
      <TextField id="retention-days" label={t('dataProtection.retentionDays')} hint={t('dataProtection.retentionHint')} type="number" min={1} max={36500} inputMode="numeric" {...form.bind('days')} />
    </FormShell>
  );
}

function ExportForm({ orgId }: { orgId: string }) {
  const { t } = useSecurityTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm<'password' | 'purpose'>({ initial: { password: '', purpose: EXPORT_PURPOSES[0] }, issuePaths: { password: 'password', purpose: 'purpose' } });
  async function submit() {
    setDone(false);
    setError(null);
    if (!form.check({ password: form.values.password.length >= 12 ? undefined : t('dataProtection.exportPasswordHint') })) return;
    setBusy(true);
    try {
      await downloadCaseExport(orgId, { password: form.values.password, purpose: form.values.purpose });
      setDone(true);
      form.setValue('password', '');
    } catch (caught) {
      setError(caught);
      form.showServerErrors(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <FormShell form={form} label={t('dataProtection.exportTitle')} onSubmit={() => void submit()} error={error} busy={busy} submitLabel={t('dataProtection.exportSubmit')} busyLabel={t('dataProtection.working')}
      before={<><p>{t('dataProtection.exportIntro')}</p><StatusMessage>{done ? t('dataProtection.exportDone') : null}</StatusMessage></>}>
      <SelectField id="export-purpose" label={t('dataProtection.exportPurpose')} options={EXPORT_PURPOSES.map((value) => ({ value, label: t(`dataProtection.purposes.${value}`) }))} {...form.bind('purpose')} />
      <TextField id="export-password" label={t('dataProtection.exportPassword')} hint={t('dataProtection.exportPasswordHint')} type="password" autoComplete="new-password" {...form.bind('password')} />
    </FormShell>
  );
}

function KeyRotations({ orgId }: { orgId: string }) {
  const { t, i18n } = useSecurityTranslation();
  const rotations = useKeyRotations(orgId);
  const start = useStartKeyRotation(orgId);
  const running = rotations.data?.some((r) => r.status === 'running') ?? false;
  return (
    <>
      <p>{t('dataProtection.keysIntro')}</p>
      <ErrorAlert error={rotations.error ?? start.error} />
      <button type="button" className="button" disabled={running || start.isPending} onClick={() => start.mutate()}>
        {running || start.isPending ? t('dataProtection.working') : t('dataProtection.keysStart')}
      </button>
      {rotations.data && rotations.data.length > 0 && (
        <table className="table">
          <thead><tr><th scope="col">{t('dataProtection.keysVersion')}</th><th scope="col">{t('dataProtection.keysState')}</th><th scope="col">{t('dataProtection.keysRows')}</th><th scope="col">{t('dataProtection.keysStarted')}</th></tr></thead>
          <tbody>
            {rotations.data.map((rotation) => (
              <tr key={rotation.id}>
                <td>{rotation.toVersion}</td>
                <td>{t(`dataProtection.keyStates.${rotation.status}`)}</td>
                <td>{rotation.rowsReencrypted.toLocaleString(i18n.language)}</td>
                <td>{new Date(rotation.startedAt).toLocaleString(i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** On the case page: the legal hold (case.legalHold) and erasure on request (person.erase, closed cases). */
export function CaseDataProtection({ orgId, caseId, reference, status }: { orgId: string; caseId: string; reference: string; status: string }) {
  const { t } = useSecurityTranslation();
  const { can } = useActiveOrg();
  const hold = useLegalHold(orgId, caseId);
  const commands = useLegalHoldCommands(orgId, caseId);
  const erase = useEraseCase(orgId, caseId);
  const [reason, setReason] = useState<string>(LEGAL_HOLD_REASONS[0]);
  const [typed, setTyped] = useState('');
  const [erased, setErased] = useState(false);
  if (!can('case.legalHold') && !can('person.erase')) return null;
  return (
    <Section id="case-data-protection" title={t('dataProtection.caseTitle')}>
      <ErrorAlert error={hold.error ?? commands.place.error ?? commands.lift.error} />
      {hold.data ? (
        <p>{t('dataProtection.holdOn', { reason: t(`dataProtection.holdReasons.${hold.data.reason as (typeof LEGAL_HOLD_REASONS)[number]}`) })}</p>
      ) : hold.data === null ? <p className="muted">{t('dataProtection.holdOff')}</p> : null}
      {can('case.legalHold') && hold.data === null && (
        <div className="inline-form">
          <SelectField id="legal-hold-reason" label={t('dataProtection.holdReason')} options={LEGAL_HOLD_REASONS.map((value) => ({ value, label: t(`dataProtection.holdReasons.${value}`) }))} value={reason} onChange={(event) => setReason(event.target.value)} />
          <button type="button" className="button" disabled={commands.place.isPending} onClick={() => commands.place.mutate(reason)}>{t('dataProtection.holdPlace')}</button>
        </div>
      )}
      {can('case.legalHold') && hold.data && (
        <button type="button" className="button button--secondary" disabled={commands.lift.isPending} onClick={() => commands.lift.mutate()}>{t('dataProtection.holdLift')}</button>
      )}
      {can('person.erase') && status === 'closed' && !erased && (
        <form className="stack" aria-label={t('dataProtection.eraseTitle')} noValidate onSubmit={(event) => { event.preventDefault(); erase.mutate(typed.trim(), { onSuccess: () => setErased(true) }); }}>
          <h3>{t('dataProtection.eraseTitle')}</h3>
          <p>{t('dataProtection.eraseIntro', { reference })}</p>
          <ErrorAlert error={erase.error} />
          <TextField id="erase-confirm" label={t('dataProtection.eraseConfirm')} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
          <button type="submit" className="button button--danger" disabled={erase.isPending || typed.trim() !== reference}>{t('dataProtection.eraseSubmit')}</button>
        </form>
      )}
      <StatusMessage>{erased ? t('dataProtection.erased') : null}</StatusMessage>
    </Section>
  );
}
