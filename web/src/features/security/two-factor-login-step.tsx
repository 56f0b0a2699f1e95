import { useMutation } from '@tanstack/react-query';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { formatTime } from '../../components/format.ts';
import type { TSessionInfo } from '../../api/types.ts';
import { useSecurityTranslation } from './i18n.ts';
import { completeTwoFactorLogin } from './queries.ts';

type TProps = {
  challengeToken: string;
  /** Stores the session exactly as the password step does when no code is due. */
  onSignedIn: (session: TSessionInfo) => void;
  /** Back to e-mail and password (the challenge expired or was spent). */
  onRestart: () => void;
};

/** The login's second step: a code from the authenticator app, or a recovery code. */
export function TwoFactorLoginStep({ challengeToken, onSignedIn, onRestart }: TProps) {
  const { t, i18n } = useSecurityTranslation();
  const validate = useValidators();
  const verify = useMutation({ mutationFn: (code: string) => completeTwoFactorLogin({ challengeToken, code }) });
  const form = useForm<'code'>({ initial: { code: '' }, issuePaths: { code: 'code' } });
  const reason = isAppError(verify.error) ? verify.error.details.reason : undefined;

  function handleSubmit() {
    verify.reset();
    if (!form.check({ code: validate.required(form.values.code) })) return;
    verify.mutate(form.values.code.trim(), { onSuccess: onSignedIn });
  }

  function message(): string | undefined {
    if (!isAppError(verify.error)) return undefined;
    if (reason === 'TWO_FACTOR_CHALLENGE_INVALID') return t('login.expired');
    if (reason === 'TWO_FACTOR_LOCKED') {
      const until = typeof verify.error.details.retryAfter === 'string' ? new Date(verify.error.details.retryAfter) : new Date();
      return t('login.locked', { time: formatTime(until, i18n.language) });
    }
    if (verify.error.code === 'UNAUTHENTICATED') return t('login.wrongCode');
    return undefined;
  }

  return (
    <section aria-labelledby="two-factor-step-title">
      <h2 id="two-factor-step-title">{t('login.title')}</h2>
      <p>{t('login.intro')}</p>
      <FormShell
        form={form}
        onSubmit={handleSubmit}
        error={verify.error}
        errorMessage={message()}
        busy={verify.isPending}
        submitLabel={t('login.submit')}
        busyLabel={t('login.submitting')}
        autoFocus
        actions={reason === 'TWO_FACTOR_CHALLENGE_INVALID' ? <Button variant="secondary" onClick={onRestart}>{t('login.restart')}</Button> : undefined}
      >
        <TextField id="login-two-factor-code" label={t('login.code')} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} dir="ltr" {...form.bind('code')} />
      </FormShell>
    </section>
  );
}
