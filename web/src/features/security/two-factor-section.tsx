import { Suspense, useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { Section } from '../../components/page.tsx';
import { useSecurityTranslation } from './i18n.ts';
import { useConfirmEnrolment, useDisableTwoFactor, useRegenerateRecoveryCodes, useStartEnrolment, useTwoFactorStatus } from './queries.ts';
import type { TEnrolment } from './types.ts';
import { blockingError } from '../../components/errors.ts';

/** The SVG from the server as an image: no markup is injected into the page (strict CSP allows data: images). */
function qrImageSource(svg: string): string {
  return `data:image/svg+xml;base64,${window.btoa(svg)}`;
}

/**
 * The account's two-factor section: set up (QR code, key, first code), the recovery codes shown
 * once, and turning it off with password and code.
 */
export function TwoFactorSection() {
  const { t } = useSecurityTranslation();
  const status = useTwoFactorStatus();
  const start = useStartEnrolment();
  // Held here, not in the confirmation form: once enrolled, the status refetch replaces that form,
  // and the recovery codes must stay on screen until the user says they stored them.
  const confirm = useConfirmEnrolment();
  const regenerate = useRegenerateRecoveryCodes();
  const recoveryCodes = confirm.data?.recoveryCodes ?? regenerate.data?.recoveryCodes ?? null;
  const [notice, setNotice] = useState<string | null>(null);

  if (status.isPending) return <p className="muted">…</p>;
  const statusError = blockingError(status);
  if (statusError || status.data === undefined) return <ErrorAlert error={statusError} />;

  if (recoveryCodes) {
    return (
      <div id="two-factor-recovery">
        <StatusMessage>{regenerate.data ? t('twoFactor.recoveryRegenerated') : t('twoFactor.enabled')}</StatusMessage>
        <h3>{t('twoFactor.recoveryTitle')}</h3>
        <p>{t('twoFactor.recoveryIntro')}</p>
        <ul dir="ltr">
          {recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <Button onClick={() => { confirm.reset(); regenerate.reset(); }}>{t('twoFactor.recoverySaved')}</Button>
      </div>
    );
  }

  const { enabled, requiredBy, recoveryCodesLeft } = status.data;
  return (
    <div>
      <p>{t('twoFactor.intro')}</p>
      <StatusMessage>{notice}</StatusMessage>
      {!enabled && requiredBy.length > 0 && <StatusMessage tone="warning">{t('twoFactor.requiredNotice')}</StatusMessage>}
      <p>{enabled ? t('twoFactor.statusOn', { left: recoveryCodesLeft }) : t('twoFactor.statusOff')}</p>
      {enabled ? (
        <>
          <RegenerateRecoveryCodesForm regenerate={regenerate} />
          <DisableTwoFactorForm onDone={() => setNotice(t('twoFactor.disabled'))} />
        </>
      ) : start.data ? (
        <ConfirmEnrolment enrolment={start.data} confirm={confirm} onConfirmed={() => { setNotice(null); start.reset(); }} />
      ) : (
        <>
          <ErrorAlert error={start.error} />
          <Button busy={start.isPending} busyLabel={t('twoFactor.starting')} onClick={() => { setNotice(null); start.mutate(); }}>
            {t('twoFactor.start')}
          </Button>
        </>
      )}
    </div>
  );
}

function ConfirmEnrolment({ enrolment, confirm, onConfirmed }: { enrolment: TEnrolment; confirm: ReturnType<typeof useConfirmEnrolment>; onConfirmed: () => void }) {
  const { t } = useSecurityTranslation();
  const form = useForm<'code'>({ initial: { code: '' }, issuePaths: { code: 'code' } });

  function handleSubmit() {
    confirm.reset();
    if (!form.check({ code: /^\s*\d{3}\s?\d{3}\s*$/.test(form.values.code) ? undefined : t('login.wrongCode') })) return;
    confirm.mutate(form.values.code.replace(/\s/g, ''), { onSuccess: onConfirmed, onError: form.showServerErrors });
  }

  return (
    <div>
      <p>{t('twoFactor.scan')}</p>
      <img src={qrImageSource(enrolment.qrSvg)} alt={t('twoFactor.qrAlt')} width={220} height={220} />
      <dl className="details">
        <div>
          <dt>{t('twoFactor.secretLabel')}</dt>
          <dd>
            <code dir="ltr" id="two-factor-secret">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </dd>
        </div>
      </dl>
      <FormShell form={form} onSubmit={handleSubmit} error={confirm.error} errorMessage={confirm.error ? t('login.wrongCode') : undefined} busy={confirm.isPending} submitLabel={t('twoFactor.confirm')} busyLabel={t('twoFactor.confirming')}>
        <TextField id="two-factor-code" label={t('twoFactor.code')} inputMode="numeric" autoComplete="one-time-code" dir="ltr" {...form.bind('code')} />
      </FormShell>
    </div>
  );
}

/** A fresh set of recovery codes (the old ones stop working): password and a code from the app. */
function RegenerateRecoveryCodesForm({ regenerate }: { regenerate: ReturnType<typeof useRegenerateRecoveryCodes> }) {
  const { t } = useSecurityTranslation();
  const validate = useValidators();
  const form = useForm<'password' | 'code'>({ initial: { password: '', code: '' }, issuePaths: { password: 'password', code: 'code' } });

  function handleSubmit() {
    regenerate.reset();
    if (!form.check({ password: validate.required(form.values.password), code: /^\s*\d{3}\s?\d{3}\s*$/.test(form.values.code) ? undefined : t('login.wrongCode') })) return;
    regenerate.mutate({ password: form.values.password, code: form.values.code.replace(/\s/g, '') }, { onSuccess: () => form.reset(), onError: form.showServerErrors });
  }

  return (
    <details className="disclosure">
      <summary>{t('twoFactor.regenerateTitle')}</summary>
      <p>{t('twoFactor.regenerateIntro')}</p>
      <FormShell form={form} onSubmit={handleSubmit} error={regenerate.error} busy={regenerate.isPending} submitLabel={t('twoFactor.regenerate')} busyLabel={t('twoFactor.regenerating')}>
        <TextField id="two-factor-regenerate-password" label={t('twoFactor.password')} type="password" autoComplete="current-password" dir="ltr" {...form.bind('password')} />
        <TextField id="two-factor-regenerate-code" label={t('twoFactor.code')} inputMode="numeric" autoComplete="one-time-code" dir="ltr" {...form.bind('code')} />
      </FormShell>
    </details>
  );
}

function DisableTwoFactorForm({ onDone }: { onDone: () => void }) {
  const { t } = useSecurityTranslation();
  const disable = useDisableTwoFactor();
  const validate = useValidators();
  const form = useForm<'password' | 'code'>({ initial: { password: '', code: '' }, issuePaths: { password: 'password', code: 'code' } });

  function handleSubmit() {
    disable.reset();
    if (!form.check({ password: validate.required(form.values.password), code: validate.required(form.values.code) })) return;
    disable.mutate({ password: form.values.password, code: form.values.code.trim() }, { onSuccess: () => { form.reset(); onDone(); }, onError: form.showServerErrors });
  }

  return (
    <details className="disclosure">
      <summary>{t('twoFactor.disableTitle')}</summary>
      <FormShell form={form} onSubmit={handleSubmit} error={disable.error} busy={disable.isPending} submitLabel={t('twoFactor.disable')} busyLabel={t('twoFactor.disabling')}>
        <TextField id="two-factor-disable-password" label={t('twoFactor.password')} type="password" autoComplete="current-password" dir="ltr" {...form.bind('password')} />
        <TextField id="two-factor-disable-code" label={t('twoFactor.codeOrRecovery')} autoComplete="one-time-code" dir="ltr" {...form.bind('code')} />
      </FormShell>
    </details>
  );
}

/** The account page's section (its strings load on first use, without holding up the page). */
export function TwoFactorAccountSection() {
  return (
    <Suspense fallback={null}>
      <TwoFactorAccountSectionTitled />
    </Suspense>
  );
}

function TwoFactorAccountSectionTitled() {
  const { t } = useSecurityTranslation();
  return (
    <Section id="account-two-factor" title={t('twoFactor.title')}>
      <TwoFactorSection />
    </Section>
  );
}
