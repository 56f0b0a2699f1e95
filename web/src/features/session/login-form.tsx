import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { hasErrors, useFormErrors, useValidators } from '../../components/form.ts';
import { fieldErrorsFromIssues } from '../../components/errors.ts';
import { formatTime } from '../../components/format.ts';
import { useLogin } from './queries.ts';

type TField = 'email' | 'password';
const ISSUE_PATHS = { email: 'email', password: 'password' } as const;

/** Email + password sign-in. Wrong credentials (401) and lock-out (429) get their own wording. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const validate = useValidators();
  const login = useLogin();
  const { formRef, errors, show } = useFormErrors<TField>();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.reset();
    const next = { email: validate.email(email), password: validate.required(password) };
    show(next);
    if (hasErrors(next)) return;
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: onSignedIn, onError: (error) => show(fieldErrorsFromIssues(error, ISSUE_PATHS)) },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      <ErrorAlert error={login.error} fieldPaths={ISSUE_PATHS} message={loginMessage(login.error)} />
      <TextField
        id="login-email"
        label={t('login.email')}
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        dir="ltr"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
      />
      <TextField
        id="login-password"
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        dir="ltr"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <div className="form__actions">
        <Button type="submit" busy={login.isPending} busyLabel={t('login.submitting')}>
          {t('login.submit')}
        </Button>
      </div>
    </form>
  );

  function loginMessage(error: unknown): string | undefined {
    if (!isAppError(error)) return undefined;
    if (error.code === 'UNAUTHENTICATED') return t('login.invalidCredentials');
    if (error.code === 'RATE_LIMITED') {
      const until = typeof error.details.retryAfter === 'string' ? new Date(error.details.retryAfter) : null;
      if (!until || Number.isNaN(until.getTime())) return t('login.rateLimited');
      return t('login.rateLimitedUntil', { time: formatTime(until, i18n.language) });
    }
    return undefined;
  }
}
