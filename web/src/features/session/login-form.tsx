import { useTranslation } from 'react-i18next';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { formatTime } from '../../components/format.ts';
import { Suspense, useState } from 'react';
import { api } from '../../api/client.ts';
import { navigate } from '../../router.tsx';
import { TwoFactorLoginStep } from '../security/two-factor-login-step.tsx';
import type { TTwoFactorStatus } from '../security/types.ts';
import { useLogin, useStartSession } from './queries.ts';

type TField = 'email' | 'password';
const ISSUE_PATHS = { email: 'email', password: 'password' } as const satisfies Record<string, TField>;
const EMPTY: Record<TField, string> = { email: '', password: '' };

/** Email + password sign-in. Wrong credentials (401) and lock-out (429) get their own wording. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const validate = useValidators();
  const login = useLogin();
  const form = useForm<TField>({ initial: EMPTY, issuePaths: ISSUE_PATHS });
  const { values, bind } = form;
  const startSession = useStartSession();
  const [challengeToken, setChallengeToken] = useState<string | null>(null);

  /** A member whose organisation requires two-factor sign-in and who has not set it up goes to enrol first. */
  async function handleSignedIn() {
    const status = await api.get<TTwoFactorStatus>('/api/account/two-factor').catch(() => null);
    if (status && !status.enabled && status.requiredBy.length > 0) navigate('/account', { replace: true });
    else onSignedIn();
  }

  function handleSubmit() {
    login.reset();
    if (!form.check({ email: validate.email(values.email), password: validate.required(values.password) })) return;
    login.mutate({ email: values.email.trim(), password: values.password }, {
      onSuccess: (result) => ('challengeToken' in result ? setChallengeToken(result.challengeToken) : void handleSignedIn()),
      onError: form.showServerErrors,
    });
  }

  if (challengeToken) {
    // The step's strings are a lazy namespace: wait for them here, not at the app's root.
    return (
      <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        <TwoFactorLoginStep
          challengeToken={challengeToken}
          onSignedIn={(session) => { startSession(session); onSignedIn(); }}
          onRestart={() => { setChallengeToken(null); login.reset(); }}
        />
      </Suspense>
    );
  }

  return (
    <FormShell
      form={form}
      onSubmit={handleSubmit}
      error={login.error}
      errorMessage={loginMessage(login.error)}
      busy={login.isPending}
      submitLabel={t('login.submit')}
      busyLabel={t('login.submitting')}
    >
      <TextField
        id="login-email"
        label={t('login.email')}
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        dir="ltr"
        {...bind('email')}
      />
      <TextField id="login-password" label={t('login.password')} type="password" autoComplete="current-password" dir="ltr" {...bind('password')} />
    </FormShell>
  );

  function loginMessage(error: unknown): string | undefined {
    if (!isAppError(error)) return undefined;
    // The right temporary password, but too late: say so, or the person would keep retrying it.
    if (error.details.reason === 'TEMPORARY_PASSWORD_EXPIRED') return t('errors.reasons.TEMPORARY_PASSWORD_EXPIRED');
    if (error.code === 'UNAUTHENTICATED') return t('login.invalidCredentials');
    if (error.code === 'RATE_LIMITED') {
      const until = typeof error.details.retryAfter === 'string' ? new Date(error.details.retryAfter) : null;
      if (!until || Number.isNaN(until.getTime())) return t('login.rateLimited');
      return t('login.rateLimitedUntil', { time: formatTime(until, i18n.language) });
    }
    return undefined;
  }
}
